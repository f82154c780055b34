import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { frequencyInWords, identifiersOf } from '../../../src/core/formats/dismech.ts';
import { loadAnyMap } from '../../../src/core/formats/index.ts';
import { createSearchIndex } from '../../../src/core/model/search.ts';
import { formatProblem, type LoadResult, type PathoMap } from '../../../src/core/model/types.ts';

const FIXTURES = 'tests/fixtures/formats';

async function loadFixture(name: string): Promise<LoadResult> {
  const fileName = `${FIXTURES}/${name}`;
  return loadAnyMap({ fileName, content: await readFile(fileName) });
}

async function valid(): Promise<PathoMap> {
  const { map } = await loadFixture('dismech-valid.yaml');
  return map!;
}

const edge = (map: PathoMap, source: string, target: string) => map.edges.find((e) => e.source === source && e.target === target)!;

describe('a DisMech disorder file', () => {
  it('becomes a map of the disorder, its sections in categories whose bands read as the causal story', async () => {
    const map = await valid();
    expect(map.title).toBe('Example Enzyme Deficiency');
    expect(map.categories.map((c) => [c.id, c.label, c.band])).toEqual([
      ['genetic', 'Genetic', 0],
      ['biochemical', 'Biochemical', 0],
      ['pathophysiology', 'Pathophysiology', 1],
      ['disorder', 'Disorder', 2],
      ['phenotypes', 'Phenotypes', 3],
      ['treatments', 'Treatments', 4],
    ]);
    expect(map.nodes.map((n) => [n.id, n.label, n.category])).toEqual([
      ['disorder', 'Example Enzyme Deficiency', 'disorder'],
      ['genetic:EXG1-variants', 'EXG1 variants', 'genetic'],
      ['biochemical:Low-erythrocyte-enzyme-activity', 'Low erythrocyte enzyme activity', 'biochemical'],
      ['mechanism:Enzyme-Gene-Variants', 'Enzyme Gene Variants', 'pathophysiology'],
      ['mechanism:Low-Enzyme-Activity', 'Low Enzyme Activity', 'pathophysiology'],
      ['phenotype:Oral-ulcer', 'Oral ulcer', 'phenotypes'],
      ['phenotype:Gangrene', 'Gangrene', 'phenotypes'],
      ['treatment:Periodontal-care', 'Periodontal care', 'treatments'],
    ]);
    const disorder = map.nodes[0]!;
    expect(disorder.aliases).toEqual(['Example enzymopathy']);
    expect(disorder.summary).toBe('A made-up recessive enzyme deficiency, for testing the DisMech import.');
  });

  it('keeps every evidence item as DisMech recorded it: reference, snippet, verdict, source and the curator’s note', async () => {
    const map = await valid();
    const mechanism = map.nodes.find((n) => n.id === 'mechanism:Enzyme-Gene-Variants')!;
    expect(mechanism.evidence).toEqual([
      {
        kind: 'recorded',
        ref: 'PMID:10000001',
        recordedIn: 'DisMech',
        excerpt: 'Biallelic variants were found in every affected sibling.',
        checkedAgainst: 'the cited source',
        verdict: 'supports',
        origin: 'human-clinical',
        note: 'The family study ties the variants to the disorder.',
      },
    ]);
    expect(mechanism.unsourced).toBeUndefined();
  });

  it('cites each reference once, with its identifier fields and public page', async () => {
    const map = await valid();
    expect(map.references).toEqual([
      { id: 'PMID:10000001', citation: 'A made-up family study.', pmid: '10000001' },
      { id: 'doi:10.1234-example.5678', citation: 'doi:10.1234/example.5678', doi: '10.1234/example.5678' },
      { id: 'ORPHA:926', citation: 'ORPHA:926', url: 'https://www.orpha.net/en/disease/detail/926' },
      // `NCT01234567` and `clinicaltrials:NCT01234567` name one trial.
      { id: 'NCT01234567', citation: 'NCT01234567', url: 'https://clinicaltrials.gov/study/NCT01234567' },
      { id: 'PMID:10000002', citation: 'PMID:10000002', pmid: '10000002' },
      { id: 'PMID:10000003', citation: 'PMID:10000003', pmid: '10000003' },
    ]);
  });

  it.each([
    ['genetic:EXG1-variants', 'disorder', 'causes', 'promotes'],
    ['biochemical:Low-erythrocyte-enzyme-activity', 'disorder', 'is found in', 'associated'],
    ['biochemical:Low-erythrocyte-enzyme-activity', 'mechanism:Low-Enzyme-Activity', 'is a readout of', 'associated'],
    ['mechanism:Enzyme-Gene-Variants', 'disorder', 'is part of the mechanism of', 'part-of'],
    ['mechanism:Enzyme-Gene-Variants', 'mechanism:Low-Enzyme-Activity', 'leads to', 'promotes'],
    // A downstream target may name a phenotype, in any case.
    ['mechanism:Low-Enzyme-Activity', 'phenotype:Oral-ulcer', 'leads indirectly to', 'promotes'],
    ['disorder', 'phenotype:Oral-ulcer', 'presents with', 'associated'],
    ['treatment:Periodontal-care', 'disorder', 'is used in the care of', 'treats'],
    ['treatment:Periodontal-care', 'mechanism:Low-Enzyme-Activity', 'works around', 'treats'],
    ['treatment:Periodontal-care', 'phenotype:Oral-ulcer', 'is used to treat', 'treats'],
  ])('links %s to %s: "%s" (%s)', async (source, target, relation, effect) => {
    const found = edge(await valid(), source, target);
    expect([found.relation, found.effect]).toEqual([relation, effect]);
  });

  it('gives a relation a level only when all its supporting evidence is from animal models', async () => {
    const map = await valid();
    const fromMice = edge(map, 'mechanism:Enzyme-Gene-Variants', 'mechanism:Low-Enzyme-Activity');
    expect(fromMice.level).toBe('animal-model');
    expect(fromMice.extrapolated).toMatch(/^animal models/);
    const levels = map.edges.filter((e) => e !== fromMice).map((e) => e.level);
    expect(levels.every((level) => level === undefined)).toBe(true);
  });

  it('draws a refuting item as contradicting, and a relation with both sides as disputed', async () => {
    const map = await valid();
    const both = edge(map, 'mechanism:Low-Enzyme-Activity', 'phenotype:Oral-ulcer');
    expect(both.evidence.map((e) => e.kind === 'recorded' && [e.verdict, e.stance])).toEqual([
      ['supports', undefined],
      ['refutes', 'contradicts'],
    ]);
    expect(both.disputed).toBe(true);
    // "No evidence" takes no side: alone it neither supports nor disputes.
    const noEvidence = edge(map, 'treatment:Periodontal-care', 'mechanism:Low-Enzyme-Activity');
    expect(noEvidence.evidence.map((e) => e.kind === 'recorded' && e.verdict)).toEqual(['no-evidence']);
    expect(noEvidence.disputed).toBeUndefined();
  });

  it('draws an item that calls the statement wrong as contradicting it, as a refuting one', async () => {
    const fileName = `${FIXTURES}/dismech-valid.yaml`;
    const text = (await readFile(fileName, 'utf8')).replace('supports: REFUTE', 'supports: WRONG_STATEMENT');
    expect(text).toContain('WRONG_STATEMENT');
    const { map } = await loadAnyMap({ fileName, content: text });
    const both = edge(map!, 'mechanism:Low-Enzyme-Activity', 'phenotype:Oral-ulcer');
    expect(both.evidence.map((e) => e.kind === 'recorded' && [e.verdict, e.stance])).toEqual([
      ['supports', undefined],
      ['wrong-statement', 'contradicts'],
    ]);
    expect(both.disputed).toBe(true);
  });

  it('marks relations and concepts DisMech gives no evidence as having none, inventing nothing', async () => {
    const map = await valid();
    for (const [source, target] of [
      ['disorder', 'phenotype:Gangrene'],
      ['treatment:Periodontal-care', 'phenotype:Oral-ulcer'],
    ] as const) {
      const found = edge(map, source, target);
      expect([found.unsourced, found.evidence, found.level]).toEqual([true, [], undefined]);
    }
    expect(map.nodes.find((n) => n.id === 'phenotype:Gangrene')!.unsourced).toBe(true);
  });

  it('shows phenotype frequencies in words, on the phenotype and on its link', async () => {
    const map = await valid();
    expect(map.nodes.find((n) => n.id === 'phenotype:Oral-ulcer')!.summary).toBe('Frequency: occasional (5–29% of patients).');
    expect(map.nodes.find((n) => n.id === 'phenotype:Gangrene')!.summary).toBe('Frequency: very frequent (80–99% of patients).');
    expect(edge(map, 'disorder', 'phenotype:Oral-ulcer').notes).toBe('Frequency: occasional (5–29% of patients)');
  });

  it('binds concepts to the ontology terms of their descriptors', async () => {
    const map = await valid();
    const terms = (id: string) => map.nodes.find((n) => n.id === id)!.terms;
    expect(terms('disorder')).toEqual([{ id: 'MONDO:0000001', label: 'disease', role: 'disease' }]);
    expect(terms('mechanism:Low-Enzyme-Activity')).toEqual([
      { id: 'CL:0000232', label: 'erythrocyte', role: 'cell type' },
      { id: 'GO:0003824', label: 'catalytic activity', role: 'molecular function (decreased)' },
    ]);
    expect(terms('genetic:EXG1-variants')).toEqual([
      { id: 'hgnc:1516', label: 'EXG1', role: 'gene' },
      { id: 'HP:0000007', label: 'Autosomal recessive inheritance', role: 'inheritance' },
    ]);
    // The phenotypes a treatment targets are relations, not terms of the treatment.
    expect(terms('treatment:Periodontal-care')).toEqual([{ id: 'MAXO:0000001', label: 'medical action', role: 'medical action' }]);
  });

  it('names what it does not read in warnings, and draws the map', async () => {
    const result = await loadFixture('dismech-valid.yaml');
    expect(result.map).toBeDefined();
    expect(result.problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      'warning 16:3 prevalence: `prevalence`, `curation_notes` are not shown in Pathomap; ignored',
      'warning 120:24 genetic[0].evidence[0].review_status: `review_status` is not a field Pathomap knows in a DisMech evidence item; ignored wherever it occurs',
      'warning 124:16 biochemical[0].lab_units: `lab_units` is not a field Pathomap knows in a DisMech biochemical entry; ignored wherever it occurs',
    ]);
  });

  it.each([
    [
      'dismech-unknown-target.yaml',
      ':6:17 pathophysiology[0].downstream[0].target: no entry of this file is named `Tisue ischaemia`; the link is left out (did you mean `Tissue ischaemia`?)',
    ],
    [
      'dismech-unknown-verdict.yaml',
      ':7:19 phenotypes[0].evidence[0].supports: "MAYBE" is not a DisMech verdict; left out (one of SUPPORT, REFUTE, PARTIAL, NO_EVIDENCE, WRONG_STATEMENT)',
    ],
    [
      'dismech-evidence-without-reference.yaml',
      ':6:9 phenotypes[0].evidence[0]: an evidence item without a `reference` is left out (Pathomap cites every piece of evidence)',
    ],
  ])('%s: a located warning, and the rest drawn', async (name, expected) => {
    const result = await loadFixture(name);
    expect(result.problems.map(formatProblem)).toEqual([`${FIXTURES}/${name}${expected}`]);
    expect(result.problems[0]!.severity).toBe('warning');
    expect(result.map).toBeDefined();
  });

  it('lets search find a concept by its ontology term and by a recorded snippet', async () => {
    const index = createSearchIndex(await valid());
    expect(index.search('HP:0000155').map((h) => [h.id, h.where])).toContainEqual(['phenotype:Oral-ulcer', 'ontology term']);
    expect(index.search('knockout mice')[0]).toMatchObject({ where: 'relation evidence' });
    expect(index.search('affected sibling')[0]).toMatchObject({ id: 'mechanism:Enzyme-Gene-Variants', where: 'recorded quote' });
  });

  it('is told apart from a Pathomap file by its keys, whatever it is called', async () => {
    const text = await readFile(`${FIXTURES}/dismech-valid.yaml`, 'utf8');
    const result = await loadAnyMap({ fileName: 'Example.txt', content: text });
    expect(result.map?.nodes).toHaveLength(8);
  });
});

