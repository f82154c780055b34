/**
 * The references behind what is on screen, as files a reference manager imports: BibTeX and
 * RIS. A map knows a reference only by its citation text and its identifiers (DOI, PubMed id,
 * URL), so that is all these files say: no authors, years or journals are guessed from the
 * citation. The whole citation becomes the title, which is what managers list and what a
 * bibliography style prints.
 */
import type { ReferenceEntry } from '../model/types.ts';

/** Anything that cites references through its evidence: a concept or a relation. */
export interface CitingItem {
  evidence: readonly { ref: string }[];
}

/**
 * The references cited by the evidence of `items`, in the order of `references` (the map's),
 * each once. Refs that name no reference are ignored.
 */
export function citedReferences<R extends ReferenceEntry>(
  references: readonly R[],
  items: Iterable<CitingItem>,
): R[] {
  const cited = new Set<string>();
  for (const item of items) for (const e of item.evidence) cited.add(e.ref);
  return references.filter((r) => cited.has(r.id));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a BibTeX field in braces: TeX's special characters escaped, on one line. */
export function escapeBibtex(text: string): string {
  return oneLine(text).replace(/[\\{}&%$#_~^]/g, (c) => BIBTEX_SPECIAL[c]!);
}

/**
 * DOIs and URLs are read verbatim (biblatex, the url package): escaping `_` or `%` there would
 * print the backslash. Only braces, which would unbalance the entry, are percent-encoded.
 */
const verbatim = (text: string) => oneLine(text).replace(/\{/g, '%7B').replace(/\}/g, '%7D');

/** A citation key from a reference id: BibTeX-safe characters only. */
function keyOf(id: string): string {
  const key = id.replace(/[^A-Za-z0-9_.:+/-]/g, '-');
  return key === '' ? 'ref' : key;
}

/** Keys in the order of `references`, made unique with -2, -3… where two ids clean up alike. */
function uniqueKeys(references: readonly ReferenceEntry[]): string[] {
  const used = new Set<string>();
  return references.map((r) => {
    const base = keyOf(r.id);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/**
 * One `@misc` entry per reference, keyed by its id. The citation is the title, in double braces
 * so styles keep its capitalisation; `doi`, `pmid` and `url` when known.
 */
export function toBibtex(references: readonly ReferenceEntry[]): string {
  const keys = uniqueKeys(references);
  return references
    .map((r, i) => {
      const fields: [string, string][] = [['title', `{${escapeBibtex(r.citation)}}`]];
      if (r.doi) fields.push(['doi', verbatim(r.doi)]);
      if (r.pmid) fields.push(['pmid', escapeBibtex(r.pmid)]);
      if (r.url) fields.push(['url', verbatim(r.url)]);
      const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
      return `@misc{${keys[i]},\n${body}\n}\n`;
    })
    .join('\n');
}

/**
 * RIS records of type GEN (the kind of work is not recorded in a map): `ID` the reference id,
 * `TI` the citation, `DO` the DOI, `UR` the URL and the PubMed id as an `N1` note
 * ("PMID: 123"), the form reference managers recognise. Lines end in CRLF, as the format asks.
 */
export function toRis(references: readonly ReferenceEntry[]): string {
  const keys = uniqueKeys(references);
  return references
    .map((r, i) => {
      const lines: [string, string][] = [
        ['TY', 'GEN'],
        ['ID', keys[i]!],
        ['TI', oneLine(r.citation)],
      ];
      if (r.doi) lines.push(['DO', oneLine(r.doi)]);
      if (r.url) lines.push(['UR', oneLine(r.url)]);
      if (r.pmid) lines.push(['N1', `PMID: ${oneLine(r.pmid)}`]);
      lines.push(['ER', '']);
      return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
    })
    .join('\r\n');
}
