/**
 * What the SVG and the canvas map share as Svelte components: the props the explorer gives
 * them, what they offer back (`MapSurface`), the reading order of concepts, where the arrow keys
 * lead, and the hooks the benchmark and the tests read.
 */
import { untrack } from 'svelte';
import type { LayoutState } from './state/layout.svelte.ts';
import type { MapViewState } from './state/map-view.svelte.ts';
import { directionOfKey, neighbourInDirection } from '../core/model/navigation.ts';
import type { ConceptNode, Point } from '../core/model/types.ts';
import type { ViewPicture } from '../render/canvas-map.ts';
import type { Viewport } from '../render/viewport.ts';
import { drawMap, type DrawnMap, type DrawnMapInput } from '../render/drawn-map.ts';
import { LOOK } from '../render/look.ts';

export type { ViewPicture } from '../render/canvas-map.ts';

/** What a map drawing offers the explorer beyond the shared viewport. */
export interface MapSurface {
  /** Move keyboard focus to a concept, bringing it into view when it is off screen. */
  focusNode(id: string): void;
  /** The SVG drawing, for export; a canvas map has none. */
  svgElement?(): SVGSVGElement;
  /** A canvas map's view, to be drawn as a picture for export. */
  viewPicture?(): ViewPicture;
}

/** Where the drawing in use registers itself (the explorer owns it, as it owns the viewport). */
export interface SurfaceSlot {
  current: MapSurface | undefined;
}

/** What the SVG and the canvas map take. */
export interface MapDrawingProps {
  view: MapViewState;
  layout: LayoutState;
  viewport: Viewport;
  surface: SurfaceSlot;
  /** False: a still picture — no zoom, drag, hover or focus. */
  interactive?: boolean;
  /** A concept was clicked or opened with the keyboard. */
  onactivate: (id: string) => void;
  /** Labels never show smaller than this on screen, in pixels (Present mode asks 24); 0: the look's own minimum. */
  labelMinScreen?: number;
}

/** Tab order follows the story: band by band, top to bottom. */
export function storyOrder(view: MapViewState, positions: ReadonlyMap<string, Point>): ConceptNode[] {
  const bandOf = (category: string) => view.categories.get(category)?.band ?? 0;
  const y = (id: string) => positions.get(id)?.y ?? 0;
  return [...view.map.nodes].sort((a, b) => bandOf(a.category) - bandOf(b.category) || y(a.id) - y(b.id));
}

/**
 * The neighbour an arrow key leads to from concept `id`: the shown neighbour lying most nearly
 * in the key's direction. Undefined for other keys, and during a tour (the arrows step it).
 */
export function neighbourToward(view: MapViewState, positions: ReadonlyMap<string, Point>, id: string, key: string): string | undefined {
  const direction = directionOfKey(key);
  if (!direction || view.tour) return undefined;
  const from = positions.get(id);
  if (!from) return undefined;
  const candidates = view.graph
    .neighbours(id)
    .filter((n) => view.visibleNodes.has(n))
    .flatMap((n) => {
      const position = positions.get(n);
      return position ? [{ id: n, position }] : [];
    });
  return neighbourInDirection(from, candidates, direction) ?? undefined;
}

/** Whether a key steers focus between concepts (so the page must not scroll with it). */
export function isArrowKey(key: string): boolean {
  return directionOfKey(key) !== undefined;
}

/**
 * For the benchmark and tests: the drawing element answers where a concept is on screen, the
 * positions, and whether the layout has settled (a canvas has no elements to ask).
 */
/** `frame`: the box the view's pixels are measured from (one that stays still while the drawing glides). */
export function exposeForTools(element: Element, layout: LayoutState, viewport: Viewport, frame: Element = element): void {
  Object.assign(element, {
    pathomapDebug: {
      fit: () => viewport.fitWhole(false),
      /** Shows the map at this transform (map units → the drawing's pixels), e.g. a slide's. */
      setTransform: (t: { x: number; y: number; k: number }) => viewport.setTransform(t, true),
      screenPoint: (id: string) => {
        const p = layout.positions.get(id);
        if (!p) return undefined;
        const box = frame.getBoundingClientRect();
        const s = viewport.apply(p);
        return { x: box.left + s.x, y: box.top + s.y };
      },
      positions: () => Object.fromEntries(layout.positions),
      settled: () => layout.settled,
    },
  });
}

const NOTHING_MOVING: ReadonlySet<string> = new Set();
const ORIGIN: Point = { x: 0, y: 0 };

export interface StoryRoute {
  input: DrawnMapInput;
  /** At the labels' own size. */
  drawn: DrawnMap;
}

/**
 * A story map as both renderers draw it: relations bent round the labels in their way once per
 * arrangement (at the labels' own size, as the exports route them); while a concept is dragged
 * only its own relations are drawn afresh, the rest keep their bends, and every glyph, box and
 * run that did not move is the one drawn before, so a drag costs little per frame. Call `route` inside a `$derived`; `at` gives the drawing with labels at another size.
 * `unrouted` draws the concepts alone, before their relations are routed and drawn.
 */
export function createStoryRouter() {
  const inputOf = (view: MapViewState, layout: LayoutState): DrawnMapInput => ({
    nodes: view.map.nodes,
    relations: view.map.edges,
    radius: (id: string) => view.index.radius[view.index.node.get(id)!]!,
    positions: layout.positions,
    shown: view.visibleNodes,
  });
  let routed: DrawnMap | undefined;
  // The drawings made last, at the labels' own size and at another: what did not change is kept
  // as it was (the same objects), so the renderers redraw only what moved.
  let last: DrawnMap | undefined;
  let lastAt: DrawnMap | undefined;
  let waiting: ReadonlyMap<string, Point> | undefined;
  return {
    route(view: MapViewState, layout: LayoutState): StoryRoute {
      const input = inputOf(view, layout);
      const moving = layout.dragging ? untrack(() => layout.movingIds) : undefined;
      if (moving && routed) return { input, drawn: (last = drawMap({ ...input, reuse: { bends: routed.bends, moving }, previous: last })) };
      return { input, drawn: (last = routed = drawMap({ ...input, route: true, previous: last })) };
    },
    /**
     * Labels (and the boxes round them) at `labelSize`, relations not routed round them. Before
     * the layout has placed anything, every concept at the origin (made ahead, drawn hidden).
     */
    unrouted(view: MapViewState, layout: LayoutState, labelSize: number): DrawnMap {
      const input = inputOf(view, layout);
      if (layout.positions.size === 0) input.positions = (waiting ??= new Map(view.map.nodes.map((n) => [n.id, ORIGIN])));
      if (labelSize === LOOK.label.size) return (last = drawMap({ ...input, previous: last }));
      return (lastAt = drawMap({ ...input, labelSize, previous: lastAt }));
    },
    /** Labels (and the boxes round them) at `labelSize`, relations as routed. */
    at(route: StoryRoute, labelSize: number): DrawnMap {
      if (labelSize === LOOK.label.size) return route.drawn;
      return (lastAt = drawMap({ ...route.input, labelSize, reuse: { bends: route.drawn.bends, moving: NOTHING_MOVING }, previous: lastAt }));
    },
  };
}
