import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/model/types.ts';
import { runBetween, type Rect, type RelationEnd } from '../../src/render/map-geometry.ts';
import { routeRelations, type Obstacle, type RoutedRelation } from '../../src/render/routing.ts';

const box = (minX: number, minY: number, maxX: number, maxY: number): Rect => ({ minX, minY, maxX, maxY });
const end = (x: number, y: number, extra: Partial<RelationEnd> = {}): RelationEnd => ({ at: { x, y }, r: 6, ...extra });
const label = (owner: string, b: Rect): Obstacle => ({ owner, box: b, weight: 3 });

/** A relation from `a` at `from` to `b` at `to`. */
function relation(from: Point, to: Point, bend = 0, more: Partial<RoutedRelation> = {}): RoutedRelation {
  return { source: 'a', target: 'b', from: end(from.x, from.y), to: end(to.x, to.y), bend, own: new Set(['a', 'b']), ...more };
}

/** Points along the drawn run, finely enough that a run crossing a box has one inside it. */
function drawnPoints(r: RoutedRelation, bend: number, n = 400): Point[] {
  const { start: a, end: b, control } = runBetween(r.from, r.to, bend);
  const c = control ?? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return Array.from({ length: n + 1 }, (_, i) => {
    const u = i / n;
    const v = 1 - u;
    return { x: v * v * a.x + 2 * v * u * c.x + u * u * b.x, y: v * v * a.y + 2 * v * u * c.y + u * u * b.y };
  });
}

const inside = (p: Point, b: Rect) => p.x > b.minX && p.x < b.maxX && p.y > b.minY && p.y < b.maxY;
const runsThrough = (r: RoutedRelation, bend: number, b: Rect) => drawnPoints(r, bend).some((p) => inside(p, b));
/** How far the drawn run strays from the straight line between its ends' centres. */
function farthestOff(r: RoutedRelation, bend: number): number {
  const s = r.from.at;
  const t = r.to.at;
  const length = Math.hypot(t.x - s.x, t.y - s.y);
  return Math.max(...drawnPoints(r, bend).map((p) => Math.abs((t.x - s.x) * (p.y - s.y) - (t.y - s.y) * (p.x - s.x)) / length));
}

