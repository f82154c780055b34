/**
 * A DisMech disorder file: the Monarch Initiative's disorder-mechanism knowledge base, one
 * YAML file per disorder (`name`, `pathophysiology`, `phenotypes`, `treatments`, `genetic`,
 * `biochemical`, …), every claim with evidence items that cite a reference and quote it.
 *
 * The disorder and its entries become concepts in one category per section, in bands that read
 * as the causal story (genetic and biochemical → pathophysiology → the disorder → phenotypes →
 * treatments); causal links (`downstream`, `sequelae`), the mechanisms and phenotypes
 * treatments target and the readouts of biochemical findings become relations; term
 * descriptors become the concepts' ontology terms. Each evidence item is kept as DisMech
 * recorded it: its reference, snippet, verdict, evidence source and the curator's explanation.
 * Pathomap stores no text of DisMech's sources, so a snippet is shown as checked by DisMech,
 * not by Pathomap. Nothing DisMech does not say is added: a relation gets a level only when all
 * its supporting evidence is from animal models (the one DisMech evidence source that names a
 * study type Pathomap knows), and one without evidence stays without.
 *
 * Fields Pathomap does not read are left in the file and named in a warning: once for each
 * top-level section, and once per field for fields not in DisMech's schema as read here.
 */
import { code, type FieldPath } from '../load/issue.ts';
import type { Locator } from '../load/locate.ts';
import { isRecord, type RawRecord } from '../load/raw-map.ts';
import { suggestionHint } from '../load/suggest.ts';
import type {
  EvidenceLevel,
  EvidenceOrigin,
  EvidenceVerdict,
  OntologyTerm,
  RecordedEvidenceEntry,
  ReferenceEntry,
  RelationEffect,
} from '../model/types.ts';
import { categoryStyle } from './category-style.ts';
import { IdAllocator } from './ids.ts';
import type { EdgeDraft, MapDraft, NodeDraft, Sourced } from './imported-map.ts';
import { JsonDraftReader } from './json-draft.ts';
import type { Origin } from './origins.ts';

export const DISMECH = 'DisMech';

type SectionKey = 'genetic' | 'biochemical' | 'pathophysiology' | 'phenotypes' | 'treatments';

interface Section {
  key: SectionKey;
  label: string;
  band: number;
  /** Starts the concept ids of the section's entries, e.g. `phenotype:Oral-ulcer`. */
  prefix: string;
  /** What one entry is called in messages. */
  entry: string;
  description: string;
  /** The entry's fields in DisMech's schema, read or not; any other field gets a warning. */
  known: readonly string[];
}

const DISORDER_CATEGORY = {
  id: 'disorder',
  label: 'Disorder',
  band: 2,
  description: 'The disorder the DisMech file describes.',
};

/** In the order of the story they tell, left to right; genetic and biochemical share a band. */
const SECTIONS: readonly Section[] = [
  {
    key: 'genetic',
    label: 'Genetic',
    band: 0,
    prefix: 'genetic',
    entry: 'genetic entry',
    description: 'Genes and variants DisMech lists for the disorder (`genetic`).',
    known: ['name', 'description', 'gene_term', 'association', 'relationship_type', 'variant_origin', 'inheritance', 'notes', 'evidence', 'examples', 'frequency', 'presence', 'review_notes', 'subtype'],
  },
  {
    key: 'biochemical',
    label: 'Biochemical',
    band: 0,
    prefix: 'biochemical',
    entry: 'biochemical entry',
    description: 'Biochemical findings and biomarkers (`biochemical`).',
    known: ['name', 'biomarker_term', 'presence', 'evidence', 'specificity', 'frequency', 'notes', 'context', 'subtype', 'cell_types', 'assays', 'synonyms', 'readouts'],
  },
  {
    key: 'pathophysiology',
    label: 'Pathophysiology',
    band: 1,
    prefix: 'mechanism',
    entry: 'pathophysiology entry',
    description: 'Mechanisms of the disorder and their causal links (`pathophysiology`).',
    known: [
      'name', 'description', 'cell_types', 'evidence', 'biological_processes', 'locations', 'examples', 'role', 'synonyms',
      'consequence', 'consequences', 'gene', 'pathways', 'downstream', 'genes', 'subtypes', 'cellular_components',
      'protein_complexes', 'chemical_entities', 'gene_products', 'triggers', 'assays', 'mechanisms', 'notes', 'frequency',
      'molecular_functions',
    ],
  },
  {
    key: 'phenotypes',
    label: 'Phenotypes',
    band: 3,
    prefix: 'phenotype',
    entry: 'phenotype',
    description: 'Clinical phenotypes of the disorder, with their frequency (`phenotypes`).',
    known: ['category', 'name', 'phenotype_term', 'frequency', 'description', 'diagnostic', 'sequelae', 'evidence', 'context', 'review_notes', 'severity', 'notes', 'subtype', 'phenotype_contexts'],
  },
  {
    key: 'treatments',
    label: 'Treatments',
    band: 4,
    prefix: 'treatment',
    entry: 'treatment',
    description: 'Treatments and other medical actions (`treatments`).',
    known: ['name', 'description', 'treatment_term', 'regimen_term', 'target_phenotypes', 'target_mechanisms', 'evidence', 'notes', 'context', 'review_notes', 'role', 'mechanism', 'examples', 'action_category'],
  },
];

