// The flagship map rendered ahead into the built page (scripts/vite-plugin-first-paint.ts): on
// screen before the app's script has run, replaced by the live map without moving, and never
// shown when the app will open something else.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, saveScreenshot } from './harness.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

/** The page with the app's own script refused: only what the HTML itself paints is left. */
async function withoutTheApp(path = '', options: BrowserContextOptions = {}, storage: Record<string, string> = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  if (Object.keys(storage).length > 0) {
    await page.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, storage);
  }
  await page.goto(inject('baseURL') + path);
  return page;
}

/** Each concept's centre on screen, from the drawing shown. */
const centres = (page: Page, scope: string) =>
  page.locator(`${scope} [data-node-id]`).evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node) => {
        const box = node.querySelector('.marker')!.getBoundingClientRect();
        return [node.getAttribute('data-node-id'), { x: box.x + box.width / 2, y: box.y + box.height / 2 }];
      }),
    ),
  );

describe('the flagship map rendered ahead', () => {
  it('is on screen before any of the app’s script has run, as a picture only', async () => {
    const page = await withoutTheApp();
    const picture = page.locator('.first-paint');
    expect(await picture.isVisible()).toBe(true);
    expect(await picture.locator('[data-node-id]').count()).toBe(map.nodes.length);
    for (const node of map.nodes.slice(0, 10)) {
      expect(await picture.locator(`[data-node-id="${node.id}"]`).isVisible(), node.id).toBe(true);
    }
    // Nothing in it is offered to assistive technology or the keyboard: the live map is.
    expect(await picture.getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('button', { name: map.nodes[0]!.label, exact: true }).count()).toBe(0);
    await saveScreenshot(page, 'first-paint');
    await page.context().close();
  });

  it.each([
    [1280, 720, 'light'],
    [1920, 1080, 'light'],
    [390, 844, 'light'],
    [1280, 720, 'dark'],
  ] as const)('becomes the live map in place at %i×%i, %s (hydrated, not drawn again), every concept where it was', async (width, height, colorScheme) => {
    const viewport = { width, height };
    const ahead = await withoutTheApp('', { viewport, colorScheme });
    const before = await centres(ahead, '.first-paint');
    await ahead.context().close();

    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    // The picture's own drawing, marked before the app's script runs: the live map must be it.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const drawing = document.querySelector('.first-paint svg.map');
        if (!drawing) return;
        drawing.setAttribute('data-rendered-ahead', '');
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(inject('baseURL'));
    // The picture's concepts are buttons already (the same markup): wait for the app to take it over.
    await expect.poll(() => page.locator('.first-paint').count()).toBe(0);
    await expect.poll(() => page.locator('svg.map [data-node-id][role="button"]').count()).toBe(map.nodes.length);
    expect(await page.locator('svg.map[data-rendered-ahead]').count()).toBe(1);
    expect(await page.locator('.explorer').count()).toBe(1);
    expect(await page.locator('.explorer').getAttribute('data-theme')).toBe(colorScheme);
    const after = await centres(page, 'svg.map');
    for (const node of map.nodes) {
      const [a, b] = [before[node.id]!, after[node.id]!];
      expect(Math.hypot(a.x - b.x, a.y - b.y), node.id).toBeLessThan(1);
    }
    // No hydration mismatch, and the page's one inline script runs under the
    // Content-Security-Policy without a violation.
    expect(problems).toEqual([]);
    await page.context().close();
  });

  /** The page's colours before the app has run: its background, the explorer's, a label's, and the theme menu. */
  const colours = (page: Page) =>
    page.evaluate(() => {
      const explorer = document.querySelector('.first-paint .explorer');
      const label = document.querySelector('.first-paint svg.map .label');
      const menu = document.querySelector<HTMLSelectElement>('.first-paint select[aria-label="Theme"]');
      return {
        page: getComputedStyle(document.body).backgroundColor,
        explorer: explorer && getComputedStyle(explorer).backgroundColor,
        label: label && getComputedStyle(label).fill,
        menu: menu?.value,
      };
    });

  it('is shown in the dark theme to a reader whose system is dark, before the app runs', async () => {
    const page = await withoutTheApp('', { colorScheme: 'dark' });
    expect(await page.locator('.first-paint').isVisible()).toBe(true);
    expect(await colours(page)).toEqual({
      page: 'rgb(20, 23, 28)',
      explorer: 'rgb(20, 23, 28)',
      label: 'rgb(233, 236, 241)',
      menu: 'dark',
    });
    await saveScreenshot(page, 'first-paint-dark');
    await page.context().close();
    const light = await withoutTheApp('', { colorScheme: 'light' });
    expect(await colours(light)).toEqual({
      page: 'rgb(255, 255, 255)',
      explorer: 'rgb(255, 255, 255)',
      label: 'rgb(27, 30, 35)',
      menu: 'light',
    });
    await light.context().close();
  });

  it('is dark from the very start for a dark system, before any script has run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(inject('baseURL'));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 28)');
    await context.close();
  });

  it('says the map is loading in the theme’s colours while it arrives (light words on the dark page)', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 400 }, colorScheme: 'dark' });
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/maps\/calcinosis-ssc\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(inject('baseURL') + '?map=calcinosis-ssc');
    const status = page.getByText('Loading the map');
    await status.waitFor();
    expect(await status.evaluate((p) => [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor])).toEqual([
      'rgb(233, 236, 241)',
      'rgb(20, 23, 28)',
    ]);
    release();
    await context.close();
  });

  it.each([
    ['a dark system, any other view', '?node=calcinosis-cutis', 'dark', 'rgb(20, 23, 28)'],
    ['a dark system, light asked for in the address', '?theme=light', 'dark', 'rgb(255, 255, 255)'],
    ['a light system, dark asked for in the address', '?theme=dark', 'light', 'rgb(20, 23, 28)'],
  ] as const)('gives the page the theme the app will open in before the app runs (no flash of the other): %s', async (_, path, colorScheme, background) => {
    const page = await withoutTheApp(path, { colorScheme });
    await page.waitForLoadState('load');
    expect(await page.locator('.first-paint').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    await page.context().close();
  });

  it('gives way to the problem, asked for once, when the map cannot be fetched', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    let requests = 0;
    await page.route(/\/maps\/calcinosis-ssc\.json$/, (route) => {
      requests++;
      return route.fulfill({ status: 503, body: 'unavailable' });
    });
    await page.goto(inject('baseURL'));
    const problem = page.getByText('maps/calcinosis-ssc.json could not be opened');
    await problem.waitFor();
    expect(await page.getByText('HTTP 503').count()).toBeGreaterThan(0);
    expect(await page.locator('.first-paint').count()).toBe(0);
    expect(await page.locator('svg.map').count()).toBe(0);
    expect(requests).toBe(1);
    await context.close();
  });

  it('is shown again to a reader coming back to the flagship’s default view', async () => {
    const page = await withoutTheApp('', {}, { 'pathomap:view:map:calcinosis-ssc': '' });
    expect(await page.locator('.first-paint').isVisible()).toBe(true);
    await page.context().close();
  });

  it.each([
    ['a view in the address', '?node=calcinosis-cutis', {}, {}],
    ['another map named', '?map=calcinosis-ssc&depth=1', {}, {}],
    ['the reader’s own map opened last', '', {}, { 'pathomap:last-map': JSON.stringify({ kind: 'url', url: 'https://example.org/m.json' }) }],
    ['a map from the reader’s disk kept in this browser', '', {}, { 'pathomap:last-map': JSON.stringify({ kind: 'file', name: 'mine.yaml', kept: true }) }],
    ['a view remembered for the flagship', '', {}, { 'pathomap:view:map:calcinosis-ssc': '?hide=imaging' }],
    ['pins remembered for the flagship', '', {}, { 'pathomap:pins:map:calcinosis-ssc': '{"osteonectin":{"x":1,"y":2}}' }],
  ])('is not shown when the app will open something else: %s', async (_, path, options, storage) => {
    const page = await withoutTheApp(path, options, storage);
    await page.waitForLoadState('load');
    expect(await page.locator('.first-paint').isVisible()).toBe(false);
    await page.context().close();
  });
});
