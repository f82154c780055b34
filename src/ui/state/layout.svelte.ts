/**
 * Node positions for the view. The force layout runs in a Web Worker (`core/layout-worker.ts`;
 * in-process where no worker can start) and reports positions as flat arrays, published here
 * through `$state.raw` as a `PositionTable`. A map whose concepts all have a place (a saved
 * layout, or positions computed when the site was built) is drawn at once, and the layout code
 * is not even loaded until a concept is dragged.
 *
 * A small map is drawn once, settled: the same picture on every load, no motion to sit
 * through. A large one shows its layout as it settles, so something is on screen at once
 * (under reduced motion: where it starts, then settled, nothing in between). After a drag the
 * neighbours make room, animated (or at once under reduced motion).
 */
import { connectLayout, type ConnectOptions, type LayoutConnection } from '../../core/layout/connection.ts';
import type { FromLayoutHost, ToLayoutHost } from '../../core/layout/host.ts';
import { PROGRESSIVE_LAYOUT, planLayout, type LayoutPlan } from '../../core/layout/plan.ts';
import { startingPositions } from '../../core/layout/start.ts';
import { PositionTable } from '../../core/layout/position-table.ts';
import type { PathoMap, Point } from '../../core/model/types.ts';

export { LAYOUT_HEIGHT, LAYOUT_WIDTH } from '../../core/layout/plan.ts';

export { PROGRESSIVE_LAYOUT } from '../../core/layout/plan.ts';

/** A large map's layout begins after this long even if no renderer says its picture is drawn. */
const START_UNSHOWN_MS = 1000;

/** Performance marks the benchmark reads. */
export const MARK_LAYOUT_START = 'pathomap:layout-start';
export const MARK_FIRST_POSITIONS = 'pathomap:first-positions';
export const MARK_LAYOUT_SETTLED = 'pathomap:layout-settled';

export interface LayoutStateOptions extends ConnectOptions {
  /** Concepts the reader pinned on an earlier visit, and where. */
  pins?: Readonly<Record<string, Point>>;
}

export class LayoutState {
  readonly #map: PathoMap;
  readonly #plan: LayoutPlan;
  readonly #options: LayoutStateOptions;
  #host: LayoutConnection | undefined;
  #ids: readonly string[] = [];
  #index: ReadonlyMap<string, number> = new Map();
  #latest: { coords: Float64Array; settled: boolean } | null = null;
  #frame = 0;
  #dragging: { id: string; x: number; y: number } | null = null;
  /** Whether a drag has woken the layout. */
  #warm = false;
  #destroyed = false;
  #everSettled = false;
  #started = false;
  #startTimer: ReturnType<typeof setTimeout> | undefined;

  positions = $state.raw<PositionTable>(PositionTable.empty());
  /** Nodes the reader dropped somewhere: held there until unpinned. */
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** False while the first layout of the map is still running. */
  settled = $state.raw(false);

