import { describe, expect, it } from 'vitest';
import { NODE_SHAPES } from '../../src/core/model/types.ts';
import { shapePath, traceShape } from '../../src/render/shapes.ts';

/** The corners a canvas trace visits, from a recording stand-in for the canvas path. */
function tracedCorners(shape: (typeof NODE_SHAPES)[number], r: number): string[] {
  const corners: string[] = [];
  const record = (x: number, y: number) => corners.push(`${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`);
  const path = { moveTo: record, lineTo: record, arc: () => corners.push('arc'), closePath: () => {} };
  traceShape(path as unknown as Path2D, shape, 0, 0, r);
  return corners;
}

describe('category shapes', () => {
  it.each(NODE_SHAPES.filter((s) => s !== 'circle'))('%s: the SVG and the canvas map draw the same corners', (shape) => {
    const fromSvg = shapePath(shape, 10).slice(1, -1).split('L');
    expect(tracedCorners(shape, 10)).toEqual(fromSvg);
  });

  it('draws a circle as a circle on both', () => {
    expect(shapePath('circle', 5)).toBe('M5,0A5,5 0 1,1 -5,0A5,5 0 1,1 5,0Z');
    expect(tracedCorners('circle', 5)).toEqual(['5,0', 'arc']);
  });

  it('gives every shape a distinct outline', () => {
    expect(new Set(NODE_SHAPES.map((s) => shapePath(s, 10))).size).toBe(NODE_SHAPES.length);
  });
});
