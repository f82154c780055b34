// The slide scene: what a slide of the flagship map shows, in slide pixels, and the SVG written
// from it — sized for the slide, the map kept at 75% of its height, one text per label, each
// relation drawn by the shared relation look.
import { beforeAll, describe, expect, it } from 'vitest';
import { settledPositions } from '../../src/core/layout/host.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { contentBounds, stepBounds } from '../../src/render/bounds.ts';
import { LOOK, THEME } from '../../src/render/look.ts';
import { EFFECT_LOOK, relationDash } from '../../src/render/relation-look.ts';
import { deriveSceneState, deriveShown, sceneIndex, type SceneIndex, type SceneState } from '../../src/render/scene-state.ts';
import {
  MAP_HEIGHT_SHARE,
  mapSlides,
  referencePages,
  SLIDE_FORMATS,
  slideTexts,
  type SlideMapInput,
  type SlideScene,
} from '../../src/render/slide-scene.ts';
import { slideSvg } from '../../src/render/slide-svg.ts';
import { citationLine } from '../../src/core/export/speaker-notes.ts';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';

let map: PathoMap;
let positions: Map<string, Point>;
let index: SceneIndex;

beforeAll(async () => {
  map = (await loadMapFile('graph-data/calcinosis-ssc.yaml')).map!;
  positions = settledPositions(map);
  index = sceneIndex(map.nodes, map.edges);
}, 30_000);

function stateOf(emphasised: readonly string[] | null, selected?: string): SceneState {
  const shown = deriveShown(index, new Set(map.nodes.map((n) => n.id)), map.edges);
  const nodes = new Set(emphasised ?? []);
  const emphasis = emphasised
    ? { nodes, edges: new Set(map.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id)) }
    : null;
  return deriveSceneState(index, shown, {
    emphasis,
    selection: selected ? { kind: 'node', id: selected } : null,
    path: null,
    hovered: null,
    hoveredEdge: null,
    focused: null,
    pinned: new Set(),
    relationsOf: () => [],
  });
}

function wholeMap(state = stateOf(null)): SlideMapInput {
  const shown = map.nodes.map((n, i) => ({ id: n.id, label: n.label, r: index.radius[i]! }));
  return { map, index, state, positions, frame: contentBounds(shown, shown.length, positions)! };
}

const citationsOf = (n: number) => map.references.slice(0, n).map(citationLine);

