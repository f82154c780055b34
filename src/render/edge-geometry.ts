/**
 * Where an edge runs: from the rim of its source marker to the rim of its target marker (so the
 * arrowhead touches the target), bent apart when two relations join the same pair of concepts.
 */
import type { Point } from '../core/model/types.ts';

export interface EdgeShape {
  /** SVG path data. */
  d: string;
  /** Where the relation's verb is written. */
  mid: Point;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * @param bend perpendicular offset of the curve's middle, in px (0 = straight); positive bends
 *   to the left of the direction of travel.
 */
export function edgeShape(s: Point, t: Point, sourceGap: number, targetGap: number, bend = 0): EdgeShape {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  // Control point of a quadratic curve whose middle lies `bend` px off the straight line.
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
  if (!bend) {
    return {
      d: `M${round(start.x)},${round(start.y)}L${round(end.x)},${round(end.y)}`,
      mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 },
    };
  }
  return {
    d: `M${round(start.x)},${round(start.y)}Q${round(c.x)},${round(c.y)} ${round(end.x)},${round(end.y)}`,
    mid: { x: (s.x + t.x) / 2 + nx * bend, y: (s.y + t.y) / 2 + ny * bend },
  };
}

/**
 * Bends that keep relations between the same two concepts (either direction) apart.
 * A lone relation stays straight.
 */
export function edgeBends(edges: readonly { id: string; source: string; target: string }[], spacing = 18): Map<string, number> {
  const groups = new Map<string, { id: string; flipped: boolean }[]>();
  for (const e of edges) {
    const flipped = e.source > e.target;
    const key = flipped ? `${e.target}\u0000${e.source}` : `${e.source}\u0000${e.target}`;
    const group = groups.get(key) ?? [];
    group.push({ id: e.id, flipped });
    groups.set(key, group);
  }
  const bends = new Map<string, number>();
  for (const group of groups.values()) {
    group.forEach(({ id, flipped }, i) => {
      const offset = group.length === 1 ? 0 : (i - (group.length - 1) / 2) * spacing;
      // Offsets are laid out in the pair's canonical direction; a reversed edge sees the mirror.
      bends.set(id, flipped ? -offset : offset);
    });
  }
  return bends;
}

/**
 * `edgeBends` for a large map's scene, where relations and concepts are numbered: the same
 * bends, keyed by relation number, found without building a string per relation.
 * @param ends each relation's source and target concept numbers
 * @param shown the numbers of the relations shown
 * @param ids concept ids, whose order decides which way a pair's relations run (as in `edgeBends`)
 */
export function edgeBendsByIndex(
  ends: readonly { s: number; t: number }[],
  shown: ArrayLike<number>,
  ids: (node: number) => string,
  spacing = 18,
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
      bends[e] = ids(s) > ids(t) ? -offset : offset;
    });
  }
  return bends;
}
