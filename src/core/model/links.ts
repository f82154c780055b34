/**
 * Links built from map data. Only http(s) URLs ever become clickable: a `javascript:` or
 * `data:` URL in a user's file stays text.
 */

export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function pubmedUrl(pmid: string | undefined): string | undefined {
  return pmid && /^\d{1,9}$/.test(pmid) ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined;
}

export function doiUrl(doi: string | undefined): string | undefined {
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) ? `https://doi.org/${encodeURI(doi)}` : undefined;
}

/**
 * The ontologies whose terms resolve through the OBO Foundry's permanent addresses
 * (`https://purl.obolibrary.org/obo/HP_0000155`), and how Details names them.
 */
const OBO_ONTOLOGIES: Record<string, string> = {
  HP: 'Human Phenotype Ontology',
  GO: 'Gene Ontology',
  CL: 'Cell Ontology',
  MONDO: 'Mondo Disease Ontology',
  MAXO: 'Medical Action Ontology',
  CHEBI: 'ChEBI',
  UBERON: 'Uberon anatomy ontology',
  NCIT: 'NCI Thesaurus',
  PATO: 'Phenotype And Trait Ontology',
  GENO: 'Genotype Ontology',
  ECTO: 'Environmental Conditions and Treatments Ontology',
  ENVO: 'Environment Ontology',
  NCBITAXON: 'NCBI Taxonomy',
  OBI: 'Ontology for Biomedical Investigations',
};

/** A compact term id, `PREFIX:LOCAL`, split; prefixes are matched without regard to case (`hgnc:1516`). */
function splitTermId(id: string): { prefix: string; local: string } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_]*):([A-Za-z0-9_]+)$/.exec(id.trim());
  return match ? { prefix: match[1]!.toUpperCase(), local: match[2]! } : undefined;
}

/** The name of the ontology a term id belongs to, when Pathomap knows it. */
export function ontologyName(id: string): string | undefined {
  const prefix = splitTermId(id)?.prefix;
  if (prefix === undefined) return undefined;
  return prefix === 'HGNC' ? 'HGNC gene nomenclature' : OBO_ONTOLOGIES[prefix];
}

/** The public page of an ontology term, for the ontologies above and HGNC gene ids; else none. */
export function termUrl(id: string): string | undefined {
  const parts = splitTermId(id);
  if (!parts) return undefined;
  if (parts.prefix === 'HGNC' && /^\d+$/.test(parts.local)) {
    return `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:${parts.local}`;
  }
  if (!(parts.prefix in OBO_ONTOLOGIES)) return undefined;
  // The PURLs spell the prefix as the ontology does: NCBITaxon, not NCBITAXON.
  const prefix = parts.prefix === 'NCBITAXON' ? 'NCBITaxon' : parts.prefix;
  return `https://purl.obolibrary.org/obo/${prefix}_${parts.local}`;
}
