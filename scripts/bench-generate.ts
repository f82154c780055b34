/**
 * Seeded graphs for the benchmark and the large-map tests: the same options give the same map,
 * byte for byte, on every machine.
 *
 * - `uniform`: `nodes` concepts spread over six bands with about `edgesPerNode` relations each,
 *   joining concepts in the same or a neighbouring band; short labels.
 * - `concept`: shaped like a literature-derived concept map: clusters (one mechanism each) around
 *   a hub, most relations inside a cluster, some between clusters of neighbouring bands, a few
 *   concepts everyone cites, and labels of two to five words.
 * - `banded`: shaped like the flagship map, for the readability benchmark: six categories in
 *   bands 0..5, one hub concept in the middle band that about half of all relations touch, the
 *   other relations mostly between neighbouring bands and running left to right, and labels of
 *   one to four words.
 */
import { inferEffect } from '../src/core/model/effects.ts';
import { createRandom, type RandomSource } from '../src/core/model/random.ts';
import type { Category, ConceptNode, EvidenceLevel, LoadResult, PathoMap, Relation } from '../src/core/model/types.ts';

export type GraphKind = 'uniform' | 'concept' | 'banded';

export interface GenerateOptions {
  nodes: number;
  kind?: GraphKind;
  /** Relations per concept, on average. Default 1.5. */
  edgesPerNode?: number;
  seed?: string | number;
  /** The map's id (also the layout's seed). Default from kind and size. */
  id?: string;
}

const CATEGORIES: readonly Omit<Category, 'band'>[] = [
  { id: 'genes', label: 'Genes & molecules', color: '#009E73', shape: 'hexagon' },
  { id: 'mechanisms', label: 'Pathomechanisms', color: '#D55E00', shape: 'diamond' },
  { id: 'cells', label: 'Cells & tissues', color: '#CC79A7', shape: 'pentagon' },
  { id: 'disease', label: 'Disease & phenotypes', color: '#0072B2', shape: 'circle' },
  { id: 'signs', label: 'Signs & tests', color: '#E69F00', shape: 'square' },
  { id: 'treatment', label: 'Treatments', color: '#56B4E9', shape: 'triangle' },
];

const LEVELS: readonly EvidenceLevel[] = [
  'systematic-review', 'rct', 'cohort', 'case-control', 'case-series', 'case-report', 'animal-model', 'review', 'expert-opinion',
];

const VERBS = ['promotes', 'inhibits', 'is associated with', 'leads to', 'activates', 'is detected by', 'is treated with', 'increases', 'reduces', 'requires'];

const HEADS = ['Calcium', 'Phosphate', 'Fibroblast', 'Endothelial', 'Macrophage', 'Osteopontin', 'Fetuin-A', 'Pyrophosphate', 'Hypoxia', 'Collagen', 'Interleukin-6', 'TGF-beta', 'Vitamin K', 'Matrix Gla', 'Alkaline phosphatase', 'ENPP1', 'Klotho', 'FGF23', 'Parathyroid', 'Complement'];
const MIDDLES = ['signalling', 'deposition', 'activation', 'deficiency', 'release', 'uptake', 'crystal growth', 'differentiation', 'injury', 'remodelling', 'expression', 'clearance'];
const TAILS = ['in skin', 'in vessels', 'in fibroblasts', 'in serum', 'after ischaemia', 'in mice', 'in SSc', 'at the fingertips', '', '', '', ''];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function label(random: RandomSource, i: number): string {
  const words = [pick(random, HEADS), pick(random, MIDDLES), pick(random, TAILS)].filter(Boolean).join(' ');
  // Numbered, so that every label is unique and can be searched for.
  return `${words} ${i}`;
}

