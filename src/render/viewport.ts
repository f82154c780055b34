/**
 * The map's view: which part of the map the screen shows, and how it got there. One instance
 * per explorer, shared by whichever renderer draws the map (SVG or canvas), in the manner of
 * xyflow's XYPanZoom and sigma's camera: it owns the transform (map → screen and back), frames
 * the whole map, a tour step or a concept, zooms, frames the view again when the map's box
 * changes size or its layout moves, animates (not under reduced motion), and says when the view
 * starts and stops moving, so no renderer keeps a stillness timer of its own.
 *
 * DOM-free: the renderer reports the box's size (`resize`) and the reader's gestures
 * (`render/pan-zoom.ts` calls `setTransform`); a scheduler can be passed in, so tests run it by hand.
 */
import type { Point } from '../core/model/types.ts';
import { ViewFraming } from './framing.ts';
import { LOOK } from './look.ts';

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

export interface Size {
  width: number;
  height: number;
}

/** Screen pixels along each side of the view that something covers (a tour caption, a sheet). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** Map point → screen point (relative to the map's box). */
export function applyTransform(t: ViewTransform, p: Point): Point {
  return { x: p.x * t.k + t.x, y: p.y * t.k + t.y };
}

/** Screen point → map point. */
export function invertTransform(t: ViewTransform, p: Point): Point {
  return { x: (p.x - t.x) / t.k, y: (p.y - t.y) / t.k };
}

/** The transform that zooms `t` to scale `k` keeping the screen point `at` still. */
export function zoomAbout(t: ViewTransform, k: number, at: Point): ViewTransform {
  const m = invertTransform(t, at);
  return { k, x: at.x - m.x * k, y: at.y - m.y * k };
}

/**
 * The transform that shows `bounds` in a box of `size` with `padding` px around, never
 * magnified beyond `maxScale` (a tiny map stays small, in the middle).
 */
