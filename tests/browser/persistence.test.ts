// The reader's work survives a reload: the concepts they pinned, and the map they opened — kept
// whole, with the source texts it quotes, in IndexedDB — until they forget it; and when this
// browser will not keep it (storage refused or full), they are told, and lose nothing now.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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
    await page.waitForFunction(() => !document.querySelector('.first-paint'));
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

const FIXTURES = 'tests/fixtures/maps';
const MAP_TITLE = 'Test map';
/** Opening a map loads the checker first: slower than a second when the machine is busy. */
const SLOW = { timeout: 10_000 };
const VERIFIED = 'Quote — verbatim from the source, checked against the stored text';

/** A folder holding the fixture map and the source text it quotes, as a reader has them. */
function mapWithSource(): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'pathomap-kept-'));
  copyFileSync(join(FIXTURES, 'valid.yaml'), join(folder, 'valid.yaml'));
  copyFileSync(join(FIXTURES, 'references/sample-2020.txt'), join(folder, 'sample-2020.txt'));
  return [join(folder, 'valid.yaml'), join(folder, 'sample-2020.txt')];
}

async function openFromDisk(page: Page, files: string[]): Promise<void> {
  // The flagship's picture rendered ahead holds an inert copy of the file input: wait for the live one.
  await page.waitForFunction(() => !document.querySelector('.first-paint'));
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
  await page.locator('input[type=file]').setInputFiles(files);
  await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(MAP_TITLE);
}

/** The map shows verified quotes and no problems: nothing of it was lost. */
async function expectWhole(page: Page): Promise<void> {
  await page.locator('[data-node-id="ischaemia"]').waitFor({ timeout: 10_000 });
  expect(await page.locator('.problems-banner').count()).toBe(0);
  await page.locator('[data-node-id="ischaemia"]').click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect.poll(() => details.textContent(), SLOW).toContain(VERIFIED);
  expect(await details.textContent()).not.toContain('Unverified');
}

const storageNote = (page: Page) => page.locator('.storage-note');

describe('a map opened from disk, with the source texts it quotes', () => {
  it('comes back whole after a reload: the same map, its quotes verified', async () => {
    const { page, errors } = await openApp(browser);
    await openFromDisk(page, mapWithSource());
    await expectWhole(page);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(MAP_TITLE);
    await expectWhole(page);
    expect(await storageNote(page).count()).toBe(0);
    // localStorage holds only the marker the first paint looks for, not the map.
    const marker = await page.evaluate(() => localStorage.getItem('pathomap:last-map'));
    expect(JSON.parse(marker!)).toEqual({ kind: 'file', name: 'valid.yaml', kept: true });
    expect(errors).toEqual([]);
  });

  it('is gone after a reload once forgotten (File → Forget this map), and stays on screen till then', async () => {
    const { page, errors } = await openApp(browser);
    const flagship = await page.locator('h1').textContent();
    await openFromDisk(page, mapWithSource());
    await page.locator('summary', { hasText: 'File' }).click();
    await page.getByRole('button', { name: 'Forget this map' }).click();
    await expect.poll(() => storageNote(page).textContent(), SLOW).toContain('“valid.yaml” is forgotten');
    expect(await page.locator('h1').textContent()).toBe(MAP_TITLE);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(flagship);
    expect(await page.evaluate(() => localStorage.getItem('pathomap:last-map'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it.each([
    [
      'storage is refused (no IndexedDB, as in some private windows)',
      () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
      'this browser refuses to store it',
    ],
    [
      'storage is full',
      () => {
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      'its storage is full',
    ],
  ])('when %s: the map stays open, and the reader is told it will not survive a reload', async (_, breakStorage, words) => {
    const { page, errors } = await openApp(browser);
    const flagship = await page.locator('h1').textContent();
    await page.addInitScript(breakStorage);
    await page.reload();
    await openFromDisk(page, mapWithSource());
    await expectWhole(page);
    await expect.poll(() => storageNote(page).textContent(), SLOW).toContain(words);
    expect(await storageNote(page).textContent()).toContain('will not be here after a reload');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(flagship);
    expect(errors).toEqual([]);
  });

  it('moves a map an older version kept in localStorage into IndexedDB, and opens it', async () => {
    const { page, errors } = await openApp(browser);
    const text = JSON.stringify({ nodes: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }], links: [{ source: 'a', target: 'b' }] });
    await page.evaluate((old) => localStorage.setItem('pathomap:last-map', old), JSON.stringify({ kind: 'file', name: 'old.json', text }));
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe('old');
    const marker = await page.evaluate(() => localStorage.getItem('pathomap:last-map'));
    expect(JSON.parse(marker!)).toEqual({ kind: 'file', name: 'old.json', kept: true });
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe('old');
    expect(errors).toEqual([]);
  });
});
