/**
 * The map as a graph: who is linked to whom, and how two concepts are connected.
 *
 * This is the only module that imports @dagrejs/graphlib; the rest of the app asks
 * questions through `ConceptGraph`. Every list it returns is in *map order* (the order
 * nodes and relations appear in the map file), so the same map always gives the same
 * answers, whatever the library does internally.
 */
import { Graph, type Edge } from '@dagrejs/graphlib';
import type { ConceptNode, Relation } from './types.ts';

/** What the graph needs of a node. `ConceptNode` qualifies; tests may pass `{ id }`. */
export interface GraphNode {
  readonly id: string;
}

/** What the graph needs of a relation. `Relation` qualifies. */
export interface GraphRelation {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** One step of a chain between two nodes, in the order it is walked. */
export interface ChainStep<R extends GraphRelation = Relation> {
  relation: R;
  /** The node this step leaves. */
  from: string;
  /** The node this step reaches. */
  to: string;
  /**
   * True when the step follows the relation's arrow (`from` is its source):
   * read "from → relation → to". False when it walks against it: "from ← relation ← to".
   */
  forward: boolean;
}

/** Limits a search to some nodes, e.g. those whose category is visible. */
export interface SearchScope {
  within?: ReadonlySet<string> | ((id: string) => boolean);
}

export interface ConceptGraph<N extends GraphNode = ConceptNode, R extends GraphRelation = Relation> {
  /** Whether a node with this id exists. */
  has(id: string): boolean;
  node(id: string): N | undefined;
  relation(id: string): R | undefined;
  /** Relations whose source is `id`. */
  outgoing(id: string): R[];
  /** Relations whose target is `id`. */
  incoming(id: string): R[];
  /** Ids of the nodes linked to `id` in either direction, each once, never `id` itself. */
  neighbours(id: string): string[];
  /** Number of relations touching `id` (a relation to itself counts once). */
  degree(id: string): number;
  /**
   * The nodes within `depth` relations of any of `ids`, ignoring direction.
   * Depth 0 gives the known ids themselves; unknown or out-of-scope ids are left out.
   */
  neighbourhood(ids: string | readonly string[], depth: number, scope?: SearchScope): Set<string>;
  /**
   * The fewest relations linking `from` to `to`, ignoring direction; `[]` when they are the
   * same node, `null` when no chain exists (or an end is unknown or out of scope). Among
   * equally short chains, the one using relations earliest in map order wins.
   */
  shortestChain(from: string, to: string, scope?: SearchScope): ChainStep<R>[] | null;
  /** Weakly connected components, largest first; ties and members in map order. */
  components(): string[][];
  /** Relations left out because an end is not a node, or their id was already taken. */
  readonly skipped: readonly R[];
}

export function createConceptGraph<N extends GraphNode = ConceptNode, R extends GraphRelation = Relation>(input: {
  readonly nodes: readonly N[];
  readonly edges: readonly R[];
}): ConceptGraph<N, R> {
  const nodes = new Map<string, N>();
  const nodeRank = new Map<string, number>();
  const relations = new Map<string, R>();
  const relationRank = new Map<string, number>();
  const skipped: R[] = [];
  const graph = new Graph<undefined, undefined, R>({ directed: true, multigraph: true });

  // graphlib stores nodes as keys of plain objects: an id like "constructor" would collide
  // with Object.prototype and ids like "10" would be reordered. A prefix avoids both.
  const key = (id: string): string => `node:${id}`;

  for (const node of input.nodes) {
    if (nodes.has(node.id)) continue;
    nodeRank.set(node.id, nodes.size);
    nodes.set(node.id, node);
    graph.setNode(key(node.id));
  }
  for (const relation of input.edges) {
    if (relations.has(relation.id) || !nodes.has(relation.source) || !nodes.has(relation.target)) {
      skipped.push(relation);
      continue;
    }
    relationRank.set(relation.id, relations.size);
    relations.set(relation.id, relation);
    graph.setEdge(key(relation.source), key(relation.target), relation, relation.id);
  }

  const byMapOrder = (a: R, b: R): number => relationRank.get(a.id)! - relationRank.get(b.id)!;

  function inMapOrder(edges: Edge[] | undefined): R[] {
    return (edges ?? []).map((edge) => graph.edge(edge)).sort(byMapOrder);
  }

  /** Every relation touching `id`, each once, in map order. */
  function touching(id: string): R[] {
    return nodes.has(id) ? inMapOrder(graph.nodeEdges(key(id))) : [];
  }

  const otherEnd = (relation: R, id: string): string => (relation.source === id ? relation.target : relation.source);

  function neighbours(id: string): string[] {
    const found = new Set<string>();
    for (const relation of touching(id)) found.add(otherEnd(relation, id));
    found.delete(id);
    return [...found];
  }

  function inScopeTest(scope: SearchScope | undefined): (id: string) => boolean {
    const within = scope?.within;
    if (within === undefined) return (id) => nodes.has(id);
    if (typeof within === 'function') return (id) => nodes.has(id) && within(id);
    return (id) => nodes.has(id) && within.has(id);
  }

  function neighbourhood(ids: string | readonly string[], depth: number, scope?: SearchScope): Set<string> {
    const inScope = inScopeTest(scope);
    const reached = new Set<string>();
    let frontier: string[] = [];
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      if (inScope(id) && !reached.has(id)) {
        reached.add(id);
        frontier.push(id);
      }
    }
    // Written so that a NaN or negative depth stops at the seeds and Infinity runs to the end.
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const neighbour of neighbours(id)) {
          if (reached.has(neighbour) || !inScope(neighbour)) continue;
          reached.add(neighbour);
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return reached;
  }

