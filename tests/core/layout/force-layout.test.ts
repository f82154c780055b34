import { describe, expect, it } from 'vitest';
import {
  createLayout,
  type ForceLayout,
  type LayoutInput,
  type LayoutNode,
} from '../../../src/core/layout/force-layout.ts';
import { estimateLabelWidth, LABEL_CHAR_WIDTH } from '../../../src/core/model/label.ts';
import { createRandom } from '../../../src/core/model/random.ts';
import type { Point } from '../../../src/core/model/types.ts';

const LABELS = [
  'Calcinosis cutis',
  'Fetuin-A',
  'Matrix Gla protein',
  'Inorganic pyrophosphate',
  'Vascular hypoxia',
  'Digital ulcers',
  'Anticentromere antibody',
  'Plain radiography',
  'Dual-energy CT',
  'Intralesional sodium thiosulfate',
  'CO2 laser',
  'ENPP1',
];

/**
 * A map-like fixture: `count` nodes spread over six bands, each linked to one or two
 * earlier nodes in its own or a neighbouring band, and a hub in the middle band that many
 * nodes link to, as the disease node does in a real map. Built from a fixed seed, so it is
 * the same fixture on every run.
 */
function mapLike(count: number): LayoutInput {
  const random = createRandom('fixture');
  const nodes: LayoutNode[] = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    band: i === 0 ? 2 : Math.floor(random() * 6),
    label: LABELS[i % LABELS.length]!,
  }));
  const links: LayoutInput['links'][number][] = [];
  for (const [i, node] of nodes.entries()) {
    if (i === 0) continue;
    if (random() < 0.5) links.push({ source: node.id, target: 'n0', level: 'cohort' });
    const near = nodes.slice(0, i).filter((other) => Math.abs(other.band - node.band) <= 1);
    for (let k = 0; k < 2 && near.length > 0; k++) {
      const other = near[Math.floor(random() * near.length)]!;
      if (random() < 0.7) links.push({ source: other.id, target: node.id, level: 'animal-model' });
    }
  }
  return { nodes, links };
}

const forty = mapLike(40);

function settledLayout(input: LayoutInput, seed: string | number = 'seed'): ForceLayout {
  const layout = createLayout(input, { seed });
  layout.runToSettled(1000);
  return layout;
}

const rounded = (positions: Map<string, Point>) =>
  Object.fromEntries([...positions].map(([id, p]) => [id, [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]]));

function largestMove(before: Map<string, Point>, after: Map<string, Point>): number {
  let largest = 0;
  for (const [id, p] of after) {
    const q = before.get(id)!;
    largest = Math.max(largest, Math.hypot(p.x - q.x, p.y - q.y));
  }
  return largest;
}

function meanXByBand(input: LayoutInput, positions: Map<string, Point>): number[] {
  const sums: { x: number; n: number }[] = [];
  for (const node of input.nodes) {
    const sum = (sums[node.band] ??= { x: 0, n: 0 });
    sum.x += positions.get(node.id)!.x;
    sum.n++;
  }
  return sums.map((s) => s.x / s.n);
}

function closestPair(positions: Map<string, Point>): number {
  const points = [...positions.values()];
  let closest = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    }
  }
  return closest;
}

