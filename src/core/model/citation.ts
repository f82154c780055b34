/**
 * The citation a reader sees, made from a reference's fields: the one place that decides how a
 * reference reads, for the Details panel, exported pictures and anything else that shows one.
 *
 * Vancouver style, as PubMed prints it: "Valenzuela A, Chung L. Calcinosis: pathophysiology and
 * management. Curr Opin Rheumatol 2015;27(6):542-8". Fields that are not known are left out,
 * with their punctuation, never filled with a placeholder.
 */
import type { ReferenceEntry } from './types.ts';

export type CitationFields = Pick<
  ReferenceEntry,
  'id' | 'citation' | 'authors' | 'etAl' | 'title' | 'journal' | 'year' | 'volume' | 'issue' | 'pages'
>;

/** Whether the reference is described field by field (a journal article) rather than as free text. */
export function isStructured(reference: CitationFields): boolean {
  return reference.journal !== undefined || reference.title !== undefined || reference.year !== undefined;
}

/**
 * The reference as one line of text. A free-text `citation` is shown as written; a reference
 * with neither (possible only in data that skipped the checks) falls back to its id.
 */
export function formatCitation(reference: CitationFields): string {
  if (!isStructured(reference)) return oneLine(reference.citation ?? reference.id);
  const parts: string[] = [];
  const authors = (reference.authors ?? []).map(oneLine).filter(Boolean);
  if (authors.length > 0) parts.push(closed(`${authors.join(', ')}${reference.etAl ? ', et al' : ''}`));
  if (reference.title) parts.push(closed(oneLine(reference.title)));
  parts.push(sourceOf(reference));
  return parts.filter(Boolean).join(' ');
}

/** "Curr Opin Rheumatol 2015;27(6):542-8", with whatever of it is known. */
function sourceOf({ journal, year, volume, issue, pages }: CitationFields): string {
  let where = [journal, year].filter((part) => part !== undefined && part !== '').join(' ');
  const numbering = `${volume ?? ''}${issue ? `(${issue})` : ''}`;
  if (numbering) where += `;${numbering}`;
  if (pages) where += `:${pages}`;
  return oneLine(where);
}

/** Ends a sentence with a full stop unless it already ends in one (or in ? or !). */
function closed(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The citation with its DOI, as printed under an exported picture: "… 2015;27(6):542-8. doi:10.…". */
export function citationWithDoi(reference: CitationFields & { doi?: string }): string {
  const text = formatCitation(reference);
  return reference.doi ? `${closed(text)} doi:${reference.doi}` : text;
}
