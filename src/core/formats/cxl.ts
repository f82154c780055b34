/**
 * A CmapTools concept map as CmapTools exports it (CXL): `<cmap><res-meta>` (title) and
 * `<map>` with its concepts, linking phrases, the connections between them, the concepts'
 * appearances (positions) and the resources attached to concepts or phrases.
 *
 * A concept map says "concept — linking phrase — concept": each phrase becomes one relation
 * from each concept leading into it to each concept it leads to, worded by the phrase (its
 * effect is read from that wording). A connection straight from one concept to another is a
 * relation without wording. Positions are kept as pinned positions, so the map opens as its
 * author arranged it (CXL gives a concept's centre, in CmapTools' pixels). A resource with a
 * web address becomes a reference, cited by its concept (or the phrase's relations) as recorded
 * in CmapTools — with no quote, since a Cmap carries none; resources without one are left out.
 */
import { code } from '../load/issue.ts';
import { suggestionHint } from '../load/suggest.ts';
import { safeHttpUrl } from '../model/links.ts';
import type { RecordedEvidenceEntry, ReferenceEntry } from '../model/types.ts';
import { IdAllocator } from './ids.ts';
import { problemAt, type DraftProblem, type EdgeDraft, type MapDraft, type NodeDraft, type Sourced } from './imported-map.ts';
import type { PositionOf } from '../load/line-index.ts';
import { fixedOrigin, type Origin } from './origins.ts';
import { attributeOf, namedChildren, textOf, type XmlElement } from './xml.ts';

export const CMAPTOOLS = 'CmapTools';

interface Named {
  element: XmlElement;
  path: string;
}

interface Phrase extends Named {
  label: string | undefined;
  into: { concept: Sourced }[];
  outOf: { concept: Sourced }[];
  /** A connection of it names nothing: already reported, so its lack of ends is not. */
  broken?: true;
}

export function draftFromCxl(root: XmlElement, positionOf: PositionOf): MapDraft {
  return new CxlReader(positionOf).read(root);
}

class CxlReader {
  private readonly problems: DraftProblem[] = [];
  private readonly references: ReferenceEntry[] = [];
  private readonly referenceIds = new IdAllocator('resource');
  /** Reference ids by web address: a page attached twice is one reference. */
  private readonly referenceOfUrl = new Map<string, string>();
  /** Where each reference's address is written, in the order of `references`. */
  private readonly referencePlaces: Origin[] = [];

  constructor(private readonly positionOf: PositionOf) {}

  read(root: XmlElement): MapDraft {
    const draft: MapDraft = {
      format: 'cmap-cxl',
      root: this.at(root, root.name),
      graph: {},
      nodes: [],
      edges: [],
      endsByIndex: false,
      problems: this.problems,
    };
    if (root.localName !== 'cmap') {
      this.report(draft.root, `the root element must be \`<cmap>\`, not \`<${root.name}>\``);
      return draft;
    }
    const children = namedChildren(root);
    const meta = children.find((c) => c.element.localName === 'res-meta');
    if (meta) draft.graph = this.metadata(meta.element, `${root.name}.${meta.name}`);
    const map = children.find((c) => c.element.localName === 'map');
    if (!map) {
      this.report(draft.root, 'no `<map>` element', 'CXL holds its concepts and links in a <map> element');
      return draft;
    }
    const mapPath = `${root.name}.${map.name}`;
    const lists = new Map(namedChildren(map.element).map((c) => [c.element.localName, { element: c.element, path: `${mapPath}.${c.name}` }]));
    const items = (list: string, item: string): Named[] => {
      const found = lists.get(list);
      if (!found) return [];
      return namedChildren(found.element)
        .filter((c) => c.element.localName === item)
        .map((c) => ({ element: c.element, path: `${found.path}.${c.name}` }));
    };

    const concepts = new Map<string, NodeDraft>();
    for (const concept of items('concept-list', 'concept')) {
      const node = this.conceptNode(concept);
      draft.nodes.push(node);
      const id = node.id?.value;
      if (typeof id === 'string' && !concepts.has(id)) concepts.set(id, node);
    }
    const phrases = new Map<string, Phrase>();
    for (const phrase of items('linking-phrase-list', 'linking-phrase')) {
      const id = this.attribute(phrase, 'id', true)?.value as string | undefined;
      if (id === undefined || phrases.has(id)) continue;
      phrases.set(id, { ...phrase, label: oneLine(attributeOf(phrase.element, 'label')?.value), into: [], outOf: [] });
    }
    for (const appearance of items('concept-appearance-list', 'concept-appearance')) this.position(appearance, concepts);

    const direct: EdgeDraft[] = [];
    for (const connection of items('connection-list', 'connection')) {
      const edge = this.connection(connection, concepts, phrases);
      if (edge) direct.push(edge);
    }
    const resources = this.resources(items('resource-group-list', 'resource-group'), concepts, phrases);

    for (const [id, phrase] of phrases) {
      if (phrase.into.length === 0 || phrase.outOf.length === 0) {
        if (phrase.broken) continue;
        const what = phrase.label ? `linking phrase ${code(phrase.label)}` : `linking phrase ${code(id)}`;
        this.report(this.at(phrase.element, phrase.path), `${what} does not join one concept to another; left out`, 'connect a concept to it and it to a concept', 'warning');
        continue;
      }
      const evidence = resources.get(id);
      for (const { concept: source } of phrase.into) {
        for (const { concept: target } of phrase.outOf) {
          draft.edges.push({
            origin: this.at(phrase.element, phrase.path),
            source,
            target,
            fields: {
              ...(phrase.label ? { relation: { value: phrase.label, origin: this.attributeOrigin(phrase, 'label') } } : {}),
              ...this.comments(phrase),
              ...(evidence ? { evidence } : {}),
            },
          });
        }
      }
    }
    draft.edges.push(...direct);
    if (this.references.length > 0) draft.graph.references = { value: this.references, origin: this.referenceOrigin() };
    return draft;
  }