/** Fields of every entry that Pathomap reads. */
const COMMON_FIELDS = ['name', 'description', 'evidence', 'synonyms', 'notes', 'frequency'];

/** Top-level fields read here; any other is named in a warning as not shown. */
const READ_AT_TOP = new Set(['name', 'description', 'synonyms', 'notes', 'disease_term', 'category', 'parents', 'evidence', ...SECTIONS.map((s) => s.key)]);
/** Bookkeeping that says nothing about the disorder: left out without a word. */
const SILENT_AT_TOP = new Set(['creation_date', 'updated_date']);

const EVIDENCE_FIELDS = ['reference', 'reference_title', 'supports', 'evidence_source', 'snippet', 'explanation', 'directness', 'quote_role'];
const CAUSAL_EDGE_FIELDS = ['target', 'description', 'evidence', 'hypothesis_groups', 'causal_link_type', 'intermediate_mechanisms'];
const MECHANISM_TARGET_FIELDS = ['target', 'treatment_effect', 'description', 'evidence'];
const READOUT_FIELDS = ['target', 'relationship', 'direction', 'endpoint_context', 'interpretation', 'evidence'];

const VERDICTS: Record<string, EvidenceVerdict> = {
  SUPPORT: 'supports',
  REFUTE: 'refutes',
  PARTIAL: 'partial',
  NO_EVIDENCE: 'no-evidence',
  WRONG_STATEMENT: 'wrong-statement',
};

const ORIGINS: Record<string, EvidenceOrigin> = {
  HUMAN_CLINICAL: 'human-clinical',
  MODEL_ORGANISM: 'model-organism',
  IN_VITRO: 'in-vitro',
  COMPUTATIONAL: 'computational',
  OTHER: 'other',
};

/** DisMech's phenotype frequencies (HPO's frequency terms), in words. */
const FREQUENCIES: Record<string, string> = {
  OBLIGATE: 'obligate (present in all patients)',
  VERY_FREQUENT: 'very frequent (80–99% of patients)',
  FREQUENT: 'frequent (30–79% of patients)',
  OCCASIONAL: 'occasional (5–29% of patients)',
  VERY_RARE: 'very rare (under 5% of patients)',
  EXCLUDED: 'excluded (0% of patients)',
};
const FREQUENCY_TERMS: Record<string, string> = {
  'HP:0040280': 'OBLIGATE',
  'HP:0040281': 'VERY_FREQUENT',
  'HP:0040282': 'FREQUENT',
  'HP:0040283': 'OCCASIONAL',
  'HP:0040284': 'VERY_RARE',
  'HP:0040285': 'EXCLUDED',
};

/** How a treatment acts on a mechanism it targets (`treatment_effect`): wording and effect. */
const TREATMENT_EFFECTS: Record<string, [string, RelationEffect]> = {
  INHIBITS: ['inhibits', 'inhibits'],
  ACTIVATES: ['activates', 'promotes'],
  MODULATES: ['modulates', 'associated'],
  BYPASSES: ['works around', 'treats'],
  RESTORES: ['restores', 'treats'],
};

/** How Details names the role of a term descriptor field. */
const TERM_ROLES: Record<string, string> = {
  disease_term: 'disease',
  phenotype_term: 'phenotype',
  treatment_term: 'medical action',
  regimen_term: 'regimen',
  gene_term: 'gene',
  biomarker_term: 'biomarker',
  inheritance_term: 'inheritance',
  cell_types: 'cell type',
  biological_processes: 'biological process',
  molecular_functions: 'molecular function',
  cellular_components: 'cellular component',
  protein_complexes: 'protein complex',
  chemical_entities: 'chemical entity',
  gene_products: 'gene product',
  locations: 'location',
  pathways: 'pathway',
  genes: 'gene',
  gene: 'gene',
  triggers: 'trigger',
  assays: 'assay',
};

/** Short text fields of an entry shown in its notes, in this order, before its own `notes`. */
const NOTE_FIELDS = ['role', 'category', 'association', 'variant_origin', 'presence', 'specificity', 'severity', 'context', 'subtype', 'action_category', 'consequence', 'diagnostic', 'examples', 'consequences', 'mechanisms', 'subtypes'];

const TERM_ID = /^[A-Za-z][A-Za-z0-9_.-]*:\S+$/;

