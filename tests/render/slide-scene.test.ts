// The slide scene: what a slide of the flagship map shows, in slide pixels, and the SVG written
// from it — sized for the slide, the map kept at 75% of its height, one text per label, each
// relation drawn by the shared relation look.
import { beforeAll, describe, expect, it } from 'vitest';
import { settledPositions } from '../../src/core/layout/host.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { drawnBounds, stepBounds } from '../../src/render/bounds.ts';
import { drawMap } from '../../src/render/drawn-map.ts';
import { LOOK, THEME } from '../../src/render/look.ts';
import { EFFECT_LOOK, relationDash } from '../../src/render/relation-look.ts';
import { deriveSceneState, deriveShown, sceneIndex, type SceneIndex, type SceneState } from '../../src/render/scene-state.ts';
import {
  MAP_HEIGHT_SHARE,
  mapSlides,
  referencePages,
  SLIDE_FORMATS,
  slideTexts,
  curveInside,
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

const radiusOf = (id: string) => index.radius[index.node.get(id)!]!;

/** The whole map, framed as the app frames it (labels beside members, groups' boxes). */
function wholeMap(state = stateOf(null)): SlideMapInput {
  return { map, index, state, positions, frame: drawnBounds(map.nodes, new Set(map.nodes.map((n) => n.id)), radiusOf, positions)! };
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

  it('places each concept where the map draws it, by one transform (the fit into its area)', () => {
    const [slide] = mapSlides(wholeMap(), { theme: 'light' });
    const t = slide!.map!.transform;
    const drawn = drawMap({ nodes: map.nodes, relations: map.edges, radius: radiusOf, positions });
    for (const c of slide!.map!.concepts) {
      const marker = drawn.glyphs.get(c.id)!.marker;
      expect(c.marker.centre.x).toBeCloseTo(marker.x * t.k + t.x, 6);
      expect(c.marker.centre.y).toBeCloseTo(marker.y * t.k + t.y, 6);
      expect(c.marker.r).toBeCloseTo(marker.r * t.k, 6);
    }
    // Groups are the boxes the map draws round their members.
    expect(slide!.map!.groups.map((g) => g.id).sort()).toEqual([...drawn.boxes.keys()].sort());
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
    // The halo is a shape behind the text: the page's colour, or inside a group's box the box's.
    const inBox = new Set(slide!.map!.concepts.filter((c) => c.text.align === 'left').map((c) => c.text));
    expect(inBox.size).toBeGreaterThan(0);
    for (const t of labels) expect(t.plate, t.lines.join(' ')).toBe(inBox.has(t) ? THEME.light.colours.surface : THEME.light.colours.labelHalo);
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
    // Faded markers, yet labels an audience can read: opaque, in the muted label colour.
    for (const c of faded) expect([c.text.opacity, c.text.colour], c.id).toEqual([1, THEME.light.faded.label]);
    // The caption is under the map, never over the step's concepts.
    const caption = slide!.texts.find((t) => t.role === 'caption')!;
    for (const c of concepts.filter((c) => !c.faded)) expect(c.text.box.y + c.text.box.height).toBeLessThanOrEqual(caption.box.y);
    expect(slide!.texts.find((t) => t.role === 'step')!.lines).toEqual(['Step 4 of 8']);
  });

  it("cuts what the map area's edge cuts, as the screen's edge does: relations run to it, boxes stop at it", () => {
    // A step framed close: much of the map lies beyond the slide's edges.
    const step = map.tours[0]!.steps[0]!;
    const input = { ...wholeMap(stateOf(step.nodes)), frame: stepBounds(step.nodes, positions)! };
    const [slide] = mapSlides(input, { theme: 'light', caption: step.caption, step: 'Step 1' });
    const area = slide!.area!;
    const drawn = new Set(slide!.map!.concepts.map((c) => c.id));
    const within = (p: Point) => p.x >= area.x - 0.5 && p.x <= area.x + area.width + 0.5 && p.y >= area.y - 0.5 && p.y <= area.y + area.height + 0.5;
    const cut = slide!.map!.relations.filter((r) => {
      const edge = map.edges.find((e) => e.id === r.id)!;
      return !drawn.has(edge.source) || !drawn.has(edge.target);
    });
    expect(cut.length, 'relations to concepts off the slide').toBeGreaterThan(0);
    for (const r of cut) {
      expect(within(r.line.start) && within(r.line.end), r.id).toBe(true);
      const target = map.edges.find((e) => e.id === r.id)!.target;
      if (!drawn.has(target)) expect([r.line.endKind, r.line.head.fill.length, r.line.tip], `${r.id}: no end pointing at nothing`).toEqual(['none', 0, r.line.end]);
    }
    for (const g of slide!.map!.groups) {
      expect(g.box.x >= area.x && g.box.y >= area.y && g.box.x + g.box.width <= area.x + area.width + 0.01 && g.box.y + g.box.height <= area.y + area.height + 0.01, g.id).toBe(true);
    }
    expect(slide!.map!.groups.some((g) => !drawn.has(g.id)), 'a box whose name is cut off is still drawn').toBe(true);
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

describe('the piece of a line inside a box', () => {
  const box = { x: 0, y: 0, width: 100, height: 100 };
  const curve = (start: Point, end: Point, control: Point | null = null) => ({ start, end, control });
  const round = (p: Point) => ({ x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
  it.each([
    ['wholly inside: itself', curve({ x: 10, y: 10 }, { x: 90, y: 50 }), { start: { x: 10, y: 10 }, end: { x: 90, y: 50 } }],
    ['straight, leaving by the right', curve({ x: 50, y: 50 }, { x: 150, y: 50 }), { start: { x: 50, y: 50 }, end: { x: 100, y: 50 } }],
    ['straight, through both sides', curve({ x: -50, y: 20 }, { x: 150, y: 20 }), { start: { x: 0, y: 20 }, end: { x: 100, y: 20 } }],
  ])('%s', (_, line, expected) => {
    const part = curveInside(line, box)!;
    expect({ start: round(part.start), end: round(part.end) }).toEqual(expected);
  });

  it('is null for a line wholly outside', () => {
    expect(curveInside(curve({ x: 120, y: 10 }, { x: 200, y: 90 }), box)).toBeNull();
  });

  it('keeps the kept end as the same point, so a caller can tell it from a cut one', () => {
    const line = curve({ x: 50, y: 50 }, { x: 150, y: 50 });
    expect(curveInside(line, box)!.start).toBe(line.start);
  });

  it('cuts a curve into a piece of the same curve', () => {
    const line = curve({ x: 20, y: 80 }, { x: 180, y: 80 }, { x: 100, y: 0 });
    const part = curveInside(line, box)!;
    expect(round(part.end).x).toBe(100);
    // Points of the piece lie on the whole curve: its midpoint is the whole curve's point at some t.
    const on = (c: typeof line, t: number) => ({
      x: (1 - t) ** 2 * c.start.x + 2 * (1 - t) * t * c.control!.x + t * t * c.end.x,
      y: (1 - t) ** 2 * c.start.y + 2 * (1 - t) * t * c.control!.y + t * t * c.end.y,
    });
    const mid = on(part as typeof line, 0.5);
    const nearest = Math.min(...Array.from({ length: 1001 }, (_, i) => Math.hypot(on(line, i / 1000).x - mid.x, on(line, i / 1000).y - mid.y)));
    expect(nearest).toBeLessThan(0.2);
  });
});
