/**
 * The story layout: the map's bands as columns, left to right (what drives the disease → the
 * disease → what goes with it → how it is found → how it is treated), each concept or group in
 * its band's column, ordered within the column so that relations cross as little as they can
 * (barycentre sweeps, as layered layouts order their layers), and aligned with what they relate
 * to. A group is one box: its header and its members listed inside. Columns too tall for a slide
 * are split in two or more, in order, so the drawing keeps a slide's proportions.
 *
 * Deterministic and DOM-free: the same map gives the same picture, in the build, a worker or a
 * test. Boxes come from `geometry.ts`, the sizes every renderer draws.
 */
import type { Point } from '../model/types.ts';
import type { LayoutPlan } from './plan.ts';
import { conceptExtent, headerExtent, headerHeight, GEOMETRY, memberExtent, type Extent } from './geometry.ts';

export interface StoryNode {
  id: string;
  /** Rank of the node's band, 0 = leftmost. */
  band: number;
  label: string;
  /** Marker radius of the concept on its own. */
  r: number;
  /** The group it is listed in, if any (a concept of the map that groups others). */
  parent?: string;
}

export interface StoryLink {
  source: string;
  target: string;
}

export interface StoryOptions {
  /** Width over height the drawing aims for (a slide's, 16:9, by default). */
  aspect?: number;
  /** Sweeps of barycentre ordering. */
  sweeps?: number;
}

/** Room kept around every block (a concept with its label, or a group's box). */
const BLOCK_MARGIN = 6;
/** Between the columns of two bands, and between the columns one band is split into. */
const BAND_GAP = 34;
const SPLIT_GAP = 20;
/** Between two blocks in a column. */
const STACK_GAP = 8;

interface Block {
  /** The concept on its own, or the group. */
  id: string;
  band: number;
  width: number;
  height: number;
  /** Offsets of the members' markers from the block's top left (groups only). */
  members: { id: string; at: Point }[];
  /** Where the block's own concept sits, from its top left. */
  anchor: Point;
  /** Its place in the layer, and where it ends up. */
  order: number;
  x: number;
  y: number;
}

function blockOfConcept(node: StoryNode): Block {
  const e: Extent = conceptExtent(node.label, node.r);
  const width = e.left + e.right + 2 * BLOCK_MARGIN;
  const height = e.top + e.bottom + 2 * BLOCK_MARGIN;
  return { id: node.id, band: node.band, width, height, members: [], anchor: { x: BLOCK_MARGIN + e.left, y: BLOCK_MARGIN + e.top }, order: 0, x: 0, y: 0 };
}

function blockOfGroup(group: StoryNode, members: readonly StoryNode[]): Block {
  const { padding, header, r } = GEOMETRY.group;
  const inner = { x: BLOCK_MARGIN + padding, y: BLOCK_MARGIN + padding + headerHeight(group.label) };
  let y = inner.y;
  let right = 0;
  const placed: { id: string; at: Point }[] = [];
  for (const member of members) {
    const e = memberExtent(member.label);
    placed.push({ id: member.id, at: { x: inner.x + e.left, y: y + e.top } });
    y += e.top + e.bottom;
    right = Math.max(right, e.left + e.right);
  }
  const headerWidth = headerExtent(group.label).left + headerExtent(group.label).right;
  const width = Math.max(right, headerWidth) + 2 * padding + 2 * BLOCK_MARGIN;
  const height = y + padding + BLOCK_MARGIN;
  return { id: group.id, band: group.band, width, height, members: placed, anchor: { x: BLOCK_MARGIN + padding + r, y: BLOCK_MARGIN + padding / 2 + header / 2 }, order: 0, x: 0, y: 0 };
}

