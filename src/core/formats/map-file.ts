/**
 * The file layer of a resolved map: what an author would write to get that map back. The
 * exporters start from it, so that every format carries exactly what a Pathomap file does.
 *
 * It undoes `resolveMap`: drops what loading adds (stored texts, quote positions, evidence
 * kinds, "no source" marks) and the defaults an author need not write (a band equal to the
 * category's place, a relation id derived from its ends, an empty tour list).
 */
import type {
  CategoryEntry,
  EdgeEntry,
  Evidence,
  EvidenceEntry,
  MapFile,
  NodeEntry,
  PathoMap,
  ReferenceEntry,
  TourEntry,
} from '../model/types.ts';
import { inferEffect } from '../model/effects.ts';
import { isValidId } from './ids.ts';

export function toMapFile(map: PathoMap): MapFile {
  return definedOnly({
    title: map.title,
    description: map.description,
    references: map.references.map(
      (r): ReferenceEntry =>
        definedOnly({
          id: r.id,
          citation: r.citation,
          authors: r.authors,
          etAl: r.etAl,
          title: r.title,
          journal: r.journal,
          year: r.year,
          volume: r.volume,
          issue: r.issue,
          pages: r.pages,
          pmid: r.pmid,
          doi: r.doi,
          url: r.url,
          file: r.file,
        }),
    ),
    categories: map.categories.map(
      (c, index): CategoryEntry =>
        definedOnly({
          id: c.id,
          label: c.label,
          color: c.color,
          shape: c.shape,
          band: c.band === index ? undefined : c.band,
          description: c.description,
        }),
    ),
    nodes: map.nodes.map(
      (n): NodeEntry =>
        definedOnly({
          id: n.id,
          label: n.label,
          category: n.category,
          aliases: n.aliases,
          summary: n.summary,
          evidence: n.evidence.map(toEvidenceEntry),
          notes: n.notes,
          position: n.position,
          parent: n.parent,
          terms: n.terms,
        }),
    ),
    edges: map.edges.map(
      (e): EdgeEntry =>
        definedOnly({
          // A derived id (`a->b`) is not one an author can write; loading derives it again.
          id: isValidId(e.id) ? e.id : undefined,
          source: e.source,
          target: e.target,
          relation: e.relation,
          // Written only where the wording alone would be read otherwise.
          effect: e.effect === inferEffect(e.relation) ? undefined : e.effect,
          level: e.level,
          extrapolated: e.extrapolated,
          evidence: e.evidence.map(toEvidenceEntry),
          notes: e.notes,
        }),
    ),
    tours: map.tours.length === 0 ? undefined : map.tours.map((t): TourEntry => ({
      id: t.id,
      title: t.title,
      steps: t.steps.map((s) => definedOnly({ nodes: s.nodes, caption: s.caption, focus: s.focus })),
    })),
  });
}

/** Evidence as written: a quote as a quote, a finding as a finding, recorded evidence as recorded. */
export function toEvidenceEntry(evidence: Evidence): EvidenceEntry {
  if (evidence.kind === 'quote') {
    const { ref, quote, note, stance } = evidence;
    return definedOnly({ ref, quote, note, stance });
  }
  if (evidence.kind === 'recorded') {
    const { ref, recordedIn, excerpt, checkedAgainst, verdict, origin, note, stance } = evidence;
    return definedOnly({ ref, recordedIn, excerpt, checkedAgainst, verdict, origin, note, stance });
  }
  const { ref, finding, level, caveat, stance } = evidence;
  return definedOnly({ ref, finding, level, caveat, stance });
}

/** Leaves out fields whose value is undefined, so that no writer shows them as empty. */
function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
