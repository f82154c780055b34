/**
 * The explorer's viewport for its map: what it frames comes from the reader's view and the
 * layout (never from a renderer), and on a phone a concept brought to the middle sits above the
 * Details sheet.
 */
import { STORY_LAYOUT_MAX } from '../core/layout/plan.ts';
import { contentBounds, drawnBounds, stepBounds } from '../render/bounds.ts';
import { Viewport } from '../render/viewport.ts';
import { LARGEST_LABEL } from '../render/look.ts';
import type { LayoutState } from './state/layout.svelte.ts';
import type { MapViewState } from './state/map-view.svelte.ts';

/** A phone-sized screen, where the Details panel is a bottom sheet over the lower part of the map. */
export function detailsCoverMap(): boolean {
  return globalThis.matchMedia?.('(max-width: 700px)').matches ?? false;
}

/**
 * Where a concept brought to the middle sits, as a share of the view's height: halfway, or on a
 * phone higher up, above the Details panel's bottom sheet over the lower half of the map.
 */
export function centreHeight(): number {
  return detailsCoverMap() ? 0.22 : 0.5;
}

/**
 * The concept to bring into sight as the map opens: one selected by the link that opened it, on
 * a phone, where the whole map fitted would leave it under the Details sheet.
 */
export function centredAtOpen(view: MapViewState): string | undefined {
  return view.selection?.kind === 'node' && detailsCoverMap() ? view.selection.id : undefined;
}

export interface MapViewportOptions {
  interactive: boolean;
  reducedMotion: () => boolean;
  /** A map drawn on a canvas: large, so it may be zoomed out much further. */
  large: boolean;
}

export function createMapViewport(view: MapViewState, layout: LayoutState, options: MapViewportOptions): Viewport {
  const { index } = view;
  const shown = function* () {
    for (const id of view.visibleNodes) {
      const i = index.node.get(id);
      const node = view.graph.node(id);
      if (i !== undefined && node) yield { id, label: node.label, r: index.radius[i]! };
    }
  };
  const radius = (id: string) => index.radius[index.node.get(id)!]!;
  // Drawn as a story (groups as boxes, labels beside members) up to a few hundred concepts.
  const story = view.map.nodes.length <= STORY_LAYOUT_MAX;
  return new Viewport({
    content: {
      // Measured with labels at their largest (zoomed out, they grow to stay readable): a fitted
      // map never reaches the frame's edge, and the picture rendered ahead frames the same box.
      whole: () => (story ? drawnBounds(view.map.nodes, view.visibleNodes, radius, layout.positions, LARGEST_LABEL) : contentBounds(shown(), view.visibleNodes.size, layout.positions)),
      step: (ids) => stepBounds(ids, layout.positions),
      position: (id) => layout.positions.get(id),
      conceptBox: (id) => {
        const node = view.graph.node(id);
        if (!node) return undefined;
        if (!story) return contentBounds([{ id, label: node.label, r: radius(id) }], 1, layout.positions);
        // A group is its whole box: its name heads its members.
        const members = view.map.nodes.filter((n) => n.parent === id && view.visibleNodes.has(n.id)).map((n) => n.id);
        return drawnBounds(view.map.nodes, new Set([id, ...members]), radius, layout.positions);
      },
    },
    interactive: options.interactive,
    reducedMotion: options.reducedMotion,
    selectionOpen: () => view.selection !== null,
    selectedConcept: () => (view.selection?.kind === 'node' ? view.selection.id : undefined),
    centreHeight,
    centred: centredAtOpen(view),
    scaleExtent: options.large ? [0.005, 8] : [0.1, 8],
  });
}
