import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipSegment } from '../../src/render/canvas-scene.ts';
import { distanceToSegment, SpatialIndex } from '../../src/render/spatial-index.ts';

/** The nearest item whose disc (grown by slack) holds the point, by looking at every item. */
function bruteForce(coords: Float64Array, radii: Float64Array, x: number, y: number, slack: number, include: (i: number) => boolean) {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < radii.length; i++) {
    if (!include(i)) continue;
    const d = Math.hypot(coords[2 * i]! - x, coords[2 * i + 1]! - y);
    if (d <= radii[i]! + slack && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

describe('SpatialIndex (canvas hit testing)', () => {
  it('finds the concept under the point, nearest centre first, or none', () => {
    const coords = Float64Array.from([0, 0, 30, 0, 1000, -500]);
    const index = new SpatialIndex(coords, Float64Array.from([10, 10, 20]));
    expect(index.hit(2, 3)).toBe(0);
    expect(index.hit(21, 0)).toBe(1);
    expect(index.hit(15, 0)).toBe(-1);
    expect(index.hit(14, 0, 6)).toBe(0);
    expect(index.hit(990, -510)).toBe(2);
    expect(index.hit(500, 500)).toBe(-1);
    expect(index.hit(45, 0)).toBe(-1);
    expect(index.hit(45, 0, 6)).toBe(1);
  });

  it('ignores hidden concepts and ones without a position', () => {
    const coords = Float64Array.from([0, 0, 5, 0, NaN, NaN]);
    const index = new SpatialIndex(coords, 10, (i) => i !== 0);
    expect(index.hit(0, 0)).toBe(1);
    expect(index.hit(NaN, NaN)).toBe(-1);
  });

  it('agrees with looking at every concept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.integer({ min: -3100, max: 3100 }), fc.integer({ min: -3100, max: 3100 })), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (items, queries, slack) => {
          const coords = Float64Array.from(items.flatMap(([x, y]) => [x, y]));
          const radii = Float64Array.from(items.map(([, , r]) => r));
          const include = (i: number) => i % 7 !== 3;
          const index = new SpatialIndex(coords, radii, include, 50);
          for (const [x, y] of queries) {
            const expected = bruteForce(coords, radii, x, y, slack, include);
            const found = index.hit(x, y, slack);
            if (expected === -1) expect(found).toBe(-1);
            else expect(Math.hypot(coords[2 * found]! - x, coords[2 * found + 1]! - y)).toBe(Math.hypot(coords[2 * expected]! - x, coords[2 * expected + 1]! - y));
          }
        },
      ),
    );
  });
});

describe('distanceToSegment', () => {
  it('measures to the nearest point of the segment, ends included', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-4, 3, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(1, 1, 0, 0, 0, 0)).toBeCloseTo(Math.SQRT2);
  });
});

describe('clipSegment (long relations cut to the view)', () => {
  const box = { x0: 0, y0: 0, x1: 100, y1: 100 };
  it('keeps a segment inside, cuts one crossing, drops one outside', () => {
    expect(clipSegment(10, 10, 90, 90, box)).toEqual([0, 1]);
    expect(clipSegment(-100, 50, 200, 50, box)).toEqual([1 / 3, 2 / 3]);
    expect(clipSegment(-10, -10, -5, 200, box)).toBeNull();
    expect(clipSegment(150, 150, 300, 300, box)).toBeNull();
  });
});
