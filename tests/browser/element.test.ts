// The <patho-map> element on a plain host page, as a slide deck would use it: one script tag,
// no bundler. The host page is served at the preview server's origin (under the site's
// Content-Security-Policy) by intercepting its address, so nothing is written into dist/.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugin-csp.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { launchChromium, saveScreenshot } from './harness.ts';

const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Lecture 4</title>
    <link rel="icon" href="favicon.svg" />
    <script type="module" src="patho-map.js"></script>
  </head>
  <body>
    <h1>Calcinosis</h1>
    <patho-map id="ulcers" src="maps/calcinosis-ssc.yaml" node="digital-ulcers" theme="dark"></patho-map>
    <patho-map id="tour" src="maps/calcinosis-ssc.json" tour="story" step="2" height="420"></patho-map>
    <patho-map id="missing" src="maps/no-such-map.yaml"></patho-map>
  </body>
</html>`;

interface Host {
  hostKeys: string[];
  historyWrites: number;
}

let browser: Browser;
let map: PathoMap;
let page: Page;
let pageUrl: string;
const errors: string[] = [];

beforeAll(async () => {
  const loaded = await loadMapFile('graph-data/calcinosis-ssc.yaml');
  map = loaded.map!;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  pageUrl = `${inject('baseURL')}lecture.html?slide=4#map`;
  await page.route((url) => url.pathname === '/lecture.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      body: HOST_PAGE,
    }),
  );
  // What the host page sees: keys that reach its own handler (as a deck's would), history writes.
  await page.addInitScript(() => {
    const host = window as unknown as Host;
    host.hostKeys = [];
    host.historyWrites = 0;
    document.addEventListener('keydown', (e) => host.hostKeys.push(e.key));
    for (const name of ['pushState', 'replaceState'] as const) {
      const write = history[name].bind(history);
      history[name] = (...args) => {
        host.historyWrites++;
        write(...args);
      };
    }
  });
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
});

const labelOf = (id: string) => map.nodes.find((n) => n.id === id)!.label;
const element = (id: string) => page.locator(`patho-map#${id}`);
const concept = (scope: Locator, label: string) =>
  scope.locator('svg[aria-roledescription="concept map"]').getByRole('button', { name: label, exact: true });
const stepCount = (scope: Locator) => scope.getByText(/^Step \d+ of \d+$/).textContent();

describe('<patho-map> on a host page', () => {
  it('is one ES module that imports nothing', () => {
    const code = readFileSync('dist/patho-map.js', 'utf8');
    // No import(…), import "…" or … from "./…": nothing else to fetch before it runs.
    expect(code).not.toMatch(/\bimport\s*[("'`]|\bfrom\s*["'`][./]/);
  });

  it('draws the map from a YAML file in its shadow root, with the Details of its node', async () => {
    const ulcers = element('ulcers');
    // Checked in the browser, stored texts and all, before it is drawn.
    await concept(ulcers, labelOf('digital-ulcers')).waitFor({ timeout: 10_000 });
    for (const node of map.nodes) expect(await concept(ulcers, node.label).count(), node.label).toBe(1);
    const details = ulcers.getByRole('complementary', { name: 'Details' });
    await expect.poll(() => details.locator('h2').first().textContent()).toContain(labelOf('digital-ulcers'));
    // Inside a shadow root, themed by its attribute; the box has the default height.
    expect(await ulcers.evaluate((el) => el.shadowRoot?.querySelector('.explorer')?.getAttribute('data-theme'))).toBe('dark');
    expect(await ulcers.evaluate((el) => el.getBoundingClientRect().height)).toBe(480);
    expect(await element('tour').evaluate((el) => el.getBoundingClientRect().height)).toBe(420);
    // The focus attribute (depth) leaves the element's focus() method alone.
    expect(await ulcers.evaluate((el) => typeof (el as HTMLElement).focus)).toBe('function');

    await concept(ulcers, labelOf('calcinosis-cutis')).locator('.marker').click();
    await expect.poll(() => details.locator('h2').first().textContent()).toContain(labelOf('calcinosis-cutis'));
    await saveScreenshot(page, 'element');
  });

  it('leaves the host page alone: address, history and title', async () => {
    expect(page.url()).toBe(pageUrl);
    expect(await page.evaluate(() => [document.title, (window as unknown as Host).historyWrites])).toEqual(['Lecture 4', 0]);
  });

  it('follows a tour (from a published map): keys only while focus is inside, attributes re-apply the view', async () => {
    const tour = element('tour');
    const steps = map.tours.find((t) => t.id === 'story')!.steps;
    await expect.poll(() => stepCount(tour)).toBe(`Step 2 of ${steps.length}`);
    await expect.poll(() => tour.getByText(steps[1]!.caption).count()).toBe(1);

    // The deck has focus: its keys are not the map's.
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    expect(await stepCount(tour)).toBe(`Step 2 of ${steps.length}`);
    expect(await page.evaluate(() => (window as unknown as Host).hostKeys)).toEqual(['ArrowRight']);

    // Focus inside the map: → steps the tour, and the deck does not also act on it.
    await concept(tour, labelOf(steps[1]!.nodes[0]!)).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(tour)).toBe(`Step 3 of ${steps.length}`);
    expect(await page.evaluate(() => (window as unknown as Host).hostKeys)).toEqual(['ArrowRight']);
    expect(await element('ulcers').getByText(/^Step \d+ of/).count()).toBe(0);

    // The deck sets the step.
    await tour.evaluate((el) => el.setAttribute('step', '1'));
    await expect.poll(() => stepCount(tour)).toBe(`Step 1 of ${steps.length}`);
    await expect.poll(() => tour.getByText(steps[0]!.caption).count()).toBe(1);
  });

  it('shows located problems instead of a blank box when the map cannot be opened', async () => {
    const problems = element('missing').getByRole('alert');
    await expect.poll(() => problems.textContent()).toMatch(/no-such-map\.yaml:1:1\s*not found/);
  });

  it('logged no errors', () => {
    // The missing map's 404 is the only failure, and it is shown in the element.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});
