/**
 * What the SVG and the canvas map share: marker sizes, the reading order of concepts, the box a
 * tour step is framed in, how the view is framed again, and the verbs written on the map.
 */
import { estimateLabelWidth, wrapLabel } from '../core/model/label.ts';
import type { ConceptNode, Point, Relation } from '../core/model/types.ts';
import type { ViewFraming } from '../render/framing.ts';
import { boundsOf, type Bounds, type ViewTransform, type ZoomController } from '../render/zoom.ts';
import type { LayoutState } from './state/layout.svelte.ts';
import type { MapViewState } from './state/map-view.svelte.ts';

/** What the SVG and the canvas map take (MapView passes them on to the one in use). */
export interface MapDrawingProps {
  state: MapViewState;
  layout: LayoutState;
  reducedMotion: () => boolean;
  /** False: a still picture — no zoom, drag, hover or focus. */
  interactive?: boolean;
  /** A concept was clicked or opened with the keyboard. */
  onactivate: (id: string) => void;
}

/** What both maps offer the explorer. */
export interface MapDrawing {
  fit(animate?: boolean): void;
  fitNodes(ids: readonly string[]): void;
  centreOn(id: string): void;
  zoomBy(factor: number): void;
  focusNode(id: string): void;
  /** The SVG drawing, for export; a canvas map has none. */
  svgElement?(): SVGSVGElement;
  /** A canvas map's view, to be drawn as a picture for export. */
  viewPicture?(): ViewPicture;
}

/** The view on screen (CSS pixels `width`×`height`), drawn afresh on demand. */
export interface ViewPicture {
  width: number;
  height: number;
  /** The map's element on the page: its colours and font are the picture's. */
  element: Element;
  /** The view as it is now, in full detail, at `scale` pixels per CSS pixel. */
  draw(scale: number): HTMLCanvasElement;
  /** The same drawing as SVG elements (CSS pixels), for a vector export. */
  vector(): Promise<SVGGElement>;
}

/** Marker radius: a little larger for concepts with more relations. */
export function nodeRadius(view: MapViewState, id: string): number {
  return radiusForDegree(view.graph.degree(id));
}

export function radiusForDegree(degree: number): number {
  return 9 + Math.min(6, Math.sqrt(degree) * 1.5);
}