  private metadata(meta: XmlElement, path: string): MapDraft['graph'] {
    const graph: MapDraft['graph'] = {};
    for (const { element, name } of namedChildren(meta)) {
      const text = oneLine(textOf(element));
      if (!text) continue;
      const origin = this.at(element, `${path}.${name}`);
      if (element.localName === 'title') graph.title = { value: text, origin };
      if (element.localName === 'description') graph.description = { value: text, origin };
    }
    return graph;
  }

  private conceptNode(concept: Named): NodeDraft {
    const id = this.attribute(concept, 'id', true);
    const label = oneLine(attributeOf(concept.element, 'label')?.value);
    return {
      origin: this.at(concept.element, concept.path),
      ...(id ? { id } : {}),
      fields: {
        ...(label ? { label: { value: label, origin: this.attributeOrigin(concept, 'label') } } : {}),
        ...this.comments(concept, 'summary'),
      },
    };
  }

  /** CmapTools' hover text (`short-comment`) and longer note (`long-comment`). */
  private comments(item: Named, shortAs: 'summary' | 'notes' = 'notes'): Partial<Record<'summary' | 'notes', Sourced>> {
    const short = attributeOf(item.element, 'short-comment')?.value.trim();
    const long = attributeOf(item.element, 'long-comment')?.value.trim();
    const fields: Partial<Record<'summary' | 'notes', Sourced>> = {};
    if (short) fields[shortAs] = { value: short, origin: this.attributeOrigin(item, 'short-comment') };
    if (long) {
      const notes = shortAs === 'notes' && short ? `${short} ${long}` : long;
      fields.notes = { value: notes, origin: this.attributeOrigin(item, 'long-comment') };
    }
    return fields;
  }

