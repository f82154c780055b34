/**
 * What the force layout of a map is asked to do, decided from the map alone (so the main thread,
 * a worker and a build step all compute the same picture): which band each concept pulls toward,
 * how large the drawing area is, how coarse the physics may be, and which concepts keep a saved
 * place. No d3 here: this module is cheap to load before anything is drawn.
 */
import type { LayoutInput, LayoutOptions } from './force-layout.ts';
import { markerRadius } from './geometry.ts';
import type { StoryLink, StoryNode, StoryOptions } from './story-layout.ts';
import type { PathoMap, Point } from '../model/types.ts';

export const LAYOUT_WIDTH = 1600;
export const LAYOUT_HEIGHT = 900;
/** Upper bound on the steps of the first layout (it settles in about 300). */
export const MAX_SETTLE_TICKS = 600;
/** Concepts per 1600 × 900 drawing area before the area grows (the flagship map has 66). */
export const CONCEPTS_PER_AREA = 80;
/**
 * From this many concepts on, the first layout is shown while it settles: the maps drawn on a
 * canvas (`render/renderer-choice.ts`). Settling first, a 500-concept map stayed blank for
 * 1.4 s (`npm run bench`), longer than a 1,000-concept map took to show its first picture
 * while settling (0.5 s).
 */
export const PROGRESSIVE_LAYOUT = 150;
/** From this many concepts on, the physics is coarser (Barnes–Hut theta, one collision pass). */
export const LARGE_LAYOUT = 1000;
/** From this many concepts on, the layout also cools faster (200 steps instead of 300). */
export const HUGE_LAYOUT = 10_000;

/**
 * Up to this many concepts a map is laid out as a story (`story-layout.ts`): columns per band,
 * ordered to cross less, groups as boxes. Larger maps take the force layout, whose cost grows
 * more gently and which shows its progress as it settles.
 */
export const STORY_LAYOUT_MAX = 600;

/**
 * The proportions a story layout aims for: between a laptop's map pane and a 16:9 slide. Wider
 * (2.1) gave larger labels at 1280×720 (10.2 → 11.6 px) but, fitted to a 1920×1080 slide, 14.8 px
 * labels instead of 16.3, 12 relations through labels instead of 9 and 12 crossings instead of 6.
 */
export const STORY_ASPECT = 1.9;

export interface LayoutPlan {
  input: LayoutInput;
  options: LayoutOptions;
  /** Set for a map laid out as a story: what the story layout is given. */
  story?: { nodes: StoryNode[]; links: StoryLink[]; options: StoryOptions };
  /** Concepts held at their saved place while the others settle, then let go. */
  hold: string[];
  /** False when every concept has a place already: nothing to compute. */
  settle: boolean;
}

/** The drawing area grows with the map, keeping the flagship's density of concepts. */
export function layoutScale(nodeCount: number): number {
  return Math.max(1, Math.sqrt(nodeCount / CONCEPTS_PER_AREA));
}

/**
 * @param pins concepts the reader pinned (kept in their browser): held where they were left
 *   while the rest settles around them.
 */
export function planLayout(map: PathoMap, pins: Readonly<Record<string, Point>> = {}): LayoutPlan {
  const bands = [...new Set(map.categories.map((c) => c.band))].sort((a, b) => a - b);
  const bandOf = new Map(map.categories.map((c) => [c.id, bands.indexOf(c.band)]));
  const n = map.nodes.length;
  const scale = layoutScale(n);
  const large = n >= LARGE_LAYOUT;
  const saved = map.nodes.filter((node) => node.position);
  const degree = new Map<string, number>();
  for (const e of map.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    if (e.target !== e.source) degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const story =
    n <= STORY_LAYOUT_MAX
      ? {
          nodes: map.nodes.map((node) => ({
            id: node.id,
            band: bandOf.get(node.category) ?? 0,
            label: node.label,
            r: markerRadius(degree.get(node.id) ?? 0),
            ...(node.parent !== undefined ? { parent: node.parent } : {}),
          })),
          links: map.edges.map((e) => ({ source: e.source, target: e.target })),
          options: { aspect: STORY_ASPECT },
        }
      : undefined;
  return {
    ...(story ? { story } : {}),
    input: {
      nodes: map.nodes.map((node) => ({
        id: node.id,
        band: bandOf.get(node.category) ?? 0,
        label: node.label,
        ...(node.position ? { initial: node.position } : {}),
        ...(pins[node.id] ? { pinned: pins[node.id] } : {}),
      })),
      links: map.edges.map((e) => ({ source: e.source, target: e.target, level: e.level })),
    },
    options: {
      seed: map.id,
      width: LAYOUT_WIDTH * scale,
      height: LAYOUT_HEIGHT * scale,
      bandCount: bands.length,
      ...(large ? { theta: 1.5, collisionIterations: 1, spread: 0.9 } : {}),
      ...(n >= HUGE_LAYOUT ? { coolingSteps: 200 as const } : {}),
    },
    hold: saved.map((node) => node.id),
    settle: saved.length < n,
  };
}
