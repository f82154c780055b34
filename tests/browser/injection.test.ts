// Content is data, never code: a map whose every text field carries script-injection payloads,
// opened through "Open map" in the built app (served with its Content-Security-Policy). Nothing
// may execute, no dialog may open, and every payload must show literally as text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { escapeXmlAttribute, escapeXmlText } from '../../src/core/formats/graphml-export.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, saveScreenshot } from './harness.ts';

/** Each payload, if it ever ran, would set window.__pwned. */
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  "' onmouseover='window.__pwned = \"attr\"' x='",
  '<a href="javascript:window.__pwned = \'link\'">click</a>',
  '{{constructor.constructor("window.__pwned = \'template\'")()}}',
  '</style><style>body { display: none }</style>',
  '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>">',
];

const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

/** The stored source text: every payload, one per line, so quotes can cite them verbatim. */
const SOURCE_TEXT = `Title: Injected source\n\n${PAYLOADS.join('\n')}\n`;

function injectedMap() {
  return {
    title: `Injected ${payload(0)}`,
    description: payload(1),
    references: [
      { id: 'src', citation: `Stored ${payload(2)}`, file: 'references/injected.txt', url: 'https://example.org/a' },
      { id: 'other', citation: `Cited ${payload(3)}` },
    ],
    categories: [
      { id: 'one', label: `Category ${payload(4)}`, color: '#0072B2', shape: 'circle', description: payload(5) },
      { id: 'two', label: `Category ${payload(6)}`, color: '#E69F00', shape: 'square' },
    ],
    nodes: PAYLOADS.map((_, i) => ({
      id: `n${i}`,
      label: `Node ${i} ${payload(i)}`,
      category: i % 2 === 0 ? 'one' : 'two',
      summary: `Summary ${payload(i + 1)}`,
      aliases: [payload(i + 2)],
      notes: payload(i + 3),
      evidence:
        i % 2 === 0
          ? [{ ref: 'src', quote: payload(i), note: payload(i + 4) }]
          : [{ ref: 'other', finding: `Finding ${payload(i)}`, level: 'cohort', caveat: payload(i + 5) }],
    })),
    edges: PAYLOADS.slice(1).map((_, i) => ({
      source: `n${i}`,
      target: `n${i + 1}`,
      relation: `relates ${payload(i + 6)}`,
      level: 'review',
      notes: payload(i),
      evidence: [{ ref: 'src', quote: payload(i + 1) }],
    })),
    tours: [{ id: 'tour', title: `Tour ${payload(7)}`, steps: [{ nodes: ['n0'], caption: `Caption ${payload(1)}` }] }],
  };
}

let browser: Browser;
let folder: string;
beforeAll(async () => {
  browser = await launchChromium();
  folder = mkdtempSync(join(tmpdir(), 'pathomap-injection-'));
  writeFileSync(join(folder, 'injected.yaml'), stringify(injectedMap()));
  writeFileSync(join(folder, 'injected.txt'), SOURCE_TEXT);
  writeFileSync(join(folder, 'Injected_Disorder.yaml'), stringify(injectedDisorder()));
  writeFileSync(join(folder, 'injected.cxl'), injectedCmap());
});
afterAll(async () => {
  await browser?.close();
});

/** The app, ready to open files, recording any dialog (alert, confirm) a payload might raise. */
async function openWatched(): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const { page, errors } = await openApp(browser);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The flagship's picture rendered ahead holds an inert copy of the file input: wait for the live one.
  await page.waitForFunction(() => !document.querySelector('.first-paint'));
  await page.locator('input[type=file]').waitFor({ state: 'attached' });
  return { page, errors, dialogs };
}

async function openInjected(): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const { page, errors, dialogs } = await openWatched();
  await page.locator('input[type=file]').setInputFiles([join(folder, 'injected.yaml'), join(folder, 'injected.txt')]);
  await expect.poll(() => page.locator('h1').textContent()).toBe(injectedMap().title);
  return { page, errors, dialogs };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

/** No element, attribute or link was made from the data. */
async function expectNothingInjected(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    scripts: document.querySelectorAll('body script').length,
    iframes: document.querySelectorAll('iframe').length,
    images: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    ),
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|#|\?|\/|blob:)/.test(a.getAttribute('href')!)).length,
    bodyShown: getComputedStyle(document.body).display !== 'none',
  }));
  expect(injected).toEqual({ scripts: 0, iframes: 0, images: 0, handlers: [], scriptLinks: 0, bodyShown: true });
}

