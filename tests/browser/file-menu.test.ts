// Maps opened from disk as a new user meets them: a file that cannot be opened shows its problems
// with the File menu closed (not left open behind them), and a map of a few concepts is drawn at
// a natural size in the middle of the frame, not spread to its edges.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOK } from '../../src/render/look.ts';
import { chromiumForFile, openApp } from './harness.ts';
import { mapDrawing } from './map-helpers.ts';

let browser: Browser;
chromiumForFile((launched) => (browser = launched));

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pathomap-file-menu-')), name);
  writeFileSync(path, text);
  return path;
}

async function openFromFileMenu(page: Page, path: string) {
  await page.waitForFunction(() => !document.querySelector('.first-paint'));
  await page.getByText('File', { exact: true }).click();
  expect(await page.locator('details.file-menu').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  await page.locator('input[type=file]').setInputFiles(path);
}

describe('the File menu', () => {
  it('closes when a file it opened cannot be shown, and the problems are read over the map', async () => {
    const { page } = await openApp(browser);
    await openFromFileMenu(page, file('broken.yaml', 'title: Broken\nnodes: [\n'));
    await page.getByText('broken.yaml could not be opened').waitFor();
    expect(await page.locator('details.file-menu').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });

  it('closes when the Embed dialog opens from it', async () => {
    const { page, errors } = await openApp(browser);
    await page.waitForFunction(() => !document.querySelector('.first-paint'));
    await page.getByText('File', { exact: true }).click();
    await page.getByRole('button', { name: 'Embed in slides…' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await page.locator('details.file-menu').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('a map of three concepts', () => {
  it('is drawn at a natural size in the middle of the frame, not spread to its edges', async () => {
    const { page, errors } = await openApp(browser);
    const three = { nodes: ['Alpha', 'Beta', 'Gamma'].map((label) => ({ id: label.toLowerCase(), label })), links: [{ source: 'alpha', target: 'beta' }, { source: 'beta', target: 'gamma' }] };
    await openFromFileMenu(page, file('three.json', JSON.stringify(three)));
    await expect.poll(() => page.locator('[data-node-id]').count()).toBe(3);
    await page.waitForTimeout(600);
    const frame = (await mapDrawing(page).boundingBox())!;
    const boxes = await page.locator('[data-node-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    expect(right - left, 'far narrower than the frame').toBeLessThan(frame.width / 2);
    expect(bottom - top, 'far lower than the frame').toBeLessThan(frame.height / 2);
    expect(Math.abs((left + right) / 2 - (frame.x + frame.width / 2)), 'centred across').toBeLessThan(frame.width * 0.05);
    expect(Math.abs((top + bottom) / 2 - (frame.y + frame.height / 2)), 'centred down').toBeLessThan(frame.height * 0.1);
    // Labels no larger than the fit ever magnifies them.
    const label = await page.locator('[data-node-id] text.label').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a);
    expect(label).toBeLessThanOrEqual(LOOK.label.size * LOOK.fit.maxScale + 0.5);
    expect(errors).toEqual([]);
  });
});
