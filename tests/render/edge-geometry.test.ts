import { describe, expect, it } from 'vitest';
import { edgeBends, edgeShape } from '../../src/render/edge-geometry.ts';

describe('edgeShape', () => {
  it.each([
    ['horizontal, trimmed at both rims', { x: 0, y: 0 }, { x: 100, y: 0 }, 10, 15, 0, 'M10,0L85,0'],
    ['vertical', { x: 0, y: 0 }, { x: 0, y: 50 }, 5, 5, 0, 'M0,5L0,45'],
    ['gaps larger than the edge stop at its middle', { x: 0, y: 0 }, { x: 10, y: 0 }, 20, 20, 0, 'M5,0L5,0'],
    ['bent to the left of travel', { x: 0, y: 0 }, { x: 100, y: 0 }, 0, 0, 10, 'M0,0Q50,20 100,0'],
  ])('%s', (_name, s, t, sg, tg, bend, d) => {
    expect(edgeShape(s, t, sg, tg, bend).d).toBe(d);
  });

  it('puts the label on the curve, not on the control point', () => {
    expect(edgeShape({ x: 0, y: 0 }, { x: 100, y: 0 }, 0, 0, 10).mid).toEqual({ x: 50, y: 10 });
  });
});

describe('edgeBends', () => {
  it('keeps a lone relation straight and separates a pair in both directions', () => {
    const bends = edgeBends([
      { id: 'a->b', source: 'a', target: 'b' },
      { id: 'b->a', source: 'b', target: 'a' },
      { id: 'a->c', source: 'a', target: 'c' },
    ]);
    expect(bends.get('a->c')).toBe(0);
    const ab = edgeShape({ x: 0, y: 0 }, { x: 100, y: 0 }, 0, 0, bends.get('a->b')!).mid;
    const ba = edgeShape({ x: 100, y: 0 }, { x: 0, y: 0 }, 0, 0, bends.get('b->a')!).mid;
    // Drawn on opposite sides of the line between a and b, so neither hides the other.
    expect(ab.y).not.toBe(0);
    expect(Math.sign(ab.y)).toBe(-Math.sign(ba.y));
  });
});
