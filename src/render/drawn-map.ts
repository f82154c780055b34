/**
 * The whole map as drawn, from where its concepts are: every concept's glyph, every group's box
 * and every relation's run, bent apart from its twins and round the labels in its way. What the
 * SVG map renders, what exports write, and what the readability benchmark measures.
 */
import type { Point } from '../core/model/types.ts';
import { edgeBends } from './edge-geometry.ts';
import { conceptRoles, glyphOf, groupBoxes, runBetween, type ConceptRole, type Glyph, type GroupBox, type RelationEnd } from './map-geometry.ts';
import { routeRelations, type Obstacle, type RoutedRelation } from './routing.ts';

export interface DrawnMapInput {
  nodes: readonly { id: string; label: string; parent?: string }[];
  relations: readonly { id: string; source: string; target: string }[];
  /** Marker radius of a concept on its own. */
  radius: (id: string) => number;
  positions: ReadonlyMap<string, Point>;
  /** Only these are drawn (all when absent). */
  shown?: ReadonlySet<string>;
  /** Labels' font size in map units. */
  labelSize?: number;
  /** Bend relations round labels in their way (worth it for maps of up to a few hundred relations). */
  route?: boolean;
  /** Bends found before, kept for the relations not touching `moving` (a concept being dragged). */
  reuse?: { bends: ReadonlyMap<string, number>; moving: ReadonlySet<string> };
  /**
   * The drawing before (the frame before, while a concept is dragged): every glyph, box and run
   * that comes out the same is that drawing's own object, so what draws it sees nothing changed
   * and does nothing. The result is the same either way.
   */
  previous?: DrawnMap;
}

export type Run = ReturnType<typeof runBetween>;

export interface DrawnMap {
  roles: ReadonlyMap<string, ConceptRole>;
  glyphs: ReadonlyMap<string, Glyph>;
  boxes: ReadonlyMap<string, GroupBox>;
  runs: ReadonlyMap<string, Run>;
  bends: ReadonlyMap<string, number>;
  /** What it was drawn from, for the next drawing to tell what changed (see `previous`). */
  made: Made;
}

interface Made {
  labelSize: number | undefined;
  at: ReadonlyMap<string, Point>;
  radius: ReadonlyMap<string, number>;
  label: ReadonlyMap<string, string>;
  /** Each relation's ends (glyphs and boxes) and bend. */
  ends: ReadonlyMap<string, readonly unknown[]>;
}

/** Obstacles count this much when a relation meets them; a group's box less (its inside is mostly room). */
const LABEL_WEIGHT = 3;
const MARKER_WEIGHT = 3;
const BOX_WEIGHT = 1;

