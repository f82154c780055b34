/**
 * Level of detail for the canvas map: what is worth drawing at this zoom, for this many things
 * in view, while the view moves or when it rests. Moving, the map keeps its shapes and its
 * structure and drops what costs most and reads least in motion (labels, dashes, arrowheads,
 * some relations when thousands are in view); at rest it draws everything that is legible.
 */

export interface LodInput {
  /** Zoom factor: screen pixels per map unit. */
  k: number;
  /** The view is panning or zooming, or a concept is being dragged. */
  moving: boolean;
  nodesInView: number;
  edgesInView: number;
  /** Total length on screen (px) of the relations in view, as far as they show. Default: unknown. */
  edgePixels?: number;
}

export interface Lod {
  /** Draw concept labels (those in view). */
  labels: boolean;
  /** Relations with line patterns, arrowheads, rims and bends; false: plain straight lines. */
  edgeDetail: boolean;
  /** Draw every n-th relation in view (1 = all; highlighted ones always). */
  edgeStride: number;
  /** Draw each category's shape; false: a small square, all a marker needs when it is a dot. */
  shapes: boolean;
  /** Outline markers. */
  outlines: boolean;
}

/**
 * Below this zoom labels are drawn only for few concepts in view: they keep a readable size on
 * screen (look.ts `labelSize`), and many of them on a far-out view are a wall of text.
 */
export const LABEL_MIN_ZOOM = 0.5;
/** Up to this many concepts in view, all labels are drawn at any zoom, as the SVG map does. */
export const FEW_LABELS = 150;
/** Most labels drawn in one still frame; more than that is a wall of text, and slow. */
export const LABEL_BUDGET = 1500;
/** Most labels drawn while the view moves. */
export const MOVING_LABEL_BUDGET = 150;
/** Most relations with full detail in one frame. */
export const EDGE_DETAIL_BUDGET = 4000;
/** Most relations drawn while the view moves. */
export const MOVING_EDGE_BUDGET = 6000;
/**
 * Most screen pixels of relation lines drawn while the view moves: drawing a line costs about
 * its length, so a zoomed-in view of long relations is thinned as much as a crowded overview.
 */
export const MOVING_EDGE_PIXELS = 250_000;
/**
 * Most screen pixels of relation lines in a still frame: more is a grey mat of lines (tens of
 * thousands of relations in an overview) that takes a long task to draw; zoom in for all.
 */
export const STILL_EDGE_PIXELS = 2_500_000;
/** Marker radius on screen (px) below which a square stands in for the shape. */
export const SHAPE_MIN_RADIUS = 3;

export function levelOfDetail({ k, moving, nodesInView, edgesInView, edgePixels = 0 }: LodInput): Lod {
  const budget = moving ? MOVING_LABEL_BUDGET : LABEL_BUDGET;
  const stride = Math.max(1, Math.ceil(edgesInView / MOVING_EDGE_BUDGET), Math.ceil(edgePixels / MOVING_EDGE_PIXELS));
  const stillStride = Math.max(1, Math.ceil(edgePixels / STILL_EDGE_PIXELS));
  return {
    labels: (k >= LABEL_MIN_ZOOM || nodesInView <= FEW_LABELS) && nodesInView <= budget,
    edgeDetail: !moving && k >= 0.3 && edgesInView <= EDGE_DETAIL_BUDGET,
    edgeStride: moving ? stride : stillStride,
    shapes: 10 * k >= SHAPE_MIN_RADIUS,
    outlines: 10 * k >= 4,
  };
}
