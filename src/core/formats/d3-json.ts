/**
 * d3 force-layout JSON: `{ nodes: [{ id, group?, name?/label? }], links: [{ source, target }] }`.
 * Link ends name nodes by id, or by position in `nodes` as d3 does without an id accessor; after
 * a simulation has run, d3 replaces them with the node objects themselves, which we read too.
 */
import type { FieldPath } from '../load/issue.ts';
import type { Locator } from '../load/locate.ts';
import { isRecord, type RawRecord } from '../load/raw-map.ts';
import {
  EDGE_FIELD_NAMES,
  NODE_FIELD_NAMES,
  readFields,
  type EdgeDraft,
  type MapDraft,
  type NodeDraft,
  type Sourced,
} from './imported-map.ts';
import { JsonDraftReader } from './json-draft.ts';

export function draftFromD3(data: unknown, locate: Locator): MapDraft {
  const reader = new JsonDraftReader(locate);
  const root = isRecord(data) ? data : {};
  const nodes = reader.list(root, [], 'nodes', true, 'd3 lists the nodes as "nodes": [{"id": …}, …]');
  const links = reader.list(root, [], 'links', false, 'd3 lists links as "links": [{"source": …, "target": …}]');
  return {
    format: 'd3-json',
    root: reader.at([]),
    graph: {},
    nodes: nodes.map((item, index) => nodeDraft(reader, item, ['nodes', index])),
    edges: links.flatMap((item, index) => edgeDraft(reader, item, ['links', index]) ?? []),
    endsByIndex: true,
    problems: reader.problems,
  };
}

function nodeDraft(reader: JsonDraftReader, item: unknown, path: FieldPath): NodeDraft {
  const node = reader.object(item, path, '{"id": "a", "name": "A"}');
  if (!node) return { origin: reader.at(path), fields: {} };
  const id = reader.field(node, path, 'id');
  const position = fixedPosition(reader, node, path);
  const fields = readFields(NODE_FIELD_NAMES, reader.lookup(node, path));
  return {
    origin: reader.at(path),
    ...(id ? { id } : {}),
    fields: { ...fields, ...(position ? { position } : {}) },
  };
}

/** d3 pins a node with `fx` and `fy`; a Pathomap position pins it too. */
function fixedPosition(reader: JsonDraftReader, node: RawRecord, path: FieldPath): Sourced | undefined {
  const { fx, fy } = node;
  if (typeof fx !== 'number' || typeof fy !== 'number') return undefined;
  return { value: { x: fx, y: fy }, origin: reader.at([...path, 'fx']) };
}

function edgeDraft(reader: JsonDraftReader, item: unknown, path: FieldPath): EdgeDraft | undefined {
  const link = reader.object(item, path, '{"source": "a", "target": "b"}');
  if (!link) return undefined;
  const source = linkEnd(reader, link, path, 'source');
  const target = linkEnd(reader, link, path, 'target');
  if (!source || !target) return undefined;
  const id = reader.field(link, path, 'id');
  return {
    origin: reader.at(path),
    ...(id ? { id } : {}),
    source,
    target,
    fields: readFields(EDGE_FIELD_NAMES, reader.lookup(link, path)),
  };
}

function linkEnd(
  reader: JsonDraftReader,
  link: RawRecord,
  path: FieldPath,
  end: 'source' | 'target',
): Sourced | undefined {
  const sourced = reader.field(link, path, end);
  if (!sourced) {
    const where = end === 'source' ? 'starts' : 'ends';
    const hint = `the id (or place in \`nodes\`) of the node where the link ${where}`;
    reader.report(path, `missing required field \`${end}\``, hint);
    return undefined;
  }
  // A node object that d3 put in place of the id.
  const value = sourced.value;
  if (isRecord(value)) {
    const key = 'id' in value ? 'id' : 'index' in value ? 'index' : undefined;
    if (key) return { value: value[key], origin: reader.at([...path, end, key]) };
  }
  return sourced;
}
