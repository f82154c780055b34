import { describe, expect, it } from 'vitest';
import { generateMap } from '../../scripts/bench-generate.ts';

describe('generateMap (benchmark graphs)', () => {
  it.each(['uniform', 'concept'] as const)('gives the same %s map for the same options, byte for byte', (kind) => {
    const a = generateMap({ nodes: 400, kind });
    const b = generateMap({ nodes: 400, kind });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(generateMap({ nodes: 400, kind, seed: 'other' }))).not.toBe(JSON.stringify(a));
  });

  it.each([
    [100, 'uniform'],
    [1000, 'uniform'],
    [3000, 'concept'],
  ] as const)('%i %s concepts with about 1.5 relations each, all between distinct known concepts', (n, kind) => {
    const map = generateMap({ nodes: n, kind });
    expect(map.nodes).toHaveLength(n);
    expect(new Set(map.nodes.map((node) => node.id)).size).toBe(n);
    expect(map.edges.length).toBeGreaterThanOrEqual(Math.round(n * 1.45));
    expect(map.edges.length).toBeLessThanOrEqual(Math.round(n * 1.5));
    const ids = new Set(map.nodes.map((node) => node.id));
    const categories = new Set(map.categories.map((c) => c.id));
    const pairs = new Set<string>();
    for (const e of map.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.source).not.toBe(e.target);
      pairs.add(`${e.source}>${e.target}`);
    }
    expect(pairs.size).toBe(map.edges.length);
    expect(new Set(map.edges.map((e) => e.id)).size).toBe(map.edges.length);
    for (const node of map.nodes) expect(categories.has(node.category)).toBe(true);
  });

  it('shapes a concept map with hubs and unique, searchable labels', () => {
    const map = generateMap({ nodes: 3000, kind: 'concept' });
    expect(new Set(map.nodes.map((n) => n.label)).size).toBe(3000);
    const degree = new Map<string, number>();
    for (const e of map.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const highest = Math.max(...degree.values());
    // Hubs: the busiest concept has far more relations than the average of 3.
    expect(highest).toBeGreaterThan(15);
    expect(map.nodes.every((n) => n.label.split(' ').length >= 3)).toBe(true);
  });
});

describe('generateMap, banded (readability benchmark graphs)', () => {
  const degrees = (map: ReturnType<typeof generateMap>) => {
    const degree = new Map<string, number>();
    for (const e of map.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    return degree;
  };

  it('gives the same map for the same options, byte for byte', () => {
    const a = generateMap({ nodes: 150, kind: 'banded' });
    expect(JSON.stringify(generateMap({ nodes: 150, kind: 'banded' }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateMap({ nodes: 150, kind: 'banded', seed: 'other' }))).not.toBe(JSON.stringify(a));
  });

  it.each([150, 500])('%i concepts in six bands, a hub in the middle band, labels of one to four words', (n) => {
    const map = generateMap({ nodes: n, kind: 'banded' });
    expect(map.nodes).toHaveLength(n);
    expect(map.categories.map((c) => c.band)).toEqual([0, 1, 2, 3, 4, 5]);
    const bandOf = new Map(map.categories.map((c) => [c.id, c.band]));
    expect(new Set(map.nodes.map((node) => bandOf.get(node.category))).size).toBe(6);
    const degree = degrees(map);
    const [hub, hubDegree] = [...degree].sort((a, b) => b[1] - a[1])[0]!;
    // Like the flagship: one concept that a large share of the relations touch, next to others with few.
    expect(hubDegree).toBeGreaterThan(map.edges.length * 0.35);
    const second = Math.max(...[...degree].filter(([id]) => id !== hub).map(([, d]) => d));
    expect(second).toBeLessThan(hubDegree / 5);
    expect(bandOf.get(map.nodes.find((node) => node.id === hub)!.category)).toBe(2);
    // Connected (no concept without a relation), distinct pairs, about 1.2 relations per concept.
    expect(degree.size).toBe(n);
    expect(new Set(map.edges.map((e) => [e.source, e.target].sort().join(' '))).size).toBe(map.edges.length);
    expect(map.edges.length).toBe(Math.round(n * 1.2));
    for (const node of map.nodes) expect(node.label.split(' ').length).toBeLessThanOrEqual(4);
  });

  it('runs most cross-band relations left to right, mostly to a neighbouring band', () => {
    const map = generateMap({ nodes: 500, kind: 'banded' });
    const bandOf = new Map(map.categories.map((c) => [c.id, c.band]));
    const band = new Map(map.nodes.map((node) => [node.id, bandOf.get(node.category)!]));
    const steps = map.edges.map((e) => band.get(e.target)! - band.get(e.source)!);
    const across = steps.filter((s) => s !== 0);
    expect(across.filter((s) => s > 0).length / across.length).toBeGreaterThan(0.8);
    // Relations not touching the hub: mostly within one band of each other.
    const hubless = map.edges.filter((e) => e.source !== 'c0' && e.target !== 'c0');
    const near = hubless.filter((e) => Math.abs(band.get(e.target)! - band.get(e.source)!) <= 1);
    expect(near.length / hubless.length).toBeGreaterThan(0.8);
  });
});