/** What a link may name: the disorder, or an entry of a section. */
interface Named {
  key: string;
  name: string;
  section?: Section;
}

interface Entry extends Named {
  section: Section;
  item: RawRecord;
  path: FieldPath;
  /** The key its concept is known by in the draft. */
  key: string;
  name: string;
}

export function draftFromDismech(data: unknown, locate: Locator): MapDraft {
  return new DismechReader(locate).read(data);
}

class DismechReader {
  private readonly reader: JsonDraftReader;
  private readonly nodes: NodeDraft[] = [];
  private readonly edges: EdgeDraft[] = [];
  private readonly references = new ReferenceList();
  /** Entries by name, for the causal links that name their target. */
  private readonly byName = new Map<string, Named>();
  private readonly byFoldedName = new Map<string, Named>();
  /** Each item's converted evidence, read once: a concept and its relations share it. */
  private readonly evidenceOf = new Map<RawRecord, { evidence?: Sourced }>();
  /** Unknown fields already reported, by where they occur (`phenotypes.foo`): one warning each. */
  private readonly reportedFields = new Map<string, number>();

  constructor(locate: Locator) {
    this.reader = new JsonDraftReader(locate);
  }

  read(data: unknown): MapDraft {
    const reader = this.reader;
    const root = isRecord(data) ? data : {};
    const draft: MapDraft = {
      format: 'dismech-yaml',
      root: reader.at([]),
      graph: {},
      nodes: this.nodes,
      edges: this.edges,
      endsByIndex: false,
      problems: reader.problems,
    };

    // One warning for all of them, where the first is: a real file has many such sections.
    const unread = Object.keys(root).filter((field) => !READ_AT_TOP.has(field) && !SILENT_AT_TOP.has(field));
    if (unread.length > 0) {
      const hint = 'they stay in the file; Pathomap reads name, description, synonyms, notes, disease_term, pathophysiology, phenotypes, genetic, biochemical and treatments';
      const fields = unread.map(code).join(', ');
      const message = unread.length === 1 ? `${fields} is not shown in Pathomap; ignored` : `${fields} are not shown in Pathomap; ignored`;
      reader.report([unread[0]!], message, hint, 'warning');
    }

    const name = this.text(root, [], 'name');
    if (name === undefined) reader.report([], 'missing required field `name`', 'the name of the disorder');
    const disorder = this.disorderNode(root, name);
    this.nodes.push(disorder);

    const entries = SECTIONS.flatMap((section) => this.sectionEntries(root, section));
    for (const entry of entries) this.nodes.push(this.entryNode(entry));
    for (const entry of entries) this.entryRelations(entry);

    const present = SECTIONS.filter((section) => entries.some((entry) => entry.section === section));
    const categories = [
      ...present.filter((section) => section.band < DISORDER_CATEGORY.band).map(sectionCategory),
      DISORDER_CATEGORY,
      ...present.filter((section) => section.band > DISORDER_CATEGORY.band).map(sectionCategory),
    ].map((category, index) => ({ ...category, ...categoryStyle(index) }));

    draft.graph = {
      ...(name === undefined ? {} : { title: { value: name, origin: reader.at(['name']) } }),
      ...this.sourced(root, [], 'description'),
      categories: { value: categories, origin: reader.at([]) },
      references: { value: this.references.entries, origin: this.references.origin(reader) },
    };
    return draft;
  }

  // -------------------------------------------------------------------------
  // Concepts
  // -------------------------------------------------------------------------

  private disorderNode(root: RawRecord, name: string | undefined): NodeDraft {
    const reader = this.reader;
    if (name !== undefined) this.indexName({ key: DISORDER_CATEGORY.id, name });
    const parents = Array.isArray(root.parents) ? root.parents.filter((p): p is string => typeof p === 'string') : [];
    const notes = joinNotes([
      typeof root.category === 'string' ? `DisMech category: ${root.category}` : undefined,
      parents.length > 0 ? `Grouped under: ${parents.join('; ')}` : undefined,
      typeof root.notes === 'string' ? root.notes : undefined,
    ]);
    const terms = this.terms(root, [], ['disease_term']);
    return {
      origin: reader.at([]),
      id: { value: DISORDER_CATEGORY.id, origin: reader.at(['name']) },
      fields: {
        ...(name === undefined ? {} : { label: { value: name, origin: reader.at(['name']) } }),
        category: { value: DISORDER_CATEGORY.id, origin: reader.at([]) },
        ...this.sourced(root, [], 'description', 'summary'),
        ...this.sourced(root, [], 'synonyms', 'aliases'),
        ...(notes ? { notes: { value: notes, origin: reader.at(['notes']) } } : {}),
        ...(terms.length > 0 ? { terms: { value: terms, origin: reader.at(['disease_term']) } } : {}),
        ...this.evidenceField(root, []),
      },
    };
  }

