/**
 * The boxes the view frames, in map units: everything shown (markers and labels, so fitting
 * never cuts a label off at the edge) and a tour step's concepts with room around them.
 */
import { estimateLabelWidth, wrapLabel } from '../core/model/label.ts';
import type { Point } from '../core/model/types.ts';
import { conceptRoles, glyphOf, groupBoxes } from './map-geometry.ts';
import { boundsOf, type Bounds } from './viewport.ts';

/** Up to this many concepts shown, their labels count; beyond, labels are thinned anyway and centres do. */
const LABELLED_BOUNDS = 400;
/** Map units kept around what is shown. */
const MARGIN = 8;
/** The height a label line takes below the marker, descenders included. */
const LINE_BOX = 16;

export interface BoundedConcept {
  id: string;
  label: string;
  /** Marker radius. */
  r: number;
}

/**
 * The box around the shown concepts as drawn (`drawMap`'s geometry: labels under or beside their
 * markers, groups' boxes), for maps small enough to label every concept; `labelSize`, the size
 * labels are drawn at (larger when zoomed out).
 */
export function drawnBounds(
  nodes: readonly { id: string; label: string; parent?: string }[],
  shown: ReadonlySet<string>,
  radius: (id: string) => number,
  positions: ReadonlyMap<string, Point>,
  labelSize?: number,
): Bounds | undefined {
  const list = nodes.filter((n) => shown.has(n.id) && positions.has(n.id));
  const roles = conceptRoles(nodes);
  const boxes = groupBoxes(list, roles, positions, labelSize);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (r: { minX: number; minY: number; maxX: number; maxY: number }) => {
    minX = Math.min(minX, r.minX);
    minY = Math.min(minY, r.minY);
    maxX = Math.max(maxX, r.maxX);
    maxY = Math.max(maxY, r.maxY);
  };
  for (const node of list) {
    const glyph = glyphOf(roles.get(node.id)!, node.label, boxes.get(node.id)?.header ?? positions.get(node.id)!, radius(node.id), labelSize);
    const { x, y, r } = glyph.marker;
    take({ minX: x - r, minY: y - r, maxX: x + r, maxY: y + r });
    take(glyph.labelBox);
  }
  for (const box of boxes.values()) take(box);
  if (minX === Infinity) return undefined;
  return { minX: minX - MARGIN, minY: minY - MARGIN, maxX: maxX + MARGIN, maxY: maxY + MARGIN };
}

/** The box around the shown concepts, with their markers and labels under them (centres only for large maps). */
export function contentBounds(shown: Iterable<BoundedConcept>, count: number, positions: ReadonlyMap<string, Point>): Bounds | undefined {
  const withLabels = count <= LABELLED_BOUNDS;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of shown) {
    const p = positions.get(node.id);
    if (!p) continue;
    const { r } = node;
    const half = withLabels ? Math.max(r, estimateLabelWidth(node.label) / 2) : r;
    // Set under the marker, a line's height each (descenders included).
    const below = withLabels ? r + LINE_BOX / 2 + wrapLabel(node.label).length * LINE_BOX : r;
    if (p.x - half < minX) minX = p.x - half;
    if (p.x + half > maxX) maxX = p.x + half;
    if (p.y - r < minY) minY = p.y - r;
    if (p.y + below > maxY) maxY = p.y + below;
  }
  if (minX === Infinity) return undefined;
  return { minX: minX - MARGIN, minY: minY - MARGIN, maxX: maxX + MARGIN, maxY: maxY + MARGIN };
}

/** The box a tour step is shown in: its concepts, with room around, at least 500 units wide and high. */
export function stepBounds(ids: readonly string[], positions: ReadonlyMap<string, Point>): Bounds | undefined {
  const bounds = boundsOf(
    ids.flatMap((id) => positions.get(id) ?? []),
    120,
  );
  if (!bounds) return undefined;
  const minSpan = 500;
  const grow = (min: number, max: number) => {
    const extra = Math.max(0, minSpan - (max - min)) / 2;
    return [min - extra, max + extra] as const;
  };
  const [minX, maxX] = grow(bounds.minX, bounds.maxX);
  const [minY, maxY] = grow(bounds.minY, bounds.maxY);
  return { minX, minY, maxX, maxY };
}
