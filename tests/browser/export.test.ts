// Exports for slides in Chromium: the SVG is a standalone slide (1920×1080, or 1440×1080 for
// 4:3) that looks like the map on a 1920×1080 screen, with every label once as text; the PNGs
// are that slide at 1× and 2×; a caption, title, legend and citations keep the map at 75% of
// the slide's height, and citations that do not fit get a page of their own; files are named
// after the map and the view; Copy image puts the slide on the clipboard, or says why not.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { citedReferences } from '../../src/core/export/citations.ts';
import { formatCitation } from '../../src/core/model/citation.ts';
import type { PathoMap, Reference } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp } from './harness.ts';
import { mapReady, neighboursOf } from './map-helpers.ts';
import { blockDifference, pngDataUrl } from './picture-difference.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

const VALENZUELA_DOI = '10.1097/BOR.0000000000000220';

async function openMap(query = '', options: Parameters<typeof openApp>[2] = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, query, { reducedMotion: 'reduce', acceptDownloads: true, ...options });
  await mapReady(opened.page);
  return opened;
}

async function openMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

/** The file a click on `button` in the Export menu downloads. */
async function exportFile(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  await openMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

function keep(name: string, bytes: Buffer | string): void {
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync(`test-results/exports/${name}`, bytes);
}

/** Width and height from a PNG's IHDR chunk. */
function pngDimensions(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface ParsedSvg {
  error: string | null;
  width: number;
  height: number;
  viewBox: string | null;
  /** Each <text>, its lines joined by spaces. */
  texts: string[];
  /** Texts drawn with a stroke (a halo drawn as a copy of the letters). */
  strokedTexts: number;
  /** The map's area (its clip). */
  area: { x: number; y: number; width: number; height: number } | null;
  elements: string[];
}

async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const clip = doc.querySelector('clipPath rect');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.querySelectorAll('text')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim()),
      strokedTexts: [...doc.querySelectorAll('text')].filter((t) => t.getAttribute('stroke') && t.getAttribute('stroke') !== 'none').length,
      area: clip ? { x: Number(clip.getAttribute('x')), y: Number(clip.getAttribute('y')), width: Number(clip.getAttribute('width')), height: Number(clip.getAttribute('height')) } : null,
      elements: [...new Set([...doc.querySelectorAll('*')].map((e) => e.localName))],
    };
  }, text);
}

/** The concept whose one-step neighbourhood cites the fewest references (at least one), and those. */
function fewestSources(): { node: string; cited: Reference[] } {
  let best: { node: string; cited: Reference[] } | undefined;
  for (const node of map.nodes) {
    // What Focus 1 shows: the concept with its group (or a group with its members), and their neighbours.
    const seeds = [node.id, ...(node.parent ? [node.parent] : []), ...map.nodes.filter((m) => m.parent === node.id).map((m) => m.id)];
    const around = new Set(seeds.flatMap((id) => [id, ...neighboursOf(map, id)]));
    const items = [...map.nodes.filter((n) => around.has(n.id)), ...map.edges.filter((e) => around.has(e.source) && around.has(e.target))];
    const cited = citedReferences(map.references, items);
    if (cited.length > 0 && (!best || cited.length < best.cited.length)) best = { node: node.id, cited };
  }
  return best!;
}