  private sectionEntries(root: RawRecord, section: Section): Entry[] {
    const list = this.reader.list(root, [], section.key, false);
    const entries: Entry[] = [];
    list.forEach((value, index) => {
      const path = [section.key, index];
      const item = this.reader.object(value, path, '{name: …, evidence: […]}');
      if (!item) return;
      this.unknownFields(item, path, [...COMMON_FIELDS, ...section.known], section.entry);
      const name = this.text(item, path, 'name');
      if (name === undefined) {
        this.reader.report(path, 'missing required field `name`', `every ${section.entry} is named; links find it by its name`);
        return;
      }
      const entry: Entry = { section, item, path, key: `${section.prefix}:${name}`, name };
      this.indexName(entry);
      entries.push(entry);
    });
    return entries;
  }

  /** The first entry of a name wins: sections are read in band order, the disorder first. */
  private indexName(entry: Named): void {
    const { name } = entry;
    if (!this.byName.has(name)) this.byName.set(name, entry);
    const folded = fold(name);
    if (!this.byFoldedName.has(folded)) this.byFoldedName.set(folded, entry);
  }

  private entryNode({ section, item, path, key }: Entry): NodeDraft {
    const reader = this.reader;
    const frequency = frequencyInWords(item.frequency);
    const description = typeof item.description === 'string' && item.description.trim() !== '' ? item.description.trim() : undefined;
    const summary = joinNotes([frequency && `Frequency: ${frequency}`, description]);
    const inheritance = section.key === 'genetic' ? this.inheritance(item, path) : { names: [], terms: [] };
    const notes = joinNotes([
      ...NOTE_FIELDS.map((field) => noteOf(field, item[field])),
      inheritance.names.length > 0 ? `Inheritance: ${inheritance.names.join('; ')}` : undefined,
      typeof item.notes === 'string' ? item.notes : undefined,
    ]);
    const terms = [...this.terms(item, path), ...inheritance.terms];
    return {
      origin: reader.at(path),
      id: { value: key, origin: reader.at([...path, 'name']) },
      fields: {
        label: { value: item.name, origin: reader.at([...path, 'name']) },
        category: { value: section.key, origin: reader.at(path) },
        ...(summary ? { summary: { value: summary, origin: reader.at([...path, description ? 'description' : 'frequency']) } } : {}),
        ...this.sourced(item, path, 'synonyms', 'aliases'),
        ...(notes ? { notes: { value: notes, origin: reader.at(path) } } : {}),
        ...(terms.length > 0 ? { terms: { value: terms, origin: reader.at(path) } } : {}),
        ...this.evidenceField(item, path),
      },
    };
  }

  private inheritance(item: RawRecord, path: FieldPath): { names: string[]; terms: OntologyTerm[] } {
    const names: string[] = [];
    const terms: OntologyTerm[] = [];
    const list = this.reader.list(item, path, 'inheritance', false);
    list.forEach((value, index) => {
      if (!isRecord(value)) return;
      if (typeof value.name === 'string') names.push(value.name);
      terms.push(...this.terms(value, [...path, 'inheritance', index], ['inheritance_term']));
    });
    return { names, terms };
  }

  /** The ontology terms of an item's term descriptors (`{preferred_term, term: {id, label}}`). */
  private terms(item: RawRecord, path: FieldPath, fields: readonly string[] = Object.keys(item)): OntologyTerm[] {
    const terms: OntologyTerm[] = [];
    for (const field of fields) {
      // The phenotypes a treatment targets are relations to those phenotypes, not its own terms.
      if (field === 'target_phenotypes') continue;
      const value = item[field];
      const descriptors = Array.isArray(value) ? value.map((v, i) => [v, [...path, field, i]] as const) : [[value, [...path, field]] as const];
      for (const [descriptor, at] of descriptors) {
        if (!isRecord(descriptor) || !isRecord(descriptor.term)) continue;
        const { id, label } = descriptor.term;
        if (typeof id !== 'string') continue;
        if (!TERM_ID.test(id) || id.length > 200) {
          this.reader.report([...at, 'term', 'id'], `${JSON.stringify(id).slice(0, 60)} is not a term id; left out`, 'write a compact id such as HP:0000155', 'warning');
          continue;
        }
        const name = typeof label === 'string' && label.trim() ? label.trim() : typeof descriptor.preferred_term === 'string' ? descriptor.preferred_term : undefined;
        const modifier = typeof descriptor.modifier === 'string' ? ` (${humanise(descriptor.modifier)})` : '';
        const role = (TERM_ROLES[field] ?? humanise(field.replace(/_terms?$/, ''))) + modifier;
        terms.push({ id, ...(name ? { label: name.slice(0, 200) } : {}), role: role.slice(0, 200) });
      }
    }
    return terms;
  }

