/**
 * Node positions for the view. The simulation runs on plain objects in `core/layout.ts`; this
 * class publishes snapshots through `$state.raw` (deeply reactive positions made a render take
 * seconds), settles the layout before the first paint, and animates only while a node is
 * dragged and its neighbours make room.
 */
import { createLayout, type ForceLayout } from '../../core/layout.ts';
import type { PathoMap, Point } from '../../core/types.ts';

export const LAYOUT_WIDTH = 1600;
export const LAYOUT_HEIGHT = 900;
const MAX_SETTLE_TICKS = 600;
/** Steps per animation frame after a drag; a few per frame keeps it brisk without stutter. */
const TICKS_PER_FRAME = 2;

export class LayoutState {
  readonly #layout: ForceLayout;
  #frame = 0;
  #dragging: string | null = null;
  /** Whether a drag has woken the layout. */
  #warm = false;

  positions = $state.raw<ReadonlyMap<string, Point>>(new Map());
  /** Nodes the reader dropped somewhere: held there until unpinned. */
  pinned = $state.raw<ReadonlySet<string>>(new Set());

  constructor(
    map: PathoMap,
    private readonly reducedMotion: () => boolean = () => false,
  ) {
    const bands = [...new Set(map.categories.map((c) => c.band))].sort((a, b) => a - b);
    const bandOf = new Map(map.categories.map((c) => [c.id, bands.indexOf(c.band)]));
    const saved = map.nodes.filter((n) => n.position);
    this.#layout = createLayout(
      {
        nodes: map.nodes.map((n) => ({
          id: n.id,
          band: bandOf.get(n.category) ?? 0,
          label: n.label,
          ...(n.position ? { initial: n.position } : {}),
        })),
        links: map.edges.map((e) => ({ source: e.source, target: e.target, level: e.level })),
      },
      { seed: map.id, width: LAYOUT_WIDTH, height: LAYOUT_HEIGHT, bandCount: bands.length },
    );
    if (saved.length < map.nodes.length) {
      // Settled before anything is drawn: the same picture on every load, no motion to sit
      // through. Saved positions hold while concepts added since the save find their place.
      for (const n of saved) this.#layout.pin(n.id, n.position!.x, n.position!.y);
      this.#layout.runToSettled(MAX_SETTLE_TICKS);
      for (const n of saved) this.#layout.unpin(n.id);
    }
    // A saved arrangement is shown exactly as saved; the layout wakes only when a node is dragged.
    this.#layout.stop();
    this.#publish();
  }

  /** Where `id` is now. */
  position(id: string): Point | undefined {
    return this.positions.get(id);
  }

  dragStart(id: string): void {
    // Nothing moves yet: a press that turns out to be a click must leave the layout still.
    this.#dragging = id;
  }

  dragMove(id: string, x: number, y: number): void {
    if (!this.#layout.pin(id, x, y)) return;
    if (!this.#warm) {
      // The first movement wakes the layout, so neighbours make room while the node is dragged.
      this.#warm = true;
      this.#layout.keepWarm(true);
      this.#run();
    }
    // The dragged node follows the pointer at once, even between simulation frames.
    const next = new Map(this.positions);
    next.set(id, { x, y });
    this.positions = next;
  }

  /** Dropping a node pins it where it lies; a click without movement changes nothing. */
  dragEnd(id: string, moved: boolean): void {
    this.#dragging = null;
    if (!moved || !this.#warm) return;
    this.#warm = false;
    this.#layout.keepWarm(false);
    this.pinned = new Set(this.pinned).add(id);
    this.#run();
  }

  unpin(id: string): void {
    if (!this.pinned.has(id)) return;
    const next = new Set(this.pinned);
    next.delete(id);
    this.pinned = next;
    this.#layout.unpin(id);
    this.#layout.reheat();
    this.#run();
  }

  unpinAll(): void {
    if (this.pinned.size === 0) return;
    for (const id of this.pinned) this.#layout.unpin(id);
    this.pinned = new Set();
    this.#layout.reheat();
    this.#run();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#layout.stop();
  }

  #publish(): void {
    this.positions = this.#layout.positions();
  }

  /** Let the layout move until it settles: animated, or at once under reduced motion. */
  #run(): void {
    cancelAnimationFrame(this.#frame);
    if (this.reducedMotion() && !this.#dragging) {
      this.#layout.runToSettled(MAX_SETTLE_TICKS);
      this.#publish();
      return;
    }
    const step = () => {
      this.#layout.tick(TICKS_PER_FRAME);
      this.#publish();
      if (!this.#layout.settled || this.#dragging) this.#frame = requestAnimationFrame(step);
    };
    this.#frame = requestAnimationFrame(step);
  }
}
