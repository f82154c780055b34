// The standalone build: one HTML file per map that opens from file:// with the network cut off.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMapFiles, loadMapWithLayout } from '../../scripts/lib/maps-folder.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { launchChromium, saveScreenshot } from './harness.ts';

let browser: Browser;
let outDir: string;
let map: PathoMap;

beforeAll(async () => {
  map = (await loadMapWithLayout('graph-data/calcinosis-ssc.yaml')).map!;
  // A folder of its own, so test runs side by side never share files.
  outDir = mkdtempSync(join(tmpdir(), 'pathomap-standalone-'));
  await build({ configFile: 'vite.standalone.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the standalone page', () => {
  it('is one file per map in graph-data, and nothing else', async () => {
    const ids = (await listMapFiles('graph-data')).map((name) => name.replace(/\.(ya?ml|json)$/i, ''));
    expect(readdirSync(outDir).sort()).toEqual(ids.map((id) => `${id}.html`).sort());
  });

  it('opens from file:// with every other request refused: every concept, and Details with the quote marked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));

    // A concept with a quote checked against its stored text.
    const quoted = map.nodes.find((n) => n.evidence.some((e) => 'span' in e && e.span))!;
    const file = pathToFileURL(join(outDir, `${map.id}.html`)).href;
    await page.goto(`${file}?node=${quoted.id}`);

    const drawing = page.locator('svg[aria-roledescription="concept map"]');
    await drawing.getByRole('button', { name: quoted.label, exact: true }).waitFor();
    for (const node of map.nodes) {
      expect(await drawing.getByRole('button', { name: node.label, exact: true }).count(), node.label).toBe(1);
    }
    const details = page.getByRole('complementary', { name: 'Details' });
    await expect.poll(() => details.locator('h2').first().textContent()).toContain(quoted.label);
    await expect.poll(() => details.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.title()).toBe(`${map.title} — Pathomap`);
    await saveScreenshot(page, 'standalone');

    expect(errors).toEqual([]);
    expect(requests).toEqual([`${file}?node=${quoted.id}`]);
    await context.close();
  });
});
