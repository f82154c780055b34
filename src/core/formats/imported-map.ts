/**
 * Turns what an importer read from another tool's file — a draft — into a map in Pathomap's
 * file shape, which the loader then checks like any Pathomap file: ids made valid, link ends
 * resolved, missing categories derived, and plain defaults where other tools carry nothing.
 *
 * What other tools lack is not made up: an imported concept without a summary says so, and
 * without evidence it keeps an empty evidence list, which the loader allows for imported maps
 * only and marks as "no source". Every field keeps its origin, so that problems point into the
 * user's file rather than into this intermediate map.
 */
import { mapIdOf } from '../model/map-id.ts';
import { suggestionHint } from '../load/suggest.ts';
import { categoryStyle } from './category-style.ts';
import { FORMAT_NAMES, type MapFormat } from './detect.ts';
import { IdAllocator, isValidId } from './ids.ts';
import { OriginTable, type Origin, type Place } from './origins.ts';

export type ImportFormat = Exclude<MapFormat, 'pathomap-yaml' | 'pathomap-json'>;

/** The names other tools give each field, in order of preference: the first one present is read. */
export const NODE_FIELD_NAMES = {
  label: ['label', 'name'],
  category: ['category', 'group', 'type'],
  summary: ['summary', 'description'],
  aliases: ['aliases'],
  evidence: ['evidence'],
  notes: ['notes'],
  parent: ['parent'],
  terms: ['terms'],
} as const;

export const EDGE_FIELD_NAMES = {
  relation: ['relation', 'label', 'interaction'],
  effect: ['effect'],
  level: ['level'],
  extrapolated: ['extrapolated'],
  evidence: ['evidence'],
  notes: ['notes'],
} as const;

export const GRAPH_FIELD_NAMES = {
  title: ['title', 'name'],
  description: ['description'],
  references: ['references'],
  categories: ['categories'],
  tours: ['tours'],
} as const;

type NodeField = keyof typeof NODE_FIELD_NAMES | 'position';
type EdgeField = keyof typeof EDGE_FIELD_NAMES;
type GraphField = keyof typeof GRAPH_FIELD_NAMES;

const DEFAULT_RELATION = 'is linked to';

/** A value read from the user's file, and where it was read. */
export interface Sourced {
  value: unknown;
  origin: Origin;
}

export interface NodeDraft {
  origin: Origin;
  /** The node's id in the file; a node without one gets an id but cannot be linked to. */
  id?: Sourced;
  fields: Partial<Record<NodeField, Sourced>>;
}

export interface EdgeDraft {
  origin: Origin;
  id?: Sourced;
  /** The ends as the file names them: by node id, or (where `endsByIndex`) by position. */
  source: Sourced;
  target: Sourced;
  fields: Partial<Record<EdgeField, Sourced>>;
}

