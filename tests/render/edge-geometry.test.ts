import { describe, expect, it } from 'vitest';
import { edgeBends, edgeBendsByIndex, edgeShape } from '../../src/render/edge-geometry.ts';

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

describe('edgeBendsByIndex', () => {
  // Concept ids whose alphabetical order differs from their numbering, so a wrong choice of
  // direction would show as a mirrored bend.
  const ids = ['m', 'c', 'x', 'a'];
  const relations = (pairs: [number, number][]) => pairs.map(([s, t], i) => ({ id: `r${i}`, s, t, source: ids[s]!, target: ids[t]! }));

  it.each([
    ['lone relations', [[0, 1], [1, 2], [2, 3]]],
    ['a pair both ways', [[0, 1], [1, 0], [0, 2]]],
    ['three between the same two, one reversed', [[3, 2], [2, 3], [3, 2], [1, 0]]],
    ['a relation to itself beside others', [[1, 1], [1, 2], [2, 1]]],
  ] as [string, [number, number][]][])('bends %s as edgeBends does', (_name, pairs) => {
    const edges = relations(pairs);
    const expected = edgeBends(edges);
    const bends = edgeBendsByIndex(edges, Int32Array.from(edges.keys()), (i) => ids[i]!);
    // `+ 0` reads a mirrored zero (-0) as the straight line it is.
    expect([...bends].map((b) => b + 0)).toEqual(edges.map((e) => expected.get(e.id)! + 0));
  });

  it('bends only the relations shown', () => {
    const edges = relations([[0, 1], [1, 0], [0, 1]]);
    const bends = edgeBendsByIndex(edges, [0, 2], (i) => ids[i]!);
    expect([...bends].map((b) => b + 0)).toEqual(edges.map((e) => (edgeBends([edges[0]!, edges[2]!]).get(e.id) ?? 0) + 0));
  });
});