describe('routeRelations', () => {
  const flat = relation({ x: 0, y: 0 }, { x: 200, y: 0 });

  it.each([
    ['nothing else on the map', flat, []],
    ['a label well off to the side', flat, [label('c', box(80, 40, 120, 56))]],
    ['a label just clear of the line', flat, [label('c', box(80, 3, 120, 20))]],
    ['a label on the line but beyond the target', flat, [label('c', box(230, -8, 280, 8))]],
    ['a twin with nothing in its way keeps its own bend', relation({ x: 0, y: 0 }, { x: 200, y: 0 }, 9), [label('c', box(80, 40, 120, 56))]],
  ] as [string, RoutedRelation, Obstacle[]][])('leaves a relation as it is with %s', (_name, r, obstacles) => {
    expect(routeRelations([r], obstacles)).toEqual([r.bend]);
  });

  it.each([
    ['a label across a level relation', flat, box(80, -8, 120, 8), 3],
    ['a label across a vertical relation', relation({ x: 0, y: 0 }, { x: 0, y: 240 }), box(-30, 110, 30, 126), 3],
    ['a label across a slanting relation', relation({ x: 0, y: 0 }, { x: 200, y: 150 }), box(90, 65, 110, 85), 3],
    ['another concept\'s marker on the line', flat, box(94, -6, 106, 6), 3],
    ['a group\'s box the relation has no part in', flat, box(85, -10, 115, 10), 1],
    [
      'a label in the way of a relation leaving a group at its member\'s row',
      relation({ x: 20, y: 30 }, { x: 260, y: 30 }, 0, { from: end(20, 30, { listedIn: box(10, 0, 60, 60) }), own: new Set(['a', 'b', 'g']) }),
      box(140, 22, 170, 38),
      3,
    ],
  ] as [string, RoutedRelation, Rect, number][])('bends round %s', (_name, r, b, weight) => {
    // The straight run does go through it: otherwise there is nothing to test.
    expect(runsThrough(r, r.bend, b)).toBe(true);
    const [bend] = routeRelations([r], [{ owner: 'c', box: b, weight }]);
    expect(bend).not.toBe(r.bend);
    expect(runsThrough(r, bend!, b)).toBe(false);
  });

  // Obstacles are looked up by the cells of a grid: whatever cells a label falls in, and however
  // far the relation runs, the label in its way is found.
  it.each([
    ['far below and left of the origin', { x: -12_000, y: -7_000 }, 200, box(80, -8, 120, 8)],
    ['far from the origin', { x: 9_000, y: 4_000 }, 200, box(80, -8, 120, 8)],
    ['a thin label on a cell border', { x: 0, y: 0 }, 200, box(95.5, -6, 96.5, 6)],
    ['a small marker half way along a long relation', { x: -1_000, y: 500 }, 2_400, box(1_194, -6, 1_206, 6)],
  ] as [string, Point, number, Rect][])('bends round a label %s', (_name, at, length, b) => {
    const r = relation(at, { x: at.x + length, y: at.y });
    const moved = box(b.minX + at.x, b.minY + at.y, b.maxX + at.x, b.maxY + at.y);
    expect(runsThrough(r, 0, moved)).toBe(true);
    const [bend] = routeRelations([r], [label('c', moved)]);
    expect(runsThrough(r, bend!, moved)).toBe(false);
  });

  it.each([
    ['its source', 'a'],
    ['its target', 'b'],
    ['the group its source is listed in', 'g'],
  ])('does not go round a box of %s', (_name, owner) => {
    const r = relation({ x: 0, y: 0 }, { x: 200, y: 0 }, 0, { own: new Set(['a', 'b', 'g']) });
    expect(routeRelations([r], [label(owner, box(80, -8, 120, 8))])).toEqual([0]);
  });

  it('goes round on the side where nothing else is in the way', () => {
    const across = box(90, -6, 110, 6);
    for (const [side, other] of [
      [-1, box(60, 8, 140, 60)],
      [1, box(60, -60, 140, -8)],
    ] as const) {
      const obstacles = [label('c', across), label('d', other)];
      const [bend] = routeRelations([flat], obstacles);
      expect(Math.sign(bend!)).toBe(side);
      for (const o of obstacles) expect(runsThrough(flat, bend!, o.box)).toBe(false);
    }
  });

  it('bends away from the side a label mostly lies on, and no further than it has to', () => {
    // Mostly below the line (positive y), reaching a little way above it.
    const b = box(80, -20, 120, 60);
    const [bend] = routeRelations([flat], [label('c', b)]);
    expect(bend).toBeLessThan(0);
    expect(runsThrough(flat, bend!, b)).toBe(false);
    // Half the bend would still run through the label: the detour is not wider than needed.
    expect(runsThrough(flat, bend! / 2, b)).toBe(true);
  });

  it('when it cannot get clear, passes through a group\'s box rather than a label', () => {
    // A small label across the line; beyond it, one side is a group's box, the other a label.
    const across = label('c', box(95, -3, 105, 3));
    const group: Obstacle = { owner: 'g', box: box(40, 4, 160, 200), weight: 1 };
    const wall = label('d', box(40, -200, 160, -4));
    const [bend] = routeRelations([flat], [across, group, wall]);
    expect(bend).toBeGreaterThan(0);
    expect(runsThrough(flat, bend!, across.box)).toBe(false);
    expect(runsThrough(flat, bend!, wall.box)).toBe(false);
  });

  it('keeps a relation straight rather than wander round a label it cannot get past', () => {
    expect(routeRelations([flat], [label('c', box(90, -500, 110, 500))])).toEqual([0]);
  });

  it.each([40, 80, 160])('never strays further than a third of its length (or a short way for short ones) round a label %i high', (height) => {
    const r = relation({ x: 0, y: 0 }, { x: 120, y: 0 });
    const b = box(50, -height / 2 + 5, 70, height / 2 + 5);
    const [bend] = routeRelations([r], [label('c', b)]);
    expect(farthestOff(r, bend!)).toBeLessThanOrEqual(Math.max(32, 120 / 3) + 1e-9);
  });

  it('gives the same bends for the same map, and leaves its input as it was', () => {
    const relations = [flat, relation({ x: 0, y: 0 }, { x: 0, y: 240 }), relation({ x: 0, y: 0 }, { x: 200, y: 150 })];
    const obstacles = [label('c', box(80, -8, 120, 8)), label('d', box(-30, 110, 30, 126)), label('e', box(90, 65, 110, 85))];
    const before = JSON.stringify({ relations: relations.map((r) => ({ ...r, own: [...r.own] })), obstacles });
    const first = routeRelations(relations, obstacles);
    expect(routeRelations(relations, obstacles)).toEqual(first);
    expect(JSON.stringify({ relations: relations.map((r) => ({ ...r, own: [...r.own] })), obstacles })).toBe(before);
    expect(first).toHaveLength(relations.length);
  });

  it.each([
    ['both running the same way', 'a', 'a'],
    ['running opposite ways', 'a', 'b'],
  ])('keeps relations between the same two concepts apart when it bends them round a label (%s)', (_name, firstSource, secondSource) => {
    const twin = (source: string, bend: number): RoutedRelation => {
      const [from, to] = source === 'a' ? [end(0, 0), end(200, 0)] : [end(200, 0), end(0, 0)];
      return { source, target: source === 'a' ? 'b' : 'a', from, to, bend, own: new Set(['a', 'b']) };
    };
    // Laid 18 apart (±9) by their twin bends; a label lies on one side of the straight line.
    const pair = [twin(firstSource, 9), twin(secondSource, firstSource === secondSource ? -9 : 9)];
    const obstacles = [label('c', box(90, 2, 110, 40))];
    const bends = routeRelations(pair, obstacles);
    // Measured on screen: where each curve's control point lies across the line from a to b.
    const across = pair.map((r, i) => runBetween(r.from, r.to, bends[i]!).control?.y ?? 0);
    expect(Math.abs(across[0]! - across[1]!)).toBeGreaterThanOrEqual(18 - 0.5);
  });
});
