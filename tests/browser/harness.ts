// Chromium for browser tests (see scripts/lib/chromium.ts), and opening the built app in it.
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { loadFlagship } from './map-helpers.ts';

/** Publishes a map the test made beside the flagship: the build (global setup) is served from dist/. */
export async function publishMap(id: string, payload: unknown): Promise<void> {
  await writeFile(`dist/maps/${id}.json`, JSON.stringify(payload));
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Chromium for one test file's tests: launched before them (handed to `take`), closed after. */
export function chromiumForFile(take: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    take(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** As `chromiumForFile`, with the flagship map as the build publishes it. */
export function flagshipForFile(take: (session: { browser: Browser; map: PathoMap }) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [launched, map] = await Promise.all([launchChromium(), loadFlagship()]);
    browser = launched;
    take({ browser, map });
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  errors: string[];
}

/** Opens a path of the built app (e.g. "?node=x") in a fresh context, recording errors. */
export async function openApp(
  browser: Browser,
  path = '',
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A reload or navigation cancels requests still in flight (ERR_ABORTED): not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} ${reason}`);
  });
  await page.goto(inject('baseURL') + path);
  return { page, errors };
}

/**
 * Opens the built app as if it were published at `url` (e.g. https://maps.example.org/pathomap/):
 * every request there is answered by the preview server, so the page's own address is public.
 */
export async function openPublished(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const site = new URL(url);
  const folder = site.href.slice(0, site.href.length - site.search.length - site.hash.length).replace(/[^/]*$/, '');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  await context.route((address) => address.href.startsWith(folder), async (route) => {
    const response = await route.fetch({ url: inject('baseURL') + route.request().url().slice(folder.length) });
    await route.fulfill({ response });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(url);
  return { page, errors };
}

/** Saves a screenshot under test-results/screenshots/ for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
