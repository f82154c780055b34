import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';
import { chromiumForFile, openApp, saveScreenshot } from './harness.ts';

let browser: Browser;
chromiumForFile((launched) => (browser = launched));

describe('the flagship map page', () => {
  it('lists every concept of the flagship map with its evidence, without console errors', async () => {
    const { map } = await loadMapFile('graph-data/calcinosis-ssc.yaml');
    expect(map).toBeDefined();
    const { page, errors } = await openApp(browser, '?view=text');

    await expect.poll(() => page.locator('h1').textContent()).toBe(map!.title);
    for (const node of map!.nodes) {
      const article = page.locator(`article#concept-${node.id}`);
      await expect.poll(() => article.getByRole('heading', { level: 3 }).textContent()).toBe(node.label);
      expect(await article.locator('figure.evidence').count()).toBeGreaterThanOrEqual(node.evidence.length);
    }
    await saveScreenshot(page, 'text-view');
    expect(errors).toEqual([]);
  });
});
