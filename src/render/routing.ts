/**
 * Relations drawn round the labels in their way: a relation whose straight line would run
 * through another concept's label, marker or group box is bent — as little as will do — to one
 * side or the other, the bend that meets fewest of them chosen (relations sharing both ends keep
 * their bends apart). Pure: it answers bends for the runs `runBetween` draws.
 */
import type { Point } from '../core/model/types.ts';
import { runBetween, type Rect, type RelationEnd } from './map-geometry.ts';
import { pointOnRun } from './edge-geometry.ts';

export interface Obstacle {
  /** The concept it belongs to (a relation never avoids its own ends, nor their groups). */
  owner: string;
  box: Rect;
  /** How much meeting it costs: a label or a marker most, a group's box less (its inside is mostly room). */
  weight: number;
}

export interface RoutedRelation {
  source: string;
  target: string;
  from: RelationEnd;
  to: RelationEnd;
  /** The bend it has anyway (apart from a twin between the same two concepts). */
  bend: number;
  /** Concepts whose obstacles it may pass through: its ends and the groups they are listed in. */
  own: ReadonlySet<string>;
}

/** Bends tried, nearest first, in map units either side. */
const BENDS = [16, 32, 56, 88, 128, 180];
/** The widest detour, as a share of a relation's length, and for any relation. */
const MAX_DETOUR = 0.3;
const MIN_DETOUR = 32;
/** Points a run is sampled at to test it against boxes. */
const SAMPLES = 24;

function meets(run: ReturnType<typeof runBetween>, box: Rect): boolean {
  let previous = run.start;
  for (let i = 1; i <= SAMPLES; i++) {
    const next = pointOnRun(run, i / SAMPLES);
    if (segmentMeetsRect(previous, next, box)) return true;
    previous = next;
  }
  return false;
}

function segmentMeetsRect(a: Point, b: Point, r: Rect): boolean {
  if (Math.max(a.x, b.x) < r.minX || Math.min(a.x, b.x) > r.maxX || Math.max(a.y, b.y) < r.minY || Math.min(a.y, b.y) > r.maxY) return false;
  const inside = (p: Point) => p.x > r.minX && p.x < r.maxX && p.y > r.minY && p.y < r.maxY;
  if (inside(a) || inside(b)) return true;
  const corners: Point[] = [
    { x: r.minX, y: r.minY },
    { x: r.maxX, y: r.minY },
    { x: r.maxX, y: r.maxY },
    { x: r.minX, y: r.maxY },
  ];
  const side = (p: Point, q: Point, c: Point) => Math.sign((q.x - p.x) * (c.y - p.y) - (q.y - p.y) * (c.x - p.x));
  for (let i = 0; i < 4; i++) {
    const c = corners[i]!;
    const d = corners[(i + 1) % 4]!;
    if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) return true;
  }
  return false;
}

/** What a run at this bend costs: the obstacles it meets, and (a little) how far it bends. */
function cost(relation: RoutedRelation, bend: number, obstacles: readonly Obstacle[]): number {
  const run = runBetween(relation.from, relation.to, bend);
  const minX = Math.min(run.start.x, run.end.x, run.control?.x ?? run.start.x);
  const maxX = Math.max(run.start.x, run.end.x, run.control?.x ?? run.start.x);
  const minY = Math.min(run.start.y, run.end.y, run.control?.y ?? run.start.y);
  const maxY = Math.max(run.start.y, run.end.y, run.control?.y ?? run.start.y);
  let total = Math.abs(bend) / 1000;
  for (const o of obstacles) {
    if (relation.own.has(o.owner)) continue;
    if (o.box.maxX < minX || o.box.minX > maxX || o.box.maxY < minY || o.box.minY > maxY) continue;
    if (meets(run, o.box)) total += o.weight;
  }
  return total;
}

/**
 * The bend of each relation, in order: its own where nothing is in the way, else the cheapest
 * detour. Relations joining the same two concepts take the same detour, so they stay apart.
 */
export function routeRelations(relations: readonly RoutedRelation[], obstacles: readonly Obstacle[]): number[] {
  const families = new Map<string, number[]>();
  relations.forEach((r, i) => {
    const key = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
    const family = families.get(key);
    if (family) family.push(i);
    else families.set(key, [i]);
  });
  // A bend is to the left of the way a relation runs: one running the other way shifts the other way.
  const side = (i: number) => (relations[i]!.source < relations[i]!.target ? 1 : -1);
  const bends = relations.map((r) => r.bend);
  for (const family of families.values()) {
    const costAt = (shift: number) => family.reduce((sum, i) => sum + cost(relations[i]!, relations[i]!.bend + side(i) * shift, obstacles), 0);
    let best = 0;
    let bestCost = costAt(0);
    if (bestCost < 1) continue;
    // A detour no wider than 0.3 of the relation's length (and a little for short ones): a
    // wider one wanders off round the drawing, and reads worse than the label it avoids.
    const { from, to } = relations[family[0]!]!;
    const widest = Math.max(MIN_DETOUR, Math.hypot(to.at.x - from.at.x, to.at.y - from.at.y) * MAX_DETOUR);
    for (const step of BENDS.filter((b) => b <= widest)) {
      for (const sign of [1, -1]) {
        const c = costAt(sign * step);
        if (c < bestCost - 1e-9) {
          best = sign * step;
          bestCost = c;
        }
      }
      if (bestCost < 1) break;
    }
    for (const i of family) bends[i] = relations[i]!.bend + side(i) * best;
  }
  return bends;
}
