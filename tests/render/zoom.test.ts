import { describe, expect, it } from 'vitest';
import { interpolateZoom, wheelDelta, zoomAbout } from '../../src/render/zoom.ts';

describe('pan and zoom arithmetic', () => {
  it('zooms about a point that stays where it is on screen', () => {
    const t = { x: 40, y: -20, k: 0.5 };
    const at = { x: 300, y: 200 };
    const next = zoomAbout(t, 2, at);
    const mapPoint = { x: (at.x - t.x) / t.k, y: (at.y - t.y) / t.k };
    expect(next.k).toBe(2);
    expect(mapPoint.x * next.k + next.x).toBeCloseTo(at.x);
    expect(mapPoint.y * next.k + next.y).toBeCloseTo(at.y);
  });

  it('steps the wheel as d3-zoom does', () => {
    expect(wheelDelta({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(0.2);
    expect(wheelDelta({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(-0.15);
    expect(wheelDelta({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(0.2);
  });

  it('flies between two views, starting and ending exactly on them', () => {
    const from = [100, 100, 800] as const;
    const to = [900, 400, 200] as const;
    const path = interpolateZoom(from, to);
    expect(path(0)).toEqual([100, 100, 800]);
    path(1).forEach((v, i) => expect(v).toBeCloseTo(to[i]!, 6));
    // Zooms out on the way when the views are far apart.
    expect(interpolateZoom([0, 0, 100], [5000, 0, 100])(0.5)[2]).toBeGreaterThan(100);
    const zoomOnly = interpolateZoom([0, 0, 100], [0, 0, 400]);
    expect(zoomOnly(1)[2]).toBeCloseTo(400);
  });
});
