// What the reader's view does to the drawing, derived once for both renderers.
import { describe, expect, it } from 'vitest';
import { deriveSceneState, deriveShown, sceneIndex, type ViewInput } from '../../src/render/scene-state.ts';
import { markerRadius } from '../../src/render/look.ts';

const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const relations = [
  { id: 'ab', source: 'a', target: 'b' },
  { id: 'ba', source: 'b', target: 'a' },
  { id: 'bc', source: 'b', target: 'c' },
  { id: 'cd', source: 'c', target: 'd' },
  { id: 'dx', source: 'd', target: 'unknown' },
];
const index = sceneIndex(nodes, relations);
const everything = deriveShown(index, new Set(['a', 'b', 'c', 'd']), relations.slice(0, 4));

const view = (over: Partial<ViewInput> = {}): ViewInput => ({
  emphasis: null,
  selection: null,
  path: null,
  hovered: null,
  hoveredEdge: null,
  focused: null,
  pinned: new Set(),
  relationsOf: (id) => relations.filter((r) => r.source === id || r.target === id),
  ...over,
});

describe('sceneIndex', () => {
  it('numbers concepts and relations in map order, leaving out a relation with an unknown end, and sizes markers by degree', () => {
    expect(index.edges.map((e) => e.id)).toEqual(['ab', 'ba', 'bc', 'cd']);
    expect([...index.degree]).toEqual([2, 3, 2, 1]);
    expect([...index.radius]).toEqual([2, 3, 2, 1].map(markerRadius));
  });
});

describe('deriveShown', () => {
  it('bends only relations that share both ends, apart, and keeps a lone one straight', () => {
    expect(everything.bends[0]).not.toBe(0);
    expect(Math.sign(everything.bends[0]!)).toBe(Math.sign(everything.bends[1]!));
    expect(everything.bends[2]).toBe(0);
  });

  it('draws only what is visible', () => {
    const shown = deriveShown(index, new Set(['b', 'c']), [relations[2]!]);
    expect([...shown.visible]).toEqual([0, 1, 1, 0]);
    expect([...shown.edges]).toEqual([2]);
  });
});

describe('deriveSceneState', () => {
  it('fades nothing, highlights nothing and writes no verbs when nothing is in play', () => {
    const state = deriveSceneState(index, everything, view());
    expect(state.fadedNodes).toBeNull();
    expect(state.fadedEdges).toBeNull();
    expect([...state.highlighted]).toEqual([0, 0, 0, 0]);
    expect(state.edgeLabels).toEqual([]);
    expect(state.selected).toBe(-1);
  });

  it.each<[string, Partial<ViewInput>, Partial<{ fadedNodes: number[]; fadedEdges: number[]; highlighted: number[]; edgeLabels: number[]; ringed: number[]; selected: number; focused: number; pinned: number[]; important: number[] }>]>([
    ['a selected concept: the rest fades', { selection: { kind: 'node', id: 'b' }, emphasis: { nodes: new Set(['a', 'b', 'c']), edges: new Set(['ab', 'ba', 'bc']) } }, { fadedNodes: [0, 0, 0, 1], fadedEdges: [0, 0, 0, 1], selected: 1, important: [0, 1, 2] }],
    ['a selected relation: highlighted, its verb written', { selection: { kind: 'edge', id: 'cd' } }, { highlighted: [0, 0, 0, 1], edgeLabels: [3] }],
    ['a path: its relations highlighted and labelled, its concepts ringed', { path: [{ from: 'a', to: 'b', relation: { id: 'ab' } }, { from: 'b', to: 'c', relation: { id: 'bc' } }] }, { highlighted: [1, 0, 1, 0], edgeLabels: [0, 2], ringed: [0, 1, 2] }],
    ['a hovered concept: the verbs of its relations', { hovered: 'c' }, { edgeLabels: [2, 3] }],
    ['a hovered relation: its verb', { hoveredEdge: 'ba' }, { edgeLabels: [1] }],
    ['keyboard focus and pins', { focused: 'd', pinned: new Set(['a', 'c']) }, { focused: 3, pinned: [0, 2] }],
  ])('%s', (_, input, expected) => {
    const state = deriveSceneState(index, everything, view(input));
    if (expected.fadedNodes) expect([...state.fadedNodes!]).toEqual(expected.fadedNodes);
    if (expected.fadedEdges) expect([...state.fadedEdges!]).toEqual(expected.fadedEdges);
    if (expected.highlighted) expect([...state.highlighted]).toEqual(expected.highlighted);
    if (expected.edgeLabels) expect(state.edgeLabels).toEqual(expected.edgeLabels);
    if (expected.ringed) expect([...state.ringed].sort()).toEqual(expected.ringed);
    if (expected.selected !== undefined) expect(state.selected).toBe(expected.selected);
    if (expected.focused !== undefined) expect(state.focused).toBe(expected.focused);
    if (expected.pinned) expect([...state.pinned].sort()).toEqual(expected.pinned);
    if (expected.important) expect([...state.important].sort()).toEqual(expected.important);
  });

  it('writes the verbs only of relations drawn', () => {
    const shown = deriveShown(index, new Set(['b', 'c']), [relations[2]!]);
    expect(deriveSceneState(index, shown, view({ hovered: 'c' })).edgeLabels).toEqual([2]);
  });
});
