/**
 * Where a relation runs, for every renderer and for hit testing: from the rim of its source
 * marker to the rim of its target marker (so the arrowhead touches the target), bent apart when
 * several relations join the same pair of concepts. One run, one midpoint (where its verb is
 * written), one distance for hit tests.
 */
import type { Point } from '../core/model/types.ts';
import { LOOK } from './look.ts';
import { distanceToSegment } from './spatial-index.ts';

/** A relation's visible run: a straight line, or a quadratic curve through `control`. */
export interface EdgeRun {
  start: Point;
  end: Point;
  control: Point | null;
  /** On the drawn line, halfway: where the relation's verb is written. */
  mid: Point;
}

export interface EdgeShape {
  /** SVG path data. */
  d: string;
  /** Where the relation's verb is written. */
  mid: Point;
  run: EdgeRun;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * @param bend perpendicular offset of the curve's middle, in map units (0 = straight); positive
 *   bends to the left of the direction of travel.
 */
export function edgeRun(s: Point, t: Point, sourceGap: number, targetGap: number, bend = 0): EdgeRun {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  // Control point of a quadratic curve whose middle lies `bend` off the straight line.
  const c = { x: (s.x + t.x) / 2 + nx * bend * 2, y: (s.y + t.y) / 2 + ny * bend * 2 };
  const toward = (from: Point, to: Point, gap: number): Point => {
    const ddx = to.x - from.x;
    const ddy = to.y - from.y;
    const d = Math.hypot(ddx, ddy) || 1;
    const g = Math.min(gap, d / 2);
    return { x: from.x + (ddx / d) * g, y: from.y + (ddy / d) * g };
  };
  const start = toward(s, bend ? c : t, sourceGap);
  const end = toward(t, bend ? c : s, targetGap);
  if (!bend) return { start, end, control: null, mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } };
  return { start, end, control: c, mid: pointOnRun({ start, end, control: c }, 0.5) };
}

/** The point at `u` (0…1) along a run. */
export function pointOnRun(run: Pick<EdgeRun, 'start' | 'end' | 'control'>, u: number): Point {
  const { start: a, end: b, control: c } = run;
  if (!c) return { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u };
  const v = 1 - u;
  return { x: v * v * a.x + 2 * v * u * c.x + u * u * b.x, y: v * v * a.y + 2 * v * u * c.y + u * u * b.y };
}

/** The run between two concept centres, their markers of radius `sourceR` and `targetR`. */
export function relationRun(s: Point, t: Point, sourceR: number, targetR: number, bend = 0): EdgeRun {
  return edgeRun(s, t, sourceR + LOOK.edge.sourceGap, targetR + LOOK.edge.targetGap, bend);
}

export function runPath(run: EdgeRun): string {
  const { start, end, control } = run;
  if (!control) return `M${round(start.x)},${round(start.y)}L${round(end.x)},${round(end.y)}`;
  return `M${round(start.x)},${round(start.y)}Q${round(control.x)},${round(control.y)} ${round(end.x)},${round(end.y)}`;
}

/** A run as SVG path data, with its midpoint. */
export function edgeShape(s: Point, t: Point, sourceGap: number, targetGap: number, bend = 0): EdgeShape {
  const run = edgeRun(s, t, sourceGap, targetGap, bend);
  return { d: runPath(run), mid: run.mid, run };
}

/** Pieces a curve is cut into for hit tests: closer than a pixel to the curve at any zoom that shows it. */
const CURVE_PIECES = 12;

/** How far `p` is from the drawn run (map units). */
export function distanceToRun(p: Point, run: EdgeRun): number {
  if (!run.control) return distanceToSegment(p.x, p.y, run.start.x, run.start.y, run.end.x, run.end.y);
  let best = Infinity;
  let previous = run.start;
  for (let i = 1; i <= CURVE_PIECES; i++) {
    const next = pointOnRun(run, i / CURVE_PIECES);
    best = Math.min(best, distanceToSegment(p.x, p.y, previous.x, previous.y, next.x, next.y));
    previous = next;
  }
  return best;
}

/**
 * Bends that keep relations between the same two concepts (either direction) apart, keyed by
 * relation number: a lone relation stays straight. Found without building a string per
 * relation (a large map's scene numbers its concepts and relations).
 * @param ends each relation's source and target concept numbers
 * @param shown the numbers of the relations shown
 * @param ids concept ids, whose order decides which way a pair's relations run
 */
export function edgeBendsByIndex(
  ends: readonly { s: number; t: number }[],
  shown: ArrayLike<number>,
  ids: (node: number) => string,
  spacing: number = LOOK.edge.bendSpacing,
): Float64Array {
  const bends = new Float64Array(ends.length);
  const nodeCount = ends.reduce((most, e) => Math.max(most, e.s, e.t), 0) + 1;
  const firstOfPair = new Map<number, number>();
  const shared = new Map<number, number[]>();
  for (let i = 0; i < shown.length; i++) {
    const e = shown[i]!;
    const { s, t } = ends[e]!;
    const key = s < t ? s * nodeCount + t : t * nodeCount + s;
    const first = firstOfPair.get(key);
    if (first === undefined) firstOfPair.set(key, e);
    else {
      const group = shared.get(key);
      if (group) group.push(e);
      else shared.set(key, [first, e]);
    }
  }
  for (const group of shared.values()) {
    group.forEach((e, i) => {
      const { s, t } = ends[e]!;
      const offset = (i - (group.length - 1) / 2) * spacing;
      // Offsets are laid out in the pair's canonical direction; a reversed relation sees the mirror.
      bends[e] = ids(s) > ids(t) ? -offset : offset;
    });
  }
  return bends;
}

/** `edgeBendsByIndex` for relations named by their ends' ids. */
export function edgeBends(edges: readonly { id: string; source: string; target: string }[], spacing: number = LOOK.edge.bendSpacing): Map<string, number> {
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const number = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = ids.push(id) - 1));
    return n;
  };
  const ends = edges.map((e) => ({ s: number(e.source), t: number(e.target) }));
  const bends = edgeBendsByIndex(ends, Int32Array.from(edges.keys()), (i) => ids[i]!, spacing);
  return new Map(edges.map((e, i) => [e.id, bends[i]!]));
}
