// Speaker notes: the evidence behind what a slide shows, quotes and findings told apart in
// words, each with its citation and PubMed id.
import { describe, expect, it } from 'vitest';
import { citationLine, speakerNotes } from '../../../src/core/export/speaker-notes.ts';
import { CAVEAT, FINDING, QUOTE, UNVERIFIED_QUOTE, smallMap } from '../../fixtures/small-map.ts';

describe('speaker notes', () => {
  const map = smallMap();
  const labelOf = (id: string) => map.nodes.find((n) => n.id === id)?.label ?? id;

  it('names a reference by its citation, PMID and DOI', () => {
    expect(citationLine({ id: 'a', citation: 'Author A. Title. J 2015;1:1-2.', pmid: '123', doi: '10.1/x' })).toBe('Author A. Title. J 2015;1:1-2. PMID 123. doi:10.1/x.');
    expect(citationLine({ id: 'b', citation: 'Author B. Other' })).toBe('Author B. Other.');
  });

  it('gives each concept and relation its quotes verbatim and its findings as the author’s words, each with its source', () => {
    const notes = speakerNotes(map.references, { intro: 'Step 1 of 2. What calcinosis is.', concepts: map.nodes, relations: map.edges, labelOf });
    expect(notes.startsWith('Step 1 of 2. What calcinosis is.\n\n')).toBe(true);
    expect(notes).toContain(`Quote: “${QUOTE}” — Author A, Author B. Calcinosis in a cohort. J Test. 2015;1:1-10. PMID 12345678.`);
    expect(notes).toContain(`Cited finding (case series), in the map author's words: ${FINDING} Caveat: ${CAVEAT} — Author C. Pamidronate for calcinosis. Case Rep. 2010;2:3-4.`);
    expect(notes).toContain(`Quote (not found in the stored text: unverified): “${UNVERIFIED_QUOTE}”`);
    for (const node of map.nodes) expect(notes).toContain(`\n${node.label}\n•`);
    for (const edge of map.edges) expect(notes).toContain(`${labelOf(edge.source)} — ${edge.relation} → ${labelOf(edge.target)}`);
  });
});

describe('speaker notes of an imported map', () => {
  it('say evidence recorded by another tool is theirs, and unchecked by Pathomap', () => {
    const notes = speakerNotes([{ id: 'r', citation: 'Source R.', pmid: '9' }], {
      concepts: [
        {
          id: 'c',
          label: 'Imported concept',
          category: 'x',
          summary: '',
          evidence: [{ kind: 'recorded', ref: 'r', recordedIn: 'DisMech', excerpt: 'A snippet.', checkedAgainst: 'the cited abstract', verdict: 'supports' }],
        },
      ],
      relations: [],
      labelOf: (id) => id,
    });
    expect(notes).toContain('• Quote (checked by DisMech against the cited abstract): “A snippet.” DisMech’s verdict:');
    expect(notes).toContain('— Source R. PMID 9.');
  });
});
