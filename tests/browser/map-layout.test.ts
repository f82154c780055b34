// The map's picture: the same on every load, settled at first paint with or without reduced
// motion, and usable on a phone with Details as a bottom sheet. Saves screenshots to look at.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, saveScreenshot } from './harness.ts';
import { detailsHeading, detailsPanel, mapDrawing, mapReady, nodeButton } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

interface Picture {
  transforms: Record<string, string>;
  /** Each concept's marker centre on screen, CSS pixels. */
  screen: Record<string, [number, number]>;
}

/**
 * Records the picture of the first frame that holds concepts: when they enter the document,
 * the next animation frame (run just before that frame is painted) reads positions.
 */
function recordFirstPaint(): void {
  const read = () =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-node-id]')].map((e) => {
        const box = (e.querySelector('.marker') ?? e).getBoundingClientRect();
        return [e.getAttribute('data-node-id'), { transform: e.getAttribute('transform'), x: box.x + box.width / 2, y: box.y + box.height / 2 }];
      }),
    );
  // Concepts on screen: in the document and drawn (the page rendered ahead parses them hidden).
  const shown = () => [...document.querySelectorAll('[data-node-id]')].some((e) => e.getBoundingClientRect().width > 0);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => ((window as unknown as { firstPaint: unknown }).firstPaint = read()));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function firstPaint(page: Page): Promise<Picture> {
  // Reload only once the first load is over, so that no request of it is cut short.
  await mapReady(page);
  await page.waitForLoadState('networkidle');
  await page.addInitScript(recordFirstPaint);
  await page.reload();
  const handle = await page.waitForFunction(() => (window as unknown as { firstPaint?: unknown }).firstPaint);
  const raw = (await handle.jsonValue()) as Record<string, { transform: string; x: number; y: number }>;
  return {
    transforms: Object.fromEntries(Object.entries(raw).map(([id, r]) => [id, r.transform])),
    screen: Object.fromEntries(Object.entries(raw).map(([id, r]) => [id, [r.x, r.y]])),
  };
}

/** The picture once nothing more is going to move: two animation frames after it is drawn. */
async function settled(page: Page): Promise<Picture> {
  await mapReady(page);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const raw = await page.locator('[data-node-id]').evaluateAll((elements) =>
    elements.map((e) => {
      const box = (e.querySelector('.marker') ?? e).getBoundingClientRect();
      return [e.getAttribute('data-node-id')!, e.getAttribute('transform') ?? '', box.x + box.width / 2, box.y + box.height / 2] as const;
    }),
  );
  return {
    transforms: Object.fromEntries(raw.map(([id, t]) => [id, t])),
    screen: Object.fromEntries(raw.map(([id, , x, y]) => [id, [x, y]])),
  };
}

function expectSameScreen(actual: Picture, expected: Picture) {
  expect(Object.keys(actual.screen).sort()).toEqual(Object.keys(expected.screen).sort());
  for (const [id, [x, y]] of Object.entries(expected.screen)) {
    const [ax, ay] = actual.screen[id]!;
    expect(Math.hypot(ax - x, ay - y), `${id} on screen`).toBeLessThan(0.5);
  }
}

