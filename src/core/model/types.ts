/**
 * The data model of a Pathomap map.
 *
 * Two layers: the *file* types mirror what an author writes in YAML (and what
 * `graph-data/schema.json` describes); the *resolved* types are what the loader
 * hands to the rest of the app once every reference, quote and id has been checked.
 * Nothing here touches the DOM or Svelte.
 */

export const EVIDENCE_LEVELS = [
  'systematic-review',
  'rct',
  'cohort',
  'case-control',
  'case-series',
  'case-report',
  'animal-model',
  'review',
  'expert-opinion',
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Human-readable names for evidence levels, used in the legend, panel and exports. */
export const EVIDENCE_LEVEL_LABELS: Record<EvidenceLevel, string> = {
  'systematic-review': 'Systematic review',
  rct: 'Randomised controlled trial',
  cohort: 'Cohort study',
  'case-control': 'Case-control study',
  'case-series': 'Case series',
  'case-report': 'Case report',
  'animal-model': 'Animal model',
  review: 'Narrative review',
  'expert-opinion': 'Expert opinion',
};

export const NODE_SHAPES = [
  'circle',
  'square',
  'diamond',
  'triangle',
  'hexagon',
  'pentagon',
  'star',
  'triangle-down',
] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

/**
 * What a relation says happens, drawn on its line (arrowhead, T-bar, no head, a cross), apart
 * from how well it is supported (the evidence level, the line pattern). Read as "source
 * <effect> target": the source is the actor, e.g. a therapy `treats` the disease.
 */
export const RELATION_EFFECTS = [
  'promotes',
  'inhibits',
  'associated',
  'treats',
  'advised-against',
  'diagnoses',
  'part-of',
] as const;
export type RelationEffect = (typeof RELATION_EFFECTS)[number];

/** How the legend and the Details panel name each effect. */
export const RELATION_EFFECT_LABELS: Record<RelationEffect, string> = {
  promotes: 'Promotes or leads to',
  inhibits: 'Inhibits or prevents',
  associated: 'Associated (no direction of cause)',
  treats: 'Used to treat',
  'advised-against': 'Advised against',
  diagnoses: 'Used to diagnose or image',
  'part-of': 'Is a kind or part of',
};

/** Whether an evidence item backs its claim or speaks against it. */
export const EVIDENCE_STANCES = ['supports', 'contradicts'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

/**
 * What the tool or knowledge base that recorded an evidence item says it does for the claim
 * (DisMech's `supports`: SUPPORT, REFUTE, PARTIAL, NO_EVIDENCE, WRONG_STATEMENT).
 */
export const EVIDENCE_VERDICTS = ['supports', 'refutes', 'partial', 'no-evidence', 'wrong-statement'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

/** How the Details panel says each verdict, in words. */
export const EVIDENCE_VERDICT_LABELS: Record<EvidenceVerdict, string> = {
  supports: 'Supports the claim',
  refutes: 'Refutes the claim',
  partial: 'Supports the claim in part',
  'no-evidence': 'Holds no evidence on the claim',
  'wrong-statement': 'Says the claim is wrongly stated',
};

/** Where recorded evidence comes from, as its publisher classes it (DisMech's `evidence_source`). */
export const EVIDENCE_ORIGINS = ['human-clinical', 'model-organism', 'in-vitro', 'computational', 'other'] as const;
export type EvidenceOrigin = (typeof EVIDENCE_ORIGINS)[number];

export const EVIDENCE_ORIGIN_LABELS: Record<EvidenceOrigin, string> = {
  'human-clinical': 'Human clinical observations',
  'model-organism': 'Animal model (in vivo)',
  'in-vitro': 'In vitro or ex vivo',
  computational: 'Computational (in silico)',
  other: 'Other',
};

export interface Point {
  x: number;
  y: number;
}

// ---------------------------------------------------------------------------
// File layer: exactly what the YAML holds.
// ---------------------------------------------------------------------------

export interface QuoteEvidenceEntry {
  ref: string;
  /** Verbatim passage of the reference's stored `file` (whitespace-normalised match). */
  quote: string;
  /** Optional remark by the map author on why this passage supports the claim. */
  note?: string;
  /** Default `supports`; `contradicts` when the passage speaks against the claim. */
  stance?: EvidenceStance;
}

export interface FindingEvidenceEntry {
  ref: string;
  /** A finding of the reference, in the map author's own words. */
  finding: string;
  /** The kind of study the finding comes from. */
  level: EvidenceLevel;
  /** A limitation the reader must see next to the finding. */
  caveat?: string;
  /** Default `supports`; `contradicts` when the finding speaks against the claim. */
  stance?: EvidenceStance;
}

/**
 * Evidence as another tool or knowledge base recorded it (a DisMech evidence item, a resource
 * attached in CmapTools): cited by them, not checked by Pathomap, which stores no text of the
 * source. Only maps imported from such tools carry it.
 */
export interface RecordedEvidenceEntry {
  ref: string;
  /** Who recorded the item, e.g. "DisMech" or "CmapTools". */
  recordedIn: string;
  /** A passage of the source as they quote it. */
  excerpt?: string;
  /**
   * Set when they checked the excerpt against the source, saying against what, e.g. "the cited
   * abstract" (DisMech checks every snippet against the abstract of its reference).
   */
  checkedAgainst?: string;
  /** What they say the source does for the claim. */
  verdict?: EvidenceVerdict;
  /** Where they say the evidence comes from. */
  origin?: EvidenceOrigin;
  /** Their curator's note on why the source bears on the claim. */
  note?: string;
  /** `contradicts` when the verdict speaks against the claim. */
  stance?: EvidenceStance;
}

export type EvidenceEntry = QuoteEvidenceEntry | FindingEvidenceEntry | RecordedEvidenceEntry;

/** A term of a public ontology (HP, GO, MONDO, …) that a concept is bound to. */
export interface OntologyTerm {
  /** Its compact id, e.g. "HP:0000155". */
  id: string;
  label?: string;
  /** What the term says about the concept, e.g. "cell type" or "phenotype". */
  role?: string;
}

/**
 * A source the evidence cites. Either a journal article described field by field (`journal`
 * and `year`, with whatever else is known) or, for anything else and for maps imported from
 * other tools, a free-text `citation`. Only what was checked is filled in: a field nobody saw
 * stays out rather than being guessed. `formatCitation` makes the text readers see.
 */
export interface ReferenceEntry {
  id: string;
  /** The citation as free text; for a reference without structured fields. */
  citation?: string;
  /** Authors in PubMed's form, family name then initials: "Valenzuela A", "Davis MDP". */
  authors?: string[];
  /** The author list is cut short: more authors than those named ("et al."). */
  etAl?: boolean;
  title?: string;
  /** The journal, as abbreviated in PubMed, e.g. "Curr Opin Rheumatol". */
  journal?: string;
  year?: number;
  volume?: string;
  issue?: string;
  /** As printed, e.g. "542-8" (pages 542 to 548) or "554" (the first page only). */
  pages?: string;
  pmid?: string;
  doi?: string;
  url?: string;
  /** Path of a stored plain-text copy of the source, relative to the map file's folder. */
  file?: string;
}

export interface CategoryEntry {
  id: string;
  label: string;
  /** Hex colour; by default the next of the Okabe–Ito palette (see `categoryStyle`). */
  color?: string;
  /** By default the next of the shape cycle, so no two categories look alike. */
  shape?: NodeShape;
  /** Horizontal band of the layout, left to right; defaults to the category's position in the list. */
  band?: number;
  description?: string;
}

export interface NodeEntry {
  id: string;
  label: string;
  category: string;
  summary: string;
  evidence: EvidenceEntry[];
  aliases?: string[];
  notes?: string;
  /** A saved position: the node is drawn here on load (see "Save layout"). */
  position?: Point;
  /**
   * The id of a concept that groups this one (e.g. "Autoantibodies" for anti-PM/Scl): the
   * members are drawn together inside their group, and the group's relations speak for them.
   */
  parent?: string;
  /** Ontology terms the concept is bound to (from imported maps, e.g. DisMech). */
  terms?: OntologyTerm[];
}

export interface EdgeEntry {
  /** Optional stable id; derived from the ends when absent. */
  id?: string;
  source: string;
  target: string;
  /** Read as "source relation target", e.g. "is associated with". */
  relation: string;
  /** What the relation says happens; inferred from `relation` when absent (see `inferEffect`). */
  effect?: RelationEffect;
  /**
   * The level of the relation's primary evidence (the study it rests on, not a review that
   * cites it). Required in a Pathomap file; a relation imported without evidence has none.
   */
  level?: EvidenceLevel;
  /**
   * Set when the relation is carried over from another population or species than the map's
   * subject: says from what, e.g. "heritable mineralization disorders and mouse models".
   */
  extrapolated?: string;
  evidence: EvidenceEntry[];
  notes?: string;
}

export interface TourStepEntry {
  nodes: string[];
  caption: string;
  /** Show only the neighbourhood of the step's nodes within this many steps. */
  focus?: number;
}

export interface TourEntry {
  id: string;
  title: string;
  steps: TourStepEntry[];
}

export interface MapFile {
  title: string;
  description?: string;
  references: ReferenceEntry[];
  categories: CategoryEntry[];
  nodes: NodeEntry[];
  edges: EdgeEntry[];
  tours?: TourEntry[];
}

// ---------------------------------------------------------------------------
// Resolved layer: what the app renders.
// ---------------------------------------------------------------------------

/** Character offsets [start, end) into a reference's stored text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface QuoteEvidence extends QuoteEvidenceEntry {
  kind: 'quote';
  /** Where the quote sits in the reference text; absent when it could not be verified. */
  span?: TextSpan;
}

export interface FindingEvidence extends FindingEvidenceEntry {
  kind: 'finding';
}

export interface RecordedEvidence extends RecordedEvidenceEntry {
  kind: 'recorded';
}

export type Evidence = QuoteEvidence | FindingEvidence | RecordedEvidence;

export interface Reference extends ReferenceEntry {
  /** The stored source text, when the reference has a `file`. */
  text?: string;
}

export interface Category extends CategoryEntry {
  band: number;
  color: string;
  shape: NodeShape;
}

export interface ConceptNode extends Omit<NodeEntry, 'evidence'> {
  evidence: Evidence[];
  /**
   * Nothing backs this concept: it comes from a map imported from another tool, which carried
   * no evidence (`evidence` is then empty). Show it as "no source". A Pathomap file cannot
   * produce it: there the schema requires evidence.
   */
  unsourced?: true;
}

export interface Relation extends Omit<EdgeEntry, 'evidence' | 'id' | 'effect'> {
  id: string;
  effect: RelationEffect;
  evidence: Evidence[];
  /** Its evidence both supports and contradicts it: shown as disputed, with both sides. */
  disputed?: true;
  /** Nothing backs this relation; see `ConceptNode.unsourced`. */
  unsourced?: true;
}

export interface Tour extends TourEntry {}

export interface PathoMap {
  /** File name without extension, e.g. "calcinosis-ssc". */
  id: string;
  title: string;
  description?: string;
  references: Reference[];
  categories: Category[];
  nodes: ConceptNode[];
  edges: Relation[];
  tours: Tour[];
}

// ---------------------------------------------------------------------------
// Problems found while loading.
// ---------------------------------------------------------------------------

export interface Problem {
  /** The file as the user named it, e.g. "graph-data/calcinosis-ssc.yaml". */
  file: string;
  /** 1-based line and column of the offending field (1:1 when the whole file is at fault). */
  line: number;
  column: number;
  /** Field path, e.g. "nodes[3].evidence[0].quote"; "" for the whole document. */
  path: string;
  message: string;
  /** How to fix it. */
  hint?: string;
  severity: 'error' | 'warning';
}

export interface LoadResult {
  /** Present when the file could be read far enough to show; may be present alongside problems. */
  map?: PathoMap;
  problems: Problem[];
  /**
   * The map's seeded layout, settled in advance by the build, so the app draws it at once
   * instead of laying it out on every load. The same positions the app would compute.
   */
  layout?: Record<string, Point>;
}

/** "file:line:column path: message (hint)" — the one-line form used by the CLI and the app. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const field = p.path ? ` ${p.path}` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}${field}: ${p.message}${hint}`;
}
