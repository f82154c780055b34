import { describe, expect, it } from 'vitest';
import { createSearchIndex, type MatchField } from '../../../src/core/model/search.ts';
import type { PathoMap } from '../../../src/core/model/types.ts';
import { searchMap } from '../../fixtures/search-map.ts';

const index = createSearchIndex(searchMap);
const found = (query: string) => index.search(query).map((h) => [h.id, h.where]);

describe('search', () => {
  it.each<[string, string, [string, MatchField][]]>([
    ['a word only in the source paragraph around a quote', 'forearms', [['calcinosis', 'source text']]],
    ['a word in a source paragraph without quotes', 'bisphosphonates', []],
    ['an alias', 'dystrophic', [['calcinosis', 'alias']]],
    ['a summary, without diacritics', 'Schafer', [['fetuin', 'summary']]],
    ['a summary, upper case with diacritics', 'SCHÄFER', [['fetuin', 'summary']]],
    ['a finding', 'ectopic', [['fetuin', 'finding']]],
    ['the evidence of a relation, at both ends', 'hypoxia', [['calcinosis', 'relation evidence'], ['ischaemia', 'relation evidence']]],
    ['a label before a summary', 'calcium', [['calcium-phosphate', 'label'], ['calcinosis', 'summary']]],
    ['a typo in a long word', 'calcinossis', [['calcinosis', 'label']]],
    ['every word (AND)', 'calcinosis forearms', [['calcinosis', 'label']]],
    ['not when one word is missing', 'calcinosis bisphosphonates', []],
    ['the field matching the most words', 'fingers forearms', [['calcinosis', 'source text']]],
    ['nothing for a blank query', '   ', []],
    ['nothing for an empty query', '', []],
    ['nothing, and no crash, for regex-like input', '(*[', []],
    ['nothing for regex syntax only', '.*+?^${}()|[]\\', []],
  ])('%s: %j', (_, query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it('finds by prefix as you type', () => {
    expect(found('calc')).toEqual(expect.arrayContaining([['calcinosis', 'label'], ['calcium-phosphate', 'label']]));
  });

  it('ranks label matches first', () => {
    const hits = index.search('calc');
    const firstNonLabel = hits.findIndex((h) => h.where !== 'label');
    expect(firstNonLabel).toBeGreaterThan(0);
    expect(hits.slice(firstNonLabel).every((h) => h.where !== 'label')).toBe(true);
  });

  it('scores best first', () => {
    const scores = index.search('calc').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('respects the limit', () => {
    expect(index.search('calc', 1)).toHaveLength(1);
    expect(index.search('calc', 0)).toEqual([]);
  });

  it('gives the label, and no snippet for a label match', () => {
    const [hit] = index.search('fetuin');
    expect(hit).toMatchObject({ id: 'fetuin', label: 'Fetuin-A', where: 'label' });
    expect(hit?.snippet).toBeUndefined();
  });

  it.each<[string, string, { before: string; match: string; after: string }]>([
    ['forearms', 'calcinosis', { before: '…over the fingers, with some over the ', match: 'forearms', after: ' and elbows.' }],
    ['SCHAF', 'fetuin', { before: '…knockout mice described by ', match: 'Schäfer', after: ' and colleagues.' }],
    ['dystroph', 'calcinosis', { before: '', match: 'Dystrophic', after: ' calcification' }],
  ])('cuts a snippet around the matching word: %s', (query, id, snippet) => {
    expect(index.search(query).find((h) => h.id === id)?.snippet).toEqual(snippet);
  });

  it('keeps map order between equal scores', () => {
    const reversed: PathoMap = { ...searchMap, nodes: [...searchMap.nodes].reverse() };
    expect(createSearchIndex(reversed).search('hypoxia').map((h) => h.id)).toEqual(['ischaemia', 'calcinosis']);
  });

  it('indexes a map without source texts or relations', () => {
    const bare: PathoMap = { ...searchMap, references: [], edges: [] };
    expect(createSearchIndex(bare).search('forearms')).toEqual([]);
    expect(createSearchIndex(bare).search('dystrophic').map((h) => h.id)).toEqual(['calcinosis']);
  });
});