/** Where every concept goes: a concept's marker centre; a group's, its header marker. */
export function storyLayout(nodes: readonly StoryNode[], links: readonly StoryLink[], options: StoryOptions = {}): Map<string, Point> {
  const byId = new Map<string, StoryNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  // A member belongs to its outermost group: nested groups are listed in the box of the outer one.
  const groupOf = (id: string): string | undefined => {
    let group: string | undefined;
    const seen = new Set<string>();
    for (let p = byId.get(id)?.parent; p !== undefined && byId.has(p) && !seen.has(p); p = byId.get(p)?.parent) {
      seen.add(p);
      group = p;
    }
    return group;
  };
  const membersOf = new Map<string, StoryNode[]>();
  for (const node of byId.values()) {
    const group = groupOf(node.id);
    if (group !== undefined && group !== node.id) membersOf.set(group, [...(membersOf.get(group) ?? []), node]);
  }
  const blocks: Block[] = [];
  const blockOf = new Map<string, Block>();
  for (const node of byId.values()) {
    const group = groupOf(node.id);
    if (group !== undefined && group !== node.id) continue;
    const members = membersOf.get(node.id);
    const block = members ? blockOfGroup(node, members) : blockOfConcept(node);
    blocks.push(block);
    blockOf.set(node.id, block);
    for (const m of members ?? []) blockOf.set(m.id, block);
  }

  // Relations between blocks (a member's relations are its group's, for placing the group).
  const neighbours = new Map<Block, Block[]>(blocks.map((b) => [b, []]));
  const edges: [Block, Block][] = [];
  for (const link of links) {
    const a = blockOf.get(link.source);
    const b = blockOf.get(link.target);
    if (!a || !b || a === b) continue;
    edges.push([a, b]);
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  }

  if (blocks.length === 0) return new Map();
  const bandIds = [...new Set(blocks.map((b) => b.band))].sort((x, y) => x - y);
  const layers = bandIds.map((band) => blocks.filter((b) => b.band === band));
  orderLayers(layers, neighbours, edges, options.sweeps ?? 24);
  place(layers, neighbours, options.aspect ?? 16 / 9);

  const positions = new Map<string, Point>();
  for (const block of blocks) {
    positions.set(block.id, { x: block.x + block.anchor.x, y: block.y + block.anchor.y });
    for (const member of block.members) positions.set(member.id, { x: block.x + member.at.x, y: block.y + member.at.y });
  }
  return positions;
}

/** Where a block sits in its layer, 0…1, for barycentres across layers of different sizes. */
const rankIn = (block: Block, size: number) => (size === 1 ? 0.5 : block.order / (size - 1));

/**
 * Orders each layer by the barycentre of its blocks' neighbours (in every other layer, nearer
 * layers weighing more), sweeping left to right and back, and keeps the order with fewest
 * crossings between straight relations.
 */
