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
