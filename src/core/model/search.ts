/**
 * Full-text search over a map's concepts, built on MiniSearch.
 *
 * One document per concept, with one field per kind of text: its label, aliases, summary, the
 * quotes and findings of its own evidence, the evidence of the relations it takes part in, and
 * the *source text* around each of those quotes (the paragraph of the stored reference that
 * holds the quote). A concept is therefore found by words its source uses near a quote even
 * when the quote itself does not contain them.
 *
 * Matching is case- and diacritic-insensitive ("schafer" finds "Schäfer"), by prefix as you
 * type, tolerant of a typo in longer words, and every query word must match (AND). Each hit
 * says in words where it matched and, unless that is the label, carries a short snippet of the
 * matching passage. Pure TypeScript: no DOM.
 */
import MiniSearch from 'minisearch';
import type { Evidence, PathoMap, Reference, TextSpan } from './types.ts';

/** Where a hit matched, in the words the UI shows ("found in source text: …"). */
export type MatchField =
  | 'label'
  | 'alias'
  | 'summary'
  | 'quote'
  | 'finding'
  | 'recorded quote'
  | 'ontology term'
  | 'relation evidence'
  | 'source text';

/** A passage cut around the first matching word: render as `before`, marked `match`, `after`. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface SearchHit {
  id: string;
  label: string;
  score: number;
  /** The field that explains the hit best: most query words, then label ≫ … ≫ source text. */
  where: MatchField;
  /** The matching passage; absent for label matches, which speak for themselves. */
  snippet?: Snippet;
}

export interface SearchIndex {
  /** Best hits first; ties keep map order. A blank query (or one without words) gives []. */
  search(query: string, limit?: number): SearchHit[];
}

type FieldKey = 'label' | 'alias' | 'summary' | 'quote' | 'finding' | 'recorded' | 'term' | 'relation' | 'source';

/** Fields in order of precedence, with the words the UI uses and their score boosts. */
const FIELDS: readonly { key: FieldKey; name: MatchField; boost: number }[] = [
  { key: 'label', name: 'label', boost: 12 },
  { key: 'alias', name: 'alias', boost: 5 },
  { key: 'summary', name: 'summary', boost: 2.5 },
  { key: 'quote', name: 'quote', boost: 1.5 },
  { key: 'finding', name: 'finding', boost: 1.5 },
  // Evidence as another tool recorded it (DisMech snippets and curators' notes).
  { key: 'recorded', name: 'recorded quote', boost: 1.5 },
  // Ontology ids and labels, so "HP:0000155" finds its concept.
  { key: 'term', name: 'ontology term', boost: 1.5 },
  { key: 'relation', name: 'relation evidence', boost: 1 },
  { key: 'source', name: 'source text', boost: 0.5 },
];

const DEFAULT_LIMIT = 20;
/** Characters of context kept before and after the matching word in a snippet. */
const SNIPPET_BEFORE = 40;
const SNIPPET_AFTER = 80;

/** The passages of one concept, field by field (kept for snippets; MiniSearch sees them joined). */
type Passages = Record<FieldKey, string[]>;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;
const COMBINING_MARK = /\p{M}/gu;

/** The form a word is indexed and searched under: lower case, without diacritics. */
export function foldTerm(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();
}

