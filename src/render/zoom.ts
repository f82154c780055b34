/**
 * Pan and zoom of the map, framework-free and dependency-free: wheel, pointer drag and
 * two-finger pinch on an element (the SVG map or the canvas map), reporting the transform
 * through a callback. It behaves like d3-zoom's defaults (wheel zooms about the pointer,
 * a drag pans, a click after a pan is swallowed) without its 18 kB of transitions,
 * colours and interpolators: the map only ever needs one smooth "fly to".
 */
import type { Point } from '../core/model/types.ts';


/** Fitting never magnifies more than this: a map of three concepts should not fill a wall. */
const MAX_FIT_SCALE = 1.6;
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
  /** False: this press does not start a pan (e.g. it landed on a node the renderer drags). */
  filter?: (event: PointerEvent) => boolean;
}

export interface ZoomController {
  readonly transform: ViewTransform;
  /** Show `bounds` (in map coordinates) in the element, with `padding` px around. */
  /** Show `bounds` in the element, never magnified beyond MAX_FIT_SCALE (a tiny map stays tiny, not blown up). */
  fit(bounds: Bounds, padding?: number, animate?: boolean): void;
  /** Keep the zoom factor, move `point` to the centre of the element. */
  /** Move `point` to `yFraction` of the element's height (0.5: the middle), keeping the zoom. */
  centreOn(point: Point, animate?: boolean, yFraction?: number): void;
  zoomBy(factor: number): void;
  /** Set the transform at once (e.g. to restore a view). */
  set(transform: ViewTransform): void;
  destroy(): void;
}

/** How far one wheel step zooms, as d3-zoom: 2^(−deltaY × this). */
export function wheelDelta(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  return -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
}

/** The transform that zooms `t` to scale `k` keeping the screen point `at` still. */
export function zoomAbout(t: ViewTransform, k: number, at: Point): ViewTransform {
  const mx = (at.x - t.x) / t.k;
  const my = (at.y - t.y) / t.k;
  return { k, x: at.x - mx * k, y: at.y - my * k };
}

const cosh = (x: number) => ((x = Math.exp(x)) + 1 / x) / 2;
const sinh = (x: number) => ((x = Math.exp(x)) - 1 / x) / 2;
const tanh = (x: number) => ((x = Math.exp(2 * x)) - 1) / (x + 1);

/**
 * Van Wijk and Nuij's smooth and efficient zoom between two views [centre x, centre y, width],
 * as d3-interpolate's `interpolateZoom` (ρ = √2).
 */
export function interpolateZoom(
  [ux0, uy0, w0]: readonly [number, number, number],
  [ux1, uy1, w1]: readonly [number, number, number],
): (t: number) => [number, number, number] {
  const rho = Math.SQRT2;
  const rho2 = 2;
  const rho4 = 4;
  const dx = ux1 - ux0;
  const dy = uy1 - uy0;
  const d2 = dx * dx + dy * dy;
  if (d2 < 1e-12) {
    const S = Math.log(w1 / w0) / rho;
    return (t) => [ux0 + t * dx, uy0 + t * dy, w0 * Math.exp(rho * t * S)];
  }
  const d1 = Math.sqrt(d2);
  const b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * d1);
  const b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * d1);
  const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
  const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
  const S = (r1 - r0) / rho;
  return (t) => {
    const s = t * S;
    const coshr0 = cosh(r0);
    const u = (w0 / (rho2 * d1)) * (coshr0 * tanh(rho * s + r0) - sinh(r0));
    return [ux0 + u * dx, uy0 + u * dy, (w0 * coshr0) / cosh(rho * s + r0)];
  };
}

