// The PowerPoint deck written from slide scenes, read back as what it is: a zip of XML parts.
// Concepts are native shapes with one text box per label, relations native lines with the
// evidence dash and the effect's end, the notes hold what they are given, links go where told.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { settledPositions } from '../../src/core/layout/host.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { drawnBounds } from '../../src/render/bounds.ts';
import { deriveSceneState, deriveShown, sceneIndex } from '../../src/render/scene-state.ts';
import { mapSlides, titleSlide, type SlideScene } from '../../src/render/slide-scene.ts';
import { writePptx } from '../../src/render/slide-pptx.ts';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';

let map: PathoMap;
let slide: SlideScene;

/** Each part of the deck, by path, as text. */
async function deckParts(scenes: SlideScene[], format: '16:9' | '4:3' = '16:9', notes = 'Notes: “a quote” — Author. PMID 1.'): Promise<Record<string, string>> {
  const bytes = await writePptx({ format, title: 'Test deck', slides: scenes.map((scene) => ({ scene, notes })) }, 'uint8array');
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each shape of a slide part: its name and the text it holds. */
function shapes(xml: string): { name: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map((m) => ({
    name: decodeXml(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    text: [...m[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1]!)).join(' '),
    xml: m[1]!,
  }));
}

beforeAll(async () => {
  map = (await loadMapFile('graph-data/calcinosis-ssc.yaml')).map!;
  const positions = settledPositions(map);
  const index = sceneIndex(map.nodes, map.edges);
  const shown = deriveShown(index, new Set(map.nodes.map((n) => n.id)), map.edges);
  const state = deriveSceneState(index, shown, { emphasis: null, selection: null, path: null, hovered: null, hoveredEdge: null, focused: null, pinned: new Set(), relationsOf: () => [] });
  const frame = drawnBounds(map.nodes, new Set(map.nodes.map((n) => n.id)), (id) => index.radius[index.node.get(id)!]!, positions)!;
  slide = mapSlides({ map, index, state, positions, frame }, { theme: 'light', legend: true, title: map.title, link: (id) => `https://maps.example.org/pathomap/?node=${id}` })[0]!;
}, 30_000);

describe('the PowerPoint deck', () => {
  it.each([
    ['16:9', 12192000, 6858000],
    ['4:3', 9144000, 6858000],
  ] as const)('has %s slides of PowerPoint’s own size', async (format, cx, cy) => {
    const parts = await deckParts([titleSlide({ title: 'T' }, { theme: 'light', format })], format);
    expect(parts['ppt/presentation.xml']).toContain(`<p:sldSz cx="${cx}" cy="${cy}"`);
  });

  it('draws each concept as a shape and one text box holding its whole label', async () => {
    const parts = await deckParts([slide]);
    const all = shapes(parts['ppt/slides/slide1.xml']!);
    for (const node of map.nodes) {
      const concept = all.filter((s) => s.name === `concept ${node.id}`);
      const labels = all.filter((s) => s.name === `label ${node.id}`);
      expect(concept, node.id).toHaveLength(1);
      expect(labels, node.id).toHaveLength(1);
      expect(labels[0]!.text, node.id).toBe(node.label.replace(/\s+/g, ' '));
      // Filled in its category's colour.
      const colour = map.categories.find((c) => c.id === node.category)!.color.replace('#', '').toUpperCase();
      expect(concept[0]!.xml).toContain(`<a:solidFill><a:srgbClr val="${colour}"`);
    }
    // Nothing else holds a label's text: "Convert to shape" has one box per label.
    const labelTexts = new Set(map.nodes.map((n) => n.label.replace(/\s+/g, ' ')));
    expect(all.filter((s) => labelTexts.has(s.text) && !s.name.startsWith('label ') && !s.name.startsWith('legend'))).toEqual([]);
  });

  it('draws relations as lines with the evidence dash and the effect’s end', async () => {
    const xml = (await deckParts([slide]))['ppt/slides/slide1.xml']!;
    const lines = shapes(xml).filter((s) => s.name.startsWith('relation ') && !s.name.endsWith(' end'));
    expect(lines).toHaveLength(map.edges.length);
    const byId = new Map(map.edges.map((e) => [e.id, e]));
    const promoting = lines.filter((l) => byId.get(l.name.slice('relation '.length))?.effect === 'promotes');
    expect(promoting.length).toBeGreaterThan(0);
    for (const l of promoting) expect(l.xml).toContain('<a:tailEnd type="triangle"');
    const animal = lines.filter((l) => byId.get(l.name.slice('relation '.length))?.level === 'animal-model');
    expect(animal.length).toBeGreaterThan(0);
    for (const l of animal) expect(l.xml).toContain('<a:prstDash val="dash"/>');
    // A T-bar is drawn as a short line across the end of an inhibiting relation.
    const inhibiting = map.edges.filter((e) => e.effect === 'inhibits');
    expect(inhibiting.length).toBeGreaterThan(0);
    for (const e of inhibiting) expect(shapes(xml).filter((s) => s.name === `relation ${e.id} end`).length).toBeGreaterThan(0);
  });

  // PowerPoint's own names for the dashes and line ends each evidence pattern and effect is drawn with.
  const DASH: Record<string, string> = { solid: 'solid', 'dash-dot': 'dashDot', dashed: 'dash', dotted: 'sysDot', none: 'lgDashDotDot' };
  const NATIVE_END: Record<string, string> = { arrow: 'triangle', 'open-arrow': 'arrow', dot: 'oval', diamond: 'diamond' };

  it('draws every relation with its own pattern and end, whatever they are', async () => {
    const xml = (await deckParts([slide]))['ppt/slides/slide1.xml']!;
    const all = shapes(xml);
    const patterns = new Set<string>();
    const ends = new Set<string>();
    for (const relation of slide.map!.relations) {
      const { pattern, endKind } = relation.line;
      patterns.add(pattern);
      ends.add(endKind);
      const line = all.find((s) => s.name === `relation ${relation.id}`);
      expect(line, relation.id).toBeDefined();
      expect(line!.xml, `${relation.id}: ${pattern}`).toContain(`<a:prstDash val="${DASH[pattern]}"/>`);
      const native = NATIVE_END[endKind];
      if (native) expect(line!.xml, `${relation.id}: ${endKind}`).toContain(`<a:tailEnd type="${native}"`);
      else expect(line!.xml, `${relation.id}: ${endKind}`).not.toContain('<a:tailEnd');
      // Ends PowerPoint has no line end for (a T-bar, a cross) are drawn as strokes of their own.
      const drawnApart = all.filter((s) => s.name === `relation ${relation.id} end`).length;
      if (endKind === 'tee' || endKind === 'cross') expect(drawnApart, `${relation.id}: ${endKind}`).toBeGreaterThan(0);
    }
    // The flagship uses most of them: the test is not vacuous.
    expect(patterns.size).toBeGreaterThanOrEqual(3);
    expect(ends.size).toBeGreaterThanOrEqual(4);
    // The legend's line key shows every effect and every pattern, each drawn as it says.
    const keyed = slide.legend!.items.flatMap((item) => (item.line ? [item.line] : []));
    const swatches = all.filter((s) => s.name === 'legend relation');
    expect(swatches).toHaveLength(keyed.length);
    keyed.forEach((line, i) => {
      expect(swatches[i]!.xml, `key ${i}: ${line.pattern}`).toContain(`<a:prstDash val="${DASH[line.pattern]}"/>`);
      const native = NATIVE_END[line.endKind];
      if (native) expect(swatches[i]!.xml, `key ${i}: ${line.endKind}`).toContain(`<a:tailEnd type="${native}"`);
    });
    expect(new Set(keyed.map((l) => l.endKind))).toEqual(new Set(['arrow', 'tee', 'none', 'open-arrow', 'dot', 'cross', 'diamond']));
    expect(new Set(keyed.map((l) => l.pattern)).size).toBeGreaterThanOrEqual(4);
  });

  it('keeps the speaker notes as given, and links concepts to their deep links only', async () => {
    const parts = await deckParts([slide], '16:9', 'Calcinosis cutis\n• Quote: “The deposition of calcium” — Valenzuela A. PMID 26352733.');
    const notes = Object.entries(parts).find(([name]) => /notesSlide1\.xml$/.test(name))![1];
    expect(decodeXml(notes)).toContain('• Quote: “The deposition of calcium” — Valenzuela A. PMID 26352733.');
    const rels = parts['ppt/slides/_rels/slide1.xml.rels']!;
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => decodeXml(m[1]!));
    expect(new Set(targets)).toEqual(new Set(map.nodes.map((n) => `https://maps.example.org/pathomap/?node=${n.id}`)));
  });
});
