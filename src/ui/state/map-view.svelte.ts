/**
 * What the reader is looking at: selection, hover, focus mode, hidden categories and the path
 * finder, with everything that follows from them derived. The map and its graph are the single
 * source of truth; renderers and panels read from here and write through the methods.
 */
import { createConceptGraph, type ChainStep, type ConceptGraph } from '../../core/model/graph.ts';
import type { Category, ConceptNode, PathoMap, Reference, Relation, Tour, TourStepEntry } from '../../core/model/types.ts';
import { deriveShown, sceneIndex, type SceneIndex, type Shown } from '../../render/scene-state.ts';
import type { ViewParams } from '../url-state.ts';

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export const FOCUS_DEPTHS = [1, 2, 3] as const;

/** Which nodes and relations stay bright; everything else fades. */
export interface Emphasis {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export class MapViewState {
  readonly map: PathoMap;
  readonly graph: ConceptGraph;
  readonly references: ReadonlyMap<string, Reference>;
  readonly categories: ReadonlyMap<string, Category>;
  /** Concepts and relations numbered once, with their degrees and marker radii, for every renderer. */
  readonly index: SceneIndex;

  selection = $state.raw<Selection>(null);
  /** Node under the pointer or keyboard focus. */
  hovered = $state.raw<string | null>(null);
  /** Relation under the pointer. */
  hoveredEdge = $state.raw<string | null>(null);
  /** Write every relation's verb on the map (where it fits), not only of those in play. */
  showRelationLabels = $state.raw(false);
  /** 0 = off; otherwise show only the selection's neighbourhood within this many steps. */
  focusDepth = $state.raw(0);
  hiddenCategories = $state.raw<ReadonlySet<string>>(new Set());
  pathFrom = $state.raw<string | null>(null);
  pathTo = $state.raw<string | null>(null);
  view = $state.raw<'map' | 'text'>('map');
  /** The guided tour being presented, and its 0-based step. */
  tour = $state.raw<Tour | null>(null);
  tourStep = $state.raw(0);

  constructor(map: PathoMap) {
    this.map = map;
    this.graph = createConceptGraph(map);
    this.references = new Map(map.references.map((r) => [r.id, r]));
    this.categories = new Map(map.categories.map((c) => [c.id, c]));
    this.index = sceneIndex(map.nodes, map.edges);
  }

  selectedNode: ConceptNode | undefined = $derived.by(() =>
    this.selection?.kind === 'node' ? this.graph.node(this.selection.id) : undefined,
  );

  selectedEdge: Relation | undefined = $derived.by(() =>
    this.selection?.kind === 'edge' ? this.graph.relation(this.selection.id) : undefined,
  );

