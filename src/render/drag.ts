/**
 * Dragging nodes, framework-free and dependency-free, with pointer events (mouse, pen and
 * touch alike). Coordinates are in the map's own space, whatever the zoom: read through the
 * zoomed SVG layer's screen matrix, or through a renderer's own `toMap` (the canvas map).
 * A press that does not move is a click: it keeps its click and leaves the layout still; a
 * press that moved swallows the click that follows, as d3-drag does.
 */
import type { Point } from '../core/model/types.ts';
import { CLICK_DISTANCE, suppressNextClick } from './pan-zoom.ts';

export interface NodeDragOptions {
  /** The zoomed SVG layer; pointer positions are read relative to it (unless `toMap` is given). */
  container?: () => SVGGraphicsElement | null;
  /** Map coordinates of a pointer event (for renderers without an SVG layer). */
  toMap?: (event: PointerEvent) => Point;
  position: (id: string) => Point | undefined;
  onmove: (id: string, x: number, y: number) => void;
  onend: (id: string, moved: boolean) => void;
}

export interface NodeDrag {
  /**
   * Start dragging `id` from a press the caller has already matched to it (by hit testing, or by
   * the concept element it landed in); the caller also keeps the press from panning the map.
   */
  start(event: PointerEvent, id: string): void;
}

export function createNodeDrag(options: NodeDragOptions): NodeDrag {
  function toMap(event: PointerEvent): Point | undefined {
    if (options.toMap) return options.toMap(event);
    const matrix = options.container?.()?.getScreenCTM();
    if (!matrix) return undefined;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }

  function start(event: PointerEvent, id: string): void {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    const view = (event.view ?? window) as Window;
    const pointerId = event.pointerId;
    const from = toMap(event);
    const subject = options.position(id);
    if (!from || !subject) return;
    // Keep the grip: the node moves with the pointer without jumping its centre under it.
    const dx = subject.x - from.x;
    const dy = subject.y - from.y;
    const screen0 = { x: event.clientX, y: event.clientY };
    let moved = false;

    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      if (!moved && Math.hypot(e.clientX - screen0.x, e.clientY - screen0.y) <= CLICK_DISTANCE) return;
      const p = toMap(e);
      if (!p) return;
      moved = true;
      e.preventDefault();
      options.onmove(id, p.x + dx, p.y + dy);
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      view.removeEventListener('pointermove', move);
      view.removeEventListener('pointerup', end);
      view.removeEventListener('pointercancel', end);
      if (moved) suppressNextClick(view);
      options.onend(id, moved);
    };
    view.addEventListener('pointermove', move);
    view.addEventListener('pointerup', end);
    view.addEventListener('pointercancel', end);
  }

  return { start };
}
