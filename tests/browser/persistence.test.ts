// The reader's work survives a reload: the concepts they pinned, and the map they opened.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, openApp } from './harness.ts';

let browser: Browser;
chromiumForFile((launched) => (browser = launched));

const transformOf = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`).getAttribute('transform');

describe('after a reload', () => {
  it('keeps a dragged concept pinned where it was dropped', async () => {
    const { page, errors } = await openApp(browser);
    const id = 'local-trauma';
    const marker = page.locator(`[data-node-id="${id}"] .marker`);
    await marker.waitFor();
    const box = (await marker.boundingBox())!;
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 6 * i, from.y + 4 * i);
    await page.mouse.up();
    await expect.poll(() => page.locator(`[data-node-id="${id}"] .pin`).count()).toBe(1);
    // Pointer moves are drawn once per frame: read the drop point once it has come to rest.
    let dropped = await transformOf(page, id);
    await expect
      .poll(async () => {
        const now = await transformOf(page, id);
        const still = now === dropped;
        dropped = now;
        return still;
      })
      .toBe(true);

    await page.reload();
    await expect.poll(() => page.locator(`[data-node-id="${id}"] .pin`).count()).toBe(1);
    expect(await transformOf(page, id)).toBe(dropped);
    await page.getByRole('button', { name: 'Unpin all (1)' }).click();
    await expect.poll(() => page.locator('.pin').count()).toBe(0);
    await page.waitForTimeout(300);
    await page.reload();
    await expect.poll(() => page.locator('[data-node-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('.pin').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reopens the map the reader opened from their disk', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pathomap-persist-'));
    const file = join(folder, 'my-map.json');
    writeFileSync(
      file,
      JSON.stringify({ nodes: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }], links: [{ source: 'a', target: 'b' }] }),
    );
    const { page, errors } = await openApp(browser);
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('h1').textContent()).toBe('my-map');
    await page.locator('[data-node-id="b"]').waitFor();
    await page.getByRole('button', { name: 'Beta', exact: true }).click();
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('my-map');
    // An imported map is laid out in a worker: its concepts appear once that is done.
    await expect
      .poll(() => page.locator('[data-node-id]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))))
      .toEqual(expect.arrayContaining(['Alpha', 'Beta']));
    // The view came back too: Beta is still the concept in Details.
    const details = page.getByRole('complementary', { name: 'Details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).first().textContent()).toBe('Beta');
    expect(errors).toEqual([]);
  });
});