/** A resolved map (what the app renders); wrap with `asLoadResult` to publish it. */
export function generateMap(options: GenerateOptions): PathoMap {
  const n = Math.max(1, Math.floor(options.nodes));
  const kind = options.kind ?? 'uniform';
  if (kind === 'banded') return generateBandedMap({ ...options, nodes: n });
  const perNode = options.edgesPerNode ?? 1.5;
  const random = createRandom(options.seed ?? `${kind}-${n}`);
  const categories: Category[] = CATEGORIES.map((c, band) => ({ ...c, band }));
  const id = options.id ?? `bench-${kind}-${n}`;

  const nodes: ConceptNode[] = [];
  const bandMembers: number[][] = categories.map(() => []);
  /** Per node, its cluster (concept maps) or -1. */
  const clusterOf: number[] = [];
  const clusters: number[][] = [];
  if (kind === 'concept') {
    // Clusters of ~25..60 concepts, each in one band, with its first member as the hub.
    let i = 0;
    while (i < n) {
      const size = Math.min(n - i, 25 + Math.floor(random() * 36));
      const band = Math.floor(random() * categories.length);
      const members: number[] = [];
      for (let k = 0; k < size; k++, i++) {
        // Most concepts share the cluster's band; some sit in the next band over.
        const own = random() < 0.8 ? band : Math.min(categories.length - 1, Math.max(0, band + (random() < 0.5 ? -1 : 1)));
        members.push(i);
        clusterOf.push(clusters.length);
        bandMembers[own]!.push(i);
        nodes.push(node(i, categories[own]!.id, label(random, i)));
      }
      clusters.push(members);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const band = Math.floor(random() * categories.length);
      bandMembers[band]!.push(i);
      clusterOf.push(-1);
      nodes.push(node(i, categories[band]!.id, `Concept ${i}`));
    }
  }
  const bandOf = (i: number) => categories.findIndex((c) => c.id === nodes[i]!.category);
  const bands = nodes.map((_, i) => bandOf(i));

  const edges: Relation[] = [];
  const seen = new Set<string>();
  const target = Math.round(n * perNode);
  const add = (s: number, t: number) => {
    if (s === t) return false;
    const key = `${s}>${t}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const relation = pick(random, VERBS);
    edges.push({
      id: `e${edges.length}`,
      source: nodes[s]!.id,
      target: nodes[t]!.id,
      relation,
      effect: inferEffect(relation),
      level: pick(random, LEVELS),
      evidence: [],
    });
    return true;
  };
  // A few concepts everyone cites (the disease itself, a key molecule).
  const famous = Array.from({ length: Math.max(1, Math.round(n / 500)) }, () => Math.floor(random() * n));
  let attempts = 0;
  while (edges.length < target && attempts++ < target * 20 && n > 1) {
    const s = Math.floor(random() * n);
    let t: number;
    if (kind === 'concept') {
      const r = random();
      const members = clusters[clusterOf[s]!]!;
      if (r < 0.35) t = members[0]!; // the cluster's hub
      else if (r < 0.8) t = pick(random, members);
      else if (r < 0.83) t = pick(random, famous);
      else {
        const band = Math.min(categories.length - 1, Math.max(0, bands[s]! + (random() < 0.5 ? 1 : -1)));
        const pool = bandMembers[band]!.length > 0 ? bandMembers[band]! : bandMembers[bands[s]!]!;
        t = pick(random, pool);
      }
    } else {
      const band = Math.min(categories.length - 1, Math.max(0, bands[s]! + Math.floor(random() * 3) - 1));
      const pool = bandMembers[band]!.length > 0 ? bandMembers[band]! : bandMembers[bands[s]!]!;
      t = pick(random, pool);
    }
    // Mostly left to right, as the story reads.
    if (bands[s]! > bands[t]!) add(t, s);
    else add(s, t);
  }

  return {
    id,
    title: `${kind === 'concept' ? 'Concept map' : 'Uniform graph'} of ${n.toLocaleString('en')} concepts`,
    references: [],
    categories,
    nodes,
    edges,
    tours: [],
  };
}

// Words for labels of one to four words, as on the flagship ("Vascular hypoxia", "Low PPi/Pi ratio").
const MODIFIERS = ['Low', 'High', 'Chronic', 'Local', 'Vascular', 'Dystrophic', 'Ectopic', 'Systemic', 'Digital', 'Serum', 'Reduced', 'Impaired', 'Topical', 'Oral'];
const SUBJECTS = ['calcium', 'phosphate', 'fibroblast', 'macrophage', 'osteopontin', 'fetuin-A', 'pyrophosphate', 'collagen', 'IL-6', 'TGF-beta', 'ENPP1', 'klotho', 'FGF23', 'complement', 'endothelin', 'warfarin'];
const NOUNS = ['deposition', 'activation', 'deficiency', 'release', 'uptake', 'injury', 'remodelling', 'expression', 'clearance', 'hypoxia', 'inflammation', 'ulcers', 'levels', 'therapy'];
const PLACES = ['skin', 'vessels', 'serum', 'fingertips', 'tendons', 'muscle', 'SSc'];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function bandedLabel(random: RandomSource): string {
  const r = random();
  const words =
    r < 0.15
      ? [pick(random, NOUNS)]
      : r < 0.55
        ? [pick(random, random() < 0.5 ? MODIFIERS : SUBJECTS), pick(random, NOUNS)]
        : r < 0.85
          ? [pick(random, MODIFIERS), pick(random, SUBJECTS), pick(random, NOUNS)]
          : [pick(random, SUBJECTS), pick(random, NOUNS), 'in', pick(random, PLACES)];
  return capitalised(words.join(' '));
}

/** Bands 0..5; the hub sits in band 2, as the flagship's central concept does. */
export const BANDED_HUB_BAND = 2;
/** Share of the other concepts that link to the hub (on the flagship, 50 of 65). */
const HUB_LINK_SHARE = 0.6;

/** See `banded` above. The hub is the first concept, `c0`. Default 1.2 relations per concept. */
function generateBandedMap(options: GenerateOptions): PathoMap {
  const n = options.nodes;
  const random = createRandom(options.seed ?? `banded-${n}`);
  const categories: Category[] = CATEGORIES.map((c, band) => ({ ...c, band }));
  const last = categories.length - 1;
  const bands: number[] = [BANDED_HUB_BAND];
  const members: number[][] = categories.map(() => []);
  members[BANDED_HUB_BAND]!.push(0);
  const nodes: ConceptNode[] = [node(0, categories[BANDED_HUB_BAND]!.id, bandedLabel(random))];
  for (let i = 1; i < n; i++) {
    const band = Math.floor(random() * categories.length);
    bands.push(band);
    members[band]!.push(i);
    nodes.push(node(i, categories[band]!.id, bandedLabel(random)));
  }

  const edges: Relation[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number): boolean => {
    if (a === b || seen.has(`${a}>${b}`) || seen.has(`${b}>${a}`)) return false;
    // Mostly left to right, as the story reads; one in ten runs back.
    const forward = bands[a]! < bands[b]! || (bands[a] === bands[b] && a < b);
    const [s, t] = forward === random() < 0.9 ? [a, b] : [b, a];
    seen.add(`${s}>${t}`);
    const relation = pick(random, VERBS);
    edges.push({ id: `e${edges.length}`, source: nodes[s]!.id, target: nodes[t]!.id, relation, effect: inferEffect(relation), level: pick(random, LEVELS), evidence: [] });
    return true;
  };
  /** A concept in the same or a nearby band of `i` (most often the next band over), if there is one. */
  const nearby = (i: number, among: (j: number) => boolean): number | undefined => {
    const r = random();
    const step = r < 0.2 ? 0 : r < 0.9 ? 1 : 2;
    const band = Math.min(last, Math.max(0, bands[i]! + (random() < 0.5 ? -step : step)));
    const pool = members[band]!.filter((j) => j !== i && j !== 0 && among(j));
    return pool.length > 0 ? pick(random, pool) : undefined;
  };
  // First a tree, so the map is connected: each concept links to the hub or to an earlier one.
  for (let i = 1; i < n; i++) {
    const other = random() < HUB_LINK_SHARE ? 0 : (nearby(i, (j) => j < i) ?? 0);
    add(other, i);
  }
  const target = Math.max(edges.length, Math.round(n * (options.edgesPerNode ?? 1.2)));
  for (let attempts = 0; edges.length < target && attempts < target * 20; attempts++) {
    const s = 1 + Math.floor(random() * (n - 1));
    const t = nearby(s, () => true);
    if (t !== undefined) add(s, t);
  }

  return {
    id: options.id ?? `bench-banded-${n}`,
    title: `Banded concept map of ${n.toLocaleString('en')} concepts`,
    references: [],
    categories,
    nodes,
    edges,
    tours: [],
  };
}

function node(i: number, category: string, text: string): ConceptNode {
  return { id: `c${i}`, label: text, category, summary: `Generated concept ${i}.`, evidence: [] };
}

/** The payload the build publishes as `maps/<id>.json`. */
export function asLoadResult(map: PathoMap): LoadResult {
  return { map, problems: [] };
}