describe('the same seed, the same picture', () => {
  it('repeats exactly for the same input and seed', () => {
    expect(settledLayout(forty, 'calcinosis').positions()).toEqual(settledLayout(forty, 'calcinosis').positions());
  });

  it.each([
    ['calcinosis', 'calcinosis-2'],
    [1, 2],
  ])('draws a different picture for seed %j than for %j', (a, b) => {
    expect(largestMove(settledLayout(forty, a).positions(), settledLayout(forty, b).positions())).toBeGreaterThan(20);
  });

  it('gives these positions for a small map, on every machine', () => {
    // Only 32-bit integer arithmetic, + - * / and sqrt feed the positions, and IEEE 754 fixes
    // their results exactly in every engine; the snapshot also catches any change to the forces.
    const small: LayoutInput = {
      nodes: [
        { id: 'model', band: 0, label: 'Mouse model' },
        { id: 'mechanism', band: 1, label: 'Low PPi/Pi ratio' },
        { id: 'disease', band: 2, label: 'Calcinosis cutis in SSc' },
        { id: 'association', band: 3, label: 'Digital ulcers' },
        { id: 'therapy', band: 4, label: 'Sodium thiosulfate' },
      ],
      links: [
        { source: 'model', target: 'mechanism', level: 'animal-model' },
        { source: 'mechanism', target: 'disease', level: 'review' },
        { source: 'disease', target: 'association', level: 'cohort' },
        { source: 'therapy', target: 'disease', level: 'case-report' },
      ],
    };
    expect(rounded(settledLayout(small, 'pathomap').positions())).toMatchInlineSnapshot(`
      {
        "association": [
          1116,
          458.2,
        ],
        "disease": [
          797,
          403.3,
        ],
        "mechanism": [
          475.3,
          424.5,
        ],
        "model": [
          140.8,
          411.2,
        ],
        "therapy": [
          1481.5,
          546.7,
        ],
      }
    `);
  });

  it('starts each node from its own seeded spot, so adding a node moves no one else’s start', () => {
    const before = createLayout(forty, { seed: 's' }).positions();
    const grown = { nodes: [{ id: 'new', band: 3, label: 'New node' }, ...forty.nodes], links: forty.links };
    const after = createLayout(grown, { seed: 's' }).positions();
    for (const [id, p] of before) expect(after.get(id)).toEqual(p);
  });
});

describe('a map that reads left to right', () => {
  it.each([['a'], ['b'], [7]])('keeps the bands in order, seed %j', (seed) => {
    const layout = createLayout(forty, { seed });
    const initial = meanXByBand(forty, layout.positions());
    layout.runToSettled(1000);
    const settled = meanXByBand(forty, layout.positions());
    for (const means of [initial, settled]) {
      for (let band = 1; band < means.length; band++) expect(means[band]).toBeGreaterThan(means[band - 1]!);
    }
  });

  it.each([
    [{}, [800 / 3, 800, 4000 / 3]],
    [{ width: 600 }, [100, 300, 500]],
    [{ bandCount: 5, width: 1000 }, [100, 300, 500, 700, 900]],
  ])('places the band centres evenly across the width: %j', (options, expected) => {
    const nodes = [0, 1, 2].map((band) => ({ id: `b${band}`, band, label: '' }));
    const layout = createLayout({ nodes, links: [] }, { seed: 1, ...options });
    expect(layout.bandCentres.map((x) => Math.round(x))).toEqual(expected.map((x) => Math.round(x)));
  });

  it('clamps bands it cannot place into the outer bands', () => {
    const nodes = [
      { id: 'low', band: -3, label: '' },
      { id: 'odd', band: Number.NaN, label: '' },
      { id: 'high', band: 9, label: '' },
    ];
    const layout = createLayout({ nodes, links: [] }, { seed: 1, bandCount: 3, width: 600 });
    layout.runToSettled(1000);
    const x = (id: string) => layout.positions().get(id)!.x;
    expect(x('low')).toBeLessThan(200);
    expect(x('odd')).toBeLessThan(200);
    expect(x('high')).toBeGreaterThan(400);
  });
});

describe('settling', () => {
  it('settles within 400 ticks', () => {
    const layout = createLayout(forty, { seed: 'calcinosis' });
    expect(layout.settled).toBe(false);
    expect(layout.runToSettled(400)).toBeLessThan(400);
    expect(layout.settled).toBe(true);
  });

  it('comes to rest gently: the last ticks before settling move nothing more than 0.5 px', () => {
    const layout = createLayout(forty, { seed: 'calcinosis' });
    const moves: number[] = [];
    while (!layout.settled) {
      const before = layout.positions();
      layout.tick();
      moves.push(largestMove(before, layout.positions()));
    }
    expect(Math.max(...moves.slice(-20))).toBeLessThan(0.5);
  });

  it('does not drift once settled', () => {
    const layout = settledLayout(forty);
    const settled = layout.positions();
    layout.tick(100);
    expect(layout.positions()).toEqual(settled);
  });

  it('keeps node centres apart on a 40-node map', () => {
    // Two marker radii plus the collision padding, with some slack for forces still balancing.
    expect(closestPair(settledLayout(forty).positions())).toBeGreaterThan(30);
  });

  it('spaces nodes with wide labels further apart', () => {
    const narrow = closestPair(settledLayout(forty).positions());
    const wide = createLayout(forty, { seed: 'seed', labelWidth: () => 400 });
    wide.runToSettled(1000);
    expect(closestPair(wide.positions())).toBeGreaterThan(narrow);
  });

  it('counts ticks: tick(n) advances n steps, as n single ticks do', () => {
    const batched = createLayout(forty, { seed: 3 });
    const single = createLayout(forty, { seed: 3 });
    batched.tick(25);
    for (let i = 0; i < 25; i++) single.tick();
    expect(batched.positions()).toEqual(single.positions());
  });
});

