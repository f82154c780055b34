/**
 * SVG or canvas. SVG is crisp, accessible and exportable, but every concept is a few DOM
 * elements the browser repaints on each pan: measured on a 2-core machine without a GPU
 * (`npm run bench`), SVG keeps pan and zoom under a 60 Hz frame up to about this many concepts,
 * the canvas far beyond. `?renderer=svg|canvas` overrides the choice (for comparisons).
 */
export const CANVAS_THRESHOLD = 800;

export type Renderer = 'svg' | 'canvas';

export function chooseRenderer(nodeCount: number, override?: string | null): Renderer {
  if (override === 'svg' || override === 'canvas') return override;
  return nodeCount >= CANVAS_THRESHOLD ? 'canvas' : 'svg';
}

/** The override in the page's address, if any. */
export function rendererOverride(): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('renderer');
}
