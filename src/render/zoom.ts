/**
 * Pan and zoom of the map, framework-free: d3-zoom on an SVG element, reporting the transform
 * through a callback. Svelte wraps it in an action; tests and other renderers can drive it too.
 */
import { interpolateZoom } from 'd3-interpolate';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Point } from '../core/types.ts';

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface ZoomOptions {
  onchange: (transform: ViewTransform, byUser: boolean) => void;
  /** Smallest and largest zoom factor. */
  scaleExtent?: [number, number];
  /** Animation length in ms; 0 when the reader prefers reduced motion. */
  duration?: () => number;
}

export interface ZoomController {
  readonly transform: ViewTransform;
  /** Show `bounds` (in map coordinates) in the element, with `padding` px around. */
  fit(bounds: Bounds, padding?: number, animate?: boolean): void;
  /** Keep the zoom factor, move `point` to the centre of the element. */
  centreOn(point: Point, animate?: boolean): void;
  zoomBy(factor: number): void;
  destroy(): void;
}

export function createZoom(element: SVGSVGElement, options: ZoomOptions): ZoomController {
  const selection: Selection<SVGSVGElement, unknown, null, undefined> = select(element);
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent(options.scaleExtent ?? [0.1, 8])
    // Double-click is left to nodes (unpin); zooming stays on wheel, pinch, buttons and keys.
    .filter((event: Event) => event.type !== 'dblclick' && !(event as MouseEvent).button)
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      current = event.transform;
      options.onchange({ x: current.x, y: current.y, k: current.k }, event.sourceEvent != null);
    });
  let current: ZoomTransform = zoomIdentity;
  let animation = 0;
  selection.call(behaviour);

  const size = () => {
    const box = element.getBoundingClientRect();
    return { width: box.width || 800, height: box.height || 600 };
  };

  function go(target: ZoomTransform, animate: boolean) {
    cancelAnimationFrame(animation);
    const duration = animate ? (options.duration?.() ?? 350) : 0;
    if (duration <= 0) {
      behaviour.transform(selection, target);
      return;
    }
    // Smooth zoom along d3's "optimal path" between the two views, run by hand so no
    // transition module is needed.
    const { width, height } = size();
    const from = current;
    const view = (t: ZoomTransform) => [(width / 2 - t.x) / t.k, (height / 2 - t.y) / t.k, width / t.k] as const;
    const path = interpolateZoom([...view(from)], [...view(target)]);
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      const [cx, cy, w] = path(t * t * (3 - 2 * t));
      const k = width / w;
      behaviour.transform(selection, zoomIdentity.translate(width / 2 - cx * k, height / 2 - cy * k).scale(k));
      if (t < 1) animation = requestAnimationFrame(step);
    };
    animation = requestAnimationFrame(step);
  }

  return {
    get transform() {
      return { x: current.x, y: current.y, k: current.k };
    },
    fit(bounds, padding = 40, animate = false) {
      const { width, height } = size();
      const w = Math.max(1, bounds.maxX - bounds.minX);
      const h = Math.max(1, bounds.maxY - bounds.minY);
      const [minK, maxK] = behaviour.scaleExtent();
      const k = Math.min(maxK, Math.max(minK, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
      const cx = (bounds.minX + bounds.maxX) / 2;
      const cy = (bounds.minY + bounds.maxY) / 2;
      go(zoomIdentity.translate(width / 2 - cx * k, height / 2 - cy * k).scale(k), animate);
    },
    centreOn(point, animate = true) {
      const { width, height } = size();
      const k = current.k;
      go(zoomIdentity.translate(width / 2 - point.x * k, height / 2 - point.y * k).scale(k), animate);
    },
    zoomBy(factor) {
      behaviour.scaleBy(selection, factor);
    },
    destroy() {
      cancelAnimationFrame(animation);
      selection.on('.zoom', null);
    },
  };
}

/** The box around `points`, or undefined for none. */
export function boundsOf(points: Iterable<Point>, margin = 0): Bounds | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return undefined;
  return { minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin };
}
