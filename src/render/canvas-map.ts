/**
 * The map on a canvas, framework-free: the draw loop (at most one draw per frame), the panning
 * picture, hit testing of concepts and relations, and pictures of the view for export. The
 * Svelte component (`ui/Map.canvas.svelte`) only wires it to the page: it says when the scene
 * state, the positions or the size changed, and forwards pointer events.
 */
import type { PositionTable } from '../core/layout/position-table.ts';
import { drawScene, sceneRun, type Scene, type SceneDrawing, type SceneState, type SceneTheme } from './canvas-scene.ts';
import { distanceToRun } from './edge-geometry.ts';
import { SpatialIndex } from './spatial-index.ts';
import type { Viewport, ViewTransform } from './viewport.ts';

/** Performance marks the benchmark reads: the first frame with concepts on it, and (a frame later) on screen. */
export const MARK_NODES_DRAWN = 'pathomap:nodes-drawn';
export const MARK_FIRST_FRAME = 'pathomap:first-frame';

/** Screen pixels around a marker, and either side of a relation, that still count as a hit. */
const NODE_HIT_SLACK = 4;
const EDGE_HIT_SLACK = 6;
/** Share of the view drawn beyond each side of the panning picture. */
const PAN_MARGIN = 0.25;
const NO_EDGES = new Int32Array(0);

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

export interface CanvasMapOptions {
  canvas: HTMLCanvasElement;
  scene: Scene;
  viewport: Viewport;
  positions: () => PositionTable;
  /** Whether the layout has settled (while it moves the map is drawn as a moving view, cheaply). */
  settled: () => boolean;
  state: () => SceneState;
  theme: () => SceneTheme;
  /** A small map's drawing (glyphs, group boxes, routed relations), as the SVG map draws it. */
  drawing?: () => SceneDrawing | undefined;
  /** Called once the whole first picture is drawn (a large map's layout may then begin). */
  onFirstPicture?: () => void;
}

export class CanvasMap {
  readonly #o: CanvasMapOptions;
  readonly #ctx: CanvasRenderingContext2D | null;
  #width = 0;
  #height = 0;
  #dpr = 1;
  #frame = 0;
  #dragging = false;
  #index: SpatialIndex | null = null;
  /** Each scene node's slot in the positions table (which may order concepts differently). */
  #slots: Int32Array;
  #slotsFor: readonly string[] | null = null;
  readonly #hitRadii: Float64Array;
  /**
   * While the view pans (same zoom, nothing else changing), frames are copies of one picture
   * drawn with a margin around the view: a pan costs a copy, not a redraw, until it goes past
   * the margin. Any other change (zoom, positions, state, theme, size) draws afresh.
   */
  #pan: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; t: ViewTransform; content: unknown[] } | null = null;
  #marked = false;
  #relationsDrawn = false;
  #shownSaid = false;
  /** The canvas's place on the page, read when it may have moved (not on every pointer move). */
  #box: DOMRect | null = null;
  #boxAt = 0;