/** Tab order follows the story: band by band, top to bottom. */
export function storyOrder(view: MapViewState, positions: ReadonlyMap<string, Point>): ConceptNode[] {
  const bandOf = (category: string) => view.categories.get(category)?.band ?? 0;
  const y = (id: string) => positions.get(id)?.y ?? 0;
  return [...view.map.nodes].sort((a, b) => bandOf(a.category) - bandOf(b.category) || y(a.id) - y(b.id));
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

/** The box around the visible concepts. */
export function visibleBounds(view: MapViewState, positions: ReadonlyMap<string, Point>): Bounds | undefined {
  // Up to a few hundred concepts, the box takes in every label (set under its marker, as wide
  // as its longer line), so fitting never cuts a label off at the edge. Beyond, labels are
  // thinned anyway and the centres are enough.
  const withLabels = view.visibleNodes.size <= 400;
  let bounds: Bounds | undefined;
  for (const id of view.visibleNodes) {
    const p = positions.get(id);
    const node = view.graph.node(id);
    if (!p || !node) continue;
    const r = nodeRadius(view, id);
    const half = withLabels ? Math.max(r, estimateLabelWidth(node.label) / 2) : r;
    const below = withLabels ? r + 8 + wrapLabel(node.label).length * 16 : r;
    bounds = {
      minX: Math.min(bounds?.minX ?? Infinity, p.x - half),
      maxX: Math.max(bounds?.maxX ?? -Infinity, p.x + half),
      minY: Math.min(bounds?.minY ?? Infinity, p.y - r),
      maxY: Math.max(bounds?.maxY ?? -Infinity, p.y + below),
    };
  }
  return bounds && { minX: bounds.minX - 8, minY: bounds.minY - 8, maxX: bounds.maxX + 8, maxY: bounds.maxY + 8 };
}

/** Relations whose verb is written on the map right now. */
export function labelledRelations(view: MapViewState, hoveredEdge: string | null): Relation[] {
  const ids = new Set<string>();
  if (hoveredEdge) ids.add(hoveredEdge);
  if (view.selection?.kind === 'edge') ids.add(view.selection.id);
  for (const step of view.path ?? []) ids.add(step.relation.id);
  if (view.hovered) {
    for (const r of [...view.graph.outgoing(view.hovered), ...view.graph.incoming(view.hovered)]) ids.add(r.id);
  }
  if (ids.size === 0) return [];
  return view.visibleEdges.filter((e) => ids.has(e.id));
}

/** The transform that shows `bounds` in a box of width × height with `padding` px around. */
export function fitTransform(bounds: Bounds, width: number, height: number, padding = 24) {
  const k = Math.min((width - 2 * padding) / Math.max(1, bounds.maxX - bounds.minX), (height - 2 * padding) / Math.max(1, bounds.maxY - bounds.minY));
  return {
    k,
    x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * k,
    y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * k,
  };
}

/**
 * For the benchmark and tests: the drawing element answers where a concept is on screen, the
 * positions, and whether the layout has settled (a canvas has no elements to ask).
 */
export function exposeForTools(element: Element, layout: LayoutState, toScreen: (p: Point) => Point, fit: () => void): void {
  Object.assign(element, {
    pathomapDebug: {
      fit,
      screenPoint: (id: string) => {
        const p = layout.positions.get(id);
        return p ? toScreen(p) : undefined;
      },
      positions: () => Object.fromEntries(layout.positions),
      settled: () => layout.settled,
    },
  });
}

/** A phone-sized screen, where the Details panel is a bottom sheet over the lower part of the map. */
export function detailsCoverMap(): boolean {
  return globalThis.matchMedia?.('(max-width: 700px)').matches ?? false;
}

/**
 * Where a concept brought to the middle sits, as a share of the view's height: halfway, or on a
 * phone higher up, above the Details panel's bottom sheet over the lower half of the map.
 */
export function centreHeight(): number {
  return detailsCoverMap() ? 0.22 : 0.5;
}

/**
 * The concept to bring into sight as the map opens: one selected by the link that opened it, on
 * a phone, where the whole map fitted would leave it under the Details sheet. A still picture
 * (no zoom to move) is always the whole map.
 */
export function centredAtOpen(view: MapViewState, interactive: boolean): string | undefined {
  return interactive && view.selection?.kind === 'node' && detailsCoverMap() ? view.selection.id : undefined;
}

/** A map drawing's own ways of framing its view, as `reframe` and `reframeAfterResize` use them. */
export interface Framer {
  fit(animate: boolean): void;
  fitNodes(ids: readonly string[], animate: boolean): void;
  centreOn(id: string, animate: boolean): void;
  zoom: ZoomController | undefined;
  transform: ViewTransform;
}

/** Frame the view as it was last asked to be: the tour step in view, a concept in the middle, or the whole map. */
export function reframe(framing: ViewFraming, map: Pick<Framer, 'fit' | 'fitNodes' | 'centreOn'>): void {
  const asked = framing.asked;
  if (asked.kind === 'step') map.fitNodes(asked.ids, false);
  else if (asked.kind === 'centred') {
    // Never framed yet (a map opened on a concept): at the scale of the whole map.
    if (!framing.framed) map.fit(false);
    map.centreOn(asked.id, false);
  } else map.fit(false);
}

/** After the map's box changed from `previous` (CSS pixels), frame the view as `framing` says. */
export function reframeAfterResize(framing: ViewFraming, selection: boolean, previous: { width: number; height: number }, map: Framer): void {
  const action = framing.onResize(previous.width === 0 || previous.height === 0, selection);
  if (action.kind === 'step') map.fitNodes(action.ids, false);
  else if (action.kind === 'centre') reframe(framing, map);
  else if (action.kind === 'fit' || !map.zoom) map.fit(false);
  else {
    // The point that was in the middle stays there, at the same scale.
    const t = map.transform;
    map.zoom.centreOn({ x: (previous.width / 2 - t.x) / t.k, y: (previous.height / 2 - t.y) / t.k }, false);
  }
}
