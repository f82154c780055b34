/**
 * Where everything of a concept is drawn, given where the concepts are: a concept on its own is
 * a marker with its label centred under it; a member of a group a small marker with its label
 * beside it, inside its group's box; a group, the box around its members with its name in the
 * header. One answer for the SVG map, the canvas map, the exports and the readability benchmark.
 */
import { estimateLabelWidth, wrapLabel } from '../core/model/label.ts';
import type { Point } from '../core/model/types.ts';
import { GEOMETRY, GROUP_LABEL_WIDEN, groupBox, memberLabelWidth, memberLines, rectBorderPoint, type GroupBox, type Rect } from '../core/layout/geometry.ts';

export type { GroupBox, Rect } from '../core/layout/geometry.ts';

/** How a concept is drawn. */
export type ConceptRole = 'concept' | 'member' | 'group';

export interface Glyph {
  role: ConceptRole;
  /** The marker's centre and radius. */
  marker: { x: number; y: number; r: number };
  /** The label's lines and where each is set: the first baseline, then one line height each. */
  lines: readonly string[];
  anchor: 'middle' | 'start';
  /** Where lines start (start) or are centred (middle). */
  labelX: number;
  baselines: readonly number[];
  /** The box the label's letters fill. */
  labelBox: Rect;
}

/** Font size of labels at zoom 1, and their line height. */
const { size: LABEL_SIZE, line: LINE, rimGap: RIM_GAP } = GEOMETRY.label;
/** How far a line's letters reach above its baseline, and below. */
const ASCENT = 0.86;
const DESCENT = 0.28;

/** The roles of a map's concepts: groups (concepts others name as `parent`) and their members. */
export function conceptRoles(nodes: readonly { id: string; parent?: string }[]): Map<string, ConceptRole> {
  const known = new Set(nodes.map((n) => n.id));
  const groups = new Set(nodes.flatMap((n) => (n.parent !== undefined && n.parent !== n.id && known.has(n.parent) ? [n.parent] : [])));
  return new Map(
    nodes.map((n) => [n.id, n.parent !== undefined && known.has(n.parent) && n.parent !== n.id ? 'member' : groups.has(n.id) ? 'group' : 'concept'] as const),
  );
}

/**
 * A concept's glyph at `at`: `r` is its marker's radius on its own (members and groups have
 * markers of their own size), `size` the labels' font size (larger than the look's when zoomed out).
 */
export function glyphOf(role: ConceptRole, label: string, at: Point, r: number, size: number = LABEL_SIZE): Glyph {
  const lines = role === 'concept' ? wrapLabel(label) : memberLines(label);
  const scale = size / LABEL_SIZE;
  const width = (role === 'concept' ? estimateLabelWidth(label) : memberLabelWidth(label) * (role === 'group' ? GROUP_LABEL_WIDEN : 1)) * scale;
  const line = LINE * scale;
  if (role === 'concept') {
    const first = at.y + r + RIM_GAP + size;
    const baselines = lines.map((_, i) => first + i * line);
    return {
      role,
      marker: { x: at.x, y: at.y, r },
      lines,
      anchor: 'middle',
      labelX: at.x,
      baselines,
      labelBox: { minX: at.x - width / 2, maxX: at.x + width / 2, minY: first - ASCENT * size, maxY: baselines.at(-1)! + DESCENT * size },
    };
  }
  const markerR = role === 'group' ? GEOMETRY.group.r : GEOMETRY.member.r;
  const x = at.x + GEOMETRY.member.labelOffset;
  // One line centred on the marker; a second one under it.
  const first = at.y + 0.35 * size;
  const baselines = lines.map((_, i) => first + i * line);
  return {
    role,
    marker: { x: at.x, y: at.y, r: markerR },
    lines,
    anchor: 'start',
    labelX: x,
    baselines,
    labelBox: { minX: x, maxX: x + width, minY: first - ASCENT * size, maxY: baselines.at(-1)! + DESCENT * size },
  };
}

