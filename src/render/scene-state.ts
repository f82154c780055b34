/**
 * What the reader's view does to the drawing — what is shown, what fades, what is highlighted,
 * ringed, pinned, and whose verbs are written — derived from the view in one pure function, for
 * every renderer. Concepts and relations are numbered once per map (`SceneIndex`), so a large
 * map's state is a few typed arrays, not thousands of sets.
 */
import type { ConceptNode, Relation } from '../core/model/types.ts';
import { edgeBendsByIndex } from './edge-geometry.ts';
import { markerRadius } from './look.ts';

/** A map's concepts and relations, numbered in map order. */
export interface SceneIndex {
  nodeIds: readonly string[];
  node: ReadonlyMap<string, number>;
  /** Each relation's ends as concept numbers (relations with an unknown end are left out). */
  edges: readonly { id: string; s: number; t: number }[];
  edge: ReadonlyMap<string, number>;
  /** Relations per concept. */
  degree: Int32Array;
  /** Marker radius per concept. */
  radius: Float64Array;
}

export function sceneIndex(nodes: readonly Pick<ConceptNode, 'id'>[], relations: readonly Pick<Relation, 'id' | 'source' | 'target'>[]): SceneIndex {
  const node = new Map(nodes.map((n, i) => [n.id, i]));
  const edges: { id: string; s: number; t: number }[] = [];
  const degree = new Int32Array(nodes.length);
  for (const r of relations) {
    const s = node.get(r.source);
    const t = node.get(r.target);
    if (s === undefined || t === undefined) continue;
    edges.push({ id: r.id, s, t });
    // Counted from the relations once: asking a graph per concept is slow for thousands.
    degree[s]!++;
    if (t !== s) degree[t]!++;
  }
  return {
    nodeIds: nodes.map((n) => n.id),
    node,
    edges,
    edge: new Map(edges.map((e, i) => [e.id, i])),
    degree,
    radius: Float64Array.from(degree, markerRadius),
  };
}

/** What is shown: changes with filters and focus only, not with every hover or selection. */
export interface Shown {
  /** Per concept: drawn at all. */
  visible: Uint8Array;
  /** Relations drawn, as numbers into `SceneIndex.edges`. */
  edges: Int32Array;
  /** Per relation: bend in map units (relations sharing two ends). */
  bends: Float64Array;
}

export function deriveShown(index: SceneIndex, visibleNodes: ReadonlySet<string>, visibleEdges: readonly { id: string }[]): Shown {
  const n = index.nodeIds.length;
  const visible = new Uint8Array(n);
  let edges: Int32Array;
  if (visibleNodes.size === n && visibleEdges.length === index.edges.length) {
    visible.fill(1);
    edges = Int32Array.from(index.edges.keys());
  } else {
    for (const id of visibleNodes) {
      const i = index.node.get(id);
      if (i !== undefined) visible[i] = 1;
    }
    const list: number[] = [];
    for (const e of visibleEdges) {
      const i = index.edge.get(e.id);
      if (i !== undefined) list.push(i);
    }
    edges = Int32Array.from(list);
  }
  return { visible, edges, bends: edgeBendsByIndex(index.edges, edges, (i) => index.nodeIds[i]!) };
}

/** The parts of the reader's view the drawing depends on. */
export interface ViewInput {
  emphasis: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  selection: { kind: 'node' | 'edge'; id: string } | null;
  path: readonly { from: string; to: string; relation: { id: string } }[] | null;
  /** The concept under the pointer or keyboard focus. */
  hovered: string | null;
  /** The relation under the pointer. */
  hoveredEdge: string | null;
  /** The concept with keyboard focus (ringed). */
  focused: string | null;
  pinned: ReadonlySet<string>;
  /** Relations touching these concepts have their verbs written (the hovered concept's). */
  relationsOf: (id: string) => readonly { id: string }[];
  /** Write every relation's verb (where it fits). */
  allRelationLabels?: boolean;
}

/** What the reader's view does to the scene right now. */
export interface SceneState extends Shown {
  /** Per concept and per relation: faded (null: nothing is). */
  fadedNodes: Uint8Array | null;
  fadedEdges: Uint8Array | null;
  /** Per relation: highlighted (selected or on the path). */
  highlighted: Uint8Array;
  /** The selected concept's number, or -1. */
  selected: number;
  focused: number;
  /** Concepts ringed as steps of the path. */
  ringed: ReadonlySet<number>;
  pinned: ReadonlySet<number>;
  /** Concepts whose labels are written whenever they are legible at all (emphasised ones). */
  important: readonly number[];
  /** Relations whose verbs are written. */
  edgeLabels: readonly number[];
}

/** Emphasised concepts whose labels stay written at small zooms, up to this many. */
const IMPORTANT_LABELS = 100;

export function deriveSceneState(index: SceneIndex, shown: Shown, view: ViewInput): SceneState {
  const n = index.nodeIds.length;
  const nodeOf = (id: string) => index.node.get(id) ?? -1;
  const edgeOf = (id: string) => index.edge.get(id) ?? -1;
  let fadedNodes: Uint8Array | null = null;
  let fadedEdges: Uint8Array | null = null;
  const important: number[] = [];
  if (view.emphasis) {
    fadedNodes = new Uint8Array(n).fill(1);
    for (const id of view.emphasis.nodes) {
      const i = nodeOf(id);
      if (i >= 0) fadedNodes[i] = 0;
    }
    fadedEdges = new Uint8Array(index.edges.length).fill(1);
    for (const id of view.emphasis.edges) {
      const i = edgeOf(id);
      if (i >= 0) fadedEdges[i] = 0;
    }
    if (view.emphasis.nodes.size <= IMPORTANT_LABELS) for (const id of view.emphasis.nodes) if (nodeOf(id) >= 0) important.push(nodeOf(id));
  }
  const highlighted = new Uint8Array(index.edges.length);
  const ringed = new Set<number>();
  const labelled = new Set<number>();
  for (const step of view.path ?? []) {
    const i = edgeOf(step.relation.id);
    if (i >= 0) {
      highlighted[i] = 1;
      labelled.add(i);
    }
    for (const end of [step.from, step.to]) if (nodeOf(end) >= 0) ringed.add(nodeOf(end));
  }
  if (view.selection?.kind === 'edge') {
    const i = edgeOf(view.selection.id);
    if (i >= 0) {
      highlighted[i] = 1;
      labelled.add(i);
    }
  }
  if (view.hoveredEdge && edgeOf(view.hoveredEdge) >= 0) labelled.add(edgeOf(view.hoveredEdge));
  if (view.hovered) for (const r of view.relationsOf(view.hovered)) if (edgeOf(r.id) >= 0) labelled.add(edgeOf(r.id));
  const pinned = new Set<number>();
  for (const id of view.pinned) if (nodeOf(id) >= 0) pinned.add(nodeOf(id));
  // Verbs only of relations drawn, in drawing order.
  const edgeLabels = view.allRelationLabels ? [...shown.edges] : labelled.size === 0 ? [] : [...shown.edges].filter((e) => labelled.has(e));
  return {
    ...shown,
    fadedNodes,
    fadedEdges,
    highlighted,
    selected: view.selection?.kind === 'node' ? nodeOf(view.selection.id) : -1,
    focused: view.focused ? nodeOf(view.focused) : -1,
    ringed,
    pinned,
    important,
    edgeLabels,
  };
}
