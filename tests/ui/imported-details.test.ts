// What the Details panel shows of a map imported from DisMech or CmapTools: evidence as they
// recorded it, told apart in words from Pathomap's own quotes and findings, and ontology terms.
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { loadAnyMap } from '../../src/core/formats/index.ts';
import type { PathoMap, RecordedEvidence, Reference } from '../../src/core/model/types.ts';
import DetailsPanel from '../../src/ui/DetailsPanel.svelte';
import EvidenceItem from '../../src/ui/EvidenceItem.svelte';
import OntologyTerms from '../../src/ui/OntologyTerms.svelte';
import { MapViewState } from '../../src/ui/state/map-view.svelte.ts';

async function dismechMap(): Promise<PathoMap> {
  const fileName = 'tests/fixtures/formats/dismech-valid.yaml';
  return (await loadAnyMap({ fileName, content: readFileSync(fileName) })).map!;
}

const reference: Reference = { id: 'PMID:10000001', citation: 'A made-up family study.', pmid: '10000001' };
const recorded = (fields: Partial<RecordedEvidence>): RecordedEvidence => ({ kind: 'recorded', ref: reference.id, recordedIn: 'DisMech', ...fields });

describe('EvidenceItem for recorded evidence', () => {
  it.each([
    [
      'a snippet the publisher checked',
      { excerpt: 'Ulcers were common.', checkedAgainst: 'the cited source' },
      'Quote checked by DisMech against the cited source, whose text is not stored here — not checked by Pathomap',
    ],
    ['a snippet nobody checked', { excerpt: 'Ulcers were common.' }, 'Quote as recorded in DisMech — not checked'],
    ['a source without a quote', { recordedIn: 'CmapTools' }, 'Source cited in CmapTools, without a quote — Pathomap cannot tell what it says here'],
  ])('says in words what it is: %s', (_, fields, caption) => {
    const { container } = render(EvidenceItem, { evidence: recorded(fields), reference });
    expect(container.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(caption);
    // Never a verified quote's words, nor a finding's.
    expect(container).not.toHaveTextContent('checked against the stored text');
    expect(container).not.toHaveTextContent("the map author's summary");
  });

  it.each([
    ['supports', 'human-clinical', 'DisMech’s verdict: Supports the claim', 'Evidence from: Human clinical observations'],
    ['refutes', 'model-organism', 'DisMech’s verdict: Refutes the claim', 'Evidence from: Animal model (in vivo)'],
    ['partial', 'in-vitro', 'DisMech’s verdict: Supports the claim in part', 'Evidence from: In vitro or ex vivo'],
    ['no-evidence', 'computational', 'DisMech’s verdict: Holds no evidence on the claim', 'Evidence from: Computational (in silico)'],
    ['wrong-statement', 'other', 'DisMech’s verdict: Says the claim is wrongly stated', 'Evidence from: Other'],
  ] as const)('shows the verdict %s and the source %s in words, with the curator’s note and the citation', (verdict, origin, verdictWords, originWords) => {
    const { container } = render(EvidenceItem, {
      evidence: recorded({ excerpt: 'x', checkedAgainst: 'the cited source', verdict, origin, note: 'Why it matters.' }),
      reference,
    });
    expect(container).toHaveTextContent(verdictWords);
    expect(container).toHaveTextContent(originWords);
    expect(container).toHaveTextContent('Curator’s note: Why it matters.');
    expect(within(container as HTMLElement).getByRole('link', { name: 'PMID 10000001' })).toHaveAttribute('href', 'https://pubmed.ncbi.nlm.nih.gov/10000001/');
  });
});

describe('OntologyTerms', () => {
  it('links each term to its public page, with its role, label and ontology; unknown ontologies stay text', () => {
    render(OntologyTerms, {
      terms: [
        { id: 'HP:0000155', label: 'Oral ulcer', role: 'phenotype' },
        { id: 'XYZ:1', label: '<b>not markup</b>' },
      ],
    });
    const list = screen.getByRole('list');
    const [hp, other] = within(list).getAllByRole('listitem');
    expect(hp!.textContent!.replace(/\s+/g, ' ').trim()).toBe('phenotype: HP:0000155 Oral ulcer (Human Phenotype Ontology)');
    expect(within(hp!).getByRole('link', { name: 'HP:0000155' })).toHaveAttribute('href', 'https://purl.obolibrary.org/obo/HP_0000155');
    expect(within(other!).queryByRole('link')).toBeNull();
    expect(other).toHaveTextContent('<b>not markup</b>');
  });

  it('shows nothing for a concept without terms', () => {
    const { container } = render(OntologyTerms, { terms: undefined });
    expect(container.textContent!.trim()).toBe('');
  });
});

describe('DetailsPanel for a DisMech disorder', () => {
  it('shows a phenotype’s frequency, its ontology term, and its evidence as DisMech recorded it', async () => {
    const state = new MapViewState(await dismechMap());
    state.selectNode('phenotype:Oral-ulcer');
    render(DetailsPanel, { view: state });
    const panel = screen.getByRole('complementary', { name: 'Details' });
    expect(panel).toHaveTextContent('Frequency: occasional (5–29% of patients).');
    const terms = within(panel).getByRole('region', { name: 'Ontology terms' });
    expect(within(terms).getByRole('link', { name: 'HP:0000155' })).toHaveAttribute('href', 'https://purl.obolibrary.org/obo/HP_0000155');
    expect(panel).toHaveTextContent('Quote checked by DisMech against the cited source');
    expect(within(panel).getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://www.orpha.net/en/disease/detail/926');
  });

  it('gives a relation DisMech backs with human clinical evidence no study type, and says so', async () => {
    const state = new MapViewState(await dismechMap());
    state.selectEdge('mechanism:Enzyme-Gene-Variants->disorder');
    render(DetailsPanel, { view: state });
    const panel = screen.getByRole('complementary', { name: 'Details' });
    expect(panel).toHaveTextContent('Evidence level: No study type given');
    expect(panel).toHaveTextContent('DisMech’s verdict: Supports the claim');
  });
});
