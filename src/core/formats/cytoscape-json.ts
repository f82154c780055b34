/**
 * Cytoscape.js JSON, as `cy.json()` writes it and Cytoscape desktop exports it (.cyjs):
 * `{ data?, elements: { nodes: [{ data }], edges: [{ data: { source, target } }] } }`,
 * or with `elements` as one list of `{ group: 'nodes' | 'edges', data }`.
 *
 * A node's `position` is only a layout result in Cytoscape, so it is read as a Pathomap
 * position (which pins the node) only when the node is `locked` there too.
 */
import type { FieldPath } from '../load/issue.ts';
import type { Locator } from '../load/locate.ts';
import { isRecord, type RawRecord } from '../load/raw-map.ts';
import {
  EDGE_FIELD_NAMES,
  GRAPH_FIELD_NAMES,
  NODE_FIELD_NAMES,
  readFields,
  type EdgeDraft,
  type MapDraft,
  type NodeDraft,
  type Sourced,
} from './imported-map.ts';
import { JsonDraftReader } from './json-draft.ts';

interface Element {
  item: RawRecord;
  path: FieldPath;
}

export function draftFromCytoscape(data: unknown, locate: Locator): MapDraft {
  const reader = new JsonDraftReader(locate);
  const root = isRecord(data) ? data : {};
  const graphData = isRecord(root.data) ? root.data : {};
  const { nodes, edges } = elementsOf(reader, root);
  return {
    format: 'cytoscape-json',
    root: reader.at([]),
    graph: readFields(GRAPH_FIELD_NAMES, reader.lookup(graphData, ['data'])),
    nodes: nodes.map((element) => nodeDraft(reader, element)),
    edges: edges.flatMap((element) => edgeDraft(reader, element) ?? []),
    endsByIndex: false,
    problems: reader.problems,
  };
}

function elementsOf(reader: JsonDraftReader, root: RawRecord): { nodes: Element[]; edges: Element[] } {
  const nodes: Element[] = [];
  const edges: Element[] = [];
  const collect = (list: unknown[], path: FieldPath, listGroup?: 'nodes' | 'edges') =>
    list.forEach((value, index) => {
      const elementPath = [...path, index];
      const item = reader.object(value, elementPath, '{"data": {"id": "a"}}');
      if (!item) return;
      const group = listGroup ?? groupOf(reader, item, elementPath);
      if (group === 'nodes') nodes.push({ item, path: elementPath });
      if (group === 'edges') edges.push({ item, path: elementPath });
    });

  const elements = root.elements;
  if (Array.isArray(elements)) collect(elements, ['elements']);
  else if (isRecord(elements)) {
    collect(reader.list(elements, ['elements'], 'nodes', false), ['elements', 'nodes'], 'nodes');
    collect(reader.list(elements, ['elements'], 'edges', false), ['elements', 'edges'], 'edges');
  } else if (elements === undefined) {
    const hint = 'Cytoscape.js JSON holds its graph in "elements": {"nodes": […], "edges": […]}';
    reader.report([], 'missing required field `elements`', hint);
  } else {
    reader.report(['elements'], 'must be a list of elements, or an object with `nodes` and `edges`');
  }
  return { nodes, edges };
}

/** An element's group as written, or as Cytoscape infers it: edges are what have a source and target. */
function groupOf(reader: JsonDraftReader, item: RawRecord, path: FieldPath): 'nodes' | 'edges' | undefined {
  const { group } = item;
  if (group === 'nodes' || group === 'edges') return group;
  if (group !== undefined) {
    reader.report([...path, 'group'], 'must be `nodes` or `edges`');
    return undefined;
  }
  const data = isRecord(item.data) ? item.data : {};
  return 'source' in data || 'target' in data ? 'edges' : 'nodes';
}

function dataOf(reader: JsonDraftReader, { item, path }: Element): RawRecord {
  if (item.data === undefined) return {};
  return reader.object(item.data, [...path, 'data'], '{"id": "a"}') ?? {};
}

function nodeDraft(reader: JsonDraftReader, element: Element): NodeDraft {
  const data = dataOf(reader, element);
  const dataPath = [...element.path, 'data'];
  const id = reader.field(data, dataPath, 'id');
  const position = lockedPosition(reader, element);
  const fields = readFields(NODE_FIELD_NAMES, reader.lookup(data, dataPath));
  return {
    origin: reader.at(element.path),
    ...(id ? { id } : {}),
    fields: { ...fields, ...(position ? { position } : {}) },
  };
}

function lockedPosition(reader: JsonDraftReader, { item, path }: Element): Sourced | undefined {
  if (item.locked !== true || !isRecord(item.position)) return undefined;
  return { value: item.position, origin: reader.at([...path, 'position']) };
}

function edgeDraft(reader: JsonDraftReader, element: Element): EdgeDraft | undefined {
  const data = dataOf(reader, element);
  const dataPath = [...element.path, 'data'];
  const end = (name: 'source' | 'target') => {
    const sourced = reader.field(data, dataPath, name);
    if (!sourced) {
      const owner = element.item.data === undefined ? element.path : dataPath;
      const hint = `the id of the node the edge ${name === 'source' ? 'starts' : 'ends'} at`;
      reader.report(owner, `missing required field \`${name}\``, hint);
    }
    return sourced;
  };
  const source = end('source');
  const target = end('target');
  if (!source || !target) return undefined;
  const id = reader.field(data, dataPath, 'id');
  return {
    origin: reader.at(element.path),
    ...(id ? { id } : {}),
    source,
    target,
    fields: readFields(EDGE_FIELD_NAMES, reader.lookup(data, dataPath)),
  };
}