describe('the map picture', () => {
  it('draws every concept at the same place on every load', async () => {
    const pictures: Picture[] = [];
    for (const name of ['map-initial-1280x720', undefined]) {
      const { page, errors } = await openApp(browser);
      pictures.push(await settled(page));
      if (name) await saveScreenshot(page, name);
      expect(errors).toEqual([]);
      await page.context().close();
    }
    const [first, second] = pictures as [Picture, Picture];
    expect(Object.keys(first.transforms).sort()).toEqual(map.nodes.map((n) => n.id).sort());
    expect(second.transforms).toEqual(first.transforms);
    // Not a degenerate picture: no two concepts share a place.
    expect(new Set(Object.values(first.transforms)).size).toBe(map.nodes.length);
    expectSameScreen(second, first);
  });

  it('places every concept at its settled position from the first paint, with reduced motion or without', async () => {
    const pictures: Record<string, Picture> = {};
    for (const [name, options] of [
      ['motion', {}],
      ['reduced', { reducedMotion: 'reduce' }],
    ] as [string, BrowserContextOptions][]) {
      const { page, errors } = await openApp(browser, '', options);
      pictures[`${name} first`] = await firstPaint(page);
      pictures[`${name} settled`] = await settled(page);
      expect(errors).toEqual([]);
      await page.context().close();
    }
    const reference = pictures['motion settled']!;
    expect(Object.keys(reference.transforms)).toHaveLength(map.nodes.length);
    for (const [name, picture] of Object.entries(pictures)) expect(picture.transforms, name).toEqual(reference.transforms);
    // Without reduced motion the first frame on screen is the settled one too.
    expectSameScreen(pictures['motion first']!, reference);
  });

  it('fits the whole map on a 1920×1080 screen', async () => {
    const { page, errors } = await openApp(browser, '', { viewport: { width: 1920, height: 1080 } });
    await settled(page);
    const frame = (await mapDrawing(page).boundingBox())!;
    const boxes = await page.locator('[data-node-id] .marker').evaluateAll((markers) =>
      markers.map((m) => m.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes).toHaveLength(map.nodes.length);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(frame.x);
      expect(box.right).toBeLessThanOrEqual(frame.x + frame.width);
      expect(box.top).toBeGreaterThanOrEqual(frame.y);
      expect(box.bottom).toBeLessThanOrEqual(frame.y + frame.height);
    }
    await saveScreenshot(page, 'map-initial-1920x1080');
    expect(errors).toEqual([]);
  });

  it('uses the dark theme from ?theme=dark, on the map and in Details', async () => {
    const node = map.nodes[0]!;
    const { page, errors } = await openApp(browser, `?theme=dark&node=${node.id}`);
    await mapReady(page);
    await expect.poll(() => detailsHeading(page)).toBe(node.label);
    expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
    // A dark page: the map's background is darker than its text.
    const luminance = await mapDrawing(page).evaluate((svg) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const sum = (c: number[]) => c.reduce((a, b) => a + b, 0);
      const style = getComputedStyle(svg);
      return { background: sum(rgb(style.backgroundColor)), text: sum(rgb(style.color)) };
    });
    expect(luminance.background).toBeLessThan(luminance.text);
    await saveScreenshot(page, 'map-dark-theme');
    expect(errors).toEqual([]);
  });

  it('keeps a clicked concept in sight when Details opens beside it, and fits Focus to the neighbourhood shown', async () => {
    const { page, errors } = await openApp(browser, '');
    await settled(page);
    // The concept drawn furthest right: the panel opening beside the map would cover it.
    const boxes = () =>
      page.locator('[data-node-id]').evaluateAll((elements) =>
        elements.map((e) => ({ id: e.getAttribute('data-node-id')!, label: e.getAttribute('aria-label') ?? '', box: e.getBoundingClientRect().toJSON() as DOMRect })),
      );
    const member = (await boxes()).filter((b) => b.box.width > 0 && map.nodes.some((n) => n.id === b.id && !map.nodes.some((m) => m.parent === n.id)));
    const target = member.reduce((a, b) => (b.box.right > a.box.right ? b : a));
    await nodeButton(page, target.label).locator('.marker').click();
    await expect.poll(() => detailsHeading(page)).toBe(target.label);
    const aside = (await detailsPanel(page).boundingBox())!;
    expect(target.box.right, 'the panel would have covered it').toBeGreaterThan(aside.x);
    const inSight = async () => {
      const frame = (await mapDrawing(page).boundingBox())!;
      const box = (await boxes()).find((b) => b.id === target.id)!.box;
      return box.left >= frame.x && box.right <= Math.min(frame.x + frame.width, aside.x) && box.top >= frame.y && box.bottom <= frame.y + frame.height;
    };
    await expect.poll(inSight, { message: `${target.label}, marker and label, in sight beside Details` }).toBe(true);

    // Focus on its neighbourhood: the view fits what Focus shows.
    await detailsPanel(page).getByRole('radio', { name: '1 step' }).click();
    const shownSpan = async () => {
      const frame = (await mapDrawing(page).boundingBox())!;
      const shown = (await boxes()).filter((b) => b.box.width > 0);
      const inFrame = shown.every((b) => b.box.left >= frame.x - 1 && b.box.right <= frame.x + frame.width + 1 && b.box.top >= frame.y - 1 && b.box.bottom <= frame.y + frame.height + 1);
      const span = Math.max(Math.max(...shown.map((b) => b.box.right)) - Math.min(...shown.map((b) => b.box.left)), 0);
      const tall = Math.max(...shown.map((b) => b.box.bottom)) - Math.min(...shown.map((b) => b.box.top));
      // Fitted: all of it in the frame, and it fills the frame across or down.
      return inFrame && (span > 0.75 * frame.width || tall > 0.75 * frame.height);
    };
    await expect.poll(shownSpan, { message: 'the neighbourhood fitted to the map frame' }).toBe(true);
    await saveScreenshot(page, 'map-focus-fitted');
    expect(errors).toEqual([]);
  });

  it('shows Details as a full-width bottom sheet on a phone, below part of the map', async () => {
    const viewport = { width: 390, height: 844 };
    const node = map.nodes[0]!;
    const { page, errors } = await openApp(browser, '', { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await mapReady(page);
    await saveScreenshot(page, 'phone-initial');

    await nodeButton(page, node.label).locator('.marker').tap();

    await expect.poll(() => detailsHeading(page)).toBe(node.label);
    const sheet = (await detailsPanel(page).boundingBox())!;
    expect(sheet.x).toBeCloseTo(0, 0);
    expect(sheet.width).toBeCloseTo(viewport.width, 0);
    expect(sheet.y + sheet.height).toBeCloseTo(viewport.height, 0);
    expect(sheet.y, 'the sheet leaves room above it').toBeGreaterThan(viewport.height / 3);
    const mapBox = (await mapDrawing(page).boundingBox())!;
    expect(mapBox.y + mapBox.height, 'the map reaches under the sheet').toBeGreaterThanOrEqual(sheet.y);
    expect(sheet.y - mapBox.y, 'part of the map lies above the sheet').toBeGreaterThan(100);
    await saveScreenshot(page, 'phone-details');
    expect(errors).toEqual([]);
  });
});