  constructor(options: CanvasMapOptions) {
    this.#o = options;
    // Drawn by the CPU either way without a GPU; a CPU-backed canvas rasterises as it draws
    // instead of replaying every command when the frame is committed (measured at 5,000
    // concepts: the longest task while the layout runs halved).
    this.#ctx = options.canvas.getContext('2d', { willReadFrequently: true });
    this.#slots = new Int32Array(options.scene.nodes.length).fill(-1);
    this.#hitRadii = new Float64Array(options.scene.nodes.map((n) => n.r + 2));
    // Drawn first in the frame after the one that lays out and paints the new canvas: each is
    // then a task of its own, not more work in one long one. Until then, asking to draw waits.
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.invalidate();
    });
  }

  get dragging(): boolean {
    return this.#dragging;
  }

  set dragging(value: boolean) {
    this.#dragging = value;
  }

  /**
   * Sizes the canvas to its box. A resized canvas is blank until drawn again, so it is drawn now,
   * unless it has never been drawn (its first picture waits for its frame).
   */
  resize(width: number, height: number, dpr: number): void {
    const canvas = this.#o.canvas;
    this.#box = null;
    // A report that repeats the size already set draws nothing.
    if (width === this.#width && height === this.#height && dpr === this.#dpr && canvas.width === Math.max(1, Math.round(width * dpr))) return;
    this.#width = width;
    this.#height = height;
    this.#dpr = dpr;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    if (!this.#marked) return this.invalidate();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#draw();
  }

  /** Draw in the next frame (once, however often it is asked). */
  invalidate(): void {
    if (this.#frame || !this.#ctx) return;
    this.#frame = requestAnimationFrame(() => this.#draw());
  }

  /** Positions or visibility changed: the hit index is rebuilt when next asked. */
  positionsChanged(): void {
    this.#index = null;
  }

  /** Map coordinates of a pointer event. */
  toMap(event: { clientX: number; clientY: number }): { x: number; y: number } {
    const now = performance.now();
    if (!this.#box || (!this.#dragging && now - this.#boxAt > 250)) {
      this.#box = this.#o.canvas.getBoundingClientRect();
      this.#boxAt = now;
    }
    return this.#o.viewport.invert({ x: event.clientX - this.#box.left, y: event.clientY - this.#box.top });
  }

  /** The concept under a pointer event, as its scene number, or -1. */
  nodeAt(event: { clientX: number; clientY: number }): number {
    if (this.#o.positions().size === 0) return -1;
    const p = this.toMap(event);
    return this.#hitIndex().hit(p.x, p.y, NODE_HIT_SLACK / this.#o.viewport.transform.k);
  }

  /** The relation under a pointer event, as its scene number, or -1. */
  edgeAt(event: { clientX: number; clientY: number }): number {
    const p = this.toMap(event);
    const frame = this.#coordsFrame();
    const state = this.#o.state();
    const tolerance = EDGE_HIT_SLACK / this.#o.viewport.transform.k;
    let best = -1;
    let bestDistance = tolerance;
    for (const e of state.edges) {
      const edge = this.#o.scene.edges[e]!;
      if (frame.slots[edge.s]! < 0 || frame.slots[edge.t]! < 0) continue;
      const run = sceneRun(this.#o.scene, state, frame, e);
      const xs = [run.start.x, run.end.x, run.control?.x ?? run.start.x];
      const ys = [run.start.y, run.end.y, run.control?.y ?? run.start.y];
      if (p.x < Math.min(...xs) - tolerance || p.x > Math.max(...xs) + tolerance) continue;
      if (p.y < Math.min(...ys) - tolerance || p.y > Math.max(...ys) + tolerance) continue;
      const d = distanceToRun(p, run);
      if (d < bestDistance) {
        bestDistance = d;
        best = e;
      }
    }
    return best;
  }

  /**
   * The view as it is now, drawn in full detail (as when it rests) on demand, for export: on a
   * canvas of the export's resolution, or into the SVG recorder by the same drawing code.
   */
  picture(element: Element): ViewPicture {
    const width = this.#width;
    const height = this.#height;
    const frameAt = (dpr: number) => ({ width, height, dpr, transform: this.#o.viewport.transform, moving: false, ...this.#coordsFrame() });
    return {
      width,
      height,
      element,
      draw: (scale) => {
        const picture = document.createElement('canvas');
        picture.width = Math.max(1, Math.round(width * scale));
        picture.height = Math.max(1, Math.round(height * scale));
        const context = picture.getContext('2d');
        if (!context) throw new Error('This browser cannot draw pictures (no 2D canvas).');
        drawScene(context, this.#o.scene, this.#o.state(), frameAt(scale), this.#o.theme());
        return picture;
      },
      vector: async () => {
        // Loaded when first asked for: only exports need it.
        const { SvgRecorder } = await import('./svg-recorder.ts');
        const recorder = new SvgRecorder(document, width, height);
        drawScene(recorder, this.#o.scene, this.#o.state(), frameAt(1), this.#o.theme());
        return recorder.group;
      },
    };
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #slotsOf(table: PositionTable): Int32Array {
    if (table.ids !== this.#slotsFor) {
      this.#slotsFor = table.ids;
      this.#slots = new Int32Array(this.#o.scene.nodes.length).fill(-1);
      this.#o.scene.nodes.forEach((n, i) => (this.#slots[i] = table.index.get(n.id) ?? -1));
    }
    return this.#slots;
  }

  #coordsFrame(): { coords: Float64Array; slots: Int32Array; drawing?: SceneDrawing } {
    const table = this.#o.positions();
    const drawing = this.#o.drawing?.();
    return { coords: table.coords, slots: this.#slotsOf(table), ...(drawing ? { drawing } : {}) };
  }

  #hitIndex(): SpatialIndex {
    if (!this.#index) {
      const { coords: table, slots } = this.#coordsFrame();
      const n = this.#o.scene.nodes.length;
      const coords = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        const s = slots[i]!;
        coords[2 * i] = s < 0 ? NaN : table[2 * s]!;
        coords[2 * i + 1] = s < 0 ? NaN : table[2 * s + 1]!;
      }
      const visible = this.#o.state().visible;
      this.#index = new SpatialIndex(coords, this.#hitRadii, (i) => visible[i] === 1);
    }
    return this.#index;
  }

  #draw(): void {
    this.#frame = 0;
    const ctx = this.#ctx;
    const width = this.#width;
    const height = this.#height;
    const dpr = this.#dpr;
    if (!ctx || width === 0 || height === 0) return;
    const { viewport, scene } = this.#o;
    const table = this.#o.positions();
    const transform = viewport.transform;
    const moving = viewport.moving || this.#dragging;
    const settled = this.#o.settled();
    const theme = this.#o.theme();
    // The first picture comes in two frames, the concepts and then their relations: the
    // drawing code is cold on its first run, and all of it at once made one long task.
    const fullState = this.#o.state();
    const state = this.#relationsDrawn ? fullState : { ...fullState, edges: NO_EDGES };
    const content: unknown[] = [table, fullState, this.#relationsDrawn, theme, width, height, dpr, this.#o.drawing?.()];
    const same = (a: unknown[], b: unknown[]) => a.every((v, i) => v === b[i]);
    const mx = Math.round(width * PAN_MARGIN);
    const my = Math.round(height * PAN_MARGIN);
    const pan = this.#pan;
    const panning = moving && settled && !this.#dragging;
    if (panning && pan && pan.t.k === transform.k && same(pan.content, content)) {
      const dx = transform.x - pan.t.x;
      const dy = transform.y - pan.t.y;
      if (Math.abs(dx) <= mx && Math.abs(dy) <= my) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        ctx.drawImage(pan.canvas, Math.round((dx - mx) * dpr), Math.round((dy - my) * dpr));
        return;
      }
    }
    const drawing = this.#o.drawing?.();
    const frameOf = (w: number, h: number, t: ViewTransform) => ({
      width: w,
      height: h,
      dpr,
      transform: t,
      // A layout still settling moves anyway: drawn as a moving view, cheaply.
      moving: moving || !settled,
      coords: table.coords,
      slots: this.#slotsOf(table),
      ...(drawing ? { drawing } : {}),
    });
    let stats;
    if (panning) {
      // Panning may follow: draw the picture with its margin once, and show its middle.
      const bufferWidth = Math.round((width + 2 * mx) * dpr);
      const bufferHeight = Math.round((height + 2 * my) * dpr);
      if (!pan || pan.canvas.width !== bufferWidth || pan.canvas.height !== bufferHeight) {
        const buffer = document.createElement('canvas');
        buffer.width = bufferWidth;
        buffer.height = bufferHeight;
        this.#pan = { canvas: buffer, ctx: buffer.getContext('2d', { willReadFrequently: true })!, t: transform, content };
      }
      const buffer = this.#pan!;
      stats = drawScene(buffer.ctx, scene, state, frameOf(width + 2 * mx, height + 2 * my, { k: transform.k, x: transform.x + mx, y: transform.y + my }), theme);
      buffer.t = transform;
      buffer.content = content;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.drawImage(buffer.canvas, -Math.round(mx * dpr), -Math.round(my * dpr));
    } else {
      if (!moving) this.#pan = null;
      stats = drawScene(ctx, scene, state, frameOf(width, height, transform), theme);
    }
    if (!this.#marked && stats.nodesDrawn > 0) {
      this.#marked = true;
      performance.mark?.(MARK_NODES_DRAWN);
      // Drawn in this animation frame; the next one begins once it is on screen.
      requestAnimationFrame(() => performance.mark?.(MARK_FIRST_FRAME));
    }
    if (!this.#relationsDrawn) {
      this.#relationsDrawn = true;
      this.invalidate();
    } else if (!this.#shownSaid) {
      // The whole first picture is drawn: a large map's layout may begin, once it is on screen.
      this.#shownSaid = true;
      requestAnimationFrame(() => this.#o.onFirstPicture?.());
    }
  }
}
