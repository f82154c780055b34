// A large map on the canvas renderer: a generated 3,000-concept map (shaped like a real
// concept map) is drawn on a canvas, its layout settles in a worker, a concept is selected by
// clicking where it is drawn, and search still finds and selects a concept.
import { writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLoadResult, generateMap } from '../../scripts/bench-generate.ts';
import type { PathoMap } from '../../src/core/types.ts';
import { launchChromium, openApp, saveScreenshot } from './harness.ts';
import { detailsHeading, normalise } from './map-helpers.ts';

const MAP_ID = 'test-canvas-3000';
let browser: Browser;
let map: PathoMap;

beforeAll(async () => {
  map = generateMap({ nodes: 3000, kind: 'concept', id: MAP_ID });
  // The build (global setup) is served from dist/: the generated map is published beside the flagship.
  await writeFile(`dist/maps/${MAP_ID}.json`, JSON.stringify(asLoadResult(map)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Debug {
  screenPoint(id: string): { x: number; y: number } | undefined;
  settled(): boolean;
}

const drawing = (page: Page) => page.locator('[aria-roledescription="concept map"]');

async function settledCanvas(page: Page): Promise<void> {
  await page.locator('[data-renderer="canvas"] canvas').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[aria-roledescription="concept map"]') as unknown as { pathomapDebug?: Debug } | null)?.pathomapDebug?.settled(),
    null,
    { timeout: 150_000, polling: 250 },
  );
}

/** Pixels of the canvas that are not background. */
function inkedPixels(page: Page): Promise<number> {
  return page.locator('[data-renderer="canvas"] canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
    return inked;
  });
}

describe('a 3,000-concept map', () => {
  it('is drawn on a canvas and opens the concept clicked on it', async () => {
    const { page, errors } = await openApp(browser, `?map=${MAP_ID}`);
    await settledCanvas(page);
    expect(await page.locator('svg.map [data-node-id]').count()).toBe(0);
    expect(await inkedPixels(page)).toBeGreaterThan(5000);
    // The map was drawn where its layout starts before that layout began (not competing with it).
    const [drawn, begun] = await page.evaluate(() =>
      ['pathomap:nodes-drawn', 'pathomap:layout-start'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
    );
    expect(drawn).toBeLessThan(begun!);

    // Zoom in with the wheel over the busiest concept, then click where it is drawn.
    const degree = new Map<string, number>();
    for (const e of map.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const hub = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const where = () =>
      drawing(page).evaluate((e, id) => (e as unknown as { pathomapDebug: Debug }).pathomapDebug.screenPoint(id)!, hub);
    const before = await where();
    const pointer = { x: Math.round(before.x), y: Math.round(before.y) };
    await page.mouse.move(pointer.x, pointer.y);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    const point = await where();
    // Zoomed about the pointer (about 9×): the concept stayed near it, off by its sub-pixel offset, grown.
    expect(Math.hypot(point.x - pointer.x, point.y - pointer.y)).toBeLessThan(12);
    await page.mouse.click(point!.x, point!.y);
    const label = map.nodes.find((n) => n.id === hub)!.label;
    await expect.poll(() => detailsHeading(page)).toBe(label);
    await saveScreenshot(page, 'canvas-3000-selected');
    expect(errors).toEqual([]);
  }, 180_000);

  it('finds a concept with search, selects it and gives it keyboard focus', async () => {
    const { page, errors } = await openApp(browser, `?map=${MAP_ID}`);
    await settledCanvas(page);
    const node = map.nodes[1234]!;
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill(node.label);
    await page.getByRole('option').first().waitFor();
    await search.press('Enter');
    await expect.poll(() => detailsHeading(page)).toBe(node.label);
    // Keyboard access on a canvas: the concept's hidden button holds focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null))
      .toBe(node.id);
    expect(normalise(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))).toBe(node.label);
    expect(errors).toEqual([]);
  }, 180_000);
});

describe('the layout worker', () => {
  it('draws the flagship map at exactly the positions the layout computes at once, without a worker', async () => {
    const { loadFlagship } = await import('./map-helpers.ts');
    const { settledPositions } = await import('../../src/core/layout-host.ts');
    const flagship = await loadFlagship();
    const expected = Object.fromEntries(settledPositions(flagship));
    const { page, errors } = await openApp(browser);
    await page.locator('[data-node-id]').first().waitFor();
    const drawn = await drawing(page).evaluate(
      (e) => (e as unknown as { pathomapDebug: { positions(): Record<string, { x: number; y: number }> } }).pathomapDebug.positions(),
    );
    expect(drawn).toEqual(expected);
    expect(errors).toEqual([]);
  });
});
