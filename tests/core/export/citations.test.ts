import { describe, expect, it } from 'vitest';
import { citedReferences, escapeBibtex, toBibtex, toRis } from '../../../src/core/export/citations.ts';
import type { ReferenceEntry } from '../../../src/core/model/types.ts';

const valenzuela: ReferenceEntry = {
  id: 'valenzuela2015',
  citation: 'Valenzuela A, Chung L. Calcinosis: pathophysiology and management. Curr Opin Rheumatol 2015;27(6):542-8',
  pmid: '26352733',
  doi: '10.1097/BOR.0000000000000220',
  url: 'https://pubmed.ncbi.nlm.nih.gov/26352733/',
  file: 'references/valenzuela-2015.txt',
};
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

  it('invents no authors, years or journals', () => {
    expect(toBibtex([valenzuela])).not.toMatch(/author|year|journal|volume|pages/);
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
  ])('%s', (_, refs, lines) => {
    const text = toRis(refs);
    expect(text === '' ? [] : text.replace(/\r\n$/, '').split('\r\n')).toEqual(lines);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
