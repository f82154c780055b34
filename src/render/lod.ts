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
}

export interface Lod {
  /** Draw concept labels (those in view). */
  labels: boolean;
  /** Relations with line patterns, arrowheads, rims and bends; false: plain straight lines. */
  edgeDetail: boolean;
  /** Draw every n-th relation in view (1 = all). */
  edgeStride: number;
  /** Draw each category's shape; false: a small square, all a marker needs when it is a dot. */
  shapes: boolean;
  /** Outline markers. */
  outlines: boolean;
}

/** Labels are set at 14 px: below this zoom they would be smaller than 7 px on screen. */
export const LABEL_MIN_ZOOM = 0.5;
/** Most labels drawn in one still frame; more than that is a wall of text, and slow. */
export const LABEL_BUDGET = 1500;
/** Most labels drawn while the view moves. */
export const MOVING_LABEL_BUDGET = 150;
/** Most relations with full detail in one frame. */
export const EDGE_DETAIL_BUDGET = 4000;
/** Most relations drawn while the view moves. */
export const MOVING_EDGE_BUDGET = 6000;
/** Marker radius on screen (px) below which a square stands in for the shape. */
export const SHAPE_MIN_RADIUS = 3;

export function levelOfDetail({ k, moving, nodesInView, edgesInView }: LodInput): Lod {
  const budget = moving ? MOVING_LABEL_BUDGET : LABEL_BUDGET;
  return {
    labels: k >= LABEL_MIN_ZOOM && nodesInView <= budget,
    edgeDetail: !moving && k >= 0.3 && edgesInView <= EDGE_DETAIL_BUDGET,
    edgeStride: moving && edgesInView > MOVING_EDGE_BUDGET ? Math.ceil(edgesInView / MOVING_EDGE_BUDGET) : 1,
    shapes: 10 * k >= SHAPE_MIN_RADIUS,
    outlines: 10 * k >= 4,
  };
}
