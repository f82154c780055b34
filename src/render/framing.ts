/**
 * How a map's view was last framed — the whole map fitted, a tour step in view, a concept in
 * the middle, or wherever the reader moved it — so that it is framed the same way again when the
 * map's box changes size or its layout moves. Framework-free: both map drawings (SVG and canvas)
 * keep one and do what it says.
 */

export type Framing =
  | { kind: 'whole' }
  | { kind: 'step'; ids: readonly string[] }
  | { kind: 'centred'; id: string }
  | { kind: 'moved' };

/** What to do with the view when the map's box changes size. */
export type ResizeAction =
  | { kind: 'fit' }
  | { kind: 'step'; ids: readonly string[] }
  | { kind: 'centre'; id: string }
  /** Keep the scale and the point in the middle of the view. */
  | { kind: 'keep-middle' };

export class ViewFraming {
  #asked: Framing;
  /** Whether the view has been framed at all (a layout may arrive after the map is mounted). */
  #framed = false;

  /** Framed first as the whole map, or with the concept `centred` in sight. */
  constructor(centred?: string) {
    this.#asked = centred === undefined ? { kind: 'whole' } : { kind: 'centred', id: centred };
  }

  get asked(): Framing {
    return this.#asked;
  }

  /** Whether the view has been framed at all yet. */
  get framed(): boolean {
    return this.#framed;
  }

  /** The whole map was fitted. */
  fitted(): void {
    this.#asked = { kind: 'whole' };
    this.#framed = true;
  }

  /** A tour step was asked for; `shown` once its concepts had places to frame. */
  stepped(ids: readonly string[], shown: boolean): void {
    this.#asked = { kind: 'step', ids };
    if (shown) this.#framed = true;
  }

  /** A concept was brought to the middle; asked before it had a place when not `shown`. */
  centred(id: string, shown = true): void {
    this.#asked = { kind: 'centred', id };
    if (shown) this.#framed = true;
  }

  /** The reader panned or zoomed. */
  moved(): void {
    this.#asked = { kind: 'moved' };
  }

  /**
   * Whether the view is framed again now that the layout has moved: a view never framed is; and
   * while the first layout settles, the whole map, the tour step or the concept in the middle
   * stays framed, until the reader moves the view. Once it has settled (`firstSettled`), the
   * layout moves only when the reader drags a concept, and the view must then stay still under
   * the pointer.
   */
  followsLayout(firstSettled: boolean): boolean {
    if (!this.#framed) return true;
    return !firstSettled && this.#asked.kind !== 'moved';
  }

  /**
   * What the view does when the map's box changes size. A tour step is framed again and a
   * concept brought to the middle stays there. A fitted map is fitted again — unless a selection
   * is open (the Details panel opening beside the map resized it): then, as after the reader
   * moved the view, the scale and the middle are kept. A map that had no size yet (an iframe
   * not laid out) had no view to keep: it is framed as it was asked to be.
   */
  onResize(hadNoSize: boolean, selection: boolean): ResizeAction {
    const asked = this.#asked;
    if (asked.kind === 'step') return { kind: 'step', ids: asked.ids };
    if (asked.kind === 'centred') return { kind: 'centre', id: asked.id };
    if (hadNoSize || (asked.kind === 'whole' && !selection)) return { kind: 'fit' };
    return { kind: 'keep-middle' };
  }
}