  constructor(
    map: PathoMap,
    private readonly reducedMotion: () => boolean = () => false,
    options: LayoutStateOptions = {},
  ) {
    this.#map = map;
    this.#options = options;
    const pins = options.pins ?? {};
    this.#plan = planLayout(map, pins);
    this.pinned = new Set(map.nodes.filter((n) => pins[n.id]).map((n) => n.id));
    if (!this.#plan.settle) {
      // A saved arrangement is shown exactly as saved; the layout wakes only when a node is dragged.
      const ids = map.nodes.map((n) => n.id);
      const coords = new Float64Array(ids.length * 2);
      map.nodes.forEach((n, i) => {
        const at = pins[n.id] ?? n.position!;
        coords[2 * i] = at.x;
        coords[2 * i + 1] = at.y;
      });
      this.#receive({ type: 'positions', ids, coords, settled: true, ticks: 0 });
      return;
    }
    this.#connect();
    if (map.nodes.length >= PROGRESSIVE_LAYOUT) {
      // A large map is shown at once where its layout starts, while the worker loads; the
      // layout begins once that first picture is drawn (`shown`), so the two do not compete
      // for the CPU, or after a second if no renderer says so.
      const { ids, coords } = startingPositions(this.#plan.input, this.#plan.options);
      this.#receive({ type: 'positions', ids, coords, settled: false, ticks: 0 });
      this.#startTimer = setTimeout(() => this.#start(), START_UNSHOWN_MS);
    } else this.#start();
  }

  /**
   * Whether the map's first layout has settled (a saved arrangement has). Later motion — after a
   * drag — is the reader's doing, even while `settled` is false again.
   */
  get firstSettled(): boolean {
    return this.#everSettled;
  }

  /** Said by the renderer once the map's first picture is drawn: a large map's layout may begin. */
  shown(): void {
    // Only a layout waiting for its picture: a saved arrangement stays still until a drag.
    if (this.#startTimer !== undefined) this.#start();
  }

  /** Where `id` is now. */
  position(id: string): Point | undefined {
    return this.positions.get(id);
  }

  dragMove(id: string, x: number, y: number): void {
    if (!this.positions.has(id) || !Number.isFinite(x) || !Number.isFinite(y)) return;
    this.#dragging = { id, x, y };
    this.#warm = true;
    this.#send({ type: 'drag', id, x, y });
    // The dragged node follows the pointer at once, even between simulation frames.
    this.positions = this.positions.with(id, x, y);
  }

  /** Dropping a node pins it where it lies; a click without movement changes nothing. */
  dragEnd(id: string, moved: boolean): void {
    this.#dragging = null;
    if (!moved || !this.#warm) return;
    this.#warm = false;
    this.pinned = new Set(this.pinned).add(id);
    this.#send({ type: 'dragEnd', animate: !this.reducedMotion() });
  }

  unpin(id: string): void {
    if (!this.pinned.has(id)) return;
    const next = new Set(this.pinned);
    next.delete(id);
    this.pinned = next;
    this.#send({ type: 'unpin', ids: [id], animate: !this.reducedMotion() });
  }

  unpinAll(): void {
    if (this.pinned.size === 0) return;
    const ids = [...this.pinned];
    this.pinned = new Set();
    this.#send({ type: 'unpin', ids, animate: !this.reducedMotion() });
  }

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#startTimer);
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#host?.close();
    this.#host = undefined;
  }

  #send(message: ToLayoutHost): void {
    if (this.#destroyed) return;
    // A map drawn from saved positions starts its layout on the first drag.
    if (!this.#host) this.#connect();
    this.#start();
    this.#host!.send(message);
  }

  /** Sends the layout its map, once. */
  #start(): void {
    if (this.#started || this.#destroyed) return;
    this.#started = true;
    clearTimeout(this.#startTimer);
    if (this.#plan.settle) performance.mark?.(MARK_LAYOUT_START);
    this.#host!.send({ type: 'init', plan: this.#plan, progressive: this.#map.nodes.length >= PROGRESSIVE_LAYOUT });
  }

  /** Opens the layout's host: in a worker when one starts, else in-process. */
  #connect(): void {
    this.#host = connectLayout((message) => {
      if (!this.#destroyed) this.#receive(message);
    }, this.#options);
  }

  #receive(message: FromLayoutHost): void {
    if (message.ids) {
      this.#ids = message.ids;
      this.#index = PositionTable.indexOf(message.ids);
    }
    this.#latest = { coords: message.coords, settled: message.settled };
    const first = this.positions.size === 0;
    if (first) performance.mark?.(MARK_FIRST_POSITIONS);
    if (message.settled && !this.#everSettled) {
      this.#everSettled = true;
      performance.mark?.(MARK_LAYOUT_SETTLED);
    }
    // The first picture and a settled one are shown at once; progress at most once a frame, and
    // under reduced motion not at all while the map is first laid out (it would move on its own).
    if (!first && !message.settled && !this.#everSettled && this.reducedMotion()) return;
    if (first || message.settled || typeof requestAnimationFrame === 'undefined') {
      if (this.#frame) cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      this.#publish();
    } else if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#publish();
      });
    }
  }

  #publish(): void {
    const latest = this.#latest;
    if (!latest) return;
    const coords = latest.coords;
    const drag = this.#dragging;
    if (drag) {
      const i = this.#index.get(drag.id);
      if (i !== undefined) {
        coords[2 * i] = drag.x;
        coords[2 * i + 1] = drag.y;
      }
    }
    this.positions = new PositionTable(this.#ids, this.#index, coords);
    this.settled = latest.settled;
  }
}
