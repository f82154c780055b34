/**
 * Where the force layout starts: the band each node pulls toward and its seeded starting spot.
 * No d3 here, so the main thread can show a large map's starting picture at once, while the
 * worker is still loading (the worker starts from exactly these spots).
 */
import type { LayoutInput, LayoutNode, LayoutOptions } from './force-layout.ts';
import { createRandom, seedToUint32 } from '../model/random.ts';
import type { Point } from '../model/types.ts';

export const DEFAULT_WIDTH = 1600;
export const DEFAULT_HEIGHT = 900;

export interface Bands {
  count: number;
  /** Width of one band. */
  spacing: number;
  /** The x each band pulls its nodes toward, left to right. */
  centres: number[];
  /** A node's band, within range. */
  of(node: LayoutNode): number;
}

export const finitePoint = (point: Point | undefined): Point | undefined =>
  point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : undefined;

export function layoutBands(input: LayoutInput, options: LayoutOptions): Bands {
  const width = options.width ?? DEFAULT_WIDTH;
  const raw = (node: LayoutNode): number => (Number.isFinite(node.band) && node.band > 0 ? Math.floor(node.band) : 0);
  const highestBand = input.nodes.reduce((highest, node) => Math.max(highest, raw(node)), 0);
  const count = Math.max(1, options.bandCount ?? highestBand + 1);
  const spacing = width / count;
  const centres = Array.from({ length: count }, (_, band) => spacing * (band + 0.5));
  return { count, spacing, centres, of: (node) => Math.min(raw(node), count - 1) };
}

/**
 * Each node draws its starting spot from its own seeded stream, so adding a node to the map
 * does not reshuffle where every other node starts.
 */
export function seededScatter(options: LayoutOptions, bands: Bands): (id: string, band: number) => Point {
  const height = options.height ?? DEFAULT_HEIGHT;
  const seedNumber = seedToUint32(options.seed);
  const spread = options.spread ?? 0.5;
  return (id, band) => {
    const jitter = createRandom(`${seedNumber}/${id}`);
    return {
      x: bands.centres[band]! + (jitter() - 0.5) * bands.spacing * spread,
      y: height / 2 + (jitter() - 0.5) * height * spread,
    };
  };
}

/** Where every node starts, in the layout's order (input order, repeated ids dropped). */
export function startingPositions(input: LayoutInput, options: LayoutOptions): { ids: string[]; coords: Float64Array } {
  const bands = layoutBands(input, options);
  const scatter = seededScatter(options, bands);
  const seen = new Set<string>();
  const ids: string[] = [];
  const points: Point[] = [];
  for (const node of input.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    ids.push(node.id);
    points.push(finitePoint(node.pinned) ?? finitePoint(node.initial) ?? scatter(node.id, bands.of(node)));
  }
  const coords = new Float64Array(ids.length * 2);
  points.forEach((p, i) => {
    coords[2 * i] = p.x;
    coords[2 * i + 1] = p.y;
  });
  return { ids, coords };
}
