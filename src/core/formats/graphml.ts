/**
 * GraphML, as yEd, Gephi, Cytoscape desktop, networkx and Pathomap's own export write it.
 *
 * `<data>` values are matched to fields by their key's `attr.name` (or, without one, its id),
 * ignoring case: label/name → label, category/group/type → category, summary/description →
 * summary, and for edges label/relation/interaction → relation. yEd keeps labels in its
 * graphics data (`<y:NodeLabel>`), which is read as the label. Fields Pathomap structures —
 * evidence, aliases, position, and the graph's references, categories and tours — are JSON
 * text. Nested graphs are read flat; Pathomap relations are directed, so an undirected edge
 * reads from its source to its target.
 */
import { code } from '../load/issue.ts';
import type { PositionOf } from '../load/line-index.ts';
import {
  EDGE_FIELD_NAMES,
  GRAPH_FIELD_NAMES,
  NODE_FIELD_NAMES,
  problemAt,
  readFields,
  type DraftProblem,
  type EdgeDraft,
  type MapDraft,
  type NodeDraft,
  type Sourced,
} from './imported-map.ts';
import { outlineJson } from './json-outline.ts';
import { fixedOrigin, type Origin } from './origins.ts';
import { attributeOf, namedChildren, textOf, type XmlElement } from './xml.ts';

/** Data keys whose values are JSON text (written so by Pathomap's GraphML export). */
export const JSON_VALUED_FIELDS = new Set([
  'evidence',
  'aliases',
  'position',
  'references',
  'categories',
  'tours',
  'terms',
]);

interface DataKey {
  /** The field name the key stands for, lower-cased. */
  name: string;
  /** What the key applies to: node, edge, graph or all. */
  for: string;
  default?: Sourced;
  /** yEd graphics data, which holds the label in a `<y:NodeLabel>` or `<y:EdgeLabel>`. */
  graphics: boolean;
}

export function draftFromGraphml(root: XmlElement, positionOf: PositionOf): MapDraft {
  const reader = new GraphmlReader(positionOf);
  const draft: MapDraft = {
    format: 'graphml',
    root: reader.elementOrigin(root, root.name),
    graph: {},
    nodes: [],
    edges: [],
    endsByIndex: false,
    problems: reader.problems,
  };
  if (root.localName !== 'graphml') {
    reader.report(draft.root, `the root element must be \`<graphml>\`, not \`<${root.name}>\``);
    return draft;
  }

  const children = namedChildren(root);
  const keys = reader.readKeys(children.filter((child) => child.element.localName === 'key'), root.name);
  const graphs = children.filter((child) => child.element.localName === 'graph');
  if (graphs.length === 0) {
    reader.report(draft.root, 'no `<graph>` element', 'GraphML holds its nodes and edges in a <graph> element');
  }
  graphs.forEach(({ element, name }, index) => {
    const path = `${root.name}.${name}`;
    if (index === 0) draft.graph = readFields(GRAPH_FIELD_NAMES, reader.dataOf(element, path, 'graph', keys));
    reader.readGraph(element, path, keys, draft);
  });
  return draft;
}

class GraphmlReader {
  readonly problems: DraftProblem[] = [];

  constructor(private readonly positionOf: PositionOf) {}

  elementOrigin(element: XmlElement, path: string): Origin {
    return fixedOrigin(path, this.positionOf(element.offset));
  }

  report(origin: Origin, message: string, hint?: string, severity?: DraftProblem['severity']): void {
    this.problems.push(problemAt(origin, message, hint, severity));
  }

  /** An attribute's value and origin (`graphml.graph.edge[2]@target`); reports it if required and absent. */
  attribute(element: XmlElement, path: string, name: string, required = false): Sourced | undefined {
    const attribute = attributeOf(element, name);
    if (attribute) {
      const origin = fixedOrigin(`${path}@${name}`, this.positionOf(attribute.offset));
      return { value: attribute.value, origin };
    }
    if (required) this.report(this.elementOrigin(element, path), `missing required attribute ${code(name)}`);
    return undefined;
  }

  readKeys(declarations: { element: XmlElement; name: string }[], rootPath: string): Map<string, DataKey> {
    const keys = new Map<string, DataKey>();
    for (const { element, name } of declarations) {
      const path = `${rootPath}.${name}`;
      const id = this.attribute(element, path, 'id', true);
      if (!id) continue;
      const fallback = namedChildren(element).find((child) => child.element.localName === 'default')?.element;
      const origin = fallback && this.elementOrigin(fallback, `${path}.default`);
      keys.set(String(id.value), {
        name: (attributeOf(element, 'attr.name')?.value ?? String(id.value)).toLowerCase(),
        for: attributeOf(element, 'for')?.value ?? 'all',
        ...(fallback && origin ? { default: { value: textOf(fallback), origin } } : {}),
        graphics: /^(node|edge)graphics$/.test(attributeOf(element, 'yfiles.type')?.value ?? ''),
      });
    }
    return keys;
  }