/** A DisMech disorder file with a payload in every text it holds, and hostile references and term ids. */
function injectedDisorder() {
  const evidence = (i: number, reference = 'PMID:10000001') => [
    { reference, reference_title: `Title ${payload(i)}`, supports: 'SUPPORT', evidence_source: 'HUMAN_CLINICAL', snippet: `Snippet ${payload(i + 1)}`, explanation: `Note ${payload(i + 2)}` },
  ];
  const term = (id: string, i: number) => ({ preferred_term: payload(i), term: { id, label: `Term ${payload(i + 1)}` } });
  const names = PAYLOADS.map((_, i) => `Mechanism ${i} ${payload(i)}`);
  return {
    name: `Disorder ${payload(0)}`,
    description: payload(1),
    synonyms: [payload(2)],
    notes: payload(3),
    disease_term: term('MONDO:0000001', 4),
    pathophysiology: names.map((name, i) => ({
      name,
      description: `Summary ${payload(i + 1)}`,
      role: payload(i + 2),
      cell_types: [term(i % 2 === 0 ? 'CL:0000232' : 'javascript:window.__pwned=1', i + 3)],
      evidence: evidence(i, i % 3 === 0 ? 'javascript:window.__pwned="ref"' : 'PMID:10000001'),
      downstream: i + 1 < names.length ? [{ target: names[i + 1], description: payload(i + 4), evidence: evidence(i + 5, 'https://example.org/a') }] : [],
    })),
    phenotypes: [{ name: `Phenotype ${payload(5)}`, frequency: payload(6), phenotype_term: term('HP:0000155', 7), evidence: evidence(8, 'ORPHA:926') }],
    treatments: [{ name: `Treatment ${payload(1)}`, treatment_term: term('MAXO:0000001', 2), evidence: evidence(3, 'NCT01234567') }],
    [`field ${payload(7)}`]: payload(0),
  };
}

/** A CmapTools map with a payload in every label, comment and resource. */
function injectedCmap(): string {
  const a = escapeXmlAttribute;
  const concepts = PAYLOADS.map((_, i) => `<concept id="c${i}" label="${a(`Concept ${i} ${payload(i)}`)}" short-comment="${a(payload(i + 1))}" long-comment="${a(payload(i + 2))}"/>`);
  const phrases = PAYLOADS.slice(1).map((_, i) => `<linking-phrase id="p${i}" label="${a(`relates ${payload(i + 3)}`)}"/>`);
  const connections = PAYLOADS.slice(1).flatMap((_, i) => [`<connection from-id="c${i}" to-id="p${i}"/>`, `<connection from-id="p${i}" to-id="c${i + 1}"/>`]);
  const resources = PAYLOADS.map(
    (_, i) =>
      `<resource-group parent-id="c${i}"><resource-list>` +
      `<resource label="${a(`Resource ${payload(i)}`)}" resource-url="${a(i % 2 === 0 ? 'javascript:window.__pwned="res"' : `https://example.org/r${i}?q=${payload(i)}`)}"/>` +
      `</resource-list></resource-group>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<cmap xmlns="http://cmap.ihmc.us/xml/cmap/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<res-meta><dc:title>${escapeXmlText(`Cmap ${payload(0)}`)}</dc:title></res-meta>`,
    '<map>',
    `<concept-list>${concepts.join('')}</concept-list>`,
    `<linking-phrase-list>${phrases.join('')}</linking-phrase-list>`,
    `<connection-list>${connections.join('')}</connection-list>`,
    `<resource-group-list>${resources.join('')}</resource-group-list>`,
    '</map>',
    '</cmap>',
  ].join('\n');
}

