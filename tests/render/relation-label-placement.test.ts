import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/model/types.ts';
import { distanceToRun, type EdgeRun } from '../../src/render/edge-geometry.ts';
import type { Rect } from '../../src/render/map-geometry.ts';
import { placeVerbs, type PlacedVerb, type VerbToPlace } from '../../src/render/relation-label-placement.ts';

type Run = VerbToPlace['run'];
const line = (x1: number, y1: number, x2: number, y2: number, control: Point | null = null): Run => ({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, control });
const verb = (id: string, run: Run, width = 40, height = 12): VerbToPlace => ({ id, run, width, height });
const box = (minX: number, minY: number, maxX: number, maxY: number): Rect => ({ minX, minY, maxX, maxY });

const boxOf = (placed: PlacedVerb, v: VerbToPlace): Rect => ({
  minX: placed.at.x - v.width / 2,
  maxX: placed.at.x + v.width / 2,
  minY: placed.at.y - v.height / 2,
  maxY: placed.at.y + v.height / 2,
});
const overlap = (a: Rect, b: Rect) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
const asRun = (run: Run): EdgeRun => ({ ...run, mid: run.start });
/** How far along its run (0…1, as the curve is drawn) a point on it lies. */
function along(run: Run, p: Point): number {
  let best = { u: 0, d: Infinity };
  for (let i = 0; i <= 1000; i++) {
    const u = i / 1000;
    const c = run.control ?? { x: (run.start.x + run.end.x) / 2, y: (run.start.y + run.end.y) / 2 };
    const q = { x: (1 - u) ** 2 * run.start.x + 2 * (1 - u) * u * c.x + u * u * run.end.x, y: (1 - u) ** 2 * run.start.y + 2 * (1 - u) * u * c.y + u * u * run.end.y };
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    if (d < best.d) best = { u, d };
  }
  return best.u;
}

/** Every placed verb sits on its own line, in its middle stretch, and clear of every other verb and of what was taken. */
function expectReadable(verbs: readonly VerbToPlace[], taken: readonly Rect[], result: ReturnType<typeof placeVerbs>) {
  const byId = new Map(verbs.map((v) => [v.id, v]));
  const boxes = result.placed.map((p) => boxOf(p, byId.get(p.id)!));
  for (const [i, p] of result.placed.entries()) {
    const v = byId.get(p.id)!;
    expect(distanceToRun(p.at, asRun(v.run)), p.id).toBeLessThan(1e-6);
    const u = along(v.run, p.at);
    expect(u, p.id).toBeGreaterThan(0.15);
    expect(u, p.id).toBeLessThan(0.85);
    for (const t of taken) expect(overlap(boxes[i]!, t), `${p.id} over a label or marker`).toBe(false);
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${p.id} over ${result.placed[j]!.id}`).toBe(false);
  }
  // Each verb is either written once or reported as not written.
  expect([...result.placed.map((p) => p.id), ...result.unplaced].sort()).toEqual(verbs.map((v) => v.id).sort());
}

describe('placeVerbs', () => {
  it.each([
    ['a straight line', line(0, 0, 100, 0), { x: 50, y: 0 }],
    ['a slanting line', line(0, 0, 60, 80), { x: 30, y: 40 }],
    // A bent line's middle is on the curve, halfway between the chord and the control point.
    ['a bent line', line(0, 0, 100, 0, { x: 50, y: 40 }), { x: 50, y: 20 }],
  ] as [string, Run, Point][])('writes a lone verb halfway along %s', (_name, run, middle) => {
    const { placed, unplaced } = placeVerbs([verb('r', run)], []);
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.at.x).toBeCloseTo(middle.x);
    expect(placed[0]!.at.y).toBeCloseTo(middle.y);
  });

  it('moves a verb along its own line, not off it, when a label covers the middle', () => {
    const v = verb('r', line(0, 0, 200, 0));
    const label = box(85, -10, 115, 10);
    const result = placeVerbs([v], [label]);
    expect(result.placed).toHaveLength(1);
    expect(result.placed[0]!.at.x).not.toBeCloseTo(100);
    expectReadable([v], [label], result);
  });

  it('keeps the verbs of relations crossing at one concept apart from each other and from the labels', () => {
    // Eight relations through a hub, like spokes, with the hub's marker and label taken.
    const verbs = Array.from({ length: 8 }, (_, i) => {
      const a = (i * Math.PI) / 8;
      return verb(`r${i}`, line(-90 * Math.cos(a), -90 * Math.sin(a), 90 * Math.cos(a), 90 * Math.sin(a)), 36, 11);
    });
    const taken = [box(-6, -6, 6, 6), box(-30, 9, 30, 23)];
    const result = placeVerbs(verbs, taken);
    expectReadable(verbs, taken, result);
    expect(result.placed.length).toBeGreaterThan(1);
  });

  it('reports a verb whose whole line is covered as not written, rather than stacking it', () => {
    const covered = verb('covered', line(0, 0, 100, 0));
    const free = verb('free', line(0, 100, 100, 100));
    const taken = [box(-10, -20, 110, 20)];
    const result = placeVerbs([covered, free], taken);
    expect(result.unplaced).toEqual(['covered']);
    expect(result.placed.map((p) => p.id)).toEqual(['free']);
  });

  it('writes as many verbs of relations drawn on top of one another as fit, and reports the rest', () => {
    const run = line(0, 0, 300, 0);
    const verbs = Array.from({ length: 10 }, (_, i) => verb(`r${i}`, run, 50, 12));
    const result = placeVerbs(verbs, []);
    expectReadable(verbs, [], result);
    expect(result.placed.length).toBeGreaterThan(1);
    expect(result.unplaced.length).toBeGreaterThan(0);
  });

  it('leaves off a verb too long for its short line rather than write it over the markers at its ends', () => {
    const markers = [box(-6, -6, 6, 6), box(34, -6, 46, 6)];
    const result = placeVerbs([verb('long', line(8, 0, 32, 0), 60, 12)], markers);
    expect(result).toEqual({ placed: [], unplaced: ['long'] });
  });

  it('gives the middle to the relation listed first', () => {
    const run = line(0, 0, 200, 0);
    for (const [first, second] of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const { placed } = placeVerbs([verb(first!, run), verb(second!, run)], []);
      const middle = placed.find((p) => p.id === first)!;
      const other = placed.find((p) => p.id === second)!;
      expect(Math.abs(middle.at.x - 100)).toBeLessThan(Math.abs(other.at.x - 100));
    }
  });

  it('places the same verbs in the same spots every time, and leaves the taken boxes as they were', () => {
    const verbs = [verb('a', line(0, 0, 200, 0)), verb('b', line(100, -80, 100, 80)), verb('c', line(0, 0, 200, 0, { x: 100, y: 60 }))];
    const taken = [box(90, -10, 110, 10)];
    const before = structuredClone(taken);
    const first = placeVerbs(verbs, taken);
    expect(placeVerbs(verbs, taken)).toEqual(first);
    expect(taken).toEqual(before);
    expectReadable(verbs, taken, first);
  });
});
