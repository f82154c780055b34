// The story layout: bands as columns left to right, groups as boxes listing their members,
// concepts ordered within a column so that relations cross little, tall columns split to keep a
// slide's proportions. Tested through what a reader sees: where the boxes fall, in which order,
// and whether anything overlaps.
import { describe, expect, it } from 'vitest';
import { conceptExtent, groupBox, type Rect } from '../../../src/core/layout/geometry.ts';
import { planLayout } from '../../../src/core/layout/plan.ts';
import { storyLayout, type StoryLink, type StoryNode } from '../../../src/core/layout/story-layout.ts';
import type { PathoMap, Point } from '../../../src/core/model/types.ts';
import { generateMap } from '../../../scripts/bench-generate.ts';
import { mapWithDisputes } from '../../fixtures/small-map.ts';

const node = (id: string, band: number, extra: Partial<StoryNode> = {}): StoryNode => ({ id, band, label: `Concept ${id}`, r: 10, ...extra });
const link = (source: string, target: string): StoryLink => ({ source, target });

/** What the story layout is given for a whole map, as the app gives it. */
function storyOf(map: PathoMap) {
  const story = planLayout(map).story;
  if (!story) throw new Error(`${map.id}: not laid out as a story`);
  return story;
}

/** The outermost group a node is listed in (as the doc comment promises), or undefined. */
function outermostGroup(nodes: readonly StoryNode[], id: string): string | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let group: string | undefined;
  const seen = new Set<string>();
  for (let p = byId.get(id)?.parent; p !== undefined && byId.has(p) && !seen.has(p); p = byId.get(p)?.parent) {
    seen.add(p);
    group = p;
  }
  return group;
}

/** The boxes a renderer draws: a concept with its label under it, or a group's box around its members. */
function boxes(nodes: readonly StoryNode[], positions: Map<string, Point>): Map<string, Rect> {
  const members = new Map<string, StoryNode[]>();
  for (const n of nodes) {
    const group = outermostGroup(nodes, n.id);
    if (group !== undefined) members.set(group, [...(members.get(group) ?? []), n]);
  }
  const result = new Map<string, Rect>();
  for (const n of nodes) {
    if (outermostGroup(nodes, n.id) !== undefined) continue;
    const listed = members.get(n.id);
    if (listed) {
      result.set(n.id, groupBox(n.label, listed.map((m) => ({ at: positions.get(m.id)!, label: m.label })))!);
    } else {
      const at = positions.get(n.id)!;
      const e = conceptExtent(n.label, n.r);
      result.set(n.id, { minX: at.x - e.left, maxX: at.x + e.right, minY: at.y - e.top, maxY: at.y + e.bottom });
    }
  }
  return result;
}

const overlap = (a: Rect, b: Rect) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/** Crossings of straight relations drawn between two columns, given each concept's height. */
function crossingCount(links: readonly StoryLink[], heightOf: (id: string) => number): number {
  let count = 0;
  for (let i = 0; i < links.length; i++) {
    for (let j = i + 1; j < links.length; j++) {
      const a = links[i]!;
      const b = links[j]!;
      if (new Set([a.source, a.target, b.source, b.target]).size < 4) continue;
      if ((heightOf(a.source) - heightOf(b.source)) * (heightOf(a.target) - heightOf(b.target)) < 0) count++;
    }
  }
  return count;
}

/** Concepts of one band, read as text: column by column, left to right, each top to bottom. */
const readingOrder = (ids: readonly string[], positions: Map<string, Point>) =>
  [...ids].sort((a, b) => positions.get(a)!.x - positions.get(b)!.x || positions.get(a)!.y - positions.get(b)!.y);

/** A 3 + 3 map whose relations, in map order, all cross: a–z, b–y, c–x. */
const crossedThree = {
  nodes: [node('a', 0), node('b', 0), node('c', 0), node('x', 1), node('y', 1), node('z', 1)],
  links: [link('a', 'z'), link('b', 'y'), link('c', 'x')],
  options: {},
};

/**
 * A 5 + 5 map, each concept related to one in the next band, shuffled so that map order crosses
 * a lot; laid out for a portrait frame, so that each band stays one column.
 */
