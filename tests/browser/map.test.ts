// The explorable map in Chromium: details with highlighted quotes, search into source text,
// category filters, relations and the text view. Expectations come from the flagship map file.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap, TextSpan } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, saveScreenshot } from './harness.ts';
import {
  detailsHeading,
  detailsPanel,
  drawnNodeIds,
  focusedNodeId,
  labelOf,
  loadFlagship,
  mapDrawing,
  mapReady,
  nodeButton,
  nodeScreenCentres,
  normalise,
  searchParam,
} from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string) => (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Paragraphs of a stored source (separated by blank lines), as ranges. */
function paragraphs(text: string): TextSpan[] {
  const ranges: TextSpan[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    ranges.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/**
 * A word of a stored source text that appears nowhere else in the map (no label, alias, summary,
 * quote, finding, note, relation or citation holds it, starts with it, or is within two typos of
 * it), in a paragraph that holds a verified quote; with the concepts whose evidence, or whose
 * relations' evidence, quotes that paragraph. The longest such word, ties alphabetically.
 */
function sourceOnlyWord(map: PathoMap): { word: string; nodes: Set<string> } | undefined {
  const elsewhere = new Set(wordsOf(JSON.stringify(map, (key, value) => (key === 'text' ? undefined : value))));
  const candidates: { word: string; nodes: Set<string> }[] = [];
  for (const ref of map.references) {
    if (!ref.text) continue;
    for (const paragraph of paragraphs(ref.text)) {
      const quotes = (evidence: PathoMap['nodes'][number]['evidence']) =>
        evidence.some(
          (e) => e.kind === 'quote' && e.ref === ref.id && e.span && e.span.start < paragraph.end && paragraph.start < e.span.end,
        );
      const nodes = new Set<string>();
      for (const node of map.nodes) if (quotes(node.evidence)) nodes.add(node.id);
      for (const edge of map.edges) if (quotes(edge.evidence)) [edge.source, edge.target].forEach((id) => nodes.add(id));
      if (nodes.size === 0) continue;
      for (const word of new Set(wordsOf(ref.text.slice(paragraph.start, paragraph.end)))) {
        if (word.length < 6 || /\d/.test(word)) continue;
        if ([...elsewhere].some((other) => other.startsWith(word) || editDistance(other, word) <= 2)) continue;
        const known = candidates.find((c) => c.word === word);
        if (known) nodes.forEach((id) => known.nodes.add(id));
        else candidates.push({ word, nodes: new Set(nodes) });
      }
    }
  }
  return candidates.sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word))[0];
}

async function svgCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await mapDrawing(page).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function focusedNodeIdWhenSet(page: Page): Promise<string | null> {
  await expect.poll(() => focusedNodeId(page)).not.toBeNull();
  return focusedNodeId(page);
}

describe('the explorable map', () => {
  it('shows a clicked concept in Details, with its verified quote highlighted in the source text', async () => {
    const node = map.nodes.find((n) => n.evidence.some((e) => e.kind === 'quote' && e.span));
    expect(node, 'the flagship map has a concept with a verified quote').toBeDefined();
    const quotes = node!.evidence.flatMap((e) => (e.kind === 'quote' && e.span ? [normalise(e.quote)] : []));
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    // The concept's shape: its label lets clicks through to the map (see the report on labels).
    await nodeButton(page, node!.label).locator('.marker').click();

    const panel = detailsPanel(page);
    await expect.poll(() => detailsHeading(page)).toBe(node!.label);
    const marks = panel.locator('mark');
    await expect.poll(async () => (await marks.allTextContents()).map(normalise)).toEqual(expect.arrayContaining(quotes));
    // The source box scrolls to its mark: the highlighted passage is inside the box's visible part.
    const mark = marks.first();
    await expect
      .poll(() =>
        mark.evaluate((m) => {
          const box = m.closest('.source-text')!.getBoundingClientRect();
          const r = m.getBoundingClientRect();
          return r.top >= box.top - 1 && r.top < box.bottom;
        }),
      )
      .toBe(true);
    expect(searchParam(page, 'node')).toBe(node!.id);
    await saveScreenshot(page, 'map-selected-node');
    expect(errors).toEqual([]);
  });

  it('finds a concept by a word that only its stored source text holds; Enter opens it and focuses it', async () => {
    const found = sourceOnlyWord(map);
    expect(found, 'the stored sources hold a word found nowhere else in the map').toBeDefined();
    const { word, nodes } = found!;
    const expectedLabels = [...nodes].map((id) => labelOf(map, id));
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    const before = await detailsHeading(page);

    await page.getByRole('combobox', { name: 'Search' }).fill(word);

    const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await results.first().waitFor();
    const first = results.first();
    const firstLabel = normalise(await first.locator('.label').textContent());
    expect(expectedLabels).toContain(firstLabel);
    for (const option of await results.all()) {
      expect(expectedLabels).toContain(normalise(await option.locator('.label').textContent()));
    }
    expect(normalise(await first.textContent())).toContain('found in source text');
    expect(fold(normalise(await first.locator('mark').textContent()))).toBe(word);
    await saveScreenshot(page, 'map-search-results');

    await page.keyboard.press('Enter');

    const id = map.nodes.find((n) => n.label === firstLabel)!.id;
    await expect.poll(() => detailsHeading(page)).toBe(firstLabel);
    expect(firstLabel).not.toBe(before);
    await expect.poll(() => focusedNodeId(page)).toBe(id);
    expect(searchParam(page, 'node')).toBe(id);
    await expect.poll(() => page.getByRole('listbox', { name: 'Search results' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('centres a concept chosen from search while the Details panel is already open', async () => {
    const found = sourceOnlyWord(map)!;
    // Open on a concept that is not a search result, so the panel is there before the search.
    const other = map.nodes.find((n) => !found.nodes.has(n.id))!;
    const { page, errors } = await openApp(browser, `?node=${other.id}`);
    await mapReady(page);
    await expect.poll(() => detailsHeading(page)).toBe(other.label);

    await page.getByRole('combobox', { name: 'Search' }).fill(found.word);
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');

    const id = (await focusedNodeIdWhenSet(page))!;
    expect(found.nodes.has(id)).toBe(true);
    const centre = await svgCentre(page);
    await expect
      .poll(async () => {
        const at = (await nodeScreenCentres(page))[id]!;
        return Math.hypot(at.x - centre.x, at.y - centre.y);
      })
      .toBeLessThan(3);
    expect(errors).toEqual([]);
  });

  it('hides a category from its legend checkbox, in the URL too, and keeps it hidden on reload', async () => {
    // The category with the fewest concepts (ties: map order), so most of the map stays.
    const count = (id: string) => map.nodes.filter((n) => n.category === id).length;
    const category = [...map.categories].filter((c) => count(c.id) > 0).sort((a, b) => count(a.id) - count(b.id))[0]!;
    const hidden = map.nodes.filter((n) => n.category === category.id);
    const kept = map.nodes.filter((n) => n.category !== category.id);
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    // The map key is always there, under the map: its category chips filter.
    const key = page.getByRole('region', { name: 'Map key' });
    const checkbox = key.getByRole('checkbox', { name: category.label, exact: true });
    await checkbox.uncheck();

    await expect.poll(() => nodeButton(page, hidden[0]!.label).count()).toBe(0);
    for (const node of hidden) expect(await nodeButton(page, node.label).count(), node.label).toBe(0);
    for (const node of kept) expect(await nodeButton(page, node.label).count(), node.label).toBe(1);
    await expect.poll(() => searchParam(page, 'hide')).toBe(category.id);

    await page.reload();
    await mapReady(page);
    expect(searchParam(page, 'hide')).toBe(category.id);
    expect((await drawnNodeIds(page)).sort()).toEqual(kept.map((n) => n.id).sort());
    expect(await checkbox.isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('opens a relation clicked on the map as "Source relation Target"', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    // The first relation (map order) whose line is the topmost thing at its midpoint.
    const target = await page.locator('[data-edge-id] path.hit').evaluateAll((paths) => {
      for (const path of paths as SVGPathElement[]) {
        const middle = path.getPointAtLength(path.getTotalLength() / 2);
        const point = new DOMPoint(middle.x, middle.y).matrixTransform(path.getScreenCTM()!);
        if (document.elementFromPoint(point.x, point.y) === path) {
          return { id: path.closest('[data-edge-id]')!.getAttribute('data-edge-id')!, x: point.x, y: point.y };
        }
      }
      return undefined;
    });
    expect(target, 'some relation can be clicked at its midpoint').toBeDefined();
    const edge = map.edges.find((e) => e.id === target!.id);
    expect(edge, `relation ${target!.id} is in the map`).toBeDefined();

    await page.mouse.click(target!.x, target!.y);

    await expect
      .poll(() => detailsHeading(page))
      .toBe(`${labelOf(map, edge!.source)} ${edge!.relation} ${labelOf(map, edge!.target)}`);
    expect(searchParam(page, 'edge')).toBe(edge!.id);
    expect(errors).toEqual([]);
  });

  it('switches to a text outline holding every concept, and says so in the URL', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    const button = page.getByRole('button', { name: 'Text view', exact: true });
    await button.click();

    await expect.poll(() => searchParam(page, 'view')).toBe('text');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await page.locator('article h3').first().waitFor();
    const headings = (await page.getByRole('heading').allTextContents()).map(normalise);
    for (const node of map.nodes) expect(headings, node.label).toContain(node.label);
    expect(await page.locator('[data-node-id]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