/** Swallow the click that the browser sends after a drag or pan ended on the element. */
export function suppressNextClick(view: Window): void {
  const swallow = (event: Event) => {
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  view.addEventListener('click', swallow, { capture: true, once: true });
  // A drag that ends outside any element sends no click: forget about it soon.
  setTimeout(() => view.removeEventListener('click', swallow, { capture: true }), 0);
}

/** Pixels a press may wander before it counts as a drag rather than a click or tap. */
export const CLICK_DISTANCE = 3;

export function createZoom(element: HTMLElement | SVGElement, options: ZoomOptions): ZoomController {
  const [minK, maxK] = options.scaleExtent ?? [0.1, 8];
  const clampK = (k: number) => Math.min(maxK, Math.max(minK, k));
  let current: ViewTransform = { x: 0, y: 0, k: 1 };
  let animation = 0;
  const view = element.ownerDocument.defaultView ?? window;

  function apply(next: ViewTransform, byUser: boolean) {
    if (!Number.isFinite(next.x) || !Number.isFinite(next.y) || !Number.isFinite(next.k)) return;
    current = next;
    options.onchange({ ...next }, byUser);
  }

  // Where the element is, read once per gesture: reading it on every pointer move forces a
  // layout of the whole page each time (costly beside a long list of hidden concept buttons).
  let cachedBox: DOMRect | null = null;
  let cachedAt = 0;
  const box = () => {
    const now = performance.now();
    if (!cachedBox || (!gesture && now - cachedAt > 250)) {
      cachedBox = element.getBoundingClientRect();
      cachedAt = now;
    }
    return cachedBox;
  };
  /**
   * The element's size, measured now: programmatic moves (fit, centre, zoom buttons) are rare and
   * often follow a layout change (the Details panel opening), so they never use the cached box.
   */
  const size = () => {
    cachedBox = element.getBoundingClientRect();
    cachedAt = performance.now();
    return { width: cachedBox.width || 800, height: cachedBox.height || 600 };
  };
  const local = (event: { clientX: number; clientY: number }): Point => {
    const b = box();
    return { x: event.clientX - b.left, y: event.clientY - b.top };
  };

  // Wheel: zoom about the pointer.
  function onwheel(event: WheelEvent) {
    event.preventDefault();
    cancelAnimationFrame(animation);
    const k = clampK(current.k * Math.pow(2, wheelDelta(event)));
    if (k === current.k) return;
    apply(zoomAbout(current, k, local(event)), true);
  }

  // Pointers: one pans, two pinch.
  const pointers = new Map<number, Point>();
  let gesture: { start: ViewTransform; points: Map<number, Point>; moved: boolean } | null = null;

  function begin() {
    gesture = { start: { ...current }, points: new Map(pointers), moved: gesture?.moved ?? false };
  }

  function onpointerdown(event: PointerEvent) {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    if (options.filter && !options.filter(event)) return;
    cancelAnimationFrame(animation);
    if (!gesture) cachedBox = null;
    pointers.set(event.pointerId, local(event));
    begin();
    if (pointers.size === 1) {
      view.addEventListener('pointermove', onpointermove);
      view.addEventListener('pointerup', onpointerup);
      view.addEventListener('pointercancel', onpointerup);
    }
  }

  function onpointermove(event: PointerEvent) {
    if (!gesture || !pointers.has(event.pointerId)) return;
    const p = local(event);
    pointers.set(event.pointerId, p);
    const [a, b] = [...pointers.keys()];
    const a0 = gesture.points.get(a!)!;
    const a1 = pointers.get(a!)!;
    if (!gesture.moved && Math.hypot(a1.x - a0.x, a1.y - a0.y) <= CLICK_DISTANCE && b === undefined) return;
    gesture.moved = true;
    event.preventDefault();
    const s = gesture.start;
    if (b === undefined) {
      apply({ k: s.k, x: s.x + a1.x - a0.x, y: s.y + a1.y - a0.y }, true);
      return;
    }
    const b0 = gesture.points.get(b)!;
    const b1 = pointers.get(b)!;
    const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
    const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
    const k = clampK((s.k * d1) / d0);
    // The map point under the first midpoint stays under the current midpoint.
    const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
    const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
    const mx = (m0.x - s.x) / s.k;
    const my = (m0.y - s.y) / s.k;
    apply({ k, x: m1.x - mx * k, y: m1.y - my * k }, true);
  }

  function onpointerup(event: PointerEvent) {
    if (!pointers.delete(event.pointerId)) return;
    if (pointers.size > 0) {
      begin();
      return;
    }
    if (gesture?.moved) suppressNextClick(view);
    gesture = null;
    view.removeEventListener('pointermove', onpointermove);
    view.removeEventListener('pointerup', onpointerup);
    view.removeEventListener('pointercancel', onpointerup);
  }

  element.addEventListener('wheel', onwheel as EventListener, { passive: false });
  element.addEventListener('pointerdown', onpointerdown as EventListener);

  function go(target: ViewTransform, animate: boolean) {
    cancelAnimationFrame(animation);
    const duration = animate ? (options.duration?.() ?? 350) : 0;
    if (duration <= 0) {
      apply(target, false);
      return;
    }
    const { width, height } = size();
    const viewOf = (t: ViewTransform) => [(width / 2 - t.x) / t.k, (height / 2 - t.y) / t.k, width / t.k] as const;
    const path = interpolateZoom(viewOf(current), viewOf(target));
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, Math.max(0, (now - start) / duration));
      const [cx, cy, w] = t < 1 ? path(t * t * (3 - 2 * t)) : viewOf(target);
      const k = width / w;
      apply({ k, x: width / 2 - cx * k, y: height / 2 - cy * k }, false);
      if (t < 1) animation = requestAnimationFrame(step);
    };
    animation = requestAnimationFrame(step);
  }

  return {
    get transform() {
      return { ...current };
    },
    fit(bounds, padding = 40, animate = false) {
      const { width, height } = size();
      const w = Math.max(1, bounds.maxX - bounds.minX);
      const h = Math.max(1, bounds.maxY - bounds.minY);
      const k = clampK(Math.min(MAX_FIT_SCALE, (width - 2 * padding) / w, (height - 2 * padding) / h));
      const cx = (bounds.minX + bounds.maxX) / 2;
      const cy = (bounds.minY + bounds.maxY) / 2;
      go({ k, x: width / 2 - cx * k, y: height / 2 - cy * k }, animate);
    },
    centreOn(point, animate = true, yFraction = 0.5) {
      const { width, height } = size();
      const k = current.k;
      go({ k, x: width / 2 - point.x * k, y: height * yFraction - point.y * k }, animate);
    },
    zoomBy(factor) {
      cancelAnimationFrame(animation);
      const { width, height } = size();
      apply(zoomAbout(current, clampK(current.k * factor), { x: width / 2, y: height / 2 }), false);
    },
    set(transform) {
      cancelAnimationFrame(animation);
      apply(transform, false);
    },
    destroy() {
      cancelAnimationFrame(animation);
      element.removeEventListener('wheel', onwheel as EventListener);
      element.removeEventListener('pointerdown', onpointerdown as EventListener);
      view.removeEventListener('pointermove', onpointermove);
      view.removeEventListener('pointerup', onpointerup);
      view.removeEventListener('pointercancel', onpointerup);
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
