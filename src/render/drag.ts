/**
 * Dragging nodes, framework-free: one d3-drag behaviour shared by every node element.
 * Coordinates are in the map's own space (the zoomed layer), whatever the zoom.
 */
import { drag, type D3DragEvent } from 'd3-drag';
import { select } from 'd3-selection';
import type { Point } from '../core/types.ts';

export interface NodeDragOptions {
  /** The zoomed layer; pointer positions are read relative to it. */
  container: () => SVGGElement | null;
  position: (id: string) => Point | undefined;
  onstart: (id: string) => void;
  onmove: (id: string, x: number, y: number) => void;
  onend: (id: string, moved: boolean) => void;
}

export interface NodeDrag {
  /** Make `element` (drawing node `id`) draggable; returns a function that undoes it. */
  attach(element: Element, id: string): () => void;
}

export function createNodeDrag(options: NodeDragOptions): NodeDrag {
  let moved = false;
  const behaviour = drag<Element, string>()
    .container(function () {
      return options.container() ?? (this.parentNode as SVGGElement);
    })
    .subject((_event, id) => options.position(id) ?? { x: 0, y: 0 })
    .on('start', (_event: D3DragEvent<Element, string, Point>, id) => {
      moved = false;
      options.onstart(id);
    })
    .on('drag', (event: D3DragEvent<Element, string, Point>, id) => {
      moved = true;
      options.onmove(id, event.x, event.y);
    })
    .on('end', (_event: D3DragEvent<Element, string, Point>, id) => options.onend(id, moved));

  return {
    attach(element, id) {
      const selection = select(element).datum(id).call(behaviour);
      return () => selection.on('.drag', null);
    },
  };
}
