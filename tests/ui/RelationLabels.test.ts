// The verb of a relation is written on the line as drawn: halfway along the curve when two
// relations join the same concepts and bend apart (it used to sit on the straight line between
// them, away from its own curve and on top of its twin's verb).
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { drawMap } from '../../src/render/drawn-map.ts';
import { pointOnRun } from '../../src/render/edge-geometry.ts';
import { deriveSceneState } from '../../src/render/scene-state.ts';
import RelationLabels from '../../src/ui/RelationLabels.svg.svelte';
import { MapViewState } from '../../src/ui/state/map-view.svelte.ts';

const node = (id: string) => ({ id, label: id.toUpperCase(), category: 'k', summary: 's', evidence: [] });
const relation = (id: string, source: string, target: string, verb: string) => ({ id, source, target, relation: verb, effect: 'associated' as const, evidence: [] });
const map: PathoMap = {
  id: 'twins',
  title: 'Twins',
  references: [],
  categories: [{ id: 'k', label: 'K', color: '#000000', shape: 'circle', band: 0 }],
  nodes: [node('a'), node('b')],
  edges: [relation('ab', 'a', 'b', 'goes to'), relation('ba', 'b', 'a', 'comes from')],
  tours: [],
};
const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 300, y: 0 }],
]);

describe('RelationLabels', () => {
  it('writes each verb halfway along its own bent line', () => {
    const view = new MapViewState(map);
    view.hovered = 'a';
    const scene = deriveSceneState(view.index, view.shown, {
      emphasis: view.emphasis,
      selection: view.selection,
      path: view.path,
      hovered: view.hovered,
      hoveredEdge: null,
      focused: null,
      pinned: new Set(),
      relationsOf: view.relationsOf,
    });
    const drawn = drawMap({ nodes: map.nodes, relations: map.edges, radius: (id) => view.index.radius[view.index.node.get(id)!]!, positions, route: true });
    const { container } = render(RelationLabels, { view, scene, drawn });
    const texts = [...container.querySelectorAll('text')];
    expect(texts.map((t) => t.textContent)).toEqual(['goes to', 'comes from']);
    texts.forEach((text, e) => {
      const run = drawn.runs.get(view.index.edges[e]!.id)!;
      // On its own drawn curve (halfway, or nearer an end where halfway is taken), not on the straight line.
      expect(run.control).not.toBeNull();
      const at = { x: Number(text.getAttribute('x')), y: Number(text.getAttribute('y')) };
      const onCurve = Array.from({ length: 101 }, (_, i) => pointOnRun(run, i / 100)).some((p) => Math.hypot(p.x - at.x, p.y - at.y) < 0.5);
      expect(onCurve).toBe(true);
    });
    // Bent apart, on either side of the straight line: neither verb on it, nor on the other.
    const ys = texts.map((t) => Number(t.getAttribute('y')));
    expect(Math.abs(ys[0]!)).toBeGreaterThan(5);
    expect(Math.sign(ys[0]!)).toBe(-Math.sign(ys[1]!));
  });
});