  // -------------------------------------------------------------------------
  // Relations
  // -------------------------------------------------------------------------

  private entryRelations(entry: Entry): void {
    const { section, item, path, key } = entry;
    const evidence = this.evidenceField(item, path);
    const link = (source: string, target: string, relation: string, effect: RelationEffect, notes?: string) =>
      this.relation(path, source, target, relation, effect, evidence.evidence, notes);
    switch (section.key) {
      case 'genetic': {
        const [relation, effect] = geneticWording(item);
        link(key, DISORDER_CATEGORY.id, relation, effect);
        break;
      }
      case 'biochemical':
        link(key, DISORDER_CATEGORY.id, 'is found in', 'associated');
        this.causalLinks(entry, 'readouts', READOUT_FIELDS, (link) => {
          const relationship = typeof link.relationship === 'string' ? link.relationship : 'READOUT_OF';
          const relation = relationship === 'READOUT_OF' ? 'is a readout of' : `is a ${humanise(relationship)}`;
          return { relation, effect: 'associated', notes: typeof link.interpretation === 'string' ? link.interpretation : undefined };
        });
        break;
      case 'pathophysiology':
        link(key, DISORDER_CATEGORY.id, 'is part of the mechanism of', 'part-of');
        this.causalLinks(entry, 'downstream', CAUSAL_EDGE_FIELDS, causalWording);
        break;
      case 'phenotypes': {
        const frequency = frequencyInWords(item.frequency);
        link(DISORDER_CATEGORY.id, key, 'presents with', 'associated', frequency && `Frequency: ${frequency}`);
        this.causalLinks(entry, 'sequelae', CAUSAL_EDGE_FIELDS, causalWording);
        break;
      }
      case 'treatments':
        link(key, DISORDER_CATEGORY.id, 'is used in the care of', 'treats');
        this.causalLinks(entry, 'target_mechanisms', MECHANISM_TARGET_FIELDS, (target, at) => {
          const given = target.treatment_effect;
          const wording = typeof given === 'string' ? TREATMENT_EFFECTS[given] : undefined;
          if (given !== undefined && !wording) {
            const known = Object.keys(TREATMENT_EFFECTS).join(', ');
            this.reader.report([...at, 'treatment_effect'], `${JSON.stringify(given)} is not a DisMech treatment effect; read as "targets"`, `one of ${known}`, 'warning');
          }
          const [relation, effect] = wording ?? ['targets', 'treats'];
          return { relation, effect, notes: typeof target.description === 'string' ? target.description : undefined };
        });
        this.targetPhenotypes(entry);
        break;
    }
  }

  /** Links listed under `field` of an entry, each naming its target and carrying its own evidence. */
  private causalLinks(
    { item, path, key }: Entry,
    field: string,
    known: readonly string[],
    wording: (link: RawRecord, at: FieldPath) => { relation: string; effect: RelationEffect; notes?: string | undefined },
  ): void {
    const list = this.reader.list(item, path, field, false);
    list.forEach((value, index) => {
      const at = [...path, field, index];
      // Older files list bare target names.
      const link = typeof value === 'string' ? { target: value } : this.reader.object(value, at, '{target: …}');
      if (!link) return;
      this.unknownFields(link, at, known, `${field} link`);
      const target = this.resolve(link.target, typeof value === 'string' ? at : [...at, 'target']);
      if (target === undefined) return;
      const { relation, effect, notes } = wording(link, at);
      const evidence = typeof value === 'string' ? undefined : this.evidenceField(link, at).evidence;
      this.relation(at, key, target, relation, effect, evidence, notes);
    });
  }

  /** Phenotypes a treatment addresses (`target_phenotypes`), found by name or by their HP term. */
  private targetPhenotypes({ item, path, key }: Entry): void {
    const list = this.reader.list(item, path, 'target_phenotypes', false);
    list.forEach((value, index) => {
      const at = [...path, 'target_phenotypes', index];
      if (!isRecord(value)) return;
      const termId = isRecord(value.term) && typeof value.term.id === 'string' ? value.term.id : undefined;
      const byTerm = termId === undefined ? undefined : this.phenotypeWithTerm(termId);
      const target = byTerm ?? this.resolve(value.preferred_term, [...at, 'preferred_term'], 'phenotypes');
      // DisMech gives these no evidence of their own: the relation stays without, marked so.
      if (target !== undefined) this.relation(at, key, target, 'is used to treat', 'treats', undefined);
    });
  }

  private phenotypeWithTerm(termId: string): string | undefined {
    const phenotype = this.nodes.find(
      (node) => node.fields.category?.value === 'phenotypes' && (node.fields.terms?.value as OntologyTerm[] | undefined)?.some((t) => t.id === termId),
    );
    return phenotype?.id?.value as string | undefined;
  }

