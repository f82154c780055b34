// Reference managers read these files with their own parsers: citation-js, a well-kept one,
// reads each export back here, and every field must return as it was.
import { Cite, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { citedReferences, escapeBibtex, pageRangeOf, personName, toBibtex, toRis } from '../../../src/core/export/citations.ts';
import type { ReferenceEntry } from '../../../src/core/model/types.ts';

/** A free-text reference, as imported maps and older map files give them. */
const valenzuela: ReferenceEntry = {
  id: 'valenzuela2015',
  citation: 'Valenzuela A, Chung L. Calcinosis: pathophysiology and management. Curr Opin Rheumatol 2015;27(6):542-8',
  pmid: '26352733',
  doi: '10.1097/BOR.0000000000000220',
  url: 'https://pubmed.ncbi.nlm.nih.gov/26352733/',
  file: 'references/valenzuela-2015.txt',
};

/** The same article, field by field. */
const article: ReferenceEntry = {
  id: 'valenzuela2015',
  authors: ['Valenzuela A', 'Chung L'],
  title: 'Calcinosis: pathophysiology and management',
  journal: 'Curr Opin Rheumatol',
  year: 2015,
  volume: '27',
  issue: '6',
  pages: '542-8',
  pmid: '26352733',
  doi: '10.1097/BOR.0000000000000220',
  url: 'https://pubmed.ncbi.nlm.nih.gov/26352733/',
  file: 'references/valenzuela-2015.txt',
};

/** More authors than named, initials of three letters, letters beyond ASCII and TeX specials. */
const etAl: ReferenceEntry = {
  id: 'schafer2003',
  authors: ['Schäfer C', 'Davis MDP'],
  etAl: true,
  title: 'Fetuin-A & ectopic calcification: 50% {less}',
  journal: 'J Clin Invest',
  year: 2003,
  volume: '112',
  issue: '3',
  pages: '357-66',
  doi: '10.1172/JCI17202',
};

/** What FACTS.md can give for some sources: a title without authors, or authors without a title. */
const titleOnly: ReferenceEntry = { id: 'rituximab2012', title: 'Treatment of calcinosis', journal: 'Semin Arthritis Rheum', year: 2012, volume: '41', issue: '6', pages: '822-9' };
const noTitle: ReferenceEntry = { id: 'li2016', authors: ['Li Q', 'Uitto J'], journal: 'J Invest Dermatol', year: 2016 };
const bare: ReferenceEntry = { id: 'opinion', citation: 'A consensus statement' };

describe('citedReferences', () => {
  const refs: ReferenceEntry[] = [
    { id: 'a', citation: 'A' },
    { id: 'b', citation: 'B' },
    { id: 'c', citation: 'C' },
  ];
  it.each([
    ['nothing in view', [], []],
    ['one concept', [{ evidence: [{ ref: 'b' }] }], ['b']],
    ['map order, each once', [{ evidence: [{ ref: 'c' }, { ref: 'a' }] }, { evidence: [{ ref: 'c' }] }], ['a', 'c']],
    ['unknown refs ignored', [{ evidence: [{ ref: 'zzz' }, { ref: 'b' }] }], ['b']],
    ['items without evidence', [{ evidence: [] }], []],
  ])('%s', (_, items, ids) => {
    expect(citedReferences(refs, items).map((r) => r.id)).toEqual(ids);
  });
});

describe('escapeBibtex', () => {
  it.each([
    ['plain text', 'plain text'],
    ['R&D 50% $5 #1 a_b', 'R\\&D 50\\% \\$5 \\#1 a\\_b'],
    ['{braces}', '\\{braces\\}'],
    ['back\\slash', 'back\\textbackslash{}slash'],
    ['~ and ^', '\\textasciitilde{} and \\textasciicircum{}'],
    ['line\n  break\ttab', 'line break tab'],
    ['Sjögren – naïve', 'Sjögren – naïve'],
  ])('%j', (input, output) => {
    expect(escapeBibtex(input)).toBe(output);
  });
});

describe('personName', () => {
  it.each([
    ['Valenzuela A', { family: 'Valenzuela', initials: ['A'] }],
    ['Davis MDP', { family: 'Davis', initials: ['M', 'D', 'P'] }],
    ['Rodriguez-Reyna TS', { family: 'Rodriguez-Reyna', initials: ['T', 'S'] }],
    ['Schäfer C', { family: 'Schäfer', initials: ['C'] }],
    ['van der Berg J', { family: 'van der Berg', initials: ['J'] }],
    ['Scleroderma Clinical Trials Consortium', undefined],
    ['Plato', undefined],
  ])('%j', (author, name) => {
    expect(personName(author)).toEqual(name);
  });
});

describe('pageRangeOf', () => {
  it.each([
    ['542-8', ['542', '548']],
    ['2985-9', ['2985', '2989']],
    ['1-12', ['1', '12']],
    ['805-12', ['805', '812']],
    ['554', ['554']],
    ['e123-e130', ['e123', 'e130']],
    ['S1–S5', ['S1', 'S5']],
    ['', undefined],
  ])('%j', (pages, range) => {
    expect(pageRangeOf(pages)).toEqual(range);
  });
});

describe('toBibtex', () => {
  it.each<[string, ReferenceEntry[], string]>([
    ['nothing', [], ''],
    [
      'every field we have',
      [valenzuela],
      '@misc{valenzuela2015,\n' +
        '  title = {{Valenzuela A, Chung L. Calcinosis: pathophysiology and management. Curr Opin Rheumatol 2015;27(6):542-8}},\n' +
        '  doi = {10.1097/BOR.0000000000000220},\n' +
        '  pmid = {26352733},\n' +
        '  url = {https://pubmed.ncbi.nlm.nih.gov/26352733/}\n' +
        '}\n',
    ],
    ['citation only', [bare], '@misc{opinion,\n  title = {{A consensus statement}}\n}\n'],
    [
      'specials escaped in the title, DOI and URL verbatim',
      [{ id: 'x', citation: 'Ca & P_i: 5% {sic}', doi: '10.1000/a_b%c', url: 'https://e.org/a_b?q={x}' }],
      '@misc{x,\n  title = {{Ca \\& P\\_i: 5\\% \\{sic\\}}},\n  doi = {10.1000/a_b%c},\n  url = {https://e.org/a_b?q=%7Bx%7D}\n}\n',
    ],
    [
      'keys unique and BibTeX-safe',
      [
        { id: 'a b', citation: 'One' },
        { id: 'a,b', citation: 'Two' },
      ],
      '@misc{a-b,\n  title = {{One}}\n}\n\n@misc{a-b-2,\n  title = {{Two}}\n}\n',
    ],
  ])('%s', (_, refs, expected) => {
    expect(toBibtex(refs)).toBe(expected);
  });

  it('invents no authors, years or journals for a free-text citation', () => {
    expect(toBibtex([valenzuela])).not.toMatch(/author|year|journal|volume|pages/);
  });

  it('writes a structured reference as an @article with each field', () => {
    expect(toBibtex([article])).toBe(
      '@article{valenzuela2015,\n' +
        '  author = {Valenzuela, A. and Chung, L.},\n' +
        '  title = {{Calcinosis: pathophysiology and management}},\n' +
        '  journal = {Curr Opin Rheumatol},\n' +
        '  year = {2015},\n' +
        '  volume = {27},\n' +
        '  number = {6},\n' +
        '  pages = {542--548},\n' +
        '  doi = {10.1097/BOR.0000000000000220},\n' +
        '  pmid = {26352733},\n' +
        '  url = {https://pubmed.ncbi.nlm.nih.gov/26352733/}\n' +
        '}\n',
    );
  });

  it('leaves out what the reference does not give: no author, no title, no empty fields', () => {
    expect(toBibtex([titleOnly])).not.toContain('author');
    expect(toBibtex([noTitle])).not.toContain('title');
    expect(toBibtex([noTitle])).toBe('@article{li2016,\n  author = {Li, Q. and Uitto, J.},\n  journal = {J Invest Dermatol},\n  year = {2016}\n}\n');
  });
});

describe('toRis', () => {
  it.each<[string, ReferenceEntry[], string[]]>([
    ['nothing', [], []],
    [
      'every field we have',
      [valenzuela],
      [
        'TY  - GEN',
        'ID  - valenzuela2015',
        'TI  - Valenzuela A, Chung L. Calcinosis: pathophysiology and management. Curr Opin Rheumatol 2015;27(6):542-8',
        'DO  - 10.1097/BOR.0000000000000220',
        'UR  - https://pubmed.ncbi.nlm.nih.gov/26352733/',
        'N1  - PMID: 26352733',
        'ER  - ',
      ],
    ],
    ['citation only', [bare], ['TY  - GEN', 'ID  - opinion', 'TI  - A consensus statement', 'ER  - ']],
    [
      'two records, one line per field',
      [{ id: 'a', citation: 'Line one\nline two' }, bare],
      ['TY  - GEN', 'ID  - a', 'TI  - Line one line two', 'ER  - ', '', 'TY  - GEN', 'ID  - opinion', 'TI  - A consensus statement', 'ER  - '],
    ],
    [
      'a structured reference as a journal article',
      [article],
      [
        'TY  - JOUR',
        'ID  - valenzuela2015',
        'AU  - Valenzuela, A.',
        'AU  - Chung, L.',
        'TI  - Calcinosis: pathophysiology and management',
        'JO  - Curr Opin Rheumatol',
        'PY  - 2015',
        'VL  - 27',
        'IS  - 6',
        'SP  - 542',
        'EP  - 548',
        'DO  - 10.1097/BOR.0000000000000220',
        'UR  - https://pubmed.ncbi.nlm.nih.gov/26352733/',
        'N1  - PMID: 26352733',
        'ER  - ',
      ],
    ],
    [
      'only the fields known',
      [noTitle],
      ['TY  - JOUR', 'ID  - li2016', 'AU  - Li, Q.', 'AU  - Uitto, J.', 'JO  - J Invest Dermatol', 'PY  - 2016', 'ER  - '],
    ],
  ])('%s', (_, refs, lines) => {
    const text = toRis(refs);
    expect(text === '' ? [] : text.replace(/\r\n$/, '').split('\r\n')).toEqual(lines);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

/** What a reference manager should find in an entry: each field of the reference, as CSL names it. */
function expected(r: ReferenceEntry, etAlAs: 'others' | 'dropped') {
  const range = pageRangeOf(r.pages);
  const names = (r.authors ?? []).map((a) => ({ family: personName(a)!.family, given: personName(a)!.initials.join('') }));
  if (r.etAl && etAlAs === 'others') names.push({ family: 'others', given: '' });
  return {
    id: r.id,
    type: 'article-journal',
    authors: names,
    title: r.title,
    'container-title': r.journal,
    year: r.year,
    volume: r.volume,
    issue: r.issue,
    page: range?.join('-'),
    DOI: r.doi,
    URL: r.url,
  };
}

/** The same from what the parser read, initials without stops or spaces. */
function found(entry: CSL) {
  return {
    id: entry.id,
    type: entry.type,
    authors: (entry.author ?? []).map((a) => ({ family: a.family ?? a.literal, given: (a.given ?? '').replace(/[.\s]/g, '') })),
    title: entry.title,
    'container-title': entry['container-title'],
    year: entry.issued?.['date-parts']?.[0]?.[0],
    volume: entry.volume === undefined ? undefined : String(entry.volume),
    issue: entry.issue === undefined ? undefined : String(entry.issue),
    page: entry.page,
    DOI: entry.DOI,
    URL: entry.URL,
  };
}

describe('exports read back by a reference manager parser (citation-js)', () => {
  const references = [article, etAl, titleOnly, noTitle];

  it('BibTeX: every @article field comes back, with "and others" for et al.', () => {
    const entries = new Cite(toBibtex(references)).data;
    expect(entries.map(found)).toEqual(references.map((r) => expected(r, 'others')));
    expect(entries.map((e) => e.PMID)).toEqual(['26352733', undefined, undefined, undefined]);
    // TeX specials in the title come back as written.
    expect(entries[1]!.title).toBe('Fetuin-A & ectopic calcification: 50% {less}');
  });

  it('RIS: every JOUR field comes back, the PubMed id as a note', () => {
    const entries = new Cite(toRis(references)).data;
    expect(entries.map(found)).toEqual(references.map((r) => expected(r, 'dropped')));
    expect(entries[0]!.note).toBe('PMID: 26352733');
  });

  it('a free-text citation comes back whole, as the title of a generic record', () => {
    for (const text of [toBibtex([valenzuela]), toRis([valenzuela])]) {
      const [entry] = new Cite(text).data;
      expect(entry!.title).toBe(valenzuela.citation);
      expect(entry!.DOI).toBe(valenzuela.doi);
      expect(entry!.author).toBeUndefined();
    }
  });
});
