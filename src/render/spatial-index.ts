/**
 * Which concept is under the pointer, for the canvas map: a uniform grid over the concepts'
 * centres, so a hit test looks at a handful of cells instead of every concept. Rebuilt when
 * positions change (linear time), queried on pointer events (constant time on average).
 */

export class SpatialIndex {
  readonly #cell: number;
  readonly #cells = new Map<number, number[]>();
  readonly #coords: Float64Array;
  readonly #radii: Float64Array;
  readonly #maxRadius: number;

  /**
   * @param coords centres as x0, y0, x1, y1, …
   * @param radii each item's hit radius (map units), or a single radius for all
   * @param include which items can be hit (e.g. the visible ones); default all
   */
  constructor(coords: Float64Array, radii: Float64Array | number, include?: (i: number) => boolean, cell = 64) {
    this.#coords = coords;
    const count = coords.length / 2;
    this.#radii = typeof radii === 'number' ? new Float64Array(count).fill(radii) : radii;
    this.#cell = cell;
    let maxRadius = 0;
    for (let i = 0; i < count; i++) {
      if (include && !include(i)) continue;
      const x = coords[2 * i]!;
      const y = coords[2 * i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const key = this.#key(Math.floor(x / cell), Math.floor(y / cell));
      const list = this.#cells.get(key);
      if (list) list.push(i);
      else this.#cells.set(key, [i]);
      maxRadius = Math.max(maxRadius, this.#radii[i]!);
    }
    this.#maxRadius = maxRadius;
  }

  #key(cx: number, cy: number): number {
    // Cells in a 2^21 × 2^21 grid around the origin: room for maps millions of units wide.
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  /**
   * The item whose disc, grown by `slack`, holds (x, y) and whose centre is nearest; -1 for none.
   */
  hit(x: number, y: number, slack = 0): number {
    const reach = this.#maxRadius + slack;
    const cell = this.#cell;
    let best = -1;
    let bestDistance = Infinity;
    for (let cx = Math.floor((x - reach) / cell); cx <= Math.floor((x + reach) / cell); cx++) {
      for (let cy = Math.floor((y - reach) / cell); cy <= Math.floor((y + reach) / cell); cy++) {
        const list = this.#cells.get(this.#key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          const d = Math.hypot(this.#coords[2 * i]! - x, this.#coords[2 * i + 1]! - y);
          if (d <= this.#radii[i]! + slack && d < bestDistance) {
            best = i;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }
}

/** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