  /** The concept a link names, or a warning that leaves the link out. */
  private resolve(name: unknown, at: FieldPath, section?: SectionKey): string | undefined {
    if (typeof name !== 'string' || name.trim() === '') {
      this.reader.report(at, 'must name an entry of this file; the link is left out', undefined, 'warning');
      return undefined;
    }
    const entry = this.byName.get(name) ?? this.byFoldedName.get(fold(name));
    if (entry && (section === undefined || entry.section?.key === section)) return entry.key;
    const names = [...this.byName.values()].filter((e) => section === undefined || e.section?.key === section).map((e) => e.name);
    const where = section === undefined ? 'entry of this file' : `${section} entry`;
    const hint = suggestionHint(name, names);
    this.reader.report(at, `no ${where} is named ${code(name)}; the link is left out`, hint, 'warning');
    return undefined;
  }

  private relation(
    at: FieldPath,
    source: string,
    target: string,
    relation: string,
    effect: RelationEffect,
    evidence: Sourced | undefined,
    notes?: string,
  ): void {
    const reader = this.reader;
    const entries = (evidence?.value as RecordedEvidenceEntry[] | undefined) ?? [];
    const level = relationLevel(entries);
    const origin = reader.at(at);
    this.edges.push({
      origin,
      source: { value: source, origin },
      target: { value: target, origin },
      fields: {
        relation: { value: relation, origin },
        effect: { value: effect, origin },
        ...(level ? { level: { value: level, origin } } : {}),
        ...(level === 'animal-model'
          ? { extrapolated: { value: 'animal models: DisMech classes all its supporting evidence as model-organism evidence', origin } }
          : {}),
        ...(evidence ? { evidence: { value: entries.map((e) => ({ ...e })), origin: evidence.origin } } : {}),
        ...(notes ? { notes: { value: notes, origin } } : {}),
      },
    });
  }

  // -------------------------------------------------------------------------
  // Evidence and references
  // -------------------------------------------------------------------------

  /** An item's `evidence`, as Pathomap evidence recorded in DisMech, with origins in the file. */
  private evidenceField(item: RawRecord, path: FieldPath): { evidence?: Sourced } {
    const known = this.evidenceOf.get(item);
    if (known) return known;
    const read = this.readEvidence(item, path);
    this.evidenceOf.set(item, read);
    return read;
  }

  private readEvidence(item: RawRecord, path: FieldPath): { evidence?: Sourced } {
    if (item.evidence === undefined) return {};
    const list = this.reader.list(item, path, 'evidence', false);
    const entries: RecordedEvidenceEntry[] = [];
    const indexOf: number[] = [];
    list.forEach((value, index) => {
      const at = [...path, 'evidence', index];
      const converted = this.evidenceItem(value, at);
      if (!converted) return;
      entries.push(converted);
      indexOf.push(index);
    });
    return { evidence: { value: entries, origin: evidenceOrigin([...path, 'evidence'], indexOf, this.reader) } };
  }

  private evidenceItem(value: unknown, at: FieldPath): RecordedEvidenceEntry | undefined {
    const reader = this.reader;
    const item = reader.object(value, at, '{reference: PMID:…, supports: SUPPORT, snippet: …}');
    if (!item) return undefined;
    this.unknownFields(item, at, EVIDENCE_FIELDS, 'evidence item');
    const reference = typeof item.reference === 'number' ? String(item.reference) : item.reference;
    if (typeof reference !== 'string' || reference.trim() === '') {
      reader.report(at, 'an evidence item without a `reference` is left out', 'Pathomap cites every piece of evidence', 'warning');
      return undefined;
    }
    const title = typeof item.reference_title === 'string' ? item.reference_title : undefined;
    const ref = this.references.refFor(reference.trim(), title, at);

    const verdict = this.enumValue(item, at, 'supports', VERDICTS, 'a DisMech verdict');
    const origin = this.enumValue(item, at, 'evidence_source', ORIGINS, 'a DisMech evidence source');
    const excerpt = nonBlank(item.snippet);
    const note = nonBlank(item.explanation);
    return {
      ref,
      recordedIn: DISMECH,
      ...(excerpt === undefined ? {} : { excerpt, checkedAgainst: 'the cited source' }),
      ...(verdict === undefined ? {} : { verdict }),
      ...(origin === undefined ? {} : { origin }),
      ...(note === undefined ? {} : { note }),
      ...(verdict === 'refutes' || verdict === 'wrong-statement' ? { stance: 'contradicts' as const } : {}),
    };
  }

