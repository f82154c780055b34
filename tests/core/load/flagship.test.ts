// The flagship map's own rules, beyond what the checker asks of every map: a story a teacher can
// tell (a centre that is not a hub of spokes, tours in small steps whose captions name what they
// show), and what its sources demand (effects declared, extrapolation and disputes marked,
// caveats beside the findings that need them, references as structured as the sources allow).
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadMapFile } from '../../../scripts/lib/load-map-file.ts';
import { formatCitation } from '../../../src/core/model/citation.ts';
import { formatProblem, type ConceptNode, type PathoMap } from '../../../src/core/model/types.ts';

const FLAGSHIP = 'graph-data/calcinosis-ssc.yaml';
const CENTRE = 'calcinosis-cutis';

let map: PathoMap;
let file: { edges: Record<string, unknown>[] };
beforeAll(async () => {
  const result = await loadMapFile(FLAGSHIP);
  expect(result.problems.map(formatProblem)).toEqual([]);
  map = result.map!;
  file = parse(await readFile(FLAGSHIP, 'utf8')) as typeof file;
});

const node = (id: string): ConceptNode => map.nodes.find((n) => n.id === id)!;
const relation = (id: string) => map.edges.find((e) => e.id === id)!;

/** Lower case, every run of other characters than letters and digits one space, padded. */
const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The names a caption may use for a concept: its label (also without parentheses) and aliases. */
function namesOf(concept: ConceptNode): string[] {
  const label = concept.label;
  const bare = label.replace(/\s*\([^)]*\)/g, '');
  return [label, bare, ...(concept.aliases ?? [])].map(words);
}

/** The concepts of a step that its caption does not name. */
function unnamed(caption: string, concepts: readonly ConceptNode[]): string[] {
  const text = words(caption);
  return concepts.filter((c) => !namesOf(c).some((name) => text.includes(name))).map((c) => c.id);
}

