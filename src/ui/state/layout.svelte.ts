/**
 * Node positions for the view. The force layout runs in a Web Worker (`core/layout-worker.ts`;
 * in-process where no worker can start) and reports positions as flat arrays, published here
 * through `$state.raw` as a `PositionTable`. A map whose concepts all have a place (a saved
 * layout, or positions computed when the site was built) is drawn at once, and the layout code
 * is not even loaded until a concept is dragged.
 *
 * A small map is drawn once, settled: the same picture on every load, no motion to sit
 * through. A large one shows its layout as it settles, so something is on screen at once
 * (under reduced motion: where it starts, then settled, nothing in between).
 *
 * A presenter's arrangement stays as they make it: a dragged concept moves alone (a group with
 * its members), and is pinned where it is dropped; nothing else moves until they ask to tidy up
 * (`settle`), when the concepts they did not place settle again around those they did.
 */
import { connectLayout, type ConnectOptions, type LayoutConnection } from '../../core/layout/connection.ts';
import type { LayoutPositionsMessage, ToLayoutHost } from '../../core/layout/host.ts';
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
  /** The concepts moving with a drag (a group's members with it), and where each was at its start. */
  #dragging: { id: string; from: Point; moves: { id: string; from: Point }[] } | null = null;
  /** Members of each group, and each member's group. */
  readonly #members: ReadonlyMap<string, string[]>;
  #destroyed = false;
  #everSettled = false;
  #started = false;
  #startTimer: ReturnType<typeof setTimeout> | undefined;

  positions = $state.raw<PositionTable>(PositionTable.empty());
  /** Nodes the reader dropped somewhere: held there until unpinned. */
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** False while the first layout of the map is still running. */
  settled = $state.raw(false);
  /** The reader has moved concepts since the layout last settled: tidying up would move the rest. */
  rearranged = $state.raw(false);
  /** A concept is being dragged (what depends on where everything is waits for the drop). */
  dragging = $state.raw(false);

  constructor(
    map: PathoMap,
    private readonly reducedMotion: () => boolean = () => false,
    options: LayoutStateOptions = {},
  ) {
    this.#map = map;
    this.#options = options;
    const known = new Set(map.nodes.map((n) => n.id));
    const members = new Map<string, string[]>();
    for (const n of map.nodes) {
      if (n.parent === undefined || n.parent === n.id || !known.has(n.parent)) continue;
      members.set(n.parent, [...(members.get(n.parent) ?? []), n.id]);
    }
    this.#members = members;
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

  /** The concepts moving with the drag under way (none when nothing is dragged). */
  get movingIds(): ReadonlySet<string> {
    return new Set(this.#dragging?.moves.map((m) => m.id) ?? []);
  }

  /** Move a concept under the pointer (a group with its members); nothing else moves. */
  dragMove(id: string, x: number, y: number): void {
    const at = this.positions.get(id);
    if (!at || !Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.#dragging?.id !== id) {
      const ids = [id, ...(this.#members.get(id) ?? [])];
      this.#dragging = { id, from: at, moves: ids.flatMap((m) => (this.positions.get(m) ? [{ id: m, from: this.positions.get(m)! }] : [])) };
      this.dragging = true;
    }
    const { from, moves } = this.#dragging;
    const dx = x - from.x;
    const dy = y - from.y;
    const next: (readonly [string, number, number])[] = moves.map((m) => [m.id, m.from.x + dx, m.from.y + dy] as const);
    // Only what is dragged moves: a member taken out of its box stretches the box, and the
    // group's header (where the group is) stays, as does everything else.
    this.positions = this.positions.withMany(next);
    this.rearranged = true;
  }

  /** Dropping a concept pins it where it lies (a group pins its members too); a click without movement changes nothing. */
  dragEnd(id: string, moved: boolean): void {
    const dragging = this.#dragging;
    this.#dragging = null;
    this.dragging = false;
    if (!moved || !dragging) return;
    const next = new Set(this.pinned);
    for (const m of dragging.moves) next.add(m.id);
    this.pinned = next;
  }

  /** Let a concept go: it stays where it is until the reader tidies up. */
  unpin(id: string): void {
    if (!this.pinned.has(id)) return;
    const next = new Set(this.pinned);
    next.delete(id);
    for (const m of this.#members.get(id) ?? []) next.delete(m);
    this.pinned = next;
    this.rearranged = true;
  }

  unpinAll(): void {
    if (this.pinned.size === 0) return;
    this.pinned = new Set();
    this.rearranged = true;
  }

  /** Tidy up: the concepts the reader has not pinned settle again around those they have. */
  settle(): void {
    const pins: Record<string, Point> = {};
    for (const id of this.pinned) {
      const p = this.positions.get(id);
      if (p) pins[id] = p;
    }
    this.rearranged = false;
    this.#send({ type: 'settle', pins, animate: !this.reducedMotion() });
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

  #receive(message: LayoutPositionsMessage): void {
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
    this.positions = new PositionTable(this.#ids, this.#index, latest.coords);
    this.settled = latest.settled;
  }
}