  private enumValue<T>(item: RawRecord, at: FieldPath, field: string, values: Record<string, T>, what: string): T | undefined {
    const given = item[field];
    if (given === undefined || given === null) return undefined;
    const value = typeof given === 'string' ? values[given.trim().toUpperCase()] : undefined;
    if (value === undefined) {
      const hint = `one of ${Object.keys(values).join(', ')}`;
      this.reader.report([...at, field], `${JSON.stringify(given).slice(0, 60)} is not ${what}; left out`, hint, 'warning');
    }
    return value;
  }

  // -------------------------------------------------------------------------
  // Small readers
  // -------------------------------------------------------------------------

  private text(item: RawRecord, path: FieldPath, field: string): string | undefined {
    const value = item[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
    this.reader.report([...path, field], typeof value === 'string' ? 'must not be empty' : 'must be text');
    return undefined;
  }

  /** `item[field]` as the draft field `as`, with its origin, when present. */
  private sourced(item: RawRecord, path: FieldPath, field: string, as = field): Record<string, Sourced> {
    return item[field] === undefined ? {} : { [as]: { value: item[field], origin: this.reader.at([...path, field]) } };
  }

  /** Warns about fields outside `known`, once for each field and kind of item. */
  private unknownFields(item: RawRecord, path: FieldPath, known: readonly string[], kind: string): void {
    for (const field of Object.keys(item)) {
      if (known.includes(field)) continue;
      const key = `${kind}\u0000${field}`;
      const seen = this.reportedFields.get(key) ?? 0;
      this.reportedFields.set(key, seen + 1);
      if (seen > 0) continue;
      const message = `${code(field)} is not a field Pathomap knows in a DisMech ${kind}; ignored wherever it occurs`;
      this.reader.report([...path, field], message, 'it stays in the file; Pathomap does not show it', 'warning');
    }
  }
}

/** The references that evidence items cite, one per distinct `reference`, with where each was first cited. */
class ReferenceList {
  readonly entries: ReferenceEntry[] = [];
  private readonly ids = new IdAllocator('ref');
  private readonly byReference = new Map<string, { entry: ReferenceEntry; at: FieldPath; titled: boolean }>();
  private readonly firstUse: FieldPath[] = [];

  refFor(given: string, title: string | undefined, at: FieldPath): string {
    // `NCT01234567` and `clinicaltrials:NCT01234567` are one trial, `pmid:1` and `PMID:1` one paper.
    const reference = canonicalReference(given);
    const known = this.byReference.get(reference);
    if (known) {
      // The first title given names the reference, wherever it comes.
      if (!known.titled && title) {
        known.entry.citation = title;
        known.titled = true;
        known.at = at;
      }
      return known.entry.id;
    }
    const entry: ReferenceEntry = { id: this.ids.claim(reference), citation: title ?? reference, ...identifiersOf(reference) };
    this.byReference.set(reference, { entry, at, titled: title !== undefined });
    this.entries.push(entry);
    this.firstUse.push(at);
    return entry.id;
  }

  /** Problems with `references[i].citation` point at the title cited, the others at the `reference`. */
  origin(reader: JsonDraftReader): Origin {
    return (rest, at) => {
      const index = rest[0];
      const place = typeof index === 'number' ? [...this.byReference.values()][index] : undefined;
      if (!place) return reader.at([])(rest, at);
      const field = rest[1] === 'citation' && place.titled ? 'reference_title' : 'reference';
      return reader.at([...place.at, field])(rest.slice(2), at);
    };
  }
}

function canonicalReference(reference: string): string {
  const pmid = /^PMID:\s*(\d{1,10})$/i.exec(reference)?.[1];
  if (pmid) return `PMID:${pmid}`;
  const nct = /^(?:clinicaltrials:\s*)?(NCT\d{8})$/i.exec(reference)?.[1];
  if (nct) return nct.toUpperCase();
  const orpha = /^ORPHA(?:NET)?:\s*(\d{1,9})$/i.exec(reference)?.[1];
  if (orpha) return `ORPHA:${orpha}`;
  return reference;
}

/** The identifier fields and public page of a DisMech reference: PMID, DOI, ORPHA, trial ids, web addresses. */
export function identifiersOf(reference: string): Pick<ReferenceEntry, 'pmid' | 'doi' | 'url'> {
  const pmid = /^PMID:\s*(\d{1,10})$/i.exec(reference)?.[1];
  if (pmid) return { pmid };
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.[0-9]+(?:\.[0-9]+)*\/\S+)$/i.exec(reference)?.[1];
  if (doi && doi.length <= 300) return { doi };
  const orpha = /^ORPHA(?:NET)?:\s*(\d{1,9})$/i.exec(reference)?.[1];
  if (orpha) return { url: `https://www.orpha.net/en/disease/detail/${orpha}` };
  const nct = /^(?:clinicaltrials:\s*)?(NCT\d{8})$/i.exec(reference)?.[1];
  if (nct) return { url: `https://clinicaltrials.gov/study/${nct.toUpperCase()}` };
  const ictrp = /^ICTRP:\s*([A-Za-z0-9._/-]{1,100})$/i.exec(reference)?.[1];
  if (ictrp) return { url: `https://trialsearch.who.int/Trial2.aspx?TrialID=${encodeURIComponent(ictrp)}` };
  if (/^https?:\/\/\S+$/.test(reference) && reference.length <= 2000) return { url: reference };
  return {};
}

