/**
 * Positions of a map's concepts in one flat array, read through the `ReadonlyMap` interface.
 * A new picture is a new array (what the layout worker sends), not thousands of little objects,
 * and a renderer can walk `coords` directly.
 */
import type { Point } from '../model/types.ts';

export class PositionTable implements ReadonlyMap<string, Point> {
  /**
   * @param ids concept ids in `coords` order
   * @param index each id's position in `ids` (shared between tables of one map)
   * @param coords x0, y0, x1, y1, …
   */
  constructor(
    readonly ids: readonly string[],
    readonly index: ReadonlyMap<string, number>,
    readonly coords: Float64Array,
  ) {}

  static empty(): PositionTable {
    return new PositionTable([], new Map(), new Float64Array(0));
  }

  static indexOf(ids: readonly string[]): Map<string, number> {
    return new Map(ids.map((id, i) => [id, i]));
  }

  static from(points: ReadonlyMap<string, Point>): PositionTable {
    const ids = [...points.keys()];
    const coords = new Float64Array(ids.length * 2);
    ids.forEach((id, i) => {
      const p = points.get(id)!;
      coords[2 * i] = p.x;
      coords[2 * i + 1] = p.y;
    });
    return new PositionTable(ids, PositionTable.indexOf(ids), coords);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  get(id: string): Point | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : { x: this.coords[2 * i]!, y: this.coords[2 * i + 1]! };
  }

  /** The same table with concept `id` moved to (x, y). */
  with(id: string, x: number, y: number): PositionTable {
    const i = this.index.get(id);
    if (i === undefined) return this;
    const coords = this.coords.slice();
    coords[2 * i] = x;
    coords[2 * i + 1] = y;
    return new PositionTable(this.ids, this.index, coords);
  }

  /** The same table with several concepts moved (ids it does not hold are left out). */
  withMany(moves: Iterable<readonly [string, number, number]>): PositionTable {
    const coords = this.coords.slice();
    for (const [id, x, y] of moves) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      coords[2 * i] = x;
      coords[2 * i + 1] = y;
    }
    return new PositionTable(this.ids, this.index, coords);
  }

  *entries(): Generator<[string, Point], undefined, unknown> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i]!, { x: this.coords[2 * i]!, y: this.coords[2 * i + 1]! }];
  }

  *keys(): Generator<string, undefined, unknown> {
    yield* this.ids;
  }

  *values(): Generator<Point, undefined, unknown> {
    for (const [, p] of this.entries()) yield p;
  }

  [Symbol.iterator](): Generator<[string, Point], undefined, unknown> {
    return this.entries();
  }

  forEach(callback: (value: Point, key: string, map: ReadonlyMap<string, Point>) => void): void {
    for (const [id, p] of this.entries()) callback(p, id, this);
  }
}
