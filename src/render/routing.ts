/**
 * Relations drawn round the labels in their way: a relation whose straight line would run
 * through another concept's label, marker or group box is bent — as little as will do — to one
 * side or the other, the bend that meets fewest of them chosen (relations sharing both ends keep
 * their bends apart). Pure: it answers bends for the runs `runBetween` draws.
 */
import type { Point } from '../core/model/types.ts';
import { runBetween, type Rect, type RelationEnd } from './map-geometry.ts';

export interface Obstacle {
  /** The concept it belongs to (a relation never avoids its own ends, nor their groups). */
  owner: string;
  box: Rect;
  /** How much meeting it costs: a label or a marker most, a group's box less (its inside is mostly room). */
  weight: number;
}

export interface RoutedRelation {
  source: string;
  target: string;
  from: RelationEnd;
  to: RelationEnd;
  /** The bend it has anyway (apart from a twin between the same two concepts). */
  bend: number;
  /** Concepts whose obstacles it may pass through: its ends and the groups they are listed in. */
  own: ReadonlySet<string>;
}

/** Bends tried, nearest first, in map units either side. */
const BENDS = [16, 32, 56, 88, 128, 180];
/** The widest detour, as a share of a relation's length, and for any relation. */
const MAX_DETOUR = 0.3;
const MIN_DETOUR = 32;
/** Points a run is sampled at to test it against boxes. */
const SAMPLES = 24;
/** Side of the cells obstacles are filed in, map units (about a label's height), unless the map is vast. */
const CELL = 48;
/** Cells along the longer side of the grid at most: a far-flung map gets wider cells. */
const MAX_CELLS_ACROSS = 1024;

/**
 * The obstacles filed by the grid cells their boxes cover (a flat list per cell), so a run asks
 * only those in the cells its pieces cross instead of every obstacle on the map (routing was
 * quadratic: 450 relations took ~100 ms).
 */
class ObstacleGrid {
  readonly cell: number;
  readonly minX: number;
  readonly minY: number;
  readonly columns: number;
  readonly rows: number;
  /** Cell c's obstacles are items[first[c]] … items[first[c + 1] − 1]. */
  readonly first: Int32Array;
  readonly items: Int32Array;
  /** Which run last counted each obstacle, so one met by several pieces counts once. */
  readonly counted: Int32Array;
  #run = 0;

  constructor(readonly obstacles: readonly Obstacle[]) {
    this.counted = new Int32Array(obstacles.length);
    const filed: number[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    obstacles.forEach(({ box }, i) => {
      if (![box.minX, box.maxX, box.minY, box.maxY].every(Number.isFinite)) return;
      filed.push(i);
      minX = Math.min(minX, box.minX);
      minY = Math.min(minY, box.minY);
      maxX = Math.max(maxX, box.maxX);
      maxY = Math.max(maxY, box.maxY);
    });
    const empty = filed.length === 0;
    this.minX = empty ? 0 : minX;
    this.minY = empty ? 0 : minY;
    this.cell = empty ? CELL : Math.max(CELL, Math.max(maxX - minX, maxY - minY) / MAX_CELLS_ACROSS);
    this.columns = empty ? 0 : Math.floor((maxX - minX) / this.cell) + 1;
    this.rows = empty ? 0 : Math.floor((maxY - minY) / this.cell) + 1;
    const cells = this.columns * this.rows;
    const cellsOf = (i: number, visit: (c: number) => void) => {
      const { box } = obstacles[i]!;
      const toX = this.column(box.maxX);
      const toY = this.row(box.maxY);
      for (let cy = this.row(box.minY); cy <= toY; cy++) for (let cx = this.column(box.minX); cx <= toX; cx++) visit(cy * this.columns + cx);
    };
    const first = new Int32Array(cells + 1);
    for (const i of filed) cellsOf(i, (c) => first[c + 1]!++);
    for (let c = 0; c < cells; c++) first[c + 1]! += first[c]!;
    const items = new Int32Array(first[cells]!);
    const next = first.slice(0, cells);
    for (const i of filed) cellsOf(i, (c) => (items[next[c]!++] = i));
    this.first = first;
    this.items = items;
  }

  /** The grid column of x, clamped to the grid. */
  column(x: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
  }

  row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
  }

  /** A new run to count obstacles for. */
  nextRun(): number {
    return ++this.#run;
  }
}

/** The run's sample points, x0, y0, x1, y1, …: reused, as a route tries thousands of runs. */
const samples = new Float64Array(2 * (SAMPLES + 1));

/** Samples the run at SAMPLES + 1 even steps of its parameter, as `pointOnRun` would. */
function sampleRun(run: ReturnType<typeof runBetween>): void {
  const { start: a, end: b, control: c } = run;
  for (let i = 0; i <= SAMPLES; i++) {
    const u = i / SAMPLES;
    if (!c) {
      samples[2 * i] = a.x + (b.x - a.x) * u;
      samples[2 * i + 1] = a.y + (b.y - a.y) * u;
      continue;
    }
    const v = 1 - u;
    samples[2 * i] = v * v * a.x + 2 * v * u * c.x + u * u * b.x;
    samples[2 * i + 1] = v * v * a.y + 2 * v * u * c.y + u * u * b.y;
  }
}