/**
 * Where converted evidence came from: `[j, 'excerpt']` of the converted list is the `snippet`
 * of the j-th item kept, which may sit further down the file's list when some were left out.
 */
function evidenceOrigin(listPath: FieldPath, indexOf: readonly number[], reader: JsonDraftReader): Origin {
  const fieldNames: Record<string, string> = {
    ref: 'reference',
    excerpt: 'snippet',
    note: 'explanation',
    verdict: 'supports',
    origin: 'evidence_source',
  };
  return (rest, at) => {
    const [index, field, ...deeper] = rest;
    if (typeof index !== 'number') return reader.at(listPath)(rest, at);
    const itemPath = [...listPath, indexOf[index] ?? index];
    if (typeof field !== 'string') return reader.at(itemPath)(deeper, at);
    const name = fieldNames[field];
    return name ? reader.at([...itemPath, name])(deeper, at) : reader.at(itemPath)([], at);
  };
}

/**
 * A relation's level: `animal-model` when everything that supports it is from animal models;
 * otherwise none, since DisMech's other evidence sources name no study type.
 */
function relationLevel(evidence: readonly RecordedEvidenceEntry[]): EvidenceLevel | undefined {
  const supporting = evidence.filter((e) => (e.verdict === 'supports' || e.verdict === 'partial') && e.stance !== 'contradicts');
  return supporting.length > 0 && supporting.every((e) => e.origin === 'model-organism') ? 'animal-model' : undefined;
}

function causalWording(link: RawRecord): { relation: string; effect: RelationEffect; notes?: string } {
  const indirect = typeof link.causal_link_type === 'string' && link.causal_link_type.startsWith('INDIRECT');
  const through = Array.isArray(link.intermediate_mechanisms)
    ? link.intermediate_mechanisms.filter((m): m is string => typeof m === 'string')
    : [];
  const notes = joinNotes([
    typeof link.description === 'string' ? link.description : undefined,
    through.length > 0 ? `Through: ${through.join('; ')}` : undefined,
    link.causal_link_type === 'INDIRECT_UNKNOWN_INTERMEDIATES' ? 'Some steps between the two are not known' : undefined,
  ]);
  return { relation: indirect ? 'leads indirectly to' : 'leads to', effect: 'promotes', ...(notes ? { notes } : {}) };
}

function geneticWording(item: RawRecord): [string, RelationEffect] {
  const said = `${typeof item.relationship_type === 'string' ? item.relationship_type : ''} ${typeof item.association === 'string' ? item.association : ''}`;
  if (/causative|causal/i.test(said)) return ['causes', 'promotes'];
  if (/susceptib|risk|predispos/i.test(said)) return ['raises susceptibility to', 'promotes'];
  if (/protect/i.test(said)) return ['protects against', 'inhibits'];
  return ['is associated with', 'associated'];
}

function sectionCategory(section: Section) {
  return { id: section.key, label: section.label, band: section.band, description: section.description };
}

/** A DisMech frequency in words: its enum values and HPO frequency terms; anything else as given. */
export function frequencyInWords(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value} (as given)`;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const given = value.trim();
  const key = FREQUENCY_TERMS[given.toUpperCase()] ?? given.toUpperCase().replace(/[\s-]+/g, '_');
  return FREQUENCIES[key] ?? `${given} (as given)`;
}

function noteOf(field: string, value: unknown): string | undefined {
  const name = humanise(field).replace(/^./, (c) => c.toUpperCase());
  if (typeof value === 'boolean') return `${name}: ${value ? 'yes' : 'no'}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `${name}: ${value}`;
  if (typeof value === 'string' && value.trim() !== '') return `${name}: ${/^[A-Z][A-Z_]+$/.test(value) ? humanise(value) : value.trim()}`;
  if (Array.isArray(value)) {
    const texts = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return texts.length > 0 ? `${name}: ${texts.join('; ')}` : undefined;
  }
  return undefined;
}

/** Sentences joined, each ending in a full stop; undefined when there are none. */
function joinNotes(parts: readonly (string | undefined)[]): string | undefined {
  const sentences = parts.filter((p): p is string => p !== undefined && p.trim() !== '').map((p) => p.trim().replace(/([^.!?])$/, '$1.'));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** `VERY_FREQUENT` → "very frequent"; `cell_types` → "cell types". */
function humanise(name: string): string {
  return name.replace(/_/g, ' ').toLowerCase();
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function fold(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