  /** A concept's appearance: its centre, kept as a pinned position. */
  private position(appearance: Named, concepts: Map<string, NodeDraft>): void {
    const id = this.attribute(appearance, 'id', true)?.value as string | undefined;
    const node = id === undefined ? undefined : concepts.get(id);
    if (!node) return; // the appearance of a linking phrase, or of nothing: no concept to place
    const coordinates = (['x', 'y'] as const).map((axis) => {
      const attribute = this.attribute(appearance, axis);
      const value = attribute ? Number(attribute.value) : NaN;
      if (attribute && !Number.isFinite(value)) {
        this.report(attribute.origin, `${axis} must be a number, not ${JSON.stringify(attribute.value)}; the concept is laid out freely`, undefined, 'warning');
      }
      return value;
    });
    const [x, y] = coordinates as [number, number];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      node.fields.position = { value: { x, y }, origin: this.at(appearance.element, appearance.path) };
    }
  }

  /** Notes a connection on its phrase, or returns it as a relation when it joins two concepts directly. */
  private connection(connection: Named, concepts: Map<string, NodeDraft>, phrases: Map<string, Phrase>): EdgeDraft | undefined {
    const from = this.attribute(connection, 'from-id', true);
    const to = this.attribute(connection, 'to-id', true);
    if (!from || !to) return undefined;
    const ends = [from, to].map((end) => {
      const id = end.value as string;
      if (concepts.has(id)) return 'concept' as const;
      if (phrases.has(id)) return 'phrase' as const;
      const hint = suggestionHint(id, [...concepts.keys(), ...phrases.keys()]);
      this.report(end.origin, `no concept or linking phrase has id ${code(id)}`, hint);
      return undefined;
    });
    const [fromKind, toKind] = ends;
    for (const [kind, end] of [[fromKind, from], [toKind, to]] as const) {
      const phrase = kind === 'phrase' ? phrases.get(end.value as string) : undefined;
      if (phrase && (fromKind === undefined || toKind === undefined)) phrase.broken = true;
    }
    if (fromKind === 'concept' && toKind === 'phrase') phrases.get(to.value as string)!.into.push({ concept: from });
    else if (fromKind === 'phrase' && toKind === 'concept') phrases.get(from.value as string)!.outOf.push({ concept: to });
    else if (fromKind === 'concept' && toKind === 'concept') {
      return { origin: this.at(connection.element, connection.path), source: from, target: to, fields: {} };
    } else if (fromKind === 'phrase' && toKind === 'phrase') {
      const origin = this.at(connection.element, connection.path);
      this.report(origin, 'a connection between two linking phrases is left out', 'Pathomap relations join two concepts', 'warning');
    }
    return undefined;
  }

  /**
   * Resources attached to concepts and phrases: those with a web address become references,
   * cited as evidence recorded in CmapTools. Concepts get theirs here; phrases' are returned.
   */
  private resources(groups: Named[], concepts: Map<string, NodeDraft>, phrases: Map<string, Phrase>): Map<string, Sourced> {
    const byPhrase = new Map<string, Sourced>();
    for (const group of groups) {
      const parent = this.attribute(group, 'parent-id');
      const parentId = parent?.value as string | undefined;
      const owner = parentId === undefined ? undefined : concepts.get(parentId) ?? phrases.get(parentId);
      if (!owner) continue; // a resource of the map itself or of something left out
      const evidence: RecordedEvidenceEntry[] = [];
      for (const resource of descendants(group, 'resource')) {
        const label = oneLine(attributeOf(resource.element, 'label')?.value);
        const address = this.attribute(resource, 'resource-url');
        const url = address ? safeHttpUrl(address.value as string) : undefined;
        if (!url || url.length > 2000) {
          const what = label ? `resource ${code(label)}` : 'a resource';
          const hint = address ? 'only http(s) addresses become references' : 'it has no web address (a file attached in CmapTools)';
          this.report(address?.origin ?? this.at(resource.element, resource.path), `${what} is left out`, hint, 'warning');
          continue;
        }
        let id = this.referenceOfUrl.get(url);
        if (id === undefined) {
          id = this.referenceIds.claim(label ?? 'resource');
          this.referenceOfUrl.set(url, id);
          this.references.push({ id, citation: label ?? url, url });
          this.referencePlaces.push(address!.origin);
        }
        if (!evidence.some((e) => e.ref === id)) evidence.push({ ref: id, recordedIn: CMAPTOOLS });
      }
      if (evidence.length === 0) continue;
      const sourced = { value: evidence, origin: this.at(group.element, group.path) };
      if (parentId !== undefined && phrases.has(parentId)) byPhrase.set(parentId, sourced);
      else (owner as NodeDraft).fields.evidence = sourced;
    }
    return byPhrase;
  }

  /** `references[i]` of the map is the i-th resource read: problems point at its address. */
  private referenceOrigin(): Origin {
    return (rest, at) => {
      const index = rest[0];
      const origin = typeof index === 'number' ? this.referencePlaces[index] : undefined;
      return (origin ?? this.referencePlaces[0]!)(rest.slice(2), at);
    };
  }

  private at(element: XmlElement, path: string): Origin {
    return fixedOrigin(path, this.positionOf(element.offset));
  }

  private attributeOrigin(item: Named, name: string): Origin {
    const attribute = attributeOf(item.element, name);
    return attribute ? fixedOrigin(`${item.path}@${name}`, this.positionOf(attribute.offset)) : this.at(item.element, item.path);
  }

  private attribute(item: Named, name: string, required = false): Sourced | undefined {
    const attribute = attributeOf(item.element, name);
    if (attribute) return { value: attribute.value, origin: this.attributeOrigin(item, name) };
    if (required) this.report(this.at(item.element, item.path), `missing required attribute ${code(name)}`);
    return undefined;
  }

  private report(origin: Origin, message: string, hint?: string, severity?: DraftProblem['severity']): void {
    this.problems.push(problemAt(origin, message, hint, severity));
  }
}

/** The elements named `localName` anywhere inside `parent`, in document order, with paths. */
function descendants(parent: Named, localName: string): Named[] {
  const found: Named[] = [];
  const visit = (item: Named) => {
    for (const { element, name } of namedChildren(item.element)) {
      const child = { element, path: `${item.path}.${name}` };
      if (element.localName === localName) found.push(child);
      // Bounded: the XML reader refuses documents nested more than 100 deep.
      else visit(child);
    }
  };
  visit(parent);
  return found;
}

/** CmapTools breaks long labels over lines; on the map they read as one line. */
function oneLine(text: string | undefined): string | undefined {
  const line = text?.replace(/\s+/g, ' ').trim();
  return line ? line : undefined;
}