/** Which side of the line p→q the point c lies: −1, 0 or 1. */
function side(px: number, py: number, qx: number, qy: number, cx: number, cy: number): number {
  return Math.sign((qx - px) * (cy - py) - (qy - py) * (cx - px));
}

/** Whether segment a→b enters the box: an end strictly inside, or crossing one of its sides. */
function segmentMeetsRect(ax: number, ay: number, bx: number, by: number, r: Rect): boolean {
  if (Math.max(ax, bx) < r.minX || Math.min(ax, bx) > r.maxX || Math.max(ay, by) < r.minY || Math.min(ay, by) > r.maxY) return false;
  if ((ax > r.minX && ax < r.maxX && ay > r.minY && ay < r.maxY) || (bx > r.minX && bx < r.maxX && by > r.minY && by < r.maxY)) return true;
  return (
    crossesSide(ax, ay, bx, by, r.minX, r.minY, r.maxX, r.minY) ||
    crossesSide(ax, ay, bx, by, r.maxX, r.minY, r.maxX, r.maxY) ||
    crossesSide(ax, ay, bx, by, r.maxX, r.maxY, r.minX, r.maxY) ||
    crossesSide(ax, ay, bx, by, r.minX, r.maxY, r.minX, r.minY)
  );
}

/** Whether a→b and c→d cross properly (touching does not count). */
function crossesSide(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  return side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 && side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0;
}

/** What a run at this bend costs: the obstacles it meets, and (a little) how far it bends. */
function cost(relation: RoutedRelation, bend: number, grid: ObstacleGrid): number {
  sampleRun(runBetween(relation.from, relation.to, bend));
  const run = grid.nextRun();
  const { obstacles, counted } = grid;
  let total = Math.abs(bend) / 1000;
  // Piece by piece, the obstacles in the cells each piece's box covers: any obstacle a piece
  // meets shares a cell with it (clamping to the grid keeps those at its edge).
  const { first, items, columns } = grid;
  if (columns === 0) return total;
  for (let i = 0; i < SAMPLES; i++) {
    const ax = samples[2 * i]!;
    const ay = samples[2 * i + 1]!;
    const bx = samples[2 * i + 2]!;
    const by = samples[2 * i + 3]!;
    const fromX = grid.column(Math.min(ax, bx));
    const toX = grid.column(Math.max(ax, bx));
    const toY = grid.row(Math.max(ay, by));
    for (let cy = grid.row(Math.min(ay, by)); cy <= toY; cy++) {
      for (let c = cy * columns + fromX, last = cy * columns + toX; c <= last; c++) {
        for (let j = first[c]!, end = first[c + 1]!; j < end; j++) {
          const k = items[j]!;
          if (counted[k] === run) continue;
          const o = obstacles[k]!;
          if (!segmentMeetsRect(ax, ay, bx, by, o.box) || relation.own.has(o.owner)) continue;
          counted[k] = run;
          total += o.weight;
        }
      }
    }
  }
  return total;
}

/**
 * The bend of each relation, in order: its own where nothing is in the way, else the cheapest
 * detour. Relations joining the same two concepts take the same detour, so they stay apart.
 */
export function routeRelations(relations: readonly RoutedRelation[], obstacles: readonly Obstacle[]): number[] {
  const grid = new ObstacleGrid(obstacles);
  const families = new Map<string, number[]>();
  relations.forEach((r, i) => {
    const key = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
    const family = families.get(key);
    if (family) family.push(i);
    else families.set(key, [i]);
  });
  // A bend is to the left of the way a relation runs: one running the other way shifts the other way.
  const sideOf = (i: number) => (relations[i]!.source < relations[i]!.target ? 1 : -1);
  const bends = relations.map((r) => r.bend);
  for (const family of families.values()) {
    const costAt = (shift: number) => family.reduce((sum, i) => sum + cost(relations[i]!, relations[i]!.bend + sideOf(i) * shift, grid), 0);
    let best = 0;
    let bestCost = costAt(0);
    if (bestCost < 1) continue;
    // A detour no wider than 0.3 of the relation's length (and a little for short ones): a
    // wider one wanders off round the drawing, and reads worse than the label it avoids.
    const { from, to } = relations[family[0]!]!;
    const widest = Math.max(MIN_DETOUR, Math.hypot(to.at.x - from.at.x, to.at.y - from.at.y) * MAX_DETOUR);
    for (const step of BENDS.filter((b) => b <= widest)) {
      for (const sign of [1, -1]) {
        const c = costAt(sign * step);
        if (c < bestCost - 1e-9) {
          best = sign * step;
          bestCost = c;
        }
      }
      if (bestCost < 1) break;
    }
    for (const i of family) bends[i] = relations[i]!.bend + sideOf(i) * best;
  }
  return bends;
}
