/**
 * The reader's hands on the view: wheel, pointer drag and two-finger pinch on the map's element
 * (the SVG or the canvas), turned into transforms for the `Viewport`, and the box's size
 * reported to it. It behaves like d3-zoom's defaults (wheel zooms about the pointer, a drag
 * pans, a click after a pan is swallowed) without its 18 kB of transitions, colours and
 * interpolators. Framework-free: `attachViewport` returns the function that detaches it.
 */
import type { Point } from '../core/model/types.ts';
import { zoomAbout, type Viewport, type ViewTransform } from './viewport.ts';

/** How far one wheel step zooms, as d3-zoom: 2^(−deltaY × this). */
export function wheelDelta(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  return -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
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

export interface AttachOptions {
  /** False: this press does not start a pan (e.g. it landed on a node the renderer drags). */
  filter?: (event: PointerEvent) => boolean;
  /** The box whose size is the view's (defaults to the element). */
  box?: Element;
  /**
   * The element pointer positions are measured from (defaults to the element): one that stays
   * still when the element itself is moved by a CSS transform while the view glides.
   */
  frame?: Element;
  /**
   * False: the first size is the observer's first report (before the next frame is painted),
   * not measured now. Measuring while the page is being built lays it all out mid-build (10–20 ms
   * at 100 concepts on a 2-core machine), for it to be laid out again for the frame; worth it
   * only when there is something to frame at once.
   */
  measureNow?: boolean;
}

/**
 * Lets the reader move `viewport` by hand on `element` (only for an interactive viewport), and
 * keeps the viewport's size that of the element's box.
 */
export function attachViewport(element: HTMLElement | SVGElement, viewport: Viewport, options: AttachOptions = {}): () => void {
  const boxElement = options.box ?? element;
  const view = element.ownerDocument.defaultView ?? window;
  const sizeNow = () => {
    const rect = boxElement.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  };
  viewport.measureWith(sizeNow);
  const observer = new ResizeObserver(() => {
    const { width, height } = sizeNow();
    viewport.resize(width, height);
  });
  observer.observe(boxElement);
  if (options.measureNow ?? true) {
    const first = sizeNow();
    viewport.resize(first.width, first.height);
  }
  if (!viewport.interactive) {
    return () => {
      observer.disconnect();
      viewport.measureWith(undefined);
    };
  }

  // Where the element is, read once per gesture: reading it on every pointer move forces a
  // layout of the whole page each time (costly beside a long list of hidden concept buttons).
  let cachedBox: DOMRect | null = null;
  let cachedAt = 0;
  const box = () => {
    const now = performance.now();
    if (!cachedBox || (!gesture && now - cachedAt > 250)) {
      cachedBox = (options.frame ?? element).getBoundingClientRect();
      cachedAt = now;
    }
    return cachedBox;
  };
  const local = (event: { clientX: number; clientY: number }): Point => {
    const b = box();
    return { x: event.clientX - b.left, y: event.clientY - b.top };
  };

  // Wheel: zoom about the pointer.
  function onwheel(event: WheelEvent) {
    event.preventDefault();
    const current = viewport.transform;
    const k = viewport.clampScale(current.k * Math.pow(2, wheelDelta(event)));
    if (k === current.k) return;
    viewport.setTransform(zoomAbout(current, k, local(event)), true);
  }

  // Pointers: one pans, two pinch.
  const pointers = new Map<number, Point>();
  let gesture: { start: ViewTransform; points: Map<number, Point>; moved: boolean } | null = null;

  function begin() {
    gesture = { start: viewport.transform, points: new Map(pointers), moved: gesture?.moved ?? false };
  }

  function onpointerdown(event: PointerEvent) {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    if (options.filter && !options.filter(event)) return;
    viewport.stop();
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
      viewport.setTransform({ k: s.k, x: s.x + a1.x - a0.x, y: s.y + a1.y - a0.y }, true);
      return;
    }
    const b0 = gesture.points.get(b)!;
    const b1 = pointers.get(b)!;
    const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
    const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
    const k = viewport.clampScale((s.k * d1) / d0);
    // The map point under the first midpoint stays under the current midpoint.
    const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
    const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
    const mx = (m0.x - s.x) / s.k;
    const my = (m0.y - s.y) / s.k;
    viewport.setTransform({ k, x: m1.x - mx * k, y: m1.y - my * k }, true);
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

  return () => {
    observer.disconnect();
    viewport.measureWith(undefined);
    viewport.stop();
    element.removeEventListener('wheel', onwheel as EventListener);
    element.removeEventListener('pointerdown', onpointerdown as EventListener);
    view.removeEventListener('pointermove', onpointermove);
    view.removeEventListener('pointerup', onpointerup);
    view.removeEventListener('pointercancel', onpointerup);
  };
}