export interface DraftProblem {
  place: Place;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export interface MapDraft {
  format: ImportFormat;
  /** The whole file: where problems without a better place point. */
  root: Origin;
  graph: Partial<Record<GraphField, Sourced>>;
  /**
   * One per item of the file's node list — even an unreadable item, reported and kept as a
   * draft without fields — so that link ends given as positions still find their node.
   */
  nodes: NodeDraft[];
  edges: EdgeDraft[];
  /** Whether a link end may be a position in the node list, as in d3 (when no node has that id). */
  endsByIndex: boolean;
  problems: DraftProblem[];
}

export interface ImportedMap {
  /** The map in Pathomap's file shape, still to be checked against the schema. */
  data: Record<string, unknown>;
  origins: OriginTable;
  /** The importer's problems and those found here; an error among them stops the map being drawn. */
  problems: DraftProblem[];
}

/** Reads one item's fields by the names in `names`, through the format's own `lookup`. */
export function readFields<F extends string>(
  names: Record<F, readonly string[]>,
  lookup: (name: string) => Sourced | undefined,
): Partial<Record<F, Sourced>> {
  const fields: Partial<Record<F, Sourced>> = {};
  for (const field of Object.keys(names) as F[]) {
    const found = names[field].map(lookup).find((sourced) => sourced !== undefined);
    if (found) fields[field] = found;
  }
  return fields;
}

export function problemAt(
  origin: Origin,
  message: string,
  hint?: string,
  severity: DraftProblem['severity'] = 'error',
): DraftProblem {
  return { place: origin([], 'value'), message, ...(hint === undefined ? {} : { hint }), severity };
}

/**
 * Beyond this many unresolved link ends, no "did you mean" hints: each compares the name with
 * every node id, which for a large file full of broken links would take minutes.
 */
const MAX_SUGGESTIONS = 50;

type Report = (origin: Origin, message: string, hint?: string, severity?: DraftProblem['severity']) => void;

export function buildImportedMap(draft: MapDraft, fileName: string): ImportedMap {
  const origins = new OriginTable(draft.root);
  const problems = [...draft.problems];
  const report: Report = (origin, message, hint, severity) => {
    problems.push(problemAt(origin, message, hint, severity));
  };

  const nodeIds = assignNodeIds(draft.nodes, report);
  const { categories, categoryOfNode } = categoriesFor(draft, origins);
  const placeholder = `Imported from ${FORMAT_NAMES[draft.format]}; no summary.`;
  const nodes = draft.nodes.map((node, index) => {
    recordOrigins(origins, ['nodes', index], node.origin, { id: node.id, ...node.fields });
    const { label, summary, aliases, evidence, notes, position, parent, terms } = node.fields;
    return {
      id: nodeIds.ids[index],
      label: textOf(label) ?? (keyOf(node.id?.value)?.trim() || nodeIds.ids[index]),
      ...present('category', categoryOfNode[index]),
      summary: textOf(summary) ?? placeholder,
      ...present('aliases', aliases?.value),
      evidence: evidence?.value ?? [],
      ...present('notes', textOf(notes)),
      ...present('position', position?.value),
      ...present('parent', keyOf(parent?.value)),
      ...present('terms', terms?.value),
    };
  });
  const edges = importedEdges(draft, nodeIds, origins, report);

  const { title, description, references, tours } = draft.graph;
  recordOrigins(origins, [], undefined, draft.graph);
  const data = {
    title: textOf(title) ?? (mapIdOf(fileName) || 'Imported map'),
    ...present('description', textOf(description)),
    references: references?.value ?? [],
    categories,
    nodes,
    edges,
    ...present('tours', tours?.value),
  };
  return { data, origins, problems };
}

function importedEdges(draft: MapDraft, nodeIds: NodeIds, origins: OriginTable, report: Report) {
  const resolveEnd = endResolver(draft, nodeIds, report);
  const edges: Record<string, unknown>[] = [];
  for (const edge of draft.edges) {
    const source = resolveEnd(edge.source);
    const target = resolveEnd(edge.target);
    if (source === undefined || target === undefined) continue;
    if (source === target) {
      // A valid graph, but not a valid Pathomap map: leave the loop out and the rest drawable.
      const message = `a link from \`${source}\` to itself is left out`;
      report(edge.origin, message, 'Pathomap relations join two different concepts', 'warning');
      continue;
    }
    const ends = { source: edge.source, target: edge.target };
    recordOrigins(origins, ['edges', edges.length], edge.origin, { id: edge.id, ...ends, ...edge.fields });
    const { relation, effect, level, extrapolated, evidence, notes } = edge.fields;
    // An id Pathomap cannot use is dropped, not respelled: relations are named by their ends
    // then, which also gives back the same ids for relations exported by Pathomap.
    const id = keyOf(edge.id?.value);
    edges.push({
      ...(id !== undefined && isValidId(id) ? { id } : {}),
      source,
      target,
      relation: textOf(relation) ?? DEFAULT_RELATION,
      ...present('effect', effect?.value),
      ...present('level', level?.value),
      ...present('extrapolated', textOf(extrapolated)),
      evidence: evidence?.value ?? [],
      ...present('notes', textOf(notes)),
    });
  }
  return edges;
}

/** Records where an imported node, edge or the graph, and each of its fields, came from. */
function recordOrigins(
  origins: OriginTable,
  path: (string | number)[],
  origin: Origin | undefined,
  fields: Record<string, Sourced | undefined>,
): void {
  if (origin) origins.record(path, origin);
  for (const [field, sourced] of Object.entries(fields)) {
    if (sourced) origins.record([...path, field], sourced.origin);
  }
}

/** `{ [name]: value }`, or nothing when the value is absent: the schema sees no undefined fields. */
function present(name: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [name]: value };
}