export function drawMap(input: DrawnMapInput): DrawnMap {
  const { positions, previous } = input;
  const before = previous && previous.made.labelSize === input.labelSize ? previous : undefined;
  const shown = (id: string) => (input.shown ? input.shown.has(id) : true) && positions.has(id);
  const nodes = input.nodes.filter((n) => shown(n.id));
  const roles = conceptRoles(input.nodes);
  const at = new Map<string, Point>();
  for (const node of nodes) at.set(node.id, positions.get(node.id)!);
  const same = (id: string) => {
    const was = before?.made.at.get(id);
    const now = at.get(id);
    return was !== undefined && now !== undefined && was.x === now.x && was.y === now.y;
  };
  const boxes = keepSame(groupBoxes(nodes, roles, positions, input.labelSize), before?.boxes, (box, was) =>
    box.minX === was.minX && box.minY === was.minY && box.maxX === was.maxX && box.maxY === was.maxY && box.header.x === was.header.x && box.header.y === was.header.y,
  );
  const glyphs = new Map<string, Glyph>();
  const radius = new Map<string, number>();
  const label = new Map<string, string>();
  // A group is drawn in the header of its box, wherever its members have been moved.
  for (const node of nodes) {
    const r = input.radius(node.id);
    radius.set(node.id, r);
    label.set(node.id, node.label);
    const kept = before?.glyphs.get(node.id);
    const unchanged =
      kept && before!.made.label.get(node.id) === node.label && before!.made.radius.get(node.id) === r && kept.role === roles.get(node.id) && (boxes.has(node.id) ? boxes.get(node.id) === before!.boxes.get(node.id) : same(node.id));
    glyphs.set(node.id, unchanged ? kept : glyphOf(roles.get(node.id)!, node.label, boxes.get(node.id)?.header ?? positions.get(node.id)!, r, input.labelSize));
  }
  const parentOf = new Map(input.nodes.flatMap((n) => (n.parent !== undefined ? [[n.id, n.parent] as const] : [])));

  const relations = input.relations.filter((r) => shown(r.source) && shown(r.target));
  const twins = edgeBends(relations);
  const end = (id: string): RelationEnd => {
    const glyph = glyphs.get(id)!;
    const listedIn = roles.get(id) === 'member' ? boxes.get(parentOf.get(id)!) : undefined;
    return { at: glyph.marker, r: glyph.marker.r, ...(boxes.has(id) ? { box: boxes.get(id)! } : {}), ...(listedIn ? { listedIn } : {}) };
  };
  const routed: RoutedRelation[] = relations.map((r) => ({
    source: r.source,
    target: r.target,
    from: end(r.source),
    to: end(r.target),
    bend: twins.get(r.id) ?? 0,
    own: new Set([r.source, r.target, ...[r.source, r.target].flatMap((id) => (parentOf.has(id) ? [parentOf.get(id)!] : []))]),
  }));
  let bends = routed.map((r) => r.bend);
  if (input.reuse) {
    const { bends: kept, moving } = input.reuse;
    bends = routed.map((r, i) => (moving.has(r.source) || moving.has(r.target) ? r.bend : (kept.get(relations[i]!.id) ?? r.bend)));
  } else if (input.route) {
    const obstacles: Obstacle[] = [];
    for (const [id, glyph] of glyphs) {
      obstacles.push({ owner: id, box: glyph.labelBox, weight: LABEL_WEIGHT });
      const { x, y, r } = glyph.marker;
      obstacles.push({ owner: id, box: { minX: x - r, maxX: x + r, minY: y - r, maxY: y + r }, weight: MARKER_WEIGHT });
    }
    for (const [id, box] of boxes) obstacles.push({ owner: id, box, weight: BOX_WEIGHT });
    bends = routeRelations(routed, obstacles);
  }
  const runs = new Map<string, Run>();
  const bendOf = new Map<string, number>();
  const ends = new Map<string, readonly unknown[]>();
  relations.forEach((r, i) => {
    const { from, to } = routed[i]!;
    // A run is its ends' and bend's: the same glyphs, boxes and bend give the same run.
    const made = [glyphs.get(r.source), glyphs.get(r.target), from.box, from.listedIn, to.box, to.listedIn, bends[i]];
    const was = before?.made.ends.get(r.id);
    const kept = was && made.every((part, k) => part === was[k]) ? before!.runs.get(r.id) : undefined;
    runs.set(r.id, kept ?? runBetween(from, to, bends[i]!));
    bendOf.set(r.id, bends[i]!);
    ends.set(r.id, made);
  });
  return { roles, glyphs, boxes, runs, bends: bendOf, made: { labelSize: input.labelSize, at, radius, label, ends } };
}

/** `fresh`, with each entry equal to the one in `before` replaced by that one. */
function keepSame<T>(fresh: Map<string, T>, before: ReadonlyMap<string, T> | undefined, equal: (now: T, was: T) => boolean): Map<string, T> {
  if (!before) return fresh;
  for (const [id, now] of fresh) {
    const was = before.get(id);
    if (was !== undefined && equal(now, was)) fresh.set(id, was);
  }
  return fresh;
}
