// The Embed dialog: snippets that carry the whole view, a warning when the address works only
// on this machine, the route into PowerPoint, Google Slides and Keynote — and snippets that work
// under `npm start` (the dev server builds and serves patho-map.js).
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, openPublished } from './harness.ts';
import { mapReady } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

interface Dialog {
  iframe: string;
  element: string;
  warning: string | null;
  office: string;
  liveLink: string;
}

async function openDialog(page: Page): Promise<Dialog> {
  await page.getByText('File', { exact: true }).click();
  await page.getByRole('button', { name: 'Embed in slides…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view in slides' });
  await dialog.waitFor();
  const warning = dialog.getByRole('note');
  return {
    iframe: await dialog.getByLabel('iframe').inputValue(),
    element: await dialog.getByLabel('Web component').inputValue(),
    warning: (await warning.count()) ? ((await warning.textContent()) ?? '').replace(/\s+/g, ' ') : null,
    office: ((await dialog.getByRole('region', { name: 'PowerPoint, Google Slides, Keynote' }).textContent()) ?? '').replace(/\s+/g, ' '),
    liveLink: await dialog.getByLabel('Link back to the live map (this view)').inputValue(),
  };
}

const iframeSrc = (snippet: string) => new URL(/src="([^"]*)"/.exec(snippet)![1]!.replaceAll('&amp;', '&'));
const attribute = (snippet: string, name: string) => new RegExp(`<patho-map[^>]* ${name}="([^"]*)"`).exec(snippet)?.[1];

describe('the Embed dialog', () => {
  it('puts the whole view into both snippets, warns that 127.0.0.1 works only here, and says how to get to PowerPoint', async () => {
    const hidden = map.categories.find((c) => c.id === 'therapies')!.id;
    const { page, errors } = await openApp(browser, `?node=digital-ulcers&depth=1&hide=${hidden}`);
    await mapReady(page);
    const dialog = await openDialog(page);
    const src = iframeSrc(dialog.iframe);
    expect(src.origin).toBe(new URL(inject('baseURL')).origin);
    expect(Object.fromEntries(src.searchParams)).toMatchObject({ embed: '', map: 'calcinosis-ssc', node: 'digital-ulcers', depth: '1', hide: hidden });
    expect(attribute(dialog.element, 'node')).toBe('digital-ulcers');
    expect(attribute(dialog.element, 'focus')).toBe('1');
    expect(attribute(dialog.element, 'hide')).toBe(hidden);
    expect(attribute(dialog.element, 'src')).toBe(`${inject('baseURL')}maps/calcinosis-ssc.json`);
    expect(dialog.element).toContain(`<script type="module" src="${inject('baseURL')}patho-map.js"></script>`);
    expect(dialog.warning).toContain('This address works only on this computer');
    expect(dialog.office).toContain('Export PowerPoint (.pptx)');
    expect(dialog.office).toContain('Copy image');
    expect(Object.fromEntries(new URL(dialog.liveLink).searchParams)).toMatchObject({ node: 'digital-ulcers', depth: '1' });
    expect(new URL(dialog.liveLink).searchParams.has('embed')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('gives a tour step as the address counts it, in both snippets', async () => {
    const { page, errors } = await openApp(browser, '?tour=story&step=3');
    await mapReady(page);
    const dialog = await openDialog(page);
    expect(iframeSrc(dialog.iframe).searchParams.get('step')).toBe('3');
    expect([attribute(dialog.element, 'tour'), attribute(dialog.element, 'step')]).toEqual(['story', '3']);
    expect(errors).toEqual([]);
  });

  it('gives no warning where others can reach the page', async () => {
    // The built site as if published at https://maps.example.org/pathomap/ (the preview server answers).
    const { page, errors } = await openPublished(browser, 'https://maps.example.org/pathomap/?node=digital-ulcers');
    await mapReady(page);
    const dialog = await openDialog(page);
    expect(dialog.warning).toBeNull();
    expect(iframeSrc(dialog.iframe).href.startsWith('https://maps.example.org/pathomap/?embed')).toBe(true);
    expect(dialog.element).toContain('<script type="module" src="https://maps.example.org/pathomap/patho-map.js">');
    expect(errors).toEqual([]);
  });
});

describe('under npm start (the dev server)', () => {
  let server: ViteDevServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('serves patho-map.js, and the dialog’s snippets show the map on another page', async () => {
    server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
    await server.listen();
    const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
    const script = await fetch(`${origin}/patho-map.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('patho-map');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    await page.goto(`${origin}/?node=digital-ulcers`);
    await mapReady(page);
    const dialog = await openDialog(page);
    expect(dialog.warning).toContain('works only on this computer');

    // A lecture page of the dev server's, holding both snippets as pasted.
    await page.route(`${origin}/lecture.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Lecture</title><link rel="icon" href="data:,">${dialog.iframe}\n${dialog.element}` }),
    );
    await page.goto(`${origin}/lecture.html`);
    const element = page.locator('patho-map');
    await element.locator('[data-node-id="digital-ulcers"]').waitFor({ state: 'attached' });
    expect(await element.locator('[data-node-id]').count()).toBe(map.nodes.length);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-node-id="digital-ulcers"]').waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