const crossedFive = {
  nodes: [...['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 0)), ...['v', 'w', 'x', 'y', 'z'].map((id) => node(id, 1))],
  links: [link('a', 'x'), link('b', 'z'), link('c', 'v'), link('d', 'y'), link('e', 'w')],
  options: { aspect: 0.5 },
};

/** A map of 90 concepts with groups: every tenth concept lists the next three. */
function groupedMap(): PathoMap {
  const map = generateMap({ nodes: 90, kind: 'concept', id: 'story-grouped' });
  map.nodes = map.nodes.map((n, i) => (i % 10 >= 1 && i % 10 <= 3 ? { ...n, parent: map.nodes[i - (i % 10)]!.id } : n));
  return map;
}

describe('columns per band', () => {
  it('puts each band in its own column, left to right in band order, whatever order the map lists them in', () => {
    // Listed out of band order, with a band rank missing (3 without 2).
    const nodes = [node('late', 3), node('first', 0), node('middle', 1), node('first-too', 0), node('late-too', 3)];
    const positions = storyLayout(nodes, [link('first', 'middle'), link('middle', 'late')]);
    const placed = boxes(nodes, positions);
    const bands = [0, 1, 3].map((band) => nodes.filter((n) => n.band === band).map((n) => placed.get(n.id)!));
    for (let i = 0; i + 1 < bands.length; i++) {
      const right = Math.max(...bands[i]!.map((b) => b.maxX));
      const left = Math.min(...bands[i + 1]!.map((b) => b.minX));
      expect(right).toBeLessThan(left);
    }
    // Concepts of one band share their column.
    expect(positions.get('first')!.x).toBe(positions.get('first-too')!.x);
    expect(positions.get('late')!.x).toBe(positions.get('late-too')!.x);
  });

  it.each([
    ['a slide', 16 / 9],
    ['a square', 1],
    ['a portrait page', 0.5],
    ['a wide banner', 3],
  ])('splits a band too tall for %s into columns, read in order, keeping about its proportions', (_, aspect) => {
    const nodes = Array.from({ length: 30 }, (_, i) => node(`c${i}`, 0));
    const positions = storyLayout(nodes, [], { aspect });
    const ids = nodes.map((n) => n.id);
    const columns = new Set(ids.map((id) => positions.get(id)!.x));
    expect(columns.size).toBeGreaterThan(1);
    // Unrelated concepts keep the map's order, column after column.
    expect(readingOrder(ids, positions)).toEqual(ids);
    const all = [...boxes(nodes, positions).values()];
    const width = Math.max(...all.map((b) => b.maxX)) - Math.min(...all.map((b) => b.minX));
    const height = Math.max(...all.map((b) => b.maxY)) - Math.min(...all.map((b) => b.minY));
    expect(width / height).toBeGreaterThan(aspect / 1.5);
    expect(width / height).toBeLessThan(aspect * 1.5);
  });
});

describe('groups', () => {
  it('lists a group’s members under its header, in map order, in the box the renderer draws around them', () => {
    const { nodes, links, options } = storyOf(mapWithDisputes());
    const positions = storyLayout(nodes, links, options);
    const header = positions.get('features')!;
    const ulcers = positions.get('ulcers')!;
    const hypoxia = positions.get('hypoxia')!;
    // One under the other, in one column, below the header.
    expect(ulcers.x).toBe(hypoxia.x);
    expect(header.y).toBeLessThan(ulcers.y);
    expect(ulcers.y).toBeLessThan(hypoxia.y);
    // The renderer's box around the members puts its header marker exactly where the layout put the group.
    const box = groupBox('Vascular features', [
      { at: ulcers, label: 'Digital ulcers' },
      { at: hypoxia, label: 'Tissue hypoxia' },
    ])!;
    expect(box.header.x).toBeCloseTo(header.x, 9);
    expect(box.header.y).toBeCloseTo(header.y, 9);
  });

  it('keeps a member in its group’s box even when the member’s own band is another column', () => {
    // Tissue hypoxia is a mechanism (band 1) listed in Vascular features (band 0), beside the
    // other mechanism, which has a column of its own.
    const { nodes, links, options } = storyOf(mapWithDisputes());
    const positions = storyLayout(nodes, links, options);
    const placed = boxes(nodes, positions);
    const features = placed.get('features')!;
    const hypoxia = positions.get('hypoxia')!;
    expect(hypoxia.x).toBeGreaterThan(features.minX);
    expect(hypoxia.x).toBeLessThan(features.maxX);
    expect(hypoxia.y).toBeGreaterThan(features.minY);
    expect(hypoxia.y).toBeLessThan(features.maxY);
    expect(features.maxX).toBeLessThan(placed.get('markup')!.minX);
  });

  it('lists a group nested in another in the box of the outer one, with its own members', () => {
    const nodes = [
      node('outer', 0, { label: 'Outer group' }),
      node('inner', 1, { label: 'Inner group', parent: 'outer' }),
      node('leaf', 2, { label: 'Leaf', parent: 'inner' }),
      node('sibling', 0, { label: 'Sibling', parent: 'outer' }),
      node('alone', 1),
    ];
    const positions = storyLayout(nodes, [link('leaf', 'alone')]);
    const listed = ['inner', 'leaf', 'sibling'].map((id) => positions.get(id)!);
    // All three in one list under the outer header, in map order.
    expect(new Set(listed.map((p) => p.x)).size).toBe(1);
    expect(listed.map((p) => p.y)).toEqual([...listed.map((p) => p.y)].sort((a, b) => a - b));
    expect(positions.get('outer')!.y).toBeLessThan(listed[0]!.y);
    // The nested group is a row of the list, not a box of its own elsewhere: one box in band 0's column, one in band 1's.
    const placed = boxes(nodes, positions);
    expect([...placed.keys()].sort()).toEqual(['alone', 'outer']);
    expect(placed.get('outer')!.maxX).toBeLessThan(placed.get('alone')!.minX);
  });
});

describe('order within a column', () => {
  it.each([
    ['three relations that all cross in map order', crossedThree],
    ['five shuffled relations', crossedFive],
  ])('untangles %s', (_, { nodes, links, options }) => {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const inMapOrder = crossingCount(links, (id) => index.get(id)!);
    expect(inMapOrder).toBeGreaterThan(0);
    const positions = storyLayout(nodes, links, options);
    // One column per band, so the crossings counted are those drawn.
    expect(new Set(nodes.map((n) => positions.get(n.id)!.x)).size).toBe(2);
    expect(crossingCount(links, (id) => positions.get(id)!.y)).toBe(0);
  });

  it('puts two related concepts of one band next to each other, nothing between them', () => {
    // In map order, first and last are three rows apart.
    const nodes = [node('first', 0), node('b', 0), node('c', 0), node('last', 0), node('next', 1)];
    const positions = storyLayout(nodes, [link('first', 'last'), link('b', 'next')]);
    const column = nodes.filter((n) => n.band === 0).map((n) => n.id);
    const order = readingOrder(column, positions);
    expect(Math.abs(order.indexOf('first') - order.indexOf('last'))).toBe(1);
  });

  it('draws a concept level with the one it relates to in the next band', () => {
    const column = ['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 0));
    const nodes = [...column, node('x', 1)];
    const positions = storyLayout(nodes, [link('e', 'x')]);
    const x = positions.get('x')!.y;
    const distances = column.map((n) => Math.abs(positions.get(n.id)!.y - x));
    expect(distances[4]).toBeLessThan(1);
    expect(Math.min(...distances.slice(0, 4))).toBeGreaterThan(20);
  });
});

describe('a readable drawing', () => {
  it.each([
    ['the small map with a group', () => storyOf(mapWithDisputes())],
    ['a generated map of 90 concepts with groups', () => storyOf(groupedMap())],
    ['a banded map shaped like the flagship', () => storyOf(generateMap({ nodes: 66, kind: 'banded', id: 'story-banded' }))],
    ['one band of 30 unrelated concepts', () => ({ nodes: Array.from({ length: 30 }, (_, i) => node(`c${i}`, 0)), links: [], options: {} })],
  ])('never lets two boxes overlap: %s', (_, story) => {
    const { nodes, links, options } = story();
    const positions = storyLayout(nodes, links, options);
    expect(new Set(positions.keys())).toEqual(new Set(nodes.map((n) => n.id)));
    for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const placed = [...boxes(nodes, positions).entries()];
    const overlapping = [];
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) if (overlap(placed[i]![1], placed[j]![1])) overlapping.push(`${placed[i]![0]} × ${placed[j]![0]}`);
    }
    expect(overlapping).toEqual([]);
  });

  it('gives the same picture for the same map every time, and leaves its input as it was', () => {
    const { nodes, links, options } = storyOf(groupedMap());
    const copy = structuredClone({ nodes, links, options });
    const first = storyLayout(nodes, links, options);
    // Something else laid out in between must not change the next picture.
    storyLayout(crossedFive.nodes, crossedFive.links, crossedFive.options);
    const second = storyLayout(copy.nodes, copy.links, copy.options);
    expect(second).toEqual(first);
    expect({ nodes, links, options }).toEqual(copy);
  });

  it('places every concept once and ignores relations it cannot draw', () => {
    const { nodes, links } = crossedThree;
    const clean = storyLayout(nodes, links);
    // A repeated id keeps its first entry; relations to unknown concepts and to itself change nothing.
    const messy = storyLayout([...nodes, node('a', 1, { label: 'A again, elsewhere' })], [...links, link('a', 'ghost'), link('nobody', 'x'), link('b', 'b')]);
    expect([...messy.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(messy).toEqual(clean);
  });

  it('lays out a map with no concepts (the schema allows one) at once, with nothing in it', () => {
    expect(storyLayout([], []).size).toBe(0);
  });
});