  /** Nodes whose category is shown. */
  #categoryVisible = $derived.by(() => {
    const hidden = this.hiddenCategories;
    return new Set(this.map.nodes.filter((n) => !hidden.has(n.category)).map((n) => n.id));
  });

  /**
   * The nodes focus mode centres on: the selected concept, or both ends of a selected relation.
   * A concept stands with its group, whose relations speak for it, and a group with its members.
   */
  #focusCentre = $derived.by((): string[] => {
    const node = this.selectedNode;
    if (node) {
      const members = this.map.nodes.filter((n) => n.parent === node.id).map((n) => n.id);
      return [node.id, ...(node.parent ? [node.parent] : []), ...members];
    }
    if (this.selectedEdge) return [this.selectedEdge.source, this.selectedEdge.target];
    return [];
  });

  focusActive = $derived(this.focusDepth > 0 && this.#focusCentre.length > 0);

  currentStep: TourStepEntry | undefined = $derived(this.tour?.steps[this.tourStep]);

  visibleNodes: ReadonlySet<string> = $derived.by(() => {
    const step = this.currentStep;
    if (step?.focus) {
      return this.graph.neighbourhood(step.nodes, step.focus, { within: this.#categoryVisible });
    }
    if (!this.focusActive) return this.#categoryVisible;
    return this.graph.neighbourhood(this.#focusCentre, this.focusDepth, {
      within: this.#categoryVisible,
    });
  });

  visibleEdges: Relation[] = $derived.by(() => {
    const visible = this.visibleNodes;
    return this.map.edges.filter((e) => visible.has(e.source) && visible.has(e.target));
  });

  /** What is drawn, numbered for the renderers, with the bends of relations sharing two ends. */
  shown: Shown = $derived.by(() => deriveShown(this.index, this.visibleNodes, this.visibleEdges));

  /** Relations touching a concept, whose verbs are written while it is hovered. */
  relationsOf = (id: string): Relation[] => [...this.graph.outgoing(id), ...this.graph.incoming(id)];

  /** The shortest chain between the path finder's ends, through visible categories only. */
  path: ChainStep[] | null = $derived.by(() => {
    if (!this.pathFrom || !this.pathTo) return null;
    return this.graph.shortestChain(this.pathFrom, this.pathTo, { within: this.#categoryVisible });
  });

  #around(id: string): Emphasis {
    const nodes = new Set([id, ...this.graph.neighbours(id)]);
    const edges = new Set([...this.graph.outgoing(id), ...this.graph.incoming(id)].map((r) => r.id));
    return { nodes, edges };
  }

  /** What the pointer or keyboard focus emphasises, else the view's own emphasis. */
  emphasis: Emphasis | null = $derived.by(() => {
    if (this.hovered && this.graph.has(this.hovered)) return this.#around(this.hovered);
    return this.restingEmphasis;
  });

  /** The emphasis of the view itself, whatever is under the pointer: what an exported picture shows. */
  restingEmphasis: Emphasis | null = $derived.by(() => {
    const step = this.currentStep;
    if (step) {
      const nodes = new Set(step.nodes.filter((id) => this.graph.has(id)));
      const edges = new Set(
        this.map.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id),
      );
      return { nodes, edges };
    }
    if (this.path && this.path.length > 0) {
      return {
        nodes: new Set(this.path.flatMap((s) => [s.from, s.to])),
        edges: new Set(this.path.map((s) => s.relation.id)),
      };
    }
    if (this.selectedNode) return this.#around(this.selectedNode.id);
    if (this.selectedEdge) {
      const e = this.selectedEdge;
      return { nodes: new Set([e.source, e.target]), edges: new Set([e.id]) };
    }
    return null;
  });

  selectNode(id: string): void {
    if (this.graph.has(id)) this.selection = { kind: 'node', id };
  }

  selectEdge(id: string): void {
    if (this.graph.relation(id)) this.selection = { kind: 'edge', id };
  }

  clearSelection(): void {
    this.selection = null;
  }

  setCategoryVisible(id: string, visible: boolean): void {
    const next = new Set(this.hiddenCategories);
    if (visible) next.delete(id);
    else next.add(id);
    this.hiddenCategories = next;
    // A hidden selection would leave the panel describing something not on screen.
    const sel = this.selectedNode ?? this.selectedEdge;
    if (sel && !this.isShown(sel)) this.selection = null;
  }

  setPath(from: string | null, to: string | null): void {
    this.pathFrom = from && this.graph.has(from) ? from : null;
    this.pathTo = to && this.graph.has(to) ? to : null;
  }

  /** Present a tour from `step`; false when the map has no such tour. */
  startTour(id: string, step = 0): boolean {
    const tour = this.map.tours.find((t) => t.id === id);
    if (!tour || tour.steps.length === 0) return false;
    this.tour = tour;
    this.tourStep = Math.min(Math.max(0, step), tour.steps.length - 1);
    return true;
  }

  /** Move `delta` steps through the tour, stopping at either end. */
  stepTour(delta: number): void {
    if (!this.tour) return;
    this.tourStep = Math.min(Math.max(0, this.tourStep + delta), this.tour.steps.length - 1);
  }

  endTour(): void {
    this.tour = null;
    this.tourStep = 0;
  }

  /** Whether a node or relation is currently drawn. */
  isShown(item: ConceptNode | Relation): boolean {
    const visible = this.visibleNodes;
    return 'source' in item ? visible.has(item.source) && visible.has(item.target) : visible.has(item.id);
  }

  categoryOf(node: ConceptNode): Category | undefined {
    return this.categories.get(node.category);
  }

  labelOf(id: string): string {
    return this.graph.node(id)?.label ?? id;
  }

  toParams(): ViewParams {
    const p: ViewParams = {};
    if (this.selection?.kind === 'node') p.node = this.selection.id;
    if (this.selection?.kind === 'edge') p.edge = this.selection.id;
    if (this.focusDepth > 0) p.depth = this.focusDepth;
    if (this.hiddenCategories.size > 0) p.hide = [...this.hiddenCategories].sort();
    if (this.pathFrom) p.from = this.pathFrom;
    if (this.pathTo) p.to = this.pathTo;
    if (this.view === 'text') p.view = 'text';
    if (this.tour) {
      p.tour = this.tour.id;
      // The address counts steps from 1, as the caption does.
      p.step = this.tourStep + 1;
    }
    return p;
  }

  /** Applies a parsed URL; ids the map does not know are ignored. */
  applyParams(p: ViewParams): void {
    this.hiddenCategories = new Set((p.hide ?? []).filter((id) => this.categories.has(id)));
    this.selection = null;
    if (p.node) this.selectNode(p.node);
    else if (p.edge) this.selectEdge(p.edge);
    this.focusDepth = p.depth ?? 0;
    this.setPath(p.from ?? null, p.to ?? null);
    this.view = p.view ?? 'map';
    if (!p.tour || !this.startTour(p.tour, (p.step ?? 1) - 1)) this.endTour();
  }
}