function orderLayers(layers: Block[][], neighbours: Map<Block, Block[]>, edges: readonly [Block, Block][], sweeps: number): void {
  layers.forEach((layer) => layer.forEach((b, i) => (b.order = i)));
  const layerIndex = new Map<Block, number>();
  layers.forEach((layer, i) => layer.forEach((b) => layerIndex.set(b, i)));
  const ranks = () => new Map([...layerIndex.keys()].map((b) => [b, rankIn(b, layers[layerIndex.get(b)!]!.length)] as const));
  let best = layers.map((l) => [...l]);
  const cost = new OrderingCost(layers, edges, layerIndex);
  let bestCrossings = cost.total();
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const forward = sweep % 2 === 0;
    for (let step = 0; step < layers.length; step++) {
      const li = forward ? step : layers.length - 1 - step;
      const rank = ranks();
      const layer = layers[li]!;
      const score = new Map<Block, number>();
      for (const block of layer) {
        let sum = 0;
        let weight = 0;
        for (const other of neighbours.get(block)!) {
          const distance = Math.abs(layerIndex.get(other)! - li);
          // Within the layer a neighbour pulls toward it too, more weakly.
          const w = distance === 0 ? 1 : 1 / distance;
          sum += rank.get(other)! * w;
          weight += w;
        }
        score.set(block, weight > 0 ? sum / weight : rank.get(block)!);
      }
      layer.sort((a, b) => score.get(a)! - score.get(b)! || a.order - b.order);
      layer.forEach((b, i) => (b.order = i));
    }
    cost.moved();
    const count = cost.total();
    if (count < bestCrossings) {
      bestCrossings = count;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((layer, li) => {
    layers[li] = layer;
    layer.forEach((b, i) => (b.order = i));
  });
  // Each swap costs a crossing count: worth it while the drawing is small enough to read anyway.
  cost.moved();
  if (edges.length <= TRANSPOSE_EDGES) transpose(layers, cost, new Set(edges.flat()));
}

/** Up to this many relations between blocks, orderings are refined swap by swap. */
const TRANSPOSE_EDGES = 300;

/**
 * What an ordering costs: crossings of straight relations drawn between layer ranks, plus, for
 * relations within one layer, how many blocks lie between their ends (the line would run past
 * them, through their labels). The layers' members stay put while their order changes, so the
 * relations' ends are read once, as numbers; only ranks are refreshed (`moved`).
 */
class OrderingCost {
  readonly #layers: readonly Block[][];
  readonly #blocks: Block[];
  readonly #rank: Float64Array;
  /** Each relation's ends: block index, and layer. */
  readonly #from: Int32Array;
  readonly #to: Int32Array;
  readonly #fromLayer: Int32Array;
  readonly #toLayer: Int32Array;
  /** The relations of each block. */
  readonly #incident: number[][];
  readonly #counted: Uint8Array;
  readonly #blockIndex: ReadonlyMap<Block, number>;
  readonly #layerOf: Int32Array;
  /** The relations running across each gap between layer g and g + 1. */
  readonly #gaps: number[][];
  /** Which count last looked at each relation (one may run across several gaps). */
  readonly #seen: Int32Array;
  #stamp = 0;

  constructor(layers: readonly Block[][], edges: readonly [Block, Block][], layerIndex: ReadonlyMap<Block, number>) {
    this.#layers = layers;
    this.#blocks = [...layerIndex.keys()];
    const index = new Map(this.#blocks.map((b, i) => [b, i]));
    const n = edges.length;
    this.#from = new Int32Array(n);
    this.#to = new Int32Array(n);
    this.#fromLayer = new Int32Array(n);
    this.#toLayer = new Int32Array(n);
    this.#incident = this.#blocks.map(() => []);
    this.#counted = new Uint8Array(n);
    edges.forEach(([a, b], i) => {
      this.#from[i] = index.get(a)!;
      this.#to[i] = index.get(b)!;
      this.#fromLayer[i] = layerIndex.get(a)!;
      this.#toLayer[i] = layerIndex.get(b)!;
      this.#incident[this.#from[i]!]!.push(i);
      if (b !== a) this.#incident[this.#to[i]!]!.push(i);
    });
    this.#gaps = layers.map(() => []);
    for (let i = 0; i < n; i++) {
      for (let gap = Math.min(this.#fromLayer[i]!, this.#toLayer[i]!); gap < Math.max(this.#fromLayer[i]!, this.#toLayer[i]!); gap++) this.#gaps[gap]!.push(i);
    }
    this.#seen = new Int32Array(n);
    this.#rank = new Float64Array(this.#blocks.length);
    this.#layerOf = Int32Array.from(this.#blocks, (b) => layerIndex.get(b)!);
    this.#blockIndex = index;
    this.moved();
  }

  /** Reads again where these blocks (all when none are named) are in their layers. */
  moved(...blocks: Block[]): void {
    const refresh = (i: number) => {
      const block = this.#blocks[i]!;
      const size = this.#layers[this.#layerOf[i]!]!.length;
      this.#rank[i] = rankIn(block, size);
    };
    if (blocks.length === 0) for (let i = 0; i < this.#blocks.length; i++) refresh(i);
    else for (const b of blocks) refresh(this.#blockIndex.get(b)!);
  }

  /** The whole cost. */
  total(): number {
    this.#counted.fill(1);
    const count = this.#count(Array.from(this.#from, (_, i) => i));
    this.#counted.fill(0);
    return count;
  }

  /**
   * Only the part of the cost that involves a relation of `a` or `b`: all that swapping two
   * neighbours in a layer can change.
   */
  touching(a: Block, b: Block): number {
    const ofA = this.#incident[this.#blockIndex.get(a)!]!;
    const ofB = this.#incident[this.#blockIndex.get(b)!]!;
    for (const i of ofA) this.#counted[i] = 1;
    for (const i of ofB) this.#counted[i] = 1;
    // A relation between a and b is in both lists: counted with a's.
    let count = this.#count(ofA);
    for (const i of ofB) if (!ofA.includes(i)) count += this.#count([i]);
    for (const i of ofA) this.#counted[i] = 0;
    for (const i of ofB) this.#counted[i] = 0;
    return count;
  }

  /** Each pair once: a counted relation against every other, uncounted ones against counted ones only. */
  #count(counted: readonly number[]): number {
    const from = this.#from;
    const to = this.#to;
    const x1 = this.#fromLayer;
    const x2 = this.#toLayer;
    const rank = this.#rank;
    const blocks = this.#blocks;
    const flags = this.#counted;
    const seen = this.#seen;
    let count = 0;
    for (const i of counted) {
      const a1 = from[i]!;
      const b1 = to[i]!;
      if (x1[i] === x2[i]) count += SPAN_COST * Math.max(0, Math.abs(blocks[a1]!.order - blocks[b1]!.order) - 1);
      const left = Math.min(x1[i]!, x2[i]!);
      const right = Math.max(x1[i]!, x2[i]!);
      // Relations whose spans of layers do not overlap (or only touch) cannot cross: the others
      // run across one of the gaps between layers that this one spans (or next to its layer).
      const stamp = ++this.#stamp;
      for (let gap = left, last = Math.max(left, right - 1); gap <= last; gap++) {
        for (const j of this.#gaps[gap] ?? []) {
          if (seen[j] === stamp) continue;
          seen[j] = stamp;
          if (j === i || (flags[j] === 1 && j < i)) continue;
          if (Math.max(x1[j]!, x2[j]!) <= left || Math.min(x1[j]!, x2[j]!) >= right) continue;
          const a2 = from[j]!;
          const b2 = to[j]!;
          if (a1 === a2 || a1 === b2 || b1 === a2 || b1 === b2) continue;
          if (segmentsCross(x1[i]!, rank[a1]!, x2[i]!, rank[b1]!, x1[j]!, rank[a2]!, x2[j]!, rank[b2]!)) count++;
        }
      }
    }
    return count;
  }
}

/** A block between the ends of a relation within its layer costs this many crossings. */
const SPAN_COST = 2;

/**
 * Swaps neighbours in a layer while that lowers the cost (the "transpose" step of layered
 * layouts), after the barycentre sweeps have done the coarse work.
 */
function transpose(layers: Block[][], cost: OrderingCost, related: ReadonlySet<Block>): void {
  // Only the relations of the two blocks swapped change their cost: counted alone, before and after.
  for (let round = 0; round < 8; round++) {
    let improved = false;
    for (const layer of layers) {
      for (let i = 0; i + 1 < layer.length; i++) {
        const a = layer[i]!;
        const b = layer[i + 1]!;
        if (!related.has(a) && !related.has(b)) continue;
        const before = cost.touching(a, b);
        layer[i] = b;
        layer[i + 1] = a;
        a.order = i + 1;
        b.order = i;
        cost.moved(a, b);
        const next = cost.touching(a, b);
        if (next < before) {
          improved = true;
        } else {
          layer[i] = a;
          layer[i + 1] = b;
          a.order = i;
          b.order = i + 1;
          cost.moved(a, b);
        }
      }
    }
    if (!improved) break;
  }
}

/** Whether segment p1–p2 and segment q1–q2 cross at a point inside both. */
function segmentsCross(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number): boolean {
  const d1 = (q2x - q1x) * (p1y - q1y) - (q2y - q1y) * (p1x - q1x);
  const d2 = (q2x - q1x) * (p2y - q1y) - (q2y - q1y) * (p2x - q1x);
  if (d1 * d2 >= 0) return false;
  const d3 = (p2x - p1x) * (q1y - p1y) - (p2y - p1y) * (q1x - p1x);
  const d4 = (p2x - p1x) * (q2y - p1y) - (p2y - p1y) * (q2x - p1x);
  return d3 * d4 < 0;
}

/**
 * Columns, left to right, each as wide as its widest block; a layer too tall for the aspect is
 * split, in order, into columns of its own band. Blocks are stacked in order, then drawn toward
 * the height of what they relate to, never past their neighbours in the column.
 */
function place(layers: readonly Block[][], neighbours: Map<Block, Block[]>, aspect: number): void {
  const columnsFor = (limit: number) =>
    layers.map((layer) => {
      const columns: Block[][] = [[]];
      let height = 0;
      for (const block of layer) {
        const column = columns[columns.length - 1]!;
        if (column.length > 0 && height + block.height > limit) {
          columns.push([block]);
          height = block.height + STACK_GAP;
        } else {
          column.push(block);
          height += block.height + STACK_GAP;
        }
      }
      return columns;
    });
  const measure = (split: Block[][][]) => {
    const columns = split.flat();
    const width = split.reduce((sum, band) => sum + band.reduce((w, c) => w + Math.max(...c.map((b) => b.width)), 0) + (band.length - 1) * SPLIT_GAP, 0) + (split.length - 1) * BAND_GAP;
    const height = Math.max(...columns.map((c) => c.reduce((h, b) => h + b.height, 0) + (c.length - 1) * STACK_GAP));
    return { width, height };
  };
  // The column height that brings the drawing closest to the aspect, among the heights that split differently.
  const tallest = Math.max(...layers.flat().map((b) => b.height));
  const stacked = Math.max(...layers.map((l) => l.reduce((h, b) => h + b.height + STACK_GAP, 0)));
  let best = columnsFor(stacked);
  let bestScore = Infinity;
  for (let limit = stacked; limit >= tallest; limit -= 8) {
    const split = columnsFor(limit);
    const { width, height } = measure(split);
    // The scale the drawing would be shown at in a frame of the aspect (higher is better): the smaller side wins.
    const score = -Math.min(aspect / width, 1 / height);
    if (score < bestScore - 1e-9) {
      bestScore = score;
      best = split;
    }
  }

  let x = 0;
  const columns: Block[][] = [];
  best.forEach((band, bi) => {
    band.forEach((column, ci) => {
      const width = Math.max(...column.map((b) => b.width));
      for (const block of column) block.x = x + (width - block.width) / 2;
      columns.push(column);
      x += width + (ci < band.length - 1 ? SPLIT_GAP : 0);
    });
    if (bi < best.length - 1) x += BAND_GAP;
  });
  const { height } = measure(best);
  // Stacked and centred; then drawn toward their neighbours' height a few times, keeping order and gaps.
  for (const column of columns) {
    const total = column.reduce((h, b) => h + b.height, 0) + (column.length - 1) * STACK_GAP;
    let y = (height - total) / 2;
    for (const block of column) {
      block.y = y;
      y += block.height + STACK_GAP;
    }
  }
  const centre = (b: Block) => b.y + b.height / 2;
  for (let round = 0; round < 12; round++) {
    for (const column of columns) {
      const wanted = column.map((b) => {
        const others = neighbours.get(b)!.filter((o) => !column.includes(o));
        return others.length === 0 ? centre(b) : others.reduce((s, o) => s + centre(o), 0) / others.length;
      });
      // Half way toward where the neighbours are, then the column is made whole again.
      column.forEach((b, i) => (b.y += (wanted[i]! - centre(b)) * 0.5));
      settleColumn(column, 0, height);
    }
  }
}

/** Pushes a column's blocks apart in order (no overlap, `STACK_GAP` between), within top…bottom. */
function settleColumn(column: Block[], top: number, bottom: number): void {
  const down = () => {
    column[0]!.y = Math.max(column[0]!.y, top);
    for (let i = 1; i < column.length; i++) column[i]!.y = Math.max(column[i]!.y, column[i - 1]!.y + column[i - 1]!.height + STACK_GAP);
  };
  down();
  const last = column[column.length - 1]!;
  last.y = Math.min(last.y, bottom - last.height);
  for (let i = column.length - 2; i >= 0; i--) column[i]!.y = Math.min(column[i]!.y, column[i + 1]!.y - STACK_GAP - column[i]!.height);
  // A column taller than the room keeps its top: it spills at the bottom rather than overlapping.
  down();
}

/**
 * A story-laid-out map's positions: computed at once; a place the reader gave a concept (`pins`)
 * or the map file saved wins over the computed one.
 */
export function storyPositions(plan: LayoutPlan, pins: Readonly<Record<string, Point>> = {}): Map<string, Point> {
  const { nodes, links, options } = plan.story!;
  const positions = storyLayout(nodes, links, options);
  for (const node of plan.input.nodes) {
    const saved = pins[node.id] ?? node.pinned ?? node.initial;
    if (saved && Number.isFinite(saved.x) && Number.isFinite(saved.y)) positions.set(node.id, saved);
  }
  return positions;
}
