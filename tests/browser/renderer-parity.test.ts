// The SVG map and the canvas map are one picture drawn two ways: the same seeded map, opened
// with each renderer, must look the same, light and dark, at rest and with a concept selected
// (what fades, what is ringed), so the two cannot drift apart again.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asLoadResult, generateMap } from '../../scripts/bench-generate.ts';
import { settledPositions } from '../../src/core/layout/host.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { chromiumForFile, openApp, publishMap, saveScreenshot } from './harness.ts';
import { blockDifference, pngDataUrl } from './picture-difference.ts';

const MAP_ID = 'test-parity-60';
let browser: Browser;
chromiumForFile((b) => (browser = b));
beforeAll(async () => {
  const map: PathoMap = generateMap({ nodes: 60, kind: 'concept', id: MAP_ID });
  // Published with its settled layout, as the build publishes maps: both renderers draw the same places.
  await publishMap(MAP_ID, { ...asLoadResult(map), layout: Object.fromEntries(settledPositions(map)) });
});

/** The map, opened with `renderer`, once its drawing is live and has rested. */
async function picture(page: Page): Promise<Buffer> {
  const drawing = page.locator('[aria-roledescription="concept map"]');
  await drawing.waitFor();
  await page.waitForFunction(() => (document.querySelector('[aria-roledescription="concept map"]') as unknown as { pathomapDebug?: { settled(): boolean } } | null)?.pathomapDebug?.settled());
  await page.waitForTimeout(500);
  return drawing.screenshot();
}

async function open(renderer: 'svg' | 'canvas', query: string): Promise<{ page: Page; shot: Buffer }> {
  const { page } = await openApp(browser, `?map=${MAP_ID}&renderer=${renderer}${query}`, { viewport: { width: 1280, height: 720 } });
  const shot = await picture(page);
  return { page, shot };
}

describe('the SVG and the canvas map draw the same picture', () => {
  it.each([
    ['light, at rest', ''],
    ['dark, at rest', '&theme=dark'],
    ['print, at rest', '&theme=print'],
    ['with a concept selected (its neighbourhood bright, the rest faded)', '&node=c1'],
  ])('%s', async (name, query) => {
    const svg = await open('svg', query);
    const canvas = await open('canvas', query);
    await saveScreenshot(svg.page, `parity-svg-${name.split(',')[0]!.replace(/\W+/g, '-')}`);
    await saveScreenshot(canvas.page, `parity-canvas-${name.split(',')[0]!.replace(/\W+/g, '-')}`);
    const page = svg.page;
    const same = await blockDifference(page, pngDataUrl(svg.shot), pngDataUrl(canvas.shot), { block: 8 });
    // The same picture moved by a few pixels: what a real difference of drawing looks like.
    const moved = await blockDifference(page, pngDataUrl(svg.shot), pngDataUrl(svg.shot), { block: 8, shift: 6 });
    expect(same).toBeLessThan(moved / 5);
    await svg.page.context().close();
    await canvas.page.context().close();
  }, 60_000);

  it('once the reader has zoomed in with the wheel and let go (labels take their size for that zoom at rest)', async () => {
    const zoomedIn = async (renderer: 'svg' | 'canvas') => {
      const { page } = await open(renderer, '');
      const box = (await page.locator('[aria-roledescription="concept map"]').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // Fitted, the labels are at their largest (zoomed out); twice as close, at their own size.
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, -60);
        await page.evaluate(() => new Promise(requestAnimationFrame));
      }
      return { page, shot: await picture(page) };
    };
    const svg = await zoomedIn('svg');
    const canvas = await zoomedIn('canvas');
    await saveScreenshot(svg.page, 'parity-svg-zoomed-in');
    await saveScreenshot(canvas.page, 'parity-canvas-zoomed-in');
    const same = await blockDifference(svg.page, pngDataUrl(svg.shot), pngDataUrl(canvas.shot), { block: 8 });
    const moved = await blockDifference(svg.page, pngDataUrl(svg.shot), pngDataUrl(svg.shot), { block: 8, shift: 6 });
    expect(same).toBeLessThan(moved / 5);
    await svg.page.context().close();
    await canvas.page.context().close();
  }, 60_000);
});
