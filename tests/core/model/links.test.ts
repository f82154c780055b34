import { describe, expect, it } from 'vitest';
import { doiUrl, pubmedUrl, safeHttpUrl } from '../../../src/core/model/links.ts';

describe('safeHttpUrl', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/26352733/', 'https://pubmed.ncbi.nlm.nih.gov/26352733/'],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//evil.example/x', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('citation links', () => {
  it.each([
    ['26352733', 'https://pubmed.ncbi.nlm.nih.gov/26352733/'],
    ['2635a', undefined],
    ['', undefined],
  ])('pubmedUrl(%s)', (pmid, expected) => expect(pubmedUrl(pmid)).toBe(expected));

  it.each([
    ['10.1097/BOR.0000000000000220', 'https://doi.org/10.1097/BOR.0000000000000220'],
    ['10.1016/j.semarthrit.2016.05.008', 'https://doi.org/10.1016/j.semarthrit.2016.05.008'],
    ['javascript:alert(1)', undefined],
    ['10.1097', undefined],
  ])('doiUrl(%s)', (doi, expected) => expect(doiUrl(doi)).toBe(expected));
});
