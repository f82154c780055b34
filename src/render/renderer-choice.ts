/**
 * SVG or canvas. SVG is crisp, accessible and exportable, but every concept is a few DOM
 * elements (a shape and a haloed label) that the browser repaints on each pan. Measured with
 * `npm run bench --renderer svg|canvas` on a 2-core machine without a GPU, p95 frame times:
 * pan/zoom SVG 21 / 31 / 66 ms against canvas 7 / 10 / 21 ms at 100 / 300 / 500 concepts, and
 * dragging SVG 33 / 132 / 286 ms against 10 / 18 / 17 ms. SVG is still about a frame at 100
 * concepts and four times slower to drag at 300: the canvas takes over from 150.
 * `?renderer=svg|canvas` overrides the choice (for comparisons). The maps drawn on a canvas are
 * the ones whose first layout is shown as it settles.
 */
import { PROGRESSIVE_LAYOUT } from '../core/layout/plan.ts';

export const CANVAS_THRESHOLD = PROGRESSIVE_LAYOUT;

export type Renderer = 'svg' | 'canvas';

export function chooseRenderer(nodeCount: number, override?: string | null): Renderer {
  if (override === 'svg' || override === 'canvas') return override;
  return nodeCount >= CANVAS_THRESHOLD ? 'canvas' : 'svg';
}

/** The override in the page's address, if any. */
export function rendererOverride(): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('renderer');
}
