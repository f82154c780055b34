/**
 * A slide's speaker notes: the evidence behind what the slide shows, so the presenter has the
 * sources at hand — each concept and relation with its verbatim quotes and cited findings (said
 * which is which, in words), each followed by its citation, PubMed id and DOI. Plain text.
 */
import { formatCitation, type CitationFields } from '../model/citation.ts';
import {
  EVIDENCE_LEVEL_LABELS,
  EVIDENCE_ORIGIN_LABELS,
  EVIDENCE_VERDICT_LABELS,
  type ConceptNode,
  type Evidence,
  type Reference,
  type Relation,
} from '../model/types.ts';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Citation. PMID 123. doi:10.…" — how a reference is named in notes and on slides. */
export function citationLine(reference: CitationFields & Pick<Reference, 'pmid' | 'doi'>): string {
  const parts = [formatCitation(reference).replace(/\.$/, '')];
  if (reference.pmid) parts.push(`PMID ${reference.pmid}`);
  if (reference.doi) parts.push(`doi:${reference.doi}`);
  return `${parts.join('. ')}.`;
}

function evidenceLine(evidence: Evidence, references: ReadonlyMap<string, Reference>): string {
  const reference = references.get(evidence.ref);
  const source = reference ? citationLine(reference) : `(unknown reference ${evidence.ref})`;
  const against = evidence.stance === 'contradicts' ? 'Against: ' : '';
  if (evidence.kind === 'quote') {
    const unverified = evidence.span ? '' : ' (not found in the stored text: unverified)';
    return `• ${against}Quote${unverified}: “${oneLine(evidence.quote)}” — ${source}`;
  }
  if (evidence.kind === 'recorded') {
    // Another tool's record (DisMech, CmapTools): said to be theirs, not checked by Pathomap.
    const checked = evidence.checkedAgainst ? `checked by ${evidence.recordedIn} against ${evidence.checkedAgainst}` : `as recorded in ${evidence.recordedIn}, not checked`;
    const excerpt = evidence.excerpt ? `: “${oneLine(evidence.excerpt)}”` : '';
    const verdict = evidence.verdict ? ` ${evidence.recordedIn}’s verdict: ${EVIDENCE_VERDICT_LABELS[evidence.verdict]}.` : '';
    const origin = evidence.origin ? ` Evidence from: ${EVIDENCE_ORIGIN_LABELS[evidence.origin]}.` : '';
    return `• ${against}${evidence.excerpt ? 'Quote' : 'Source cited'} (${checked})${excerpt}${verdict}${origin} — ${source}`;
  }
  const caveat = evidence.caveat ? ` Caveat: ${oneLine(evidence.caveat)}` : '';
  return `• ${against}Cited finding (${EVIDENCE_LEVEL_LABELS[evidence.level].toLowerCase()}), in the map author's words: ${oneLine(evidence.finding)}${caveat} — ${source}`;
}

export interface NotesContent {
  /** Said first, e.g. the tour step's caption. */
  intro?: string;
  concepts: readonly ConceptNode[];
  relations: readonly Relation[];
  /** How a relation's ends are named (their labels). */
  labelOf: (id: string) => string;
}

export function speakerNotes(references: readonly Reference[], content: NotesContent): string {
  const byId = new Map(references.map((r) => [r.id, r]));
  const blocks: string[] = [];
  if (content.intro?.trim()) blocks.push(oneLine(content.intro));
  const block = (heading: string, evidence: readonly Evidence[], unsourced: boolean) =>
    [heading, ...(unsourced || evidence.length === 0 ? ['• No source: imported without evidence.'] : evidence.map((e) => evidenceLine(e, byId)))].join('\n');
  for (const concept of content.concepts) blocks.push(block(concept.label, concept.evidence, concept.unsourced === true));
  for (const relation of content.relations) {
    const heading = `${content.labelOf(relation.source)} — ${relation.relation} → ${content.labelOf(relation.target)}`;
    blocks.push(block(relation.disputed ? `${heading} (disputed: the evidence disagrees)` : heading, relation.evidence, relation.unsourced === true));
  }
  return blocks.join('\n\n');
}
