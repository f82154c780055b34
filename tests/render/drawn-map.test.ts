// The drawing while a concept is dragged: made from the drawing before, it keeps the very objects
// of what did not move (so the renderers redraw nothing of it) and is the drawing made afresh.
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/model/types.ts';
import { drawMap, type DrawnMapInput } from '../../src/render/drawn-map.ts';

// A lone concept a, its neighbour b, and a group g listing m1 and m2.
const nodes = [
  { id: 'a', label: 'Local trauma' },
  { id: 'b', label: 'Calcinosis cutis' },
  { id: 'g', label: 'Mouse models' },
  { id: 'm1', label: 'Mgp-deficient mice', parent: 'g' },
  { id: 'm2', label: 'Fetuin-A-deficient mice', parent: 'g' },
];
const relations = [
  { id: 'a-b', source: 'a', target: 'b' },
  { id: 'b-m1', source: 'b', target: 'm1' },
  { id: 'g-b', source: 'g', target: 'b' },
];
const placed: Record<string, Point> = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, g: { x: 600, y: -60 }, m1: { x: 600, y: 0 }, m2: { x: 600, y: 30 } };

function input(moved: Record<string, Point>, labelSize?: number): DrawnMapInput {
  return {
    nodes,
    relations,
    radius: () => 8,
    positions: new Map(Object.entries({ ...placed, ...moved })),
    ...(labelSize !== undefined ? { labelSize } : {}),
    reuse: { bends: new Map(), moving: new Set(Object.keys(moved)) },
  };
}

describe('drawMap from the drawing before', () => {
  it.each([
    ['nothing moved', {}, [], []],
    ['a lone concept moved', { a: { x: 40, y: 90 } }, ['a'], ['a-b']],
    ['a member moved out of its box', { m1: { x: 700, y: 120 } }, ['m1', 'g'], ['b-m1', 'g-b']],
    ['a group moved with its members', { g: { x: 640, y: -20 }, m1: { x: 640, y: 40 }, m2: { x: 640, y: 70 } }, ['g', 'm1', 'm2'], ['b-m1', 'g-b']],
  ] as [string, Record<string, Point>, string[], string[]][])('with %s: the same drawing, and only what changed is new', (_name, moved, newGlyphs, newRuns) => {
    const before = drawMap(input({}));
    const fresh = drawMap(input(moved));
    const kept = drawMap({ ...input(moved), previous: before });
    expect(kept).toEqual(fresh);
    for (const id of nodes.map((n) => n.id)) {
      expect(kept.glyphs.get(id) === before.glyphs.get(id), `glyph ${id} kept`).toBe(!newGlyphs.includes(id));
    }
    for (const { id } of relations) expect(kept.runs.get(id) === before.runs.get(id), `run ${id} kept`).toBe(!newRuns.includes(id));
  });

  it('draws everything afresh at another label size', () => {
    const before = drawMap(input({}));
    const larger = drawMap({ ...input({}, 20), previous: before });
    expect(larger).toEqual(drawMap(input({}, 20)));
    for (const id of nodes.map((n) => n.id)) expect(larger.glyphs.get(id)).not.toBe(before.glyphs.get(id));
  });
});
