// Exports for slides in Chromium: the SVG is standalone and looks like the screen, the PNGs have
// the promised sizes, and the reference files hold the flagship's sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EFFECT_LOOK } from '../../src/render/relation-look.ts';
import { chromiumForFile, openApp } from './harness.ts';
import { mapReady } from './map-helpers.ts';

/**
 * "Looks the same as the screen": the exported SVG, drawn by the browser at its own size (which
 * is the map's size on screen), against a screenshot of the map. Two measures, in 0–255 units:
 * the mean absolute difference per colour channel, and the share of pixels off by more than
 * 48 in some channel. Measured over fitted, zoomed-in and selected views in three themes: means
 * 0.01–0.11 and 0.0002–0.017% of pixels off (anti-aliasing of edges at sub-pixel offsets).
 * Exports that look right at a glance but are not measured: labels in the wrong colour mean
 * 0.8–6.3, bold labels 5–9, the view 2 px off 14; halos lost 0.16–0.46% of pixels off,
 * arrowheads lost 0.25–0.46%, dash patterns lost 0.8–1.1%. The map is mostly background, so
 * a mean bound of a few units (the usual choice) would pass most of these: 0.5 for the mean
 * and 0.05% for the pixels off keep a margin of about three both ways.
 */
const MEAN_TOLERANCE = 0.5;
const OFF_PIXELS_TOLERANCE = 0.0005;

let browser: Browser;
chromiumForFile((launched) => (browser = launched));

const VALENZUELA_DOI = '10.1097/BOR.0000000000000220';

async function openMap(query = ''): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, query, { reducedMotion: 'reduce', acceptDownloads: true });
  await mapReady(opened.page);
  return opened;
}

async function exportFile(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

function keep(name: string, bytes: Buffer | string): void {
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync(`test-results/exports/${name}`, bytes);
}

/** Width and height from a PNG's IHDR chunk. */
function pngDimensions(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface ParsedSvg {
  error: string | null;
  width: number;
  height: number;
  texts: string[];
  hrefs: string[];
  elements: string[];
}

/** The SVG parsed as XML by the browser, in a page of its own. */
async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    const all = [...doc.querySelectorAll('*')];
    return {
      error,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) =>
        (t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '') : [t.textContent ?? ''])
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
      hrefs: all.flatMap((e) => [...e.attributes].filter((a) => a.localName === 'href').map((a) => a.value)),
      elements: [...new Set(all.map((e) => e.localName))],
    };
  }, text);
}

interface Difference {
  /** Mean absolute difference per colour channel, 0–255. */
  mean: number;
  /** Share of pixels off by more than 48 in some channel. */
  off: number;
}

/** `picture` (an SVG, at its own size) against `screenshot`, over the screenshot's area. */
async function difference(page: Page, picture: string, screenshot: string): Promise<Difference> {
  return page.evaluate(
    async ({ picture, screenshot }) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const [a, b] = await Promise.all([load(picture), load(screenshot)]);
      const width = b.naturalWidth;
      const height = b.naturalHeight;
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, width, height).data;
      };
      const p = pixels(a);
      const q = pixels(b);
      let sum = 0;
      let off = 0;
      for (let i = 0; i < p.length; i += 4) {
        const d = [0, 1, 2].map((k) => Math.abs(p[i + k]! - q[i + k]!));
        sum += d[0]! + d[1]! + d[2]!;
        if (Math.max(...d) > 48) off++;
      }
      return { mean: sum / (width * height * 3), off: off / (width * height) };
    },
    { picture, screenshot },
  );
}

