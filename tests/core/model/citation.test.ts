import { describe, expect, it } from 'vitest';
import { citationWithDoi, formatCitation, isStructured } from '../../../src/core/model/citation.ts';
import type { ReferenceEntry } from '../../../src/core/model/types.ts';

describe('formatCitation', () => {
  it.each<[string, ReferenceEntry, string]>([
    [
      'every field',
      { id: 'a', authors: ['Valenzuela A', 'Chung L'], title: 'Calcinosis: pathophysiology and management', journal: 'Curr Opin Rheumatol', year: 2015, volume: '27', issue: '6', pages: '542-8' },
      'Valenzuela A, Chung L. Calcinosis: pathophysiology and management. Curr Opin Rheumatol 2015;27(6):542-8',
    ],
    [
      'more authors than named',
      { id: 'b', authors: ['Valenzuela A', 'Baron M'], etAl: true, title: 'Calcinosis is associated with digital ulcers', journal: 'Semin Arthritis Rheum', year: 2016, volume: '46', issue: '3', pages: '344-9' },
      'Valenzuela A, Baron M, et al. Calcinosis is associated with digital ulcers. Semin Arthritis Rheum 2016;46(3):344-9',
    ],
    ['no authors seen', { id: 'c', title: 'Treatment of calcinosis', journal: 'Semin Arthritis Rheum', year: 2012 }, 'Treatment of calcinosis. Semin Arthritis Rheum 2012'],
    ['no title checked', { id: 'd', authors: ['Li Q', 'Uitto J'], journal: 'J Invest Dermatol', year: 2016 }, 'Li Q, Uitto J. J Invest Dermatol 2016'],
    ['volume and first page only', { id: 'e', title: 'Calcinosis in scleroderma', journal: 'Curr Opin Rheumatol', year: 2018, volume: '30', pages: '554' }, 'Calcinosis in scleroderma. Curr Opin Rheumatol 2018;30:554'],
    ['a title that ends in a question mark', { id: 'f', title: 'Is it dystrophic?', journal: 'J', year: 2000 }, 'Is it dystrophic? J 2000'],
    ['a free-text citation, as written', { id: 'g', citation: 'Sample A. A source.\n  Test J 2020' }, 'Sample A. A source. Test J 2020'],
    ['neither, as in unchecked data', { id: 'h' }, 'h'],
  ])('%s', (_, reference, text) => {
    expect(formatCitation(reference)).toBe(text);
  });

  it('tells a structured reference from a free-text one', () => {
    expect(isStructured({ id: 'a', journal: 'J', year: 2000 })).toBe(true);
    expect(isStructured({ id: 'a', citation: 'A' })).toBe(false);
  });
});

describe('citationWithDoi', () => {
  it.each<[ReferenceEntry, string]>([
    [{ id: 'a', journal: 'J', year: 2000, pages: '1-2', doi: '10.1/x' }, 'J 2000:1-2. doi:10.1/x'],
    [{ id: 'b', citation: 'Free text.', doi: '10.1/y' }, 'Free text. doi:10.1/y'],
    [{ id: 'c', journal: 'J', year: 2000 }, 'J 2000'],
  ])('%j', (reference, text) => {
    expect(citationWithDoi(reference)).toBe(text);
  });
});