export function fitTransform(bounds: Bounds, size: Size, padding: number = LOOK.fit.padding, maxScale: number = LOOK.fit.maxScale): ViewTransform {
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const k = Math.min(maxScale, (size.width - 2 * padding) / w, (size.height - 2 * padding) / h);
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { k, x: size.width / 2 - cx * k, y: size.height / 2 - cy * k };
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

/** What the view frames: asked of the map's model, not of any renderer. */
export interface ViewportContent {
  /** The box around everything shown (labels included), map units. */
  whole(): Bounds | undefined;
  /** The box a tour step of these concepts is shown in. */
  step(ids: readonly string[]): Bounds | undefined;
  /** Where a concept is now. */
  position(id: string): Point | undefined;
  /** The box a concept is drawn in, marker and label, map units (its position alone without it). */
  conceptBox?(id: string): Bounds | undefined;
}

/** Time, frames and timers: the browser's by default, a test's own when it passes one. */
export interface Scheduler {
  now(): number;
  frame(run: (now: number) => void): number;
  cancelFrame(handle: number): void;
  after(ms: number, run: () => void): unknown;
  cancelAfter(handle: unknown): void;
}

const browserScheduler: Scheduler = {
  now: () => performance.now(),
  frame: (run) => requestAnimationFrame(run),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  after: (ms, run) => setTimeout(run, ms),
  cancelAfter: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ViewportOptions {
  content: ViewportContent;
  /** False: a still picture, framed whole and never animated. */
  interactive?: boolean;
  reducedMotion?: () => boolean;
  /** Whether a selection is open (the Details panel beside the map changes its size). */
  selectionOpen?: () => boolean;
  /** The concept open in Details: kept in sight when the panel opening narrows the view. */
  selectedConcept?: () => string | undefined;
  /**
   * Where a concept brought to the middle sits, as a share of the view's height: halfway, or on a
   * phone higher up, above the Details sheet over the lower half of the map.
   */
  centreHeight?: () => number;
  /** Open with this concept in sight instead of the whole map. */
  centred?: string;
  scaleExtent?: readonly [number, number];
  scheduler?: Scheduler;
}

export type ViewportEvent = 'change' | 'start' | 'end';
type ChangeListener = (transform: ViewTransform, byUser: boolean) => void;

/** Screen pixels kept between a concept brought into sight and the edge of the view. */
const KEEP_IN_SIGHT_MARGIN = 24;

export class Viewport {
  readonly #content: ViewportContent;
  readonly #options: ViewportOptions;
  readonly #scheduler: Scheduler;
  readonly #framing: ViewFraming;
  readonly #minK: number;
  readonly #maxK: number;
  #transform: ViewTransform = { x: 0, y: 0, k: 1 };
  #size: Size = { width: 0, height: 0 };
  #insets: Insets = NO_INSETS;
  /** Measures the box now, for moves made right after a layout change (set by the renderer). */
  #measure: (() => Size) | undefined;
  #animation = 0;
  #moving = false;
  #stillTimer: unknown;
  readonly #change = new Set<ChangeListener>();
  readonly #start = new Set<() => void>();
  readonly #end = new Set<() => void>();

  constructor(options: ViewportOptions) {
    this.#options = options;
    this.#content = options.content;
    this.#scheduler = options.scheduler ?? browserScheduler;
    this.#framing = new ViewFraming(options.interactive === false ? undefined : options.centred);
    [this.#minK, this.#maxK] = options.scaleExtent ?? [0.1, 8];
  }

  get transform(): ViewTransform {
    return { ...this.#transform };
  }

  get size(): Size {
    return { ...this.#size };
  }

  get interactive(): boolean {
    return this.#options.interactive !== false;
  }

  /** Whether the view has moved within the last `LOOK.settleMs`. */
  get moving(): boolean {
    return this.#moving;
  }

  /** How the view was last framed (for tests and the explorer's own decisions). */
  get framing(): ViewFraming {
    return this.#framing;
  }

  /** Map point → screen point. */
  apply(p: Point): Point {
    return applyTransform(this.#transform, p);
  }

  /** Screen point → map point. */
  invert(p: Point): Point {
    return invertTransform(this.#transform, p);
  }

  /** Listen to the view: returns a function that stops listening. */
  on(event: 'change', listener: ChangeListener): () => void;
  on(event: 'start' | 'end', listener: () => void): () => void;
  on(event: ViewportEvent, listener: ChangeListener | (() => void)): () => void {
    const set = (event === 'change' ? this.#change : event === 'start' ? this.#start : this.#end) as Set<typeof listener>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Keep what is framed out of the strips something covers (a tour caption over the bottom of
   * the map): fits and centring use the rest of the view. The view is framed again at once.
   */
  setInsets(insets: Partial<Insets>): void {
    const next = { ...NO_INSETS, ...insets };
    const now = this.#insets;
    if (next.top === now.top && next.right === now.right && next.bottom === now.bottom && next.left === now.left) return;
    this.#insets = next;
    if (this.#sized() && this.#framing.asked.kind !== 'moved') this.reframe();
  }

  get insets(): Insets {
    return { ...this.#insets };
  }

  /** The box the whole map is fitted to (e.g. a picture rendered ahead fits it by a viewBox). */
  framingBounds(): Bounds | undefined {
    return this.#content.whole();
  }

  /** The part of the map in sight, map units, leaving out the strips something covers. */
  visibleBounds(): Bounds | undefined {
    if (!this.#sized()) return undefined;
    const { width, height } = this.#size;
    const { top, right, bottom, left } = this.#insets;
    const a = this.invert({ x: left, y: top });
    const b = this.invert({ x: Math.max(left + 1, width - right), y: Math.max(top + 1, height - bottom) });
    return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
  }

  /**
   * What the view frames now, map units, for a picture of it on a slide: the tour step's box or
   * the whole map's as they were asked for (a slide of another shape frames them the same way),
   * else — the reader moved the view, or a concept was brought to the middle — the part in sight.
   */
  framedBounds(): Bounds | undefined {
    const asked = this.#framing.asked;
    if (asked.kind === 'step' && this.interactive) return this.#content.step(asked.ids) ?? this.visibleBounds();
    if (asked.kind === 'whole' || !this.interactive || asked.kind === 'step') return this.#content.whole() ?? this.visibleBounds();
    return this.visibleBounds() ?? this.#content.whole();
  }

  /** The renderer's way to measure its box at once (its element's size, read now). */
  measureWith(measure: (() => Size) | undefined): void {
    this.#measure = measure;
  }

  // --- What the explorer asks for ---------------------------------------------------------

  /** Fit everything shown into the view. */
  fitWhole(animate = true): void {
    const bounds = this.#content.whole();
    if (!bounds) return;
    this.#framing.fitted();
    this.#fit(bounds, animate);
  }

  /** Bring a tour step's concepts into view, without zooming in further than needed. */
  showStep(ids: readonly string[], animate = true): void {
    const bounds = this.#sized() ? this.#content.step(ids) : undefined;
    this.#framing.stepped(ids, bounds !== undefined);
    // A still picture is always the whole map, the step's concepts emphasised in it.
    if (!this.interactive) this.#fitBounds(false);
    else if (bounds) this.#fit(bounds, animate);
  }

  /** Bring a concept to the middle (on a phone: above the Details sheet), keeping the scale. */
  centreOnConcept(id: string, animate = true): void {
    const p = this.#content.position(id);
    // Asked before the concept has a place (or the view a size): done once it has.
    this.#framing.centred(id, p !== undefined && this.#sized());
    if (!p || !this.#sized() || !this.interactive) return;
    this.centreOn(p, animate, this.#options.centreHeight?.() ?? 0.5);
  }

  /** Bring a concept into sight when it is not (keyboard focus moved to it). */
  reveal(id: string): void {
    this.keepInSight(id);
  }

  /**
   * Pan as little as brings a concept, marker and label, wholly into the part of the view in
   * sight (a margin from its edges), keeping the scale; a concept larger than that is centred.
   * Nothing moves when it is in sight already.
   */
  keepInSight(id: string, animate = true): void {
    if (!this.#sized() || !this.interactive) return;
    const p = this.#content.position(id);
    if (!p) return;
    const box = this.#content.conceptBox?.(id) ?? { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    const { width, height } = this.#currentSize();
    const { top, right, bottom, left } = this.#insets;
    const t = this.#transform;
    const margin = Math.min(KEEP_IN_SIGHT_MARGIN, (width - left - right) / 4, (height - top - bottom) / 4);
    const shift = (min: number, max: number, from: number, to: number) => {
      const lo = from + margin;
      const hi = to - margin;
      if (max - min > hi - lo) return (lo + hi) / 2 - (min + max) / 2;
      if (min < lo) return lo - min;
      if (max > hi) return hi - max;
      return 0;
    };
    const dx = shift(box.minX * t.k + t.x, box.maxX * t.k + t.x, left, width - right);
    const dy = shift(box.minY * t.k + t.y, box.maxY * t.k + t.y, top, height - bottom);
    if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
    this.#go({ k: t.k, x: t.x + dx, y: t.y + dy }, animate);
  }

  /** Zoom about the middle of the view. */
  zoomBy(factor: number): void {
    if (!this.interactive) return;
    this.#stop();
    const { width, height } = this.#currentSize();
    this.#set(zoomAbout(this.#transform, this.#clampK(this.#transform.k * factor), { x: width / 2, y: height / 2 }), false);
  }

  // --- Primitives -------------------------------------------------------------------------

  /** Move `point` to `yFraction` of the view's height (0.5: the middle), keeping the zoom. */
  centreOn(point: Point, animate = true, yFraction = 0.5): void {
    const { width, height } = this.#currentSize();
    const { top, right, bottom, left } = this.#insets;
    const k = this.#transform.k;
    const x = left + (width - left - right) / 2;
    const y = top + (height - top - bottom) * yFraction;
    this.#go({ k, x: x - point.x * k, y: y - point.y * k }, animate);
  }

  /** A transform the reader made (pan, wheel, pinch): stops any animation. */
  setTransform(transform: ViewTransform, byUser: boolean): void {
    this.#stop();
    this.#set({ ...transform, k: this.#clampK(transform.k) }, byUser);
  }

  /** Stop an animation under way (the reader took hold of the view). */
  stop(): void {
    this.#stop();
  }

  clampScale(k: number): number {
    return this.#clampK(k);
  }

  // --- What the renderer and the layout report --------------------------------------------

  /** The map's box changed size: frame the view as it was asked to be. */
  resize(width: number, height: number): void {
    const previous = this.#size;
    if (previous.width === width && previous.height === height) return;
    this.#size = { width, height };
    if (width === 0 || height === 0) return;
    const action = this.#framing.onResize(previous.width === 0 || previous.height === 0, this.#options.selectionOpen?.() ?? false);
    if (action.kind === 'step') this.showStep(action.ids, false);
    else if (action.kind === 'centre') this.reframe();
    else if (action.kind === 'fit' || !this.interactive) this.fitWhole(false);
    else {
      // The point that was in the middle stays there, at the same scale.
      const t = this.#transform;
      this.centreOn({ x: (previous.width / 2 - t.x) / t.k, y: (previous.height / 2 - t.y) / t.k }, false);
    }
    // The Details panel opened beside the map: what was clicked stays in sight.
    const selected = this.#options.selectedConcept?.();
    if (selected && action.kind !== 'centre') this.keepInSight(selected, false);
  }

  /**
   * The layout moved (`firstSettled`: its first run has settled). A view never framed is
   * framed; while the first layout settles the framing is kept, until the reader moves the view.
   */
  contentMoved(firstSettled: boolean): void {
    if (this.#sized() && this.#framing.followsLayout(firstSettled)) this.reframe();
  }

  /** Frame the view as it was last asked to be: the tour step, a concept in the middle, or the whole map. */
  reframe(): void {
    const asked = this.#framing.asked;
    if (asked.kind === 'step') this.showStep(asked.ids, false);
    else if (asked.kind === 'centred' && this.interactive) {
      // Never framed yet (a map opened on a concept): at the scale of the whole map.
      if (!this.#framing.framed) this.#fitBounds(false);
      this.centreOnConcept(asked.id, false);
    } else this.fitWhole(false);
  }

  destroy(): void {
    this.#stop();
    this.#scheduler.cancelAfter(this.#stillTimer);
    this.#change.clear();
    this.#start.clear();
    this.#end.clear();
  }

  // --- Inside -----------------------------------------------------------------------------

  #sized(): boolean {
    return this.#size.width > 0 && this.#size.height > 0;
  }

  #currentSize(): Size {
    const measured = this.#measure?.();
    return measured && measured.width > 0 && measured.height > 0 ? measured : this.#size.width > 0 ? this.#size : { width: 800, height: 600 };
  }

  #clampK(k: number): number {
    return Math.min(this.#maxK, Math.max(this.#minK, k));
  }

  /** The whole map's scale, without saying it was framed whole. */
  #fitBounds(animate: boolean): void {
    const bounds = this.#content.whole();
    if (bounds) this.#fit(bounds, animate);
  }

  #fit(bounds: Bounds, animate: boolean): void {
    const t = this.#fitted(bounds);
    this.#go({ ...t, k: this.#clampK(t.k) }, animate && this.interactive);
  }

  #fitted(bounds: Bounds): ViewTransform {
    const size = this.#currentSize();
    const { top, right, bottom, left } = this.#insets;
    // Fitted into the part of the view nothing covers, unless that leaves too little to fit in.
    const free = { width: size.width - left - right, height: size.height - top - bottom };
    const covered = free.width > size.width / 3 && free.height > size.height / 3;
    const t = fitTransform(bounds, covered ? free : size);
    return covered ? { ...t, x: t.x + left, y: t.y + top } : t;
  }

  #set(next: ViewTransform, byUser: boolean): void {
    if (!Number.isFinite(next.x) || !Number.isFinite(next.y) || !Number.isFinite(next.k)) return;
    this.#transform = next;
    if (byUser) this.#framing.moved();
    this.#moved();
    for (const listener of this.#change) listener({ ...next }, byUser);
  }

  /** Says the view started moving, and (after `LOOK.settleMs` without a change) that it stopped. */
  #moved(): void {
    if (!this.#moving) {
      this.#moving = true;
      for (const listener of this.#start) listener();
    }
    this.#scheduler.cancelAfter(this.#stillTimer);
    this.#stillTimer = this.#scheduler.after(LOOK.settleMs, () => {
      this.#moving = false;
      for (const listener of this.#end) listener();
    });
  }

  #stop(): void {
    if (this.#animation) this.#scheduler.cancelFrame(this.#animation);
    this.#animation = 0;
  }

  #go(target: ViewTransform, animate: boolean): void {
    this.#stop();
    const duration = animate && !this.#options.reducedMotion?.() ? LOOK.flyMs : 0;
    if (duration <= 0) {
      this.#set(target, false);
      return;
    }
    const { width, height } = this.#currentSize();
    const viewOf = (t: ViewTransform) => [(width / 2 - t.x) / t.k, (height / 2 - t.y) / t.k, width / t.k] as const;
    const path = interpolateZoom(viewOf(this.#transform), viewOf(target));
    const start = this.#scheduler.now();
    const step = (now: number) => {
      const t = Math.min(1, Math.max(0, (now - start) / duration));
      const [cx, cy, w] = t < 1 ? path(t * t * (3 - 2 * t)) : viewOf(target);
      const k = width / w;
      this.#animation = 0;
      this.#set({ k, x: width / 2 - cx * k, y: height / 2 - cy * k }, false);
      if (t < 1) this.#animation = this.#scheduler.frame(step);
    };
    this.#animation = this.#scheduler.frame(step);
  }
}