describe('pinning and interaction', () => {
  it('holds a node pinned in the input exactly at its pin, and starts settled if all are pinned', () => {
    const nodes = forty.nodes.map((n) => (n.id === 'n0' ? { ...n, pinned: { x: 123.4, y: 567.8 } } : n));
    const layout = settledLayout({ nodes, links: forty.links });
    expect(layout.positions().get('n0')).toEqual({ x: 123.4, y: 567.8 });

    const onlyPinned = [{ id: 'a', band: 0, label: 'A', pinned: { x: 1, y: 2 } }];
    const allPinned = createLayout({ nodes: onlyPinned, links: [] }, { seed: 1 });
    expect(allPinned.settled).toBe(true);
  });

  it('moves a node to its pin at once and holds it there while others adjust', () => {
    const layout = settledLayout(forty);
    expect(layout.pin('n0', 100, 100)).toBe(true);
    expect(layout.positions().get('n0')).toEqual({ x: 100, y: 100 });
    layout.reheat();
    expect(layout.settled).toBe(false);
    const before = layout.positions();
    layout.runToSettled(1000);
    expect(layout.positions().get('n0')).toEqual({ x: 100, y: 100 });
    expect(largestMove(before, layout.positions())).toBeGreaterThan(5);
  });

  it.each([
    ['an unknown id', 'nope', 1, 1],
    ['a NaN position', 'n0', Number.NaN, 1],
    ['an infinite position', 'n0', 1, Infinity],
  ])('refuses to pin %s', (_, id, x, y) => {
    const layout = createLayout(forty, { seed: 1 });
    const before = layout.positions();
    expect(layout.pin(id, x, y)).toBe(false);
    expect(layout.positions()).toEqual(before);
  });

  it('lets an unpinned node move again', () => {
    const layout = settledLayout(forty);
    layout.pin('n0', 0, 0);
    layout.unpin('n0');
    layout.unpin('unknown');
    layout.reheat(0.5);
    layout.tick(5);
    expect(layout.positions().get('n0')).not.toEqual({ x: 0, y: 0 });
  });

  it('keeps moving while kept warm, then settles again', () => {
    const layout = settledLayout(forty);
    layout.keepWarm(true);
    expect(layout.settled).toBe(false);
    // A long drag: the dragged node moves, its neighbours follow the whole time.
    for (let frame = 0; frame < 600; frame++) layout.pin('n0', 800 + frame / 2, 450);
    const beforeLast = layout.positions();
    layout.tick(600);
    layout.pin('n0', 1000, 300);
    layout.tick();
    expect(largestMove(beforeLast, layout.positions())).toBeGreaterThan(1);
    expect(layout.settled).toBe(false);
    layout.keepWarm(false);
    expect(layout.runToSettled(400)).toBeLessThan(400);
  });

  it('never lowers the energy when reheated', () => {
    const layout = createLayout(forty, { seed: 1 });
    layout.reheat(0.01);
    const untouched = createLayout(forty, { seed: 1 });
    layout.tick(10);
    untouched.tick(10);
    expect(layout.positions()).toEqual(untouched.positions());
  });

  it('freezes everything where it is on stop, until reheated', () => {
    const layout = createLayout(forty, { seed: 1 });
    layout.tick(20);
    layout.stop();
    expect(layout.settled).toBe(true);
    const stopped = layout.positions();
    layout.tick(10);
    expect(layout.positions()).toEqual(stopped);
    layout.reheat(0.5);
    layout.tick(10);
    expect(layout.positions()).not.toEqual(stopped);
  });
});

