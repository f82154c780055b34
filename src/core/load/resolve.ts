/**
 * Builds the resolved map the app renders from a map file that passed the schema and
 * integrity checks: defaults filled in, relation ids derived, evidence tagged with its kind
 * and quotes with where they sit in the stored text.
 */
import { categoryStyle } from '../formats/category-style.ts';
import { inferEffect } from '../model/effects.ts';
import type { SourceCheck } from './sources.ts';
import type {
  Category,
  ConceptNode,
  EdgeEntry,
  Evidence,
  EvidenceEntry,
  MapFile,
  PathoMap,
  Reference,
  Relation,
  TextSpan,
} from '../model/types.ts';

export function resolveMap(
  id: string,
  file: MapFile,
  sources: Pick<SourceCheck, 'texts' | 'spans'>,
): PathoMap {
  const spanOf = (entry: EvidenceEntry) => sources.spans.get(entry as unknown as Record<string, unknown>);
  const evidenceOf = (entries: EvidenceEntry[]) =>
    entries.map((entry) => resolveEvidence(entry, spanOf(entry)));

  const references: Reference[] = file.references.map((reference) => {
    const text = sources.texts.get(reference.id)?.text;
    return text === undefined ? { ...reference } : { ...reference, text };
  });
  // Categories without a colour or shape take the next unused pair of the palette's cycle.
  const styled = new Set(file.categories.flatMap((c) => (c.color && c.shape ? [`${c.color.toLowerCase()}|${c.shape}`] : [])));
  let nextStyle = 0;
  const defaultStyle = () => {
    let style = categoryStyle(nextStyle++);
    while (styled.has(`${style.color.toLowerCase()}|${style.shape}`) && nextStyle < 64) style = categoryStyle(nextStyle++);
    return style;
  };
  const categories: Category[] = file.categories.map((category, index) => {
    const style = category.color && category.shape ? undefined : defaultStyle();
    return {
      ...category,
      color: category.color ?? style!.color,
      shape: category.shape ?? style!.shape,
      band: category.band ?? index,
    };
  });
  const nodes: ConceptNode[] = file.nodes.map((node) => ({
    ...node,
    evidence: evidenceOf(node.evidence),
    ...unsourcedMark(node.evidence),
  }));
  const edgeIds = relationIds(file.edges);
  const edges: Relation[] = file.edges.map((edge, index) => ({
    ...edge,
    id: edgeIds[index]!,
    effect: edge.effect ?? inferEffect(edge.relation),
    evidence: evidenceOf(edge.evidence),
    ...unsourcedMark(edge.evidence),
    ...disputedMark(edge.evidence),
  }));

  return {
    id,
    title: file.title,
    ...(file.description === undefined ? {} : { description: file.description }),
    references,
    categories,
    nodes,
    edges,
    tours: file.tours ?? [],
  };
}

/** Only imported maps get this far without evidence (the schema requires it in a map file). */
function unsourcedMark(evidence: readonly EvidenceEntry[]): { unsourced?: true } {
  return evidence.length === 0 ? { unsourced: true } : {};
}

/**
 * Evidence on both sides of a claim makes it disputed. Recorded evidence without a verdict, or
 * whose verdict is that the source holds no evidence on the claim, takes no side.
 */
function disputedMark(evidence: readonly EvidenceEntry[]): { disputed?: true } {
  const sided = evidence.filter((e) => !('recordedIn' in e) || (e.verdict !== undefined && e.verdict !== 'no-evidence'));
  const against = sided.filter((e) => e.stance === 'contradicts').length;
  return against > 0 && against < sided.length ? { disputed: true } : {};
}

function resolveEvidence(entry: EvidenceEntry, span: TextSpan | undefined): Evidence {
  if ('quote' in entry) return span ? { ...entry, kind: 'quote', span } : { ...entry, kind: 'quote' };
  if ('recordedIn' in entry) return { ...entry, kind: 'recorded' };
  return { ...entry, kind: 'finding' };
}

/**
 * Explicit ids as written; the others `source->target`, with `#2`, `#3`… for parallel
 * relations, skipping any id already taken so derived ids never collide with explicit ones.
 */
export function relationIds(edges: readonly Pick<EdgeEntry, 'id' | 'source' | 'target'>[]): string[] {
  const taken = new Set(edges.flatMap((edge) => (edge.id === undefined ? [] : [edge.id])));
  const nextSuffix = new Map<string, number>(); // keeps many parallel relations linear
  return edges.map((edge) => {
    if (edge.id !== undefined) return edge.id;
    const base = `${edge.source}->${edge.target}`;
    let n = nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}#${n}`;
    while (taken.has(id)) id = `${base}#${++n}`;
    nextSuffix.set(base, n + 1);
    taken.add(id);
    return id;
  });
}
