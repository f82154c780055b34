/**
 * The references behind what is on screen, as files a reference manager imports: BibTeX and
 * RIS. A journal article given field by field becomes an article record carrying each field
 * (authors, title, journal, year, volume, issue, pages and identifiers), so Zotero, EndNote and
 * BibTeX styles can format it; a reference known only by its free-text citation becomes a
 * generic record whose title is that citation, with nothing guessed from it.
 */
import { isStructured } from '../model/citation.ts';
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
 * One entry per reference, keyed by its id. A structured reference is an `@article` with
 * `author`, `title`, `journal`, `year`, `volume`, `number`, `pages`, `doi`, `pmid` and `url` as
 * far as they are known; a free-text one a `@misc` whose title is the citation. Titles are in
 * double braces so that styles keep their capitalisation.
 */
export function toBibtex(references: readonly ReferenceEntry[]): string {
  const keys = uniqueKeys(references);
  return references
    .map((r, i) => {
      const structured = isStructured(r);
      const fields: [string, string | undefined][] = structured
        ? [
            ['author', bibtexAuthors(r)],
            ['title', r.title === undefined ? undefined : `{${escapeBibtex(r.title)}}`],
            ['journal', r.journal === undefined ? undefined : escapeBibtex(r.journal)],
            ['year', r.year === undefined ? undefined : String(r.year)],
            ['volume', r.volume === undefined ? undefined : escapeBibtex(r.volume)],
            ['number', r.issue === undefined ? undefined : escapeBibtex(r.issue)],
            ['pages', pageRangeOf(r.pages)?.join('--')],
          ]
        : [['title', `{${escapeBibtex(r.citation ?? r.id)}}`]];
      fields.push(
        ['doi', r.doi === undefined ? undefined : verbatim(r.doi)],
        ['pmid', r.pmid === undefined ? undefined : escapeBibtex(r.pmid)],
        ['url', r.url === undefined ? undefined : verbatim(r.url)],
      );
      const body = fields
        .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
        .map(([name, value]) => `  ${name} = {${value}}`)
        .join(',\n');
      return `@${structured ? 'article' : 'misc'}{${keys[i]},\n${body}\n}\n`;
    })
    .join('\n');
}

/**
 * BibTeX's author list: "Family, I. J. and …", a group author braced so that it is not split
 * into names, and "and others" for an "et al.".
 */
function bibtexAuthors({ authors = [], etAl }: ReferenceEntry): string | undefined {
  const names = authors.map((author) => {
    const name = personName(author);
    if (!name) return `{${escapeBibtex(author)}}`;
    return `${escapeBibtex(name.family)}, ${name.initials.map((i) => `${escapeBibtex(i)}.`).join(' ')}`;
  });
  if (names.length === 0) return undefined;
  if (etAl) names.push('others');
  return names.join(' and ');
}

/**
 * RIS records, lines ending in CRLF as the format asks. A structured reference is a `JOUR`
 * record: `AU` per author ("Family, I.J."), `TI`, `JO` (the journal as abbreviated), `PY`, `VL`,
 * `IS`, `SP` and `EP`; a free-text one a `GEN` record whose `TI` is the citation. Both carry `ID`
 * (the reference id), `DO`, `UR`, and the PubMed id as an `N1` note ("PMID: 123"), the form
 * reference managers recognise.
 */
export function toRis(references: readonly ReferenceEntry[]): string {
  const keys = uniqueKeys(references);
  return references
    .map((r, i) => {
      const structured = isStructured(r);
      const lines: [string, string | undefined][] = [
        ['TY', structured ? 'JOUR' : 'GEN'],
        ['ID', keys[i]!],
      ];
      if (structured) {
        for (const author of r.authors ?? []) lines.push(['AU', risAuthor(author)]);
        const pages = pageRangeOf(r.pages);
        lines.push(
          ['TI', r.title],
          ['JO', r.journal],
          ['PY', r.year === undefined ? undefined : String(r.year)],
          ['VL', r.volume],
          ['IS', r.issue],
          ['SP', pages?.[0]],
          ['EP', pages?.[1]],
        );
      } else lines.push(['TI', r.citation ?? r.id]);
      lines.push(['DO', r.doi], ['UR', r.url], ['N1', r.pmid === undefined ? undefined : `PMID: ${r.pmid}`], ['ER', '']);
      return lines
        .filter((line): line is [string, string] => line[1] !== undefined)
        .map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`)
        .join('');
    })
    .join('\r\n');
}

function risAuthor(author: string): string {
  const name = personName(author);
  return name ? `${name.family}, ${name.initials.map((i) => `${i}.`).join('')}` : author;
}

/**
 * A person's name in PubMed's form, "Valenzuela A" or "Davis MDP": the family name, then one
 * to four capital initials. Anything else (a group author) is not split.
 */
export function personName(author: string): { family: string; initials: string[] } | undefined {
  const match = /^(.+?)\s+(\p{Lu}{1,4})$/u.exec(oneLine(author));
  return match ? { family: match[1]!, initials: [...match[2]!] } : undefined;
}

/**
 * First and last page of a printed range. An abbreviated last page takes the leading digits of
 * the first ("542-8" is 542 to 548, "2985-9" is 2985 to 2989); a single page has no last one.
 */
export function pageRangeOf(pages: string | undefined): [string] | [string, string] | undefined {
  if (pages === undefined || oneLine(pages) === '') return undefined;
  const [first, last, ...rest] = oneLine(pages).split(/\s*[-–]+\s*/);
  if (last === undefined || rest.length > 0) return [oneLine(pages)];
  if (/^\d+$/.test(first!) && /^\d+$/.test(last) && last.length < first!.length) {
    return [first!, first!.slice(0, first!.length - last.length) + last];
  }
  return [first!, last];
}