describe('identifiersOf (a DisMech reference)', () => {
  it.each([
    ['PMID:26352733', { pmid: '26352733' }],
    ['pmid: 26352733', { pmid: '26352733' }],
    ['doi:10.1097/BOR.0000000000000220', { doi: '10.1097/BOR.0000000000000220' }],
    ['https://doi.org/10.1097/BOR.0000000000000220', { doi: '10.1097/BOR.0000000000000220' }],
    ['ORPHA:926', { url: 'https://www.orpha.net/en/disease/detail/926' }],
    ['Orphanet:926', { url: 'https://www.orpha.net/en/disease/detail/926' }],
    ['NCT01234567', { url: 'https://clinicaltrials.gov/study/NCT01234567' }],
    ['clinicaltrials:nct01234567', { url: 'https://clinicaltrials.gov/study/NCT01234567' }],
    ['ICTRP:ChiCTR2000029308', { url: 'https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000029308' }],
    ['https://example.org/report', { url: 'https://example.org/report' }],
    // Nothing is made up for what Pathomap cannot resolve: the reference is its identifier, unlinked.
    ['javascript:alert(1)', {}],
    ['GeneReviews', {}],
    ['PMID:12a', {}],
  ])('%s', (reference, expected) => {
    expect(identifiersOf(reference)).toEqual(expected);
  });
});

describe('frequencyInWords', () => {
  it.each([
    ['OBLIGATE', 'obligate (present in all patients)'],
    ['VERY_FREQUENT', 'very frequent (80–99% of patients)'],
    ['Very frequent', 'very frequent (80–99% of patients)'],
    ['FREQUENT', 'frequent (30–79% of patients)'],
    ['HP:0040283', 'occasional (5–29% of patients)'],
    ['VERY_RARE', 'very rare (under 5% of patients)'],
    ['EXCLUDED', 'excluded (0% of patients)'],
    ['5/12', '5/12 (as given)'],
    [0.4, '0.4 (as given)'],
    ['', undefined],
    [undefined, undefined],
    [{ a: 1 }, undefined],
  ])('%s → %s', (value, words) => {
    expect(frequencyInWords(value)).toBe(words);
  });
});