const dataUrl = (type: string, bytes: Buffer | string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

describe('export for slides', () => {
  const views = [
    { name: 'light', query: '?theme=light', zoomIn: 0 },
    { name: 'dark', query: '?theme=dark', zoomIn: 0 },
    // A selection (faded concepts, a bold label, highlighted arrows) zoomed in, in the print theme.
    { name: 'print-selected-zoomed', query: '?theme=print&node=systemic-sclerosis', zoomIn: 2 },
  ];
  for (const { name, query, zoomIn } of views) {
    it(`the SVG (${name}) is standalone, holds every label in view as text, and looks like the screen`, async () => {
      const { page, errors } = await openMap(query);
      for (let i = 0; i < zoomIn; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      // The pointer leaves the map, so no concept is hovered in the screenshot.
      await page.mouse.move(1, 1);
      const map = page.locator('svg.map');
      if (query.includes('node=')) await expect.poll(() => map.locator('.node.faded').count()).toBeGreaterThan(0);
      // Concepts at least partly on screen, named as the page names them.
      const { labels, all } = await map.evaluate((svg) => {
        const frame = svg.getBoundingClientRect();
        const nodes = [...svg.querySelectorAll('[data-node-id]')];
        const shown = nodes.filter((n) => {
          const b = n.getBoundingClientRect();
          return b.right >= frame.left && b.left <= frame.right && b.bottom >= frame.top && b.top <= frame.bottom;
        });
        return { labels: shown.map((n) => (n.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim()), all: nodes.length };
      });
      expect(labels.length).toBeGreaterThan(5);
      if (zoomIn > 0) expect(labels.length).toBeLessThan(all);
      const box = (await map.boundingBox())!;
      // The zoom buttons and the legend float over the map; the picture is of the map alone.
      const overlays = await page.addStyleTag({ content: '.map-controls, .legend { visibility: hidden !important; }' });
      const screenshot = await map.screenshot({ animations: 'disabled' });
      await overlays.evaluate((style) => (style as Element).remove());

      const { download, bytes } = await exportFile(page, 'Export SVG');
      expect(download.suggestedFilename()).toBe('calcinosis-ssc-view.svg');
      const text = bytes.toString('utf8');
      keep(`view-${name}.svg`, text);
      keep(`screen-${name}.png`, screenshot);

      // Nothing that needs the page, a stylesheet or another file.
      expect(text).not.toMatch(/var\(--/);
      expect(text).not.toMatch(/url\((?!#)/);
      expect(text).not.toMatch(/@import|<style|<image|<foreignObject|<script/i);
      expect(text).not.toMatch(/\s(class|role|tabindex|aria-[a-z]+|data-[a-z-]+|on[a-z]+)=/);

      const blank = await page.context().newPage();
      const parsed = await parseSvg(blank, text);
      expect(parsed.error).toBeNull();
      expect(parsed.hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
      expect(parsed.elements).not.toContain('image');
      expect(parsed.elements).not.toContain('foreignObject');
      // What each relation says is drawn at its end, in its colour (arrowheads and other ends as paths).
      const endFills = Object.values(EFFECT_LOOK).map((look) => look.colour[name.startsWith('print') ? 'print' : name === 'dark' ? 'dark' : 'light']);
      expect(endFills.some((colour) => text.includes(`fill="${colour}"`))).toBe(true);
      for (const label of labels) expect(parsed.texts).toContain(label);
      // Labels come twice (halo and letters); concepts scrolled out of view are left out; a badge on a relation once.
      const badges = await map.locator('.mark text').evaluateAll((texts) => texts.filter((t) => t.getBoundingClientRect().width > 0).length);
      expect(parsed.texts.length).toBe(2 * labels.length + (await map.locator('.edge-labels text').count()) * 2 + badges);
      expect(parsed.width).toBeCloseTo(box.width, 0);
      expect(parsed.height).toBeCloseTo(box.height, 0);

      const shot = dataUrl('image/png', screenshot);
      const measured = await difference(blank, dataUrl('image/svg+xml', text), shot);
      console.info(
        `export ${name}: mean |SVG − screen| = ${measured.mean.toFixed(3)}/255 per channel, ` +
          `${(measured.off * 100).toFixed(4)}% of pixels off by > 48`,
      );
      expect(measured.mean).toBeLessThan(MEAN_TOLERANCE);
      expect(measured.off).toBeLessThan(OFF_PIXELS_TOLERANCE);

      // The measure can tell: the same file with label halos, arrowheads or dash patterns lost fails it.
      const defects = {
        halos: text.replace(/<text[^>]* fill="none"[^>]*>.*?<\/text>/gs, ''),
        ends: text.replace(new RegExp(`<path[^>]* fill="(${Object.values(EFFECT_LOOK).map((l) => l.colour[name.startsWith('print') ? 'print' : name === 'dark' ? 'dark' : 'light']).join('|')})"[^>]*>(</path>)?`, 'g'), ''),
        dashes: text.replace(/ stroke-dasharray="[^"]*"/g, ''),
      };
      for (const [lost, broken] of Object.entries(defects)) {
        expect(broken, lost).not.toBe(text);
        const worse = await difference(blank, dataUrl('image/svg+xml', broken), shot);
        expect(worse.mean >= MEAN_TOLERANCE || worse.off >= OFF_PIXELS_TOLERANCE, `${lost} lost: ${JSON.stringify(worse)}`).toBe(true);
      }
      expect(errors).toEqual([]);
    });
  }

  it('adds the caption and the sources of the concepts in view under the picture', async () => {
    const { page, errors } = await openMap();
    const box = (await page.locator('svg.map').boundingBox())!;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByLabel('Caption').fill('Calcinosis in SSc & its treatments');
    await page.getByLabel('Include citations of concepts in view').check();
    const { bytes } = await exportFile(page, 'Export SVG');
    const text = bytes.toString('utf8');
    keep('view-captioned.svg', text);

    const parsed = await parseSvg(await page.context().newPage(), text);
    expect(parsed.error).toBeNull();
    expect(parsed.height).toBeGreaterThan(box.height + 100);
    expect(parsed.texts).toContain('Calcinosis in SSc & its treatments');
    expect(parsed.texts).toContain('Sources:');
    expect(parsed.texts.some((t) => t.startsWith('Valenzuela A, Chung L. Calcinosis') && t.includes(VALENZUELA_DOI))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the PNGs are at least 1920×1080 and twice that at 2×, and decode', async () => {
    const { page, errors } = await openMap();
    const one = await exportFile(page, 'Export PNG (');
    const two = await exportFile(page, 'Export PNG 2×');
    expect(one.download.suggestedFilename()).toBe('calcinosis-ssc-view.png');
    keep('view.png', one.bytes);
    keep('view@2x.png', two.bytes);

    const a = pngDimensions(one.bytes);
    const b = pngDimensions(two.bytes);
    expect(a.width).toBeGreaterThanOrEqual(1920);
    expect(a.height).toBeGreaterThanOrEqual(1080);
    expect(a.width * 9).toBe(a.height * 16);
    expect(b).toEqual({ width: a.width * 2, height: a.height * 2 });
    // At this window size the view fits the Full HD frame.
    expect(a).toEqual({ width: 1920, height: 1080 });
    expect(b).toEqual({ width: 3840, height: 2160 });

    const decoded = await (await page.context().newPage()).evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    }, dataUrl('image/png', two.bytes));
    expect(decoded).toEqual(b);
    expect(errors).toEqual([]);
  });

  it('the references of the concepts in view as BibTeX and RIS', async () => {
    const { page, errors } = await openMap();
    const bib = await exportFile(page, 'Export references (BibTeX)');
    const ris = await exportFile(page, 'Export references (RIS)');
    expect(bib.download.suggestedFilename()).toBe('calcinosis-ssc-view.bib');
    expect(ris.download.suggestedFilename()).toBe('calcinosis-ssc-view.ris');
    const bibtex = bib.bytes.toString('utf8');
    const risText = ris.bytes.toString('utf8');
    keep('view.bib', bibtex);
    keep('view.ris', risText);
    // The flagship's references are journal articles, field by field.
    expect(bibtex).toContain('@article{valenzuela2015,\n  author = {Valenzuela, A. and Chung, L.},\n');
    expect(bibtex).toContain('  journal = {Curr Opin Rheumatol},\n  year = {2015},\n  volume = {27},\n  number = {6},\n  pages = {542--548},\n');
    expect(bibtex).toContain(`doi = {${VALENZUELA_DOI}}`);
    expect(bibtex).not.toContain('@misc');
    expect(risText).toContain('TY  - JOUR\r\nID  - valenzuela2015\r\nAU  - Valenzuela, A.\r\nAU  - Chung, L.\r\n');
    expect(risText).toContain('JO  - Curr Opin Rheumatol\r\nPY  - 2015\r\nVL  - 27\r\nIS  - 6\r\nSP  - 542\r\nEP  - 548\r\n');
    expect(risText).toContain(`DO  - ${VALENZUELA_DOI}\r\n`);
    expect(errors).toEqual([]);
  });
});