  /** Reads a graph's nodes and edges into the draft, and those of graphs nested in its nodes. */
  readGraph(graph: XmlElement, path: string, keys: Map<string, DataKey>, draft: MapDraft): void {
    for (const { element, name } of namedChildren(graph)) {
      const elementPath = `${path}.${name}`;
      if (element.localName === 'node') {
        draft.nodes.push(this.nodeDraft(element, elementPath, keys));
        // Recursion is bounded: the XML reader refuses documents nested more than 100 deep.
        for (const nested of namedChildren(element)) {
          if (nested.element.localName !== 'graph') continue;
          this.readGraph(nested.element, `${elementPath}.${nested.name}`, keys, draft);
        }
      } else if (element.localName === 'edge') {
        const edge = this.edgeDraft(element, elementPath, keys);
        if (edge) draft.edges.push(edge);
      } else if (element.localName === 'hyperedge') {
        const origin = this.elementOrigin(element, elementPath);
        this.report(origin, 'hyperedges are left out', 'Pathomap relations join two concepts', 'warning');
      }
    }
  }

  private nodeDraft(element: XmlElement, path: string, keys: Map<string, DataKey>): NodeDraft {
    const id = this.attribute(element, path, 'id', true);
    const lookup = this.dataOf(element, path, 'node', keys);
    const position = lookup('position');
    return {
      origin: this.elementOrigin(element, path),
      ...(id ? { id } : {}),
      fields: { ...readFields(NODE_FIELD_NAMES, lookup), ...(position ? { position } : {}) },
    };
  }

  private edgeDraft(element: XmlElement, path: string, keys: Map<string, DataKey>): EdgeDraft | undefined {
    const source = this.attribute(element, path, 'source', true);
    const target = this.attribute(element, path, 'target', true);
    if (!source || !target) return undefined;
    const id = this.attribute(element, path, 'id');
    return {
      origin: this.elementOrigin(element, path),
      ...(id ? { id } : {}),
      source,
      target,
      fields: readFields(EDGE_FIELD_NAMES, this.dataOf(element, path, 'edge', keys)),
    };
  }

  /** The `<data>` values of a node, edge or graph by field name, with the keys' defaults for the rest. */
  dataOf(
    owner: XmlElement,
    ownerPath: string,
    kind: string,
    keys: Map<string, DataKey>,
  ): (name: string) => Sourced | undefined {
    const values = new Map<string, Sourced>();
    for (const { element, name } of namedChildren(owner)) {
      if (element.localName !== 'data') continue;
      const path = `${ownerPath}.${name}`;
      const origin = this.elementOrigin(element, path);
      const keyId = this.attribute(element, path, 'key', true)?.value as string | undefined;
      if (keyId === undefined) continue;
      const key = keys.get(keyId);
      if (!key) {
        const hint = `declare it with <key id="${keyId}" for="${kind}" attr.name="…">`;
        this.report(origin, `data key ${code(keyId)} is not declared`, hint, 'warning');
      }
      if (key?.graphics) {
        const label = graphicsLabel(element);
        if (label !== undefined && !values.has('label')) values.set('label', { value: label, origin });
        continue;
      }
      const field = key?.name ?? keyId.toLowerCase();
      const value = this.valueOf(field, textOf(element), origin);
      if (value !== undefined) values.set(field, { value, origin });
    }
    for (const key of keys.values()) {
      const applies = key.for === kind || key.for === 'all';
      if (key.default && applies && !values.has(key.name)) values.set(key.name, key.default);
    }
    return (name) => values.get(name);
  }

  /** The value of a data element: text, or for structured fields the JSON it holds. */
  private valueOf(field: string, text: string, origin: Origin): unknown {
    if (!JSON_VALUED_FIELDS.has(field)) return text;
    if (outlineJson(text).tooDeepAt !== undefined) {
      this.report(origin, `the JSON in \`${field}\` is nested too deeply`);
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.report(origin, `\`${field}\` must hold JSON: ${reason}`);
      return undefined;
    }
  }
}

/** The text of the first `<y:NodeLabel>` or `<y:EdgeLabel>` inside yEd graphics data. */
function graphicsLabel(data: XmlElement): string | undefined {
  const pending: XmlElement[] = [data];
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (/^(Node|Edge)Label$/.test(element.localName)) return textOf(element).trim() || undefined;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (child.kind === 'element') pending.push(child);
    }
  }
  return undefined;
}