describe('awkward input', () => {
  it('handles a map with no nodes', () => {
    const layout = createLayout({ nodes: [], links: [] }, { seed: 1 });
    expect(layout.settled).toBe(true);
    expect(layout.runToSettled()).toBe(0);
    expect(layout.positions().size).toBe(0);
    expect(layout.bandCentres).toEqual([800]);
  });

  it.each([[1], [2], ['x']])('moves a single node onto its band, and towards the middle (seed %j)', (seed) => {
    const layout = createLayout({ nodes: [{ id: 'only', band: 0, label: 'Only' }], links: [] }, { seed });
    const start = layout.positions().get('only')!;
    layout.runToSettled(1000);
    const end = layout.positions().get('only')!;
    expect(Math.abs(end.x - 800)).toBeLessThan(1);
    // The vertical pull is weak on purpose (bands are columns, not points): closer, not there.
    expect(Math.abs(end.y - 450)).toBeLessThan(Math.abs(start.y - 450));
  });

  it('lays out nodes without links without overlapping them', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, band: i % 3, label: `Unlinked ${i}` }));
    const layout = settledLayout({ nodes, links: [] });
    expect(layout.positions().size).toBe(12);
    expect(closestPair(layout.positions())).toBeGreaterThan(30);
  });

  it('leaves out and reports links it cannot use, and keeps the first of repeated node ids', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'a', band: 0, label: 'A' },
        { id: 'b', band: 1, label: 'B' },
        { id: 'a', band: 1, label: 'A again' },
      ],
      links: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'ghost' },
        { source: 'nobody', target: 'b' },
        { source: 'b', target: 'b' },
      ],
    };
    const layout = createLayout(input, { seed: 1 });
    expect(layout.ignoredLinks).toEqual(input.links.slice(1));
    expect([...layout.positions().keys()]).toEqual(['a', 'b']);
    expect(layout.runToSettled(400)).toBeLessThan(400);
    const { a, b } = Object.fromEntries(layout.positions());
    expect(a!.x).toBeLessThan(b!.x);
  });

  it('starts a node where it is told to, unless the spot is not a number', () => {
    const nodes = [
      { id: 'a', band: 0, label: 'A', initial: { x: 5, y: 6 } },
      { id: 'b', band: 0, label: 'B', initial: { x: Number.NaN, y: 6 } },
      { id: 'c', band: 0, label: 'C', pinned: { x: 1, y: Infinity } },
    ];
    const layout = createLayout({ nodes, links: [] }, { seed: 1 });
    const start = layout.positions();
    expect(start.get('a')).toEqual({ x: 5, y: 6 });
    for (const id of ['b', 'c']) expect(Number.isFinite(start.get(id)!.y) && start.get(id)!.x !== 1).toBe(true);
    layout.tick();
    expect(layout.positions().get('c')).not.toEqual(start.get('c'));
  });

  it('survives a labelWidth that returns nonsense', () => {
    const layout = createLayout(forty, { seed: 1, labelWidth: () => Number.NaN });
    layout.runToSettled(1000);
    for (const p of layout.positions().values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('estimateLabelWidth', () => {
  it.each([
    ['', 0],
    ['ENPP1', 5 * LABEL_CHAR_WIDTH],
    ['  Fetuin-A  ', 8 * LABEL_CHAR_WIDTH],
    ['Matrix   Gla protein', 18 * LABEL_CHAR_WIDTH],
    ['Matrix Gla protein', 18 * LABEL_CHAR_WIDTH],
    // Wrapped at the space nearest the middle: "Intralesional" / "sodium thiosulfate".
    ['Intralesional sodium thiosulfate', 18 * LABEL_CHAR_WIDTH],
    // "Calcinosis" / "cutis in SSc".
    ['Calcinosis cutis in SSc', 12 * LABEL_CHAR_WIDTH],
    // Nowhere to wrap: one long line.
    ['Pseudoxanthomaelasticumlike', 27 * LABEL_CHAR_WIDTH],
  ])('%j → %s px', (label, expected) => expect(estimateLabelWidth(label)).toBe(expected));
});