const svgUrl = (text: string) => `data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`;
const label = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The map on a 1920×1080 screen (a still embed of the same view), without the embed's own link. */
async function screenOf(query: string): Promise<string> {
  const { page, errors } = await openApp(browser, query, { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  await mapReady(page);
  await page.addStyleTag({ content: '.embed-controls { visibility: hidden !important; }' });
  await page.waitForTimeout(200);
  const shot = await page.screenshot({ animations: 'disabled' });
  expect(errors).toEqual([]);
  await page.context().close();
  return pngDataUrl(shot);
}

describe('the SVG of the view', () => {
  const views = [
    { name: 'light', query: '?theme=light', file: 'calcinosis-ssc.svg' },
    { name: 'dark', query: '?theme=dark', file: 'calcinosis-ssc.svg' },
    // A selection: faded concepts, a bold label, a ring; in the print theme.
    { name: 'print-selected', query: '?theme=print&node=systemic-sclerosis', file: 'calcinosis-ssc-systemic-sclerosis.svg' },
  ];
  for (const { name, query, file } of views) {
    it(`(${name}) is a standalone 1920×1080 slide, every label once as text, and looks like the map on a 1920×1080 screen`, async () => {
      const { page, errors } = await openMap(query);
      const { name: saved, bytes } = await exportFile(page, 'Export SVG');
      expect(saved).toBe(file);
      const text = bytes.toString('utf8');
      keep(`slide-${name}.svg`, text);
      // Nothing that needs the page, a stylesheet or another file; no link to this machine.
      expect(text).not.toMatch(/var\(--|url\((?!#)|@import|<style|<image|<foreignObject|<script|href=/i);
      expect(text).not.toMatch(/\s(class|role|tabindex|aria-[a-z]+|data-[a-z-]+|on[a-z]+)=/);

      const blank = await page.context().newPage();
      const parsed = await parseSvg(blank, text);
      expect(parsed.error).toBeNull();
      expect([parsed.width, parsed.height, parsed.viewBox]).toEqual([1920, 1080, '0 0 1920 1080']);
      // Every label once, and besides them only the marks of relations (≈ extrapolated, ? disputed); no text is its own halo.
      const labels = map.nodes.map((n) => label(n.label));
      for (const l of labels) expect(parsed.texts.filter((t) => t === l), l).toHaveLength(1);
      expect(parsed.texts.filter((t) => !labels.includes(t)).every((t) => t === '≈' || t === '?')).toBe(true);
      expect(parsed.strokedTexts).toBe(0);

      // The same view on a 1920×1080 screen is framed as the slide frames it.
      const screen = await screenOf(`?embed&interactive=0${query.replace('?', '&')}`);
      const same = await blockDifference(blank, screen, svgUrl(text));
      const moved = await blockDifference(blank, screen, svgUrl(text), { shift: 12 });
      console.info(`SVG slide (${name}) against a 1920×1080 screen: ${same.toFixed(2)}/255 by 16 px blocks; moved 12 px ${moved.toFixed(2)}`);
      // Measured 0.91–1.01 against 2.57–4.76 moved (the print theme is mostly white, so its figures are lowest).
      expect(same).toBeLessThan(1.3);
      expect(same).toBeLessThan(moved / 2);
      expect(errors).toEqual([]);
    });
  }

  it('with a title, legend, caption and its citations keeps the map 75% of the slide high; the whole list of sources goes to a page of its own', async () => {
    // A concept whose neighbourhood cites few sources, so they fit under the map.
    const { node, cited } = fewestSources();
    const { page, errors } = await openMap(`?node=${node}&depth=1`);
    await openMenu(page);
    await page.getByLabel('Caption').fill('A concept & its neighbours');
    for (const box of ['Title', 'Legend', 'Citations of the concepts shown']) await page.getByLabel(box).check();
    const slide = await exportFile(page, 'Export SVG');
    expect(slide.name).toBe(`calcinosis-ssc-${node}-focus-1.svg`);
    keep('slide-captioned.svg', slide.bytes);
    const blank = await page.context().newPage();
    const parsed = await parseSvg(blank, slide.bytes.toString('utf8'));
    expect(parsed.texts).toContain(map.title);
    expect(parsed.texts).toContain('A concept & its neighbours');
    expect(parsed.texts).toContain('Concepts');
    expect(parsed.texts).toContain('Sources');
    for (const reference of cited) {
      const listed = parsed.texts.find((t) => t.startsWith(formatCitation(reference).replace(/\.$/, '').slice(0, 40)));
      expect(listed, reference.id).toBeDefined();
      if (reference.pmid) expect(listed).toContain(`PMID ${reference.pmid}`);
      if (reference.doi) expect(listed).toContain(`doi:${reference.doi}`);
    }
    expect(parsed.area!.height / parsed.height).toBeGreaterThanOrEqual(0.75);

    // The whole map cites many sources: they do not fit under it, and follow on a page of their own.
    const whole = (await openMap()).page;
    await openMenu(whole);
    await whole.getByLabel('Citations of the concepts shown').check();
    const files = [await exportFile(whole, 'Export SVG'), await exportFile(whole, 'Save the sources page')];
    expect(files.map((f) => f.name)).toEqual(['calcinosis-ssc.svg', 'calcinosis-ssc-sources.svg']);
    const first = await parseSvg(blank, files[0]!.bytes.toString('utf8'));
    const sources = await parseSvg(blank, files[1]!.bytes.toString('utf8'));
    expect(first.area!.height / first.height).toBeGreaterThanOrEqual(0.75);
    expect(first.texts.some((t) => /^Sources: \d+ references, listed on the next page$/.test(t))).toBe(true);
    expect(sources.texts[0]).toBe('Sources');
    expect(sources.texts.some((t) => t.includes(VALENZUELA_DOI))).toBe(true);
    expect([sources.width, sources.height]).toEqual([1920, 1080]);
    expect(errors).toEqual([]);
  });

  it('of a tour step carries its caption and "Step N of M", counted as in the address; 4:3 on request', async () => {
    const { page, errors } = await openMap('?tour=story&step=3');
    await openMenu(page);
    await page.getByLabel('Slide shape').selectOption('4:3');
    const { name, bytes } = await exportFile(page, 'Export SVG');
    expect(name).toBe('calcinosis-ssc-story-step-3-4x3.svg');
    const parsed = await parseSvg(await page.context().newPage(), bytes.toString('utf8'));
    expect([parsed.width, parsed.height]).toEqual([1440, 1080]);
    expect(parsed.texts).toContain(`Step 3 of ${map.tours[0]!.steps.length}`);
    expect(parsed.texts.join(' ')).toContain(label(map.tours[0]!.steps[2]!.caption));
    expect(errors).toEqual([]);
  });
});

describe('pictures of the view', () => {
  it('the PNGs are the slide at 1920×1080 and 3840×2160, as drawn from the SVG', async () => {
    const { page, errors } = await openMap();
    const svg = await exportFile(page, 'Export SVG');
    const one = await exportFile(page, 'Export PNG (');
    const two = await exportFile(page, 'Export PNG 2×');
    expect([one.name, two.name]).toEqual(['calcinosis-ssc.png', 'calcinosis-ssc.png']);
    keep('slide.png', one.bytes);
    keep('slide@2x.png', two.bytes);
    expect(pngDimensions(one.bytes)).toEqual({ width: 1920, height: 1080 });
    expect(pngDimensions(two.bytes)).toEqual({ width: 3840, height: 2160 });
    const blank = await page.context().newPage();
    const same = await blockDifference(blank, pngDataUrl(two.bytes), svgUrl(svg.bytes.toString('utf8')));
    expect(same).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });

  it('Copy image puts the slide on the clipboard as a PNG', async () => {
    const { page, errors } = await openMap('', { permissions: ['clipboard-read', 'clipboard-write'] });
    await openMenu(page);
    await page.getByRole('button', { name: 'Copy image' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Picture' }).textContent()).toContain('Picture copied');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      const image = await createImageBitmap(blob);
      return { types: item!.types, width: image.width, height: image.height };
    });
    expect(copied).toEqual({ types: ['image/png'], width: 1920, height: 1080 });
    expect(errors).toEqual([]);
  });

  it('Copy image says so when the browser refuses', async () => {
    const { page } = await openMap();
    // A browser that refuses pictures on the clipboard (a setting, a policy, an old version).
    await page.evaluate(() => {
      navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await openMenu(page);
    await page.getByRole('button', { name: 'Copy image' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'refused' }).textContent()).toContain(
      'The browser refused to copy the picture (Write permission denied.). Use Export PNG and insert the file instead.',
    );
  });
});

describe('references', () => {
  it('of the concepts in view as BibTeX and RIS, named after the view', async () => {
    const { page, errors } = await openMap('?node=digital-ulcers');
    const bib = await exportFile(page, 'Export references (BibTeX)');
    const ris = await exportFile(page, 'Export references (RIS)');
    expect([bib.name, ris.name]).toEqual(['calcinosis-ssc-digital-ulcers.bib', 'calcinosis-ssc-digital-ulcers.ris']);
    const bibtex = bib.bytes.toString('utf8');
    const risText = ris.bytes.toString('utf8');
    // The flagship's references are journal articles, field by field.
    expect(bibtex).toContain('@article{valenzuela2015,\n  author = {Valenzuela, A. and Chung, L.},\n');
    expect(bibtex).toContain(`doi = {${VALENZUELA_DOI}}`);
    expect(risText).toContain('TY  - JOUR\r\nID  - valenzuela2015\r\nAU  - Valenzuela, A.\r\nAU  - Chung, L.\r\n');
    expect(risText).toContain(`DO  - ${VALENZUELA_DOI}\r\n`);
    expect(errors).toEqual([]);
  });
});
