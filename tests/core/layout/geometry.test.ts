import { describe, expect, it } from 'vitest';
import { groupBox } from '../../../src/core/layout/geometry.ts';

const members = [
  { at: { x: 100, y: 100 }, label: 'Digital ulcers' },
  { at: { x: 100, y: 116 }, label: 'Osteoporosis' },
  { at: { x: 100, y: 132 }, label: 'Acro-osteolysis' },
];
const contains = (box: { minX: number; minY: number; maxX: number; maxY: number }, p: { x: number; y: number }) =>
  p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;

describe('a group box', () => {
  it('is the same box whether its header is placed above its members or given where the group is', () => {
    const placed = groupBox('Associated features', members)!;
    expect(groupBox('Associated features', members, 1, placed.header)).toEqual(placed);
  });

  it.each<[string, { x: number; y: number }]>([
    ['down, out of the list', { x: 180, y: 260 }],
    ['up, above the header', { x: 60, y: -40 }],
    ['far to the right', { x: 600, y: 110 }],
  ])('keeps its header where the group is when a member is dragged %s, and reaches round it', (_, to) => {
    const header = groupBox('Associated features', members)!.header;
    const moved = [{ ...members[0]!, at: to }, ...members.slice(1)];
    const box = groupBox('Associated features', moved, 1, header)!;
    expect(box.header).toEqual(header);
    for (const m of moved) expect(contains(box, m.at), m.label).toBe(true);
    expect(contains(box, header)).toBe(true);
  });

  it('without a place for the group, heads its members wherever they are', () => {
    const shifted = members.map((m) => ({ ...m, at: { x: m.at.x + 50, y: m.at.y + 30 } }));
    const a = groupBox('Associated features', members)!;
    const b = groupBox('Associated features', shifted)!;
    expect(b.header).toEqual({ x: a.header.x + 50, y: a.header.y + 30 });
  });
});