export function createSearchIndex(map: PathoMap): SearchIndex {
  const references = new Map(map.references.map((r) => [r.id, r]));
  const paragraphsOf = memoise((ref: Reference) => paragraphRanges(ref.text ?? ''));

  /** The source paragraphs holding each quote of `evidence`, added to `into` once each. */
  const addSourceParagraphs = (evidence: Evidence[], into: Set<string>) => {
    for (const e of evidence) {
      if (e.kind !== 'quote' || !e.span) continue;
      const ref = references.get(e.ref);
      if (!ref?.text) continue;
      for (const p of paragraphsOf(ref)) {
        if (overlaps(p, e.span)) into.add(ref.text.slice(p.start, p.end));
      }
    }
  };

  const relationsOf = new Map<string, Evidence[]>();
  for (const edge of map.edges) {
    for (const end of new Set([edge.source, edge.target])) {
      relationsOf.set(end, [...(relationsOf.get(end) ?? []), ...edge.evidence]);
    }
  }

  const passages = new Map<string, Passages>();
  const order = new Map<string, number>();
  for (const node of map.nodes) {
    if (passages.has(node.id)) continue;
    const relationEvidence = relationsOf.get(node.id) ?? [];
    const source = new Set<string>();
    addSourceParagraphs(node.evidence, source);
    addSourceParagraphs(relationEvidence, source);
    passages.set(node.id, {
      label: [node.label],
      alias: node.aliases ?? [],
      summary: [node.summary],
      quote: node.evidence.flatMap((e) => (e.kind === 'quote' ? [e.quote] : [])),
      finding: node.evidence.flatMap((e) => (e.kind === 'finding' ? [e.finding] : [])),
      recorded: node.evidence.flatMap((e) => (e.kind === 'recorded' ? recordedTexts(e) : [])),
      term: (node.terms ?? []).map((t) => (t.label ? `${t.id} ${t.label}` : t.id)),
      relation: relationEvidence.flatMap(evidenceTexts),
      source: [...source],
    });
    order.set(node.id, order.size);
  }

  const engine = new MiniSearch<{ id: string; passages: Passages }>({
    fields: FIELDS.map((f) => f.key),
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.passages[field as FieldKey].join('\n')),
    tokenize: (text) => text.split(NON_WORD),
    processTerm: (term) => (term ? foldTerm(term) : null),
    searchOptions: {
      boost: Object.fromEntries(FIELDS.map((f) => [f.key, f.boost])),
      prefix: true,
      // One typo in words of five letters or more, two from ten.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  engine.addAll([...passages].map(([id, p]) => ({ id, passages: p })));

  /** For each concept, the fields each query word matched in (one search per word). */
  const fieldsPerWord = (words: string[]): Map<string, Set<FieldKey>>[] =>
    words.map((word) => {
      const byId = new Map<string, Set<FieldKey>>();
      for (const r of engine.search(word)) byId.set(r.id, new Set(Object.values(r.match).flat() as FieldKey[]));
      return byId;
    });

  return {
    search(query, limit = DEFAULT_LIMIT) {
      const words = [...new Set(query.split(NON_WORD).filter(Boolean).map(foldTerm))];
      if (words.length === 0 || limit <= 0) return [];
      const results = engine
        .search(query)
        .sort((a, b) => b.score - a.score || order.get(a.id)! - order.get(b.id)!)
        .slice(0, limit);
      const perWord = words.length > 1 ? fieldsPerWord(words) : undefined;
      return results.map((result): SearchHit => {
        const p = passages.get(result.id)!;
        const covered = perWord?.map((byId) => byId.get(result.id) ?? new Set<FieldKey>()) ?? [
          new Set(Object.values(result.match).flat() as FieldKey[]),
        ];
        const field = bestField(covered);
        const hit: SearchHit = { id: result.id, label: p.label[0]!, score: result.score, where: field.name };
        if (field.key !== 'label') {
          const terms = Object.keys(result.match).filter((t) => result.match[t]!.includes(field.key));
          const snippet = snippetOf(p[field.key], terms);
          if (snippet) hit.snippet = snippet;
        }
        return hit;
      });
    },
  };
}

/** The words of an evidence item that search reads. */
function evidenceTexts(e: Evidence): string[] {
  if (e.kind === 'quote') return [e.quote];
  if (e.kind === 'finding') return [e.finding];
  return recordedTexts(e);
}

function recordedTexts(e: Extract<Evidence, { kind: 'recorded' }>): string[] {
  return [e.excerpt, e.note].filter((text): text is string => text !== undefined);
}

/** The field that most query words matched in (`covered[i]`: the fields word i matched), earlier fields winning ties. */
function bestField(covered: ReadonlySet<FieldKey>[]): (typeof FIELDS)[number] {
  let best = FIELDS[0]!;
  let bestCount = -1;
  for (const f of FIELDS) {
    const count = covered.filter((fields) => fields.has(f.key)).length;
    if (count > bestCount) [best, bestCount] = [f, count];
  }
  return best;
}

/** A snippet of the passage holding the most of `terms`, cut around the first of them. */
function snippetOf(candidates: string[], terms: string[]): Snippet | undefined {
  const wanted = new Set(terms);
  let best: { text: string; at: TextSpan; count: number } | undefined;
  for (const text of candidates) {
    const found = new Set<string>();
    let first: TextSpan | undefined;
    for (const m of text.matchAll(WORD)) {
      const term = foldTerm(m[0]);
      if (!wanted.has(term)) continue;
      found.add(term);
      first ??= { start: m.index, end: m.index + m[0].length };
    }
    if (first && (!best || found.size > best.count)) best = { text, at: first, count: found.size };
  }
  return best && cut(best.text, best.at);
}

function cut(text: string, at: TextSpan): Snippet {
  let start = Math.max(0, at.start - SNIPPET_BEFORE);
  let end = Math.min(text.length, at.end + SNIPPET_AFTER);
  // Do not start or end in the middle of a word.
  if (start > 0 && !/\s/.test(text[start - 1]!)) {
    const space = text.slice(start, at.start).search(/\s/);
    start = space === -1 ? at.start : start + space + 1;
  }
  if (end < text.length) {
    const space = text.slice(at.end, end).search(/\s\S*$/);
    end = space === -1 ? at.end : at.end + space;
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (start > 0 ? '…' : '') + squash(text.slice(start, at.start)).trimStart(),
    match: text.slice(at.start, at.end),
    after: squash(text.slice(at.end, end)).trimEnd() + (end < text.length ? '…' : ''),
  };
}

/** Paragraphs of `text` (separated by blank lines), as trimmed ranges. */
function paragraphRanges(text: string): TextSpan[] {
  const ranges: TextSpan[] = [];
  const add = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead < raw.length) ranges.push({ start: start + lead, end: end - trail });
  };
  let start = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, text.length);
  return ranges;
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function memoise<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