  function shortestChain(from: string, to: string, scope?: SearchScope): ChainStep<R>[] | null {
    const inScope = inScopeTest(scope);
    if (!inScope(from) || !inScope(to)) return null;
    if (from === to) return [];
    // Breadth-first from `from`, relations in map order: the first arrival at each node
    // is along a shortest chain, and the tie-break is the same on every run.
    const arrival = new Map<string, ChainStep<R> | null>([[from, null]]);
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const here = queue[head]!;
      for (const relation of touching(here)) {
        const forward = relation.source === here;
        const there = forward ? relation.target : relation.source;
        if (arrival.has(there) || !inScope(there)) continue;
        arrival.set(there, { relation, from: here, to: there, forward });
        if (there === to) return walkBack(arrival, to);
        queue.push(there);
      }
    }
    return null;
  }

  function walkBack(arrival: Map<string, ChainStep<R> | null>, to: string): ChainStep<R>[] {
    const steps: ChainStep<R>[] = [];
    for (let step = arrival.get(to); step; step = arrival.get(step.from)) steps.push(step);
    return steps.reverse();
  }

  function components(): string[][] {
    const seen = new Set<string>();
    const found: string[][] = [];
    for (const start of nodes.keys()) {
      if (seen.has(start)) continue;
      const members = [...neighbourhood(start, Infinity)];
      for (const id of members) seen.add(id);
      found.push(members.sort((a, b) => nodeRank.get(a)! - nodeRank.get(b)!));
    }
    // Array sort is stable, so equal sizes keep the order of their first member.
    return found.sort((a, b) => b.length - a.length);
  }

  return {
    has: (id) => nodes.has(id),
    node: (id) => nodes.get(id),
    relation: (id) => relations.get(id),
    outgoing: (id) => (nodes.has(id) ? inMapOrder(graph.outEdges(key(id))) : []),
    incoming: (id) => (nodes.has(id) ? inMapOrder(graph.inEdges(key(id))) : []),
    neighbours,
    degree: (id) => touching(id).length,
    neighbourhood,
    shortestChain,
    components,
    skipped,
  };
}