describe('a slide of the map', () => {
  it.each(['16:9', '4:3'] as const)('is exactly the %s slide, the whole map inside its area', (format) => {
    const [slide] = mapSlides(wholeMap(), { format, theme: 'light' });
    expect({ width: slide!.width, height: slide!.height }).toEqual(SLIDE_FORMATS[format]);
    expect(slide!.map!.concepts).toHaveLength(map.nodes.length);
    const area = slide!.area!;
    for (const c of slide!.map!.concepts) {
      expect(c.text.box.x, c.id).toBeGreaterThanOrEqual(area.x - 1);
      expect(c.text.box.x + c.text.box.width, c.id).toBeLessThanOrEqual(area.x + area.width + 1);
      expect(c.text.box.y + c.text.box.height, c.id).toBeLessThanOrEqual(area.y + area.height + 1);
    }
  });

  it('places each concept where the map puts it, by one transform (the fit into its area)', () => {
    const [slide] = mapSlides(wholeMap(), { theme: 'light' });
    const t = slide!.map!.transform;
    for (const c of slide!.map!.concepts) {
      const p = positions.get(c.id)!;
      expect(c.marker.centre.x).toBeCloseTo(p.x * t.k + t.x, 6);
      expect(c.marker.centre.y).toBeCloseTo(p.y * t.k + t.y, 6);
      expect(c.marker.r).toBeCloseTo(index.radius[index.node.get(c.id)!]! * t.k, 6);
    }
  });

  it('keeps the map at least 75% of the slide high with a title, caption and citations; too many go to pages of their own', () => {
    const options = { theme: 'light' as const, title: map.title, caption: 'What calcinosis is.', step: 'Step 1 of 8', legend: true };
    const few = mapSlides(wholeMap(), { ...options, citations: citationsOf(1) });
    expect(few).toHaveLength(1);
    expect(few[0]!.area!.height / few[0]!.height).toBeGreaterThanOrEqual(MAP_HEIGHT_SHARE);
    expect(few[0]!.texts.filter((t) => t.role === 'citation')).toHaveLength(1);

    const all = citationsOf(map.references.length);
    const many = mapSlides(wholeMap(), { ...options, citations: all });
    expect(many.length).toBeGreaterThan(1);
    expect(many[0]!.area!.height / many[0]!.height).toBeGreaterThanOrEqual(MAP_HEIGHT_SHARE);
    expect(many[0]!.texts.filter((t) => t.role === 'citation')).toHaveLength(0);
    expect(many[0]!.texts.find((t) => t.role === 'sources')!.lines[0]).toBe(`Sources: ${all.length} references, listed on the next page`);
    // Every citation once, on a page of its own, inside the slide.
    const listed = many.slice(1).flatMap((p) => p.texts.filter((t) => t.role === 'reference'));
    expect(listed.map((t) => t.lines.join(' '))).toEqual(all.map((c) => c.replace(/\s+/g, ' ')));
    for (const page of many) for (const t of page.texts) expect(t.box.y + t.box.height).toBeLessThanOrEqual(page.height);
  });

  it('pages a long list of references', () => {
    const entries = Array.from({ length: 60 }, (_, i) => `Reference ${i + 1}. ${'A long citation text. '.repeat(8)}`);
    const pages = referencePages(entries, { theme: 'dark', title: 'References' });
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flatMap((p) => p.texts.filter((t) => t.role === 'reference')).length).toBe(60);
    expect(pages[1]!.texts[0]!.lines[0]).toBe('References (continued)');
    expect(pages[0]!.background).toBe(THEME.dark.colours.bg);
  });

  it('writes one text per label, with the label lines the map draws', () => {
    const [slide] = mapSlides(wholeMap(), { theme: 'light' });
    const labels = slideTexts(slide!).filter((t) => t.role === 'label');
    expect(labels).toHaveLength(map.nodes.length);
    expect(new Set(labels.map((t) => t.lines.join(' ')))).toEqual(new Set(map.nodes.map((n) => n.label.replace(/\s+/g, ' '))));
    for (const t of labels) expect(t.plate, 'the halo is a shape behind the text').toBe(THEME.light.colours.labelHalo);
  });

  it('draws each relation by the shared look: its effect end and colour, its evidence pattern', () => {
    const [slide] = mapSlides(wholeMap(), { theme: 'dark' });
    const k = slide!.map!.transform.k;
    const relations = new Map(map.edges.map((e) => [e.id, e]));
    expect(slide!.map!.relations).toHaveLength(map.edges.length);
    for (const r of slide!.map!.relations) {
      const relation = relations.get(r.id)!;
      expect(r.line.endKind).toBe(EFFECT_LOOK[relation.effect].end);
      expect(r.line.colour).toBe(EFFECT_LOOK[relation.effect].colour.dark);
      expect(r.line.dash).toEqual(relationDash(relation.level).map((d) => d * k));
      expect(r.line.width).toBeCloseTo(THEME.dark.edgeWidth * k, 6);
    }
    // The flagship has promoting, inhibiting and treating relations, at least: several ends.
    expect(new Set(slide!.map!.relations.map((r) => r.line.endKind)).size).toBeGreaterThan(3);
  });

  it("fades what a tour step leaves out, as the screen does, and frames the step's concepts", () => {
    const step = map.tours[0]!.steps[3]!;
    const input = { ...wholeMap(stateOf(step.nodes)), frame: stepBounds(step.nodes, positions)! };
    const [slide] = mapSlides(input, { theme: 'light', caption: step.caption, step: 'Step 4 of 8' });
    const concepts = slide!.map!.concepts;
    for (const id of step.nodes) expect(concepts.find((c) => c.id === id)?.faded, id).toBe(false);
    const faded = concepts.filter((c) => c.faded);
    expect(faded.length).toBeGreaterThan(0);
    for (const c of faded) expect(c.opacity).toBe(THEME.light.faded.nodeOpacity);
    // The caption is under the map, never over the step's concepts.
    const caption = slide!.texts.find((t) => t.role === 'caption')!;
    for (const c of concepts.filter((c) => !c.faded)) expect(c.text.box.y + c.text.box.height).toBeLessThanOrEqual(caption.box.y);
    expect(slide!.texts.find((t) => t.role === 'step')!.lines).toEqual(['Step 4 of 8']);
  });

  it('marks the selected concept: bold label, thicker outline, a ring', () => {
    const [slide] = mapSlides(wholeMap(stateOf(null, 'calcinosis-cutis')), { theme: 'light' });
    const selected = slide!.map!.concepts.find((c) => c.id === 'calcinosis-cutis')!;
    const k = slide!.map!.transform.k;
    expect(selected.selected).toBe(true);
    expect(selected.text.weight).toBe('bold');
    expect(selected.marker.strokeWidth).toBeCloseTo(LOOK.marker.selectedOutline * k, 6);
    expect(selected.ring?.colour).toBe(THEME.light.colours.accent);
  });

  it('keys what the slide shows, and only that, in its legend', () => {
    const step = map.tours[0]!.steps[5]!;
    const input = { ...wholeMap(stateOf(step.nodes)), frame: stepBounds(step.nodes, positions)! };
    const [slide] = mapSlides(input, { theme: 'light', legend: true });
    const keyed = slide!.legend!.items.filter((i) => i.marker).map((i) => i.text.lines.join(' '));
    const drawnCategories = new Set(slide!.map!.concepts.map((c) => map.nodes.find((n) => n.id === c.id)!.category));
    expect(new Set(keyed)).toEqual(new Set(map.categories.filter((c) => drawnCategories.has(c.id)).map((c) => c.label)));
    const texts = slide!.legend!.items.map((i) => i.text.lines.join(' '));
    const drawnEffects = new Set(slide!.map!.relations.map((r) => r.effect));
    for (const [effect, look] of Object.entries(EFFECT_LOOK)) {
      const keyed = texts.includes(look.legend.charAt(0).toUpperCase() + look.legend.slice(1));
      expect(keyed, effect).toBe(drawnEffects.has(effect as keyof typeof EFFECT_LOOK));
    }
    expect(slide!.legend!.box.x).toBeGreaterThanOrEqual(slide!.area!.x + slide!.area!.width);
  });

  it('links each concept to its deep link when it is given one', () => {
    const [slide] = mapSlides(wholeMap(), { theme: 'light', link: (id) => `https://maps.example.org/?node=${id}` });
    for (const c of slide!.map!.concepts) {
      expect(c.link).toBe(`https://maps.example.org/?node=${c.id}`);
    }
  });
});

