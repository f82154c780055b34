import { describe, expect, it } from 'vitest';
import { doiUrl, ontologyName, pubmedUrl, safeHttpUrl, termUrl } from '../../../src/core/model/links.ts';

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

describe('ontology term links', () => {
  it.each([
    ['HP:0000155', 'https://purl.obolibrary.org/obo/HP_0000155', 'Human Phenotype Ontology'],
    ['GO:0006954', 'https://purl.obolibrary.org/obo/GO_0006954', 'Gene Ontology'],
    ['CL:0000232', 'https://purl.obolibrary.org/obo/CL_0000232', 'Cell Ontology'],
    ['MONDO:0013571', 'https://purl.obolibrary.org/obo/MONDO_0013571', 'Mondo Disease Ontology'],
    ['MAXO:0000004', 'https://purl.obolibrary.org/obo/MAXO_0000004', 'Medical Action Ontology'],
    ['CHEBI:16240', 'https://purl.obolibrary.org/obo/CHEBI_16240', 'ChEBI'],
    ['UBERON:0000178', 'https://purl.obolibrary.org/obo/UBERON_0000178', 'Uberon anatomy ontology'],
    ['NCIT:C38052', 'https://purl.obolibrary.org/obo/NCIT_C38052', 'NCI Thesaurus'],
    ['hgnc:1516', 'https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:1516', 'HGNC gene nomenclature'],
    ['NCBITaxon:9606', 'https://purl.obolibrary.org/obo/NCBITaxon_9606', 'NCBI Taxonomy'],
    // Unknown ontologies and ids that are not compact ids stay text.
    ['XYZ:123', undefined, undefined],
    ['HP:javascript:alert(1)', undefined, undefined],
    ['HP_0000155', undefined, undefined],
    ['HP:0000155/../x', undefined, undefined],
    ['hgnc:ABC', undefined, 'HGNC gene nomenclature'],
  ])('%s → %s', (id, url, name) => {
    expect(termUrl(id)).toBe(url);
    expect(ontologyName(id)).toBe(name);
  });
});