/**
 * A text field's value. Numbers become text (tools write names and groups as numbers), and
 * blank text or null count as absent; anything else is passed on for the schema to reject.
 */
function textOf(field: Sourced | undefined): unknown {
  const value = field?.value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/** How links name a node: its id in the file as text (`1` and `"1"` are the same node). */
function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

interface NodeIds {
  /** The Pathomap id of each node draft. */
  ids: string[];
  /** The Pathomap id of each node id in the file, in the file's order. */
  byKey: Map<string, string>;
}

function assignNodeIds(nodes: NodeDraft[], report: Report): NodeIds {
  const keys = nodes.map((node) => {
    if (node.id === undefined) return undefined;
    const key = keyOf(node.id.value);
    if (key === undefined) report(node.id.origin, 'a node id must be text or a number');
    return key;
  });
  const allocator = new IdAllocator('node');
  // A repeated id stands for one Pathomap id; the loader then reports the duplicate.
  const byKey = allocator.claimEach(keys.filter((key) => key !== undefined));
  const ids = keys.map((key, index) => (key === undefined ? allocator.claim(`n${index}`) : byKey.get(key)!));
  return { ids, byKey };
}

/**
 * Finds the node a link end names. A number is a node id when some node has that id, else
 * (where the format allows) a position in the node list, as d3 reads links without ids.
 */
function endResolver(draft: MapDraft, nodeIds: NodeIds, report: Report): (end: Sourced) => string | undefined {
  let suggestions = 0;
  return ({ value, origin }) => {
    const key = keyOf(value);
    if (key === undefined) {
      report(origin, draft.endsByIndex ? 'must be a node id or a position in the node list' : 'must be a node id');
      return undefined;
    }
    const byId = nodeIds.byKey.get(key);
    if (byId !== undefined) return byId;
    const count = nodeIds.ids.length;
    if (draft.endsByIndex && typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value < count) return nodeIds.ids[value];
      const range = count === 0 ? 'there are no nodes' : `positions run from 0 to ${count - 1}`;
      report(origin, `\`${key}\` is neither a node id nor a position in the node list`, range);
      return undefined;
    }
    const hint = suggestions++ < MAX_SUGGESTIONS ? suggestionHint(key, [...nodeIds.byKey.keys()]) : undefined;
    report(origin, `no node has id \`${key}\``, hint);
    return undefined;
  };
}

/**
 * The map's categories and each node's category. A file that lists Pathomap categories (one
 * exported by Pathomap) keeps them; otherwise there is one category per group the nodes name,
 * in order of first use, plus "Imported" for nodes naming none.
 */
function categoriesFor(draft: MapDraft, origins: OriginTable): { categories: unknown; categoryOfNode: unknown[] } {
  const named = draft.nodes.map((node) => textOf(node.fields.category));
  const given = draft.graph.categories;
  if (given) return { categories: given.value, categoryOfNode: named };

  // Each group once, in order of first use, with the place it was first named.
  const firstUse = new Map<string, Origin>();
  draft.nodes.forEach((node, index) => {
    const group = named[index];
    if (typeof group === 'string' && !firstUse.has(group)) firstUse.set(group, node.fields.category!.origin);
  });
  const allocator = new IdAllocator('category');
  const idOfGroup = allocator.claimEach(firstUse.keys());

  const categories: Record<string, unknown>[] = [...firstUse].map(([group, origin], index) => {
    origins.record(['categories', index], origin);
    // d3 and Gephi number their groups; "Group 3" reads better in a legend than "3".
    const label = /^\d+$/.test(group) ? `Group ${group}` : group;
    return { id: idOfGroup.get(group), label, ...categoryStyle(index) };
  });
  let fallback: string | undefined;
  if (categories.length === 0 || named.includes(undefined)) {
    fallback = allocator.claim('imported');
    categories.push({ id: fallback, label: 'Imported', ...categoryStyle(categories.length) });
  }
  const categoryOfNode = named.map((group) => {
    if (group === undefined) return fallback;
    // A group that is not text (say, a list) stays as it is, for the schema to report.
    return typeof group === 'string' ? idOfGroup.get(group) : group;
  });
  return { categories, categoryOfNode };
}