/** The boxes of the groups, from where their members are now. */
export function groupBoxes(
  nodes: readonly { id: string; label: string; parent?: string }[],
  roles: ReadonlyMap<string, ConceptRole>,
  positions: ReadonlyMap<string, Point>,
  labelSize: number = LABEL_SIZE,
): Map<string, GroupBox> {
  const members = new Map<string, { at: Point; label: string }[]>();
  for (const node of nodes) {
    if (roles.get(node.id) !== 'member' || node.parent === undefined) continue;
    const at = positions.get(node.id);
    if (!at) continue;
    const list = members.get(node.parent);
    if (list) list.push({ at, label: node.label });
    else members.set(node.parent, [{ at, label: node.label }]);
  }
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const boxes = new Map<string, GroupBox>();
  for (const [group, list] of members) {
    const box = groupBox(labelOf.get(group) ?? '', list, labelSize / LABEL_SIZE, positions.get(group));
    if (box) boxes.set(group, box);
  }
  return boxes;
}

/**
 * Where a relation's line ends at a concept, coming from `toward`: at its marker's rim plus
 * `gap`, or for a group at the edge of its box.
 */
export function endPoint(at: Point, r: number, toward: Point, gap: number, box?: Rect): Point {
  if (box) return rectBorderPoint(box, toward, gap);
  const dx = toward.x - at.x;
  const dy = toward.y - at.y;
  const d = Math.hypot(dx, dy) || 1;
  const g = Math.min(r + gap, d / 2);
  return { x: at.x + (dx / d) * g, y: at.y + (dy / d) * g };
}

/**
 * One end of a relation: the concept's place and its marker's radius; for a group, its box (the
 * line ends at the box); for a member, the box it is listed in (the line leaves the box at the
 * member's row, on the side facing the other end, so it never runs through the list).
 */
export interface RelationEnd {
  at: Point;
  r: number;
  box?: Rect;
  listedIn?: Rect;
}

const centreOf = (end: RelationEnd): Point => (end.box ? { x: (end.box.minX + end.box.maxX) / 2, y: (end.box.minY + end.box.maxY) / 2 } : end.at);

/** Where a member's row meets its box's side facing `toward` (a little outside it). */
function portOf(end: RelationEnd, toward: Point, gap: number): Point | undefined {
  const box = end.listedIn;
  if (!box) return undefined;
  const right = toward.x > (box.minX + box.maxX) / 2;
  return { x: right ? box.maxX + gap : box.minX - gap, y: end.at.y };
}

/**
 * A relation's visible run between two ends: straight, or bent `bend` map units off the line
 * between the ends' centres (to keep apart from a twin, or to go round a label), starting at the
 * source's rim (or box) and stopping short of the target's, where its end mark is drawn.
 */
export function runBetween(source: RelationEnd, target: RelationEnd, bend = 0, sourceGap = 2, targetGap = 4): { start: Point; end: Point; control: Point | null; mid: Point } {
  const sourcePort = portOf(source, centreOf(target), sourceGap);
  const targetPort = portOf(target, centreOf(source), targetGap);
  const s = sourcePort ?? centreOf(source);
  const t = targetPort ?? centreOf(target);
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const control = bend ? { x: (s.x + t.x) / 2 + (-dy / length) * bend * 2, y: (s.y + t.y) / 2 + (dx / length) * bend * 2 } : null;
  const start = sourcePort ?? endPoint(source.at, source.r, control ?? (target.box || targetPort ? t : target.at), sourceGap, source.box);
  const end = targetPort ?? endPoint(target.at, target.r, control ?? (source.box || sourcePort ? s : source.at), targetGap, target.box);
  if (!control) return { start, end, control, mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } };
  const u = 0.5;
  const v = 1 - u;
  return { start, end, control, mid: { x: v * v * start.x + 2 * v * u * control.x + u * u * end.x, y: v * v * start.y + 2 * v * u * control.y + u * u * end.y } };
}