describe('the slide as SVG', () => {
  const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');
  let slide: SlideScene;
  beforeAll(() => {
    slide = mapSlides(wholeMap(stateOf(null, 'digital-ulcers')), { theme: 'print', title: map.title, legend: true, caption: 'A & <b>', citations: citationsOf(2) })[0]!;
  });

  it('is a standalone document exactly the slide size, with no stylesheet or class', () => {
    const text = slideSvg(slide, { title: `Concept map: ${map.title}` });
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['1920', '1080', '0 0 1920 1080']);
    expect(text).not.toMatch(/<style|class=|var\(--|<script|<foreignObject|<image/);
    // Text is text: the caption's markup comes out escaped.
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('A & <b>');
  });

  it('writes every label once, as one <text>, and no text twice', () => {
    const doc = parse(slideSvg(slide));
    const texts = [...doc.querySelectorAll('text')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '));
    expect(texts).toHaveLength(slideTexts(slide).length);
    const scene = slideTexts(slide);
    for (const node of map.nodes) {
      const label = node.label.replace(/\s+/g, ' ');
      expect(scene.filter((t) => t.role === 'label' && t.lines.join(' ') === label), node.label).toHaveLength(1);
      // Written once as the label, and again only where the slide says it elsewhere (a legend entry of the same name).
      expect(texts.filter((t) => t === label), node.label).toHaveLength(scene.filter((t) => t.lines.join(' ') === label).length);
    }
    // No text drawn as its own halo (a stroked copy).
    expect(doc.querySelectorAll('text[stroke]')).toHaveLength(0);
  });
});
