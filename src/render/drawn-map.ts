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
}

export type Run = ReturnType<typeof runBetween>;

export interface DrawnMap {
  roles: ReadonlyMap<string, ConceptRole>;
  glyphs: ReadonlyMap<string, Glyph>;
  boxes: ReadonlyMap<string, GroupBox>;
  runs: ReadonlyMap<string, Run>;
  bends: ReadonlyMap<string, number>;
}

/** Obstacles count this much when a relation meets them; a group's box less (its inside is mostly room). */
const LABEL_WEIGHT = 3;
const MARKER_WEIGHT = 3;
const BOX_WEIGHT = 1;

export function drawMap(input: DrawnMapInput): DrawnMap {
  const { positions } = input;
  const shown = (id: string) => (input.shown ? input.shown.has(id) : true) && positions.has(id);
  const nodes = input.nodes.filter((n) => shown(n.id));
  const roles = conceptRoles(input.nodes);
  const boxes = groupBoxes(nodes, roles, positions, input.labelSize);
  const glyphs = new Map<string, Glyph>();
  // A group is drawn in the header of its box, wherever its members have been moved.
  for (const node of nodes) glyphs.set(node.id, glyphOf(roles.get(node.id)!, node.label, boxes.get(node.id)?.header ?? positions.get(node.id)!, input.radius(node.id), input.labelSize));
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
  relations.forEach((r, i) => {
    runs.set(r.id, runBetween(routed[i]!.from, routed[i]!.to, bends[i]!));
    bendOf.set(r.id, bends[i]!);
  });
  return { roles, glyphs, boxes, runs, bends: bendOf };
}