describe('a map full of script payloads', () => {
  it('opens with every payload shown as text and nothing run', async () => {
    const { page, errors, dialogs } = await openInjected();
    const map = injectedMap();

    for (const node of map.nodes) {
      await expect.poll(() => page.locator(`[data-node-id="${node.id}"]`).getAttribute('aria-label')).toBe(node.label);
    }

    // Every node's Details: summary, notes, evidence, all literal. Chosen from the keyboard, which
    // brings each into sight (the view pans to keep the one in Details in sight, so the next may lie
    // beyond the panel).
    for (const node of map.nodes) {
      await page.locator(`[data-node-id="${node.id}"]`).focus();
      await page.keyboard.press('Enter');
      const details = page.getByRole('complementary', { name: 'Details' });
      await expect.poll(() => details.getByRole('heading', { level: 2 }).first().textContent()).toBe(node.label);
      await expect.poll(() => details.textContent()).toContain(node.summary);
      const evidence = node.evidence[0]!;
      if ('quote' in evidence) {
        await expect.poll(() => details.locator('mark').first().textContent()).toBe(evidence.quote);
      } else {
        await expect.poll(() => details.textContent()).toContain(evidence.finding);
      }
    }
    await saveScreenshot(page, 'injection-details');

    // Search lists payload-bearing results as text.
    await page.getByRole('combobox', { name: 'Search' }).fill('onerror');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // The tour caption and the text view.
    await page.getByRole('button', { name: 'Tour', exact: true }).click();
    await expect.poll(() => page.getByText(map.tours[0]!.steps[0]!.caption, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'End tour' }).first().click();
    await page.getByRole('button', { name: 'Text view' }).click();
    for (const node of map.nodes) {
      await expect.poll(() => page.getByRole('heading', { level: 3, name: node.label, exact: true }).count()).toBe(1);
    }

    await expectNothingInjected(page);
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('in a DisMech disorder file: opens with every payload shown as text and nothing run', async () => {
    const { page, errors, dialogs } = await openWatched();
    const disorder = injectedDisorder();
    await page.locator('input[type=file]').setInputFiles(join(folder, 'Injected_Disorder.yaml'));
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(disorder.name);
    const details = page.getByRole('complementary', { name: 'Details' });
    for (const [id, entry] of disorder.pathophysiology.map((p, i) => [`mechanism:Mechanism-${i}`, p] as const)) {
      const node = page.locator(`[data-node-id^="${id}"]`);
      await expect.poll(() => node.getAttribute('aria-label')).toBe(entry.name);
      // Shown once laid out (in the worker): only then can it take focus.
      await node.waitFor();
      // By keyboard: a long chain of long labels reaches past the frame, where a pointer cannot.
      await node.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => details.getByRole('heading', { level: 2 }).first().textContent()).toBe(entry.name);
      await expect.poll(() => details.textContent()).toContain(entry.description);
      expect(await details.textContent()).toContain(entry.evidence[0]!.snippet);
      expect(await details.textContent()).toContain(entry.evidence[0]!.explanation);
      expect(await details.textContent()).toContain(entry.cell_types[0]!.term.label);
    }
    await saveScreenshot(page, 'injection-dismech');
    await expectNothingInjected(page);
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('in a CmapTools map: opens with every payload shown as text and nothing run', async () => {
    const { page, errors, dialogs } = await openWatched();
    await page.locator('input[type=file]').setInputFiles(join(folder, 'injected.cxl'));
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(`Cmap ${payload(0)}`);
    const details = page.getByRole('complementary', { name: 'Details' });
    for (let i = 0; i < PAYLOADS.length; i++) {
      const node = page.locator(`[data-node-id="c${i}"]`);
      await expect.poll(() => node.getAttribute('aria-label')).toBe(`Concept ${i} ${payload(i)}`);
      await node.click();
      await expect.poll(() => details.textContent()).toContain(payload(i + 1));
      expect(await details.textContent()).toContain(payload(i + 2));
      if (i % 2 === 1) expect(await details.textContent()).toContain(`Resource ${payload(i)}`);
    }
    await expectNothingInjected(page);
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it.each([
    ['a javascript: reference URL', { url: 'javascript:window.__pwned = "url"' }, /references\[0\]\.url/],
    ['a colour that smuggles CSS', { color: 'red; background: url(javascript:alert(1))' }, /categories\[0\]\.color/],
  ])('refuses %s with a located error, keeping the map on screen', async (_name, change, field) => {
    const map = injectedMap();
    if ('url' in change) Object.assign(map.references[0]!, change);
    else Object.assign(map.categories[0]!, change);
    const file = join(folder, 'bad.yaml');
    writeFileSync(file, stringify(map));
    const { page, errors, dialogs } = await openWatched();
    const flagshipTitle = await page.locator('h1').textContent();
    await page.locator('input[type=file]').setInputFiles([file, join(folder, 'injected.txt')]);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/bad\.yaml:\d+:\d+/);
    expect(await alert.textContent()).toMatch(field);
    expect(await page.locator('h1').textContent()).toBe(flagshipTitle);
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