describe('the flagship map as a story', () => {
  it('keeps the central concept to about a dozen direct relations, the rest through groups', () => {
    const direct = map.edges.filter((e) => e.source === CENTRE || e.target === CENTRE);
    expect(direct.length).toBeLessThanOrEqual(13);
    const groups = new Set(map.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
    expect(groups.size).toBeGreaterThanOrEqual(6);
    // Every group is linked into the story.
    for (const group of groups) {
      expect(map.edges.some((e) => e.source === group || e.target === group) || group === 'calcinosis-kinds', group).toBe(true);
    }
  });

  it('has no concepts that describe the literature instead of the disease', () => {
    const labels = map.nodes.map((n) => n.label.toLowerCase());
    for (const gone of ['observational studies', 'genetic studies in animal models', 'case series & case reports', 'almost 1 in 4 ssc patients']) {
      expect(labels).not.toContain(gone);
    }
    expect(map.categories.map((c) => c.id)).not.toContain('studies');
  });

  it('bands its categories left to right: models, mechanisms, disease, clinical, diagnosis, therapies', () => {
    const byBand = [...map.categories].sort((a, b) => a.band - b.band).map((c) => c.id);
    expect(byBand).toEqual(['models', 'mechanisms', 'disease', 'clinical', 'diagnosis', 'therapies']);
  });

  it('has the story, a clinic tour and a mechanisms tour, in steps of at most five concepts', () => {
    expect(map.tours.map((t) => t.id)).toEqual(['story', 'clinic', 'mechanisms']);
    for (const tour of map.tours) {
      for (const [i, step] of tour.steps.entries()) expect(step.nodes.length, `${tour.id} step ${i + 1}`).toBeLessThanOrEqual(5);
    }
    expect(map.tours.find((t) => t.id === 'clinic')!.steps.length).toBeLessThanOrEqual(5);
  });

  it('names, in every caption, each concept the step highlights', () => {
    for (const tour of map.tours) {
      for (const [i, step] of tour.steps.entries()) {
        expect(unnamed(step.caption, step.nodes.map(node)), `${tour.id} step ${i + 1}: ${step.caption}`).toEqual([]);
      }
    }
  });

  it('tells mouse evidence and human evidence in separate steps, and says the mechanism in SSc is unknown', () => {
    const mouse = new Set(['mouse-models', 'mgp-deficient-mice', 'fetuin-a-deficient-mice', 'ttw-mice']);
    const human = new Set(['digital-ischaemia', 'capillary-dropout', 'osteonectin', 'heritable-ectopic-mineralization', 'pxe']);
    for (const tour of map.tours) {
      for (const step of tour.steps) {
        const hasMouse = step.nodes.some((id) => mouse.has(id));
        const hasHuman = step.nodes.some((id) => human.has(id));
        expect(hasMouse && hasHuman, `${tour.id}: ${step.caption}`).toBe(false);
      }
    }
    for (const id of ['story', 'mechanisms']) {
      const captions = map.tours.find((t) => t.id === id)!.steps.map((s) => s.caption);
      expect(captions.some((c) => /mechanism (of calcinosis )?in SSc is unknown/.test(c)), id).toBe(true);
    }
  });

  it('catches a caption that leaves out a concept it highlights', () => {
    const concepts = [node('ppi'), node('low-ppi-pi-ratio'), node('calcification-process')];
    expect(unnamed('Pyrophosphate and a low PPi/Pi ratio.', concepts)).toEqual(['calcification-process']);
  });
});

describe('the flagship map says no more than its sources', () => {
  it('declares the effect of every relation', () => {
    const undeclared = file.edges.filter((e) => e.effect === undefined).map((e) => `${String(e.source)}->${String(e.target)}`);
    expect(undeclared).toEqual([]);
  });

  it('marks as extrapolated every relation that rests on animal models alone and reaches the disease or the general process', () => {
    const reaches = new Set([CENTRE, 'calcification-process']);
    const mouseOnly = map.edges.filter(
      (e) => reaches.has(e.target) && e.effect !== 'associated' && e.level === 'animal-model',
    );
    expect(mouseOnly.length).toBeGreaterThan(0);
    for (const e of mouseOnly) expect(e.extrapolated, e.id).toBeTruthy();
    expect(relation('calcification-process->calcinosis-cutis')).toMatchObject({
      relation: 'is the general process behind',
      extrapolated: 'heritable ectopic mineralization disorders and mouse models',
    });
  });

  it('shows anti-RNA polymerase III as disputed, with both cohorts', () => {
    const disputed = map.edges.filter((e) => e.disputed).map((e) => e.id);
    expect(disputed).toEqual(['calcinosis-cutis->anti-rnap3']);
    const stances = relation('calcinosis-cutis->anti-rnap3').evidence.map((e) => [e.ref, e.stance ?? 'supports']);
    expect(stances).toEqual([
      ['baron2016', 'supports'],
      ['valenzuela2016', 'contradicts'],
    ]);
  });

  it('says both digital ulcers and osteoporosis are strongly and independently associated, with both odds ratios', () => {
    for (const id of ['digital-ulcers', 'osteoporosis']) {
      expect(node(id).summary).toContain('strongly and independently associated');
      expect(node(id).summary).toMatch(/OR 3\.9.*OR 4\.2|OR 4\.2.*OR 3\.9/);
    }
    const everything = JSON.stringify(map);
    expect(everything).not.toMatch(/most strongly|the strongest (multivariate )?association/i);
  });

  it('keeps each caveat of the sources beside the findings that need it', () => {
    const findings = [...map.nodes, ...map.edges].flatMap((item) => item.evidence.flatMap((e) => (e.kind === 'finding' ? [e] : [])));
    // Mixed, uncontrolled referral series; qualitative review of two diseases; univariate results.
    for (const e of findings.filter((f) => f.ref === 'balin2012')) expect(e.caveat, e.finding).toMatch(/mixed/);
    for (const e of findings.filter((f) => f.ref === 'traineau2020')) expect(e.caveat, e.finding).toMatch(/qualitative/i);
    for (const e of findings.filter((f) => /univariate/i.test(f.finding))) expect(e.caveat, e.finding).toMatch(/univariate/i);
    for (const e of findings.filter((f) => f.ref === 'bottomley1996' && /laser/i.test(f.finding))) expect(e.caveat).toMatch(/6 patients/);
  });

  it('says of every therapy, surgery and laser included, that no treatment convinces or the evidence is weak', () => {
    for (const therapy of map.nodes.filter((n) => n.category === 'therapies')) {
      const caveats = therapy.evidence.map((e) => (e.kind === 'finding' ? (e.caveat ?? '') : '')).join(' ');
      expect(caveats, therapy.id).toMatch(/convincingly|weak/);
    }
  });

  it('calls CO2 laser tried, not a treatment, and ultrasound an alternative by 2021', () => {
    expect(node('co2-laser').summary).toMatch(/has been tried/);
    expect(node('ultrasonography').summary).toMatch(/alternative/);
    expect(node('low-ppi-pi-ratio').summary).toMatch(/hypothesis/);
    expect(JSON.stringify(map)).not.toMatch(/single underlying defect|is treated with|Pooling 30 studies/);
  });

  it('links limited cutaneous SSc to SSc, and drugs and CT techniques to what they belong to', () => {
    expect(relation('limited-cutaneous-ssc->systemic-sclerosis').effect).toBe('part-of');
    for (const id of ['warfarin', 'diltiazem', 'bisphosphonates', 'rituximab', 'sodium-thiosulfate', 'other-drugs']) {
      expect(node(id).parent, id).toBe('pharmacologic-therapies');
    }
    for (const id of ['mdct', 'dect', 'cinematic-rendering-ct']) expect(relation(`${id}->computed-tomography`).effect).toBe('part-of');
    for (const id of ['ppi', 'phosphate']) expect(relation(`${id}->low-ppi-pi-ratio`)).toBeDefined();
  });

  it('says "the stored abstract", never "full text", and leaves no note about what was not checked', () => {
    const everything = JSON.stringify(map.nodes) + JSON.stringify(map.edges) + map.description + JSON.stringify(map.tours);
    expect(everything).not.toMatch(/full text|not checked/i);
    expect(map.description).toContain('stored abstract');
    for (const r of map.references) expect(formatCitation(r), r.id).not.toMatch(/not checked|PMC/);
  });

  it('gives every reference its fields as far as FACTS.md shows them, and no more', () => {
    for (const r of map.references) {
      expect(r.citation, r.id).toBeUndefined();
      expect(r.journal, r.id).toBeTruthy();
      expect(r.year, r.id).toBeGreaterThan(1900);
    }
    const byId = new Map(map.references.map((r) => [r.id, r]));
    // Known by title only, their authors unseen; and one whose title was not checked.
    expect(byId.get('rituximab2012')!.authors).toBeUndefined();
    expect(byId.get('sts2021')!.authors).toBeUndefined();
    expect(byId.get('li2016')!.title).toBeUndefined();
    expect(formatCitation(byId.get('li2016')!)).toBe('Li Q, Arányi T, Váradi A, Terry SF, Uitto J. J Invest Dermatol 2016');
    expect(formatCitation(byId.get('valenzuela2016')!)).toBe(
      'Valenzuela A, Baron M, et al. Calcinosis is associated with digital ulcers and osteoporosis in patients with systemic sclerosis: a Scleroderma Clinical Trials Consortium study. Semin Arthritis Rheum 2016;46(3):344-9',
    );
  });
});
