// A map laid out in the reader's browser (the worker) is drawn step by step: its concepts are
// made hidden while the layout runs, a few per task, shown where the layout puts them, then its relations. The
// reader never sees a concept waiting at the origin, and the concepts answer the pointer and the
// keyboard through their group (one listener each for all of them).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asLoadResult, generateMap } from '../../scripts/bench-generate.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { launchChromium, openApp, publishMap } from './harness.ts';
import { detailsHeading, mapReady, nodeScreenCentres } from './map-helpers.ts';

const MAP_ID = 'test-svg-100';
let browser: Browser;
let map: PathoMap;

beforeAll(async () => {
  map = generateMap({ nodes: 100, kind: 'uniform', id: MAP_ID });
  await publishMap(MAP_ID, asLoadResult(map));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Frame {
  /** Concepts in the document, and how many of them the reader can see. */
  concepts: number;
  visible: number;
  /** Visible concepts drawn at the origin (where they wait for the layout). */
  visibleAtOrigin: number;
  /** Relations the reader can see. */
  relations: number;
}

/** Before any page script: what each animation frame shows, until the map is whole. */
function recordFrames(): void {
  const frames: Frame[] = [];
  (window as unknown as { frames_: Frame[] }).frames_ = frames;
  const look = () => {
    const concepts = [...document.querySelectorAll('svg.map [data-node-id]')];
    // Neither hidden nor under an element not displayed (the flagship's picture rendered ahead, unused here).
    const visible = concepts.filter((e) => e.checkVisibility({ visibilityProperty: true }));
    frames.push({
      concepts: concepts.length,
      visible: visible.length,
      visibleAtOrigin: visible.filter((e) => e.getAttribute('transform') === 'translate(0,0)').length,
      relations: [...document.querySelectorAll('svg.map [data-edge-id]')].filter((e) => e.checkVisibility({ visibilityProperty: true })).length,
    });
    if (frames.length < 600) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  // Concepts made per task: mutations are reported once per task, at its end.
  // (An element moved later, as the tab order settles, is not made again; the flagship's picture
  // in the page, parsed and unused here, is not this map.)
  const batches: number[] = [];
  (window as unknown as { batches_: number[] }).batches_ = batches;
  const seen = new WeakSet<Element>();
  new MutationObserver((records) => {
    let made = 0;
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        for (const concept of [...(n.matches('svg.map [data-node-id]') ? [n] : []), ...n.querySelectorAll('svg.map [data-node-id]')]) {
          if (seen.has(concept) || concept.closest('.first-paint')) continue;
          seen.add(concept);
          made++;
        }
      }
    if (made > 0) batches.push(made);
  }).observe(document, { childList: true, subtree: true });
}

async function framesUntilWhole(page: Page): Promise<Frame[]> {
  await page.waitForFunction((edges) => document.querySelectorAll('svg.map [data-edge-id]').length === edges, map.edges.length, { timeout: 20_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_);
}

describe('a map laid out in the browser', () => {
  it('shows its concepts only once they are placed, then its relations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(recordFrames);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${inject('baseURL')}?map=${MAP_ID}`);
    const frames = await framesUntilWhole(page);

    expect(frames.every((f) => f.visibleAtOrigin === 0), 'no frame shows a concept waiting at the origin').toBe(true);
    // Every frame shows all the concepts or none of them, and relations only with concepts.
    expect(frames.every((f) => f.visible === 0 || f.visible === map.nodes.length)).toBe(true);
    expect(frames.every((f) => f.relations === 0 || f.visible === map.nodes.length)).toBe(true);
    // Made a few at a time, a task for each few, so that the page answers input meanwhile.
    const batches = await page.evaluate(() => (window as unknown as { batches_: number[] }).batches_);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(map.nodes.length);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...batches)).toBeLessThanOrEqual(map.nodes.length / 3);
    const last = frames.at(-1)!;
    expect(last).toEqual({ concepts: map.nodes.length, visible: map.nodes.length, visibleAtOrigin: 0, relations: map.edges.length });
    // The concepts are placed apart, not piled up.
    const centres = Object.values(await nodeScreenCentres(page));
    expect(new Set(centres.map((c) => `${Math.round(c.x)},${Math.round(c.y)}`)).size).toBeGreaterThan(map.nodes.length * 0.9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the verbs of a pointed concept’s relations while the pointer is on any part of it, and opens it on a click', async () => {
    const { page, errors } = await openApp(browser, `?map=${MAP_ID}`);
    await mapReady(page);
    await page.waitForFunction((edges) => document.querySelectorAll('svg.map [data-edge-id]').length === edges, map.edges.length);
    // The concept with most relations, and the verbs they could show.
    const degree = new Map<string, number>();
    for (const e of map.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const hub = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const verbs = new Set(map.edges.filter((e) => e.source === hub || e.target === hub).map((e) => e.relation));
    const written = () => page.locator('.edge-labels text').allTextContents();

    expect(await written()).toEqual([]);
    const node = page.locator(`[data-node-id="${hub}"]`);
    const marker = (await node.locator('.marker').boundingBox())!;
    await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
    await expect.poll(async () => (await written()).length).toBeGreaterThan(0);
    expect((await written()).every((verb) => verbs.has(verb))).toBe(true);
    // From the marker to the concept's label: still the same concept.
    const label = (await node.locator('text.label').boundingBox())!;
    const before = await written();
    await page.mouse.move(label.x + label.width / 2, label.y + label.height / 2, { steps: 4 });
    expect(await written()).toEqual(before);
    // Off the concept, onto the empty corner of the map: nothing is written.
    await page.mouse.move(2, 710, { steps: 4 });
    await expect.poll(written).toEqual([]);

    await node.click();
    await expect.poll(() => detailsHeading(page)).toBe(map.nodes.find((n) => n.id === hub)!.label);
    expect(errors).toEqual([]);
  });

  it('writes them while the concept has keyboard focus, and not after it leaves', async () => {
    const { page, errors } = await openApp(browser, `?map=${MAP_ID}`);
    await mapReady(page);
    await page.waitForFunction((edges) => document.querySelectorAll('svg.map [data-edge-id]').length === edges, map.edges.length);
    const withRelations = map.edges[0]!.source;
    await page.locator(`[data-node-id="${withRelations}"]`).focus();
    await expect.poll(async () => (await page.locator('.edge-labels text').count()) > 0).toBe(true);
    await page.getByRole('combobox', { name: 'Search' }).focus();
    await expect.poll(() => page.locator('.edge-labels text').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
