// Regressions found by looking at the map in Chromium: label clicks, centring when the panel opens, reduced motion at first paint, and the phone sheet.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp } from './harness.ts';
import { detailsHeading, detailsPanel, focusedNodeId, mapDrawing, mapReady, nodeButton, nodeScreenCentres } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

async function markerCentres(page: Page) {
  return nodeScreenCentres(page);
}

describe('the map, as reviewed in Chromium', () => {
  it('selects a concept when its label (the words under the shape) is clicked', async () => {
    const node = map.nodes[0]!;
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    const label = nodeButton(page, node.label).locator('text.label');
    const box = (await label.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => detailsHeading(page)).toBe(node.label);
    expect(errors).toEqual([]);
  });

  /** Chooses the first search result for "identified"; its id once it is in the middle of the map. */
  async function searchedToMiddle(page: Page): Promise<string> {
    await page.getByRole('combobox', { name: 'Search' }).fill('identified');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedNodeId(page)).not.toBeNull();
    const id = (await focusedNodeId(page))!;
    await expect
      .poll(async () => {
        const frame = (await mapDrawing(page).boundingBox())!;
        const at = (await markerCentres(page))[id]!;
        return Math.hypot(at.x - (frame.x + frame.width / 2), at.y - (frame.y + frame.height / 2));
      })
      .toBeLessThan(3);
    return id;
  }

  it('centres a concept chosen from search when the Details panel opens with it', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    await searchedToMiddle(page);
    expect(errors).toEqual([]);
  });

  it('keeps a concept brought to the middle under the pointer when it is then dragged (the view does not chase it)', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    const id = await searchedToMiddle(page);
    const start = (await markerCentres(page))[id]!;
    const end = { x: start.x + 120, y: start.y + 70 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(start.x + (120 * i) / 12, start.y + (70 * i) / 12);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(200);
    const during = (await markerCentres(page))[id]!;
    await page.mouse.up();
    await page.waitForTimeout(400);
    const after = (await markerCentres(page))[id]!;
    expect(Math.hypot(during.x - end.x, during.y - end.y)).toBeLessThan(4);
    expect(Math.hypot(after.x - end.x, after.y - end.y)).toBeLessThan(4);
    expect(errors).toEqual([]);
  });

  it.each<[string, (m: PathoMap) => string]>([
    ['a concept on its own', (m) => m.nodes.find((n) => n.parent === undefined && !m.nodes.some((o) => o.parent === n.id))!.id],
    ['a member of a group, out of its box', (m) => m.nodes.find((n) => n.parent !== undefined)!.id],
    ['a group, with its members', (m) => m.nodes.find((n) => m.nodes.some((o) => o.parent === n.id))!.id],
  ])('moves nothing but what is dragged (%s), while dragging and once dropped', async (_, pick) => {
    const id = pick(map);
    const carried = new Set([id, ...map.nodes.filter((n) => n.parent === id).map((n) => n.id)]);
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    await page.waitForLoadState('networkidle');
    const before = await markerCentres(page);
    const start = before[id]!;
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(start.x + 10 * i, start.y + 6 * i);
      await page.waitForTimeout(16);
    }
    const during = await markerCentres(page);
    await page.mouse.up();
    await page.waitForTimeout(600);
    const after = await markerCentres(page);
    for (const [picture, centres] of [['while dragging', during], ['once dropped', after]] as const) {
      for (const [other, was] of Object.entries(before)) {
        const now = centres[other]!;
        const moved = Math.hypot(now.x - was.x, now.y - was.y);
        if (carried.has(other)) expect(moved, `${other} ${picture}: carried along`).toBeGreaterThan(100);
        else expect(moved, `${other} ${picture}`).toBeLessThanOrEqual(2);
      }
    }
    // The others settle round it only when the reader asks.
    expect(await page.getByRole('button', { name: 'Tidy up' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('moves the picture with the hand while panning and zooming, without drawing it again, and draws it afresh once the view rests', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    await page.waitForLoadState('networkidle');
    const id = map.nodes[0]!.id;
    const layerTransform = () => mapDrawing(page).locator(':scope > g').getAttribute('transform');
    const drawnAt = await layerTransform();
    const before = (await markerCentres(page))[id]!;
    const frame = (await mapDrawing(page).boundingBox())!;
    const start = { x: frame.x + 20, y: frame.y + frame.height - 20 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 8 * i, start.y - 4 * i);
    // Mid-gesture: the concept is where the hand took it, and the drawing inside is as it was.
    const during = (await markerCentres(page))[id]!;
    expect(Math.hypot(during.x - before.x - 80, during.y - before.y + 40)).toBeLessThan(1.5);
    expect(await layerTransform()).toBe(drawnAt);
    // Moved as a whole, by the box it is in (a transform of the SVG itself repainted its text each frame).
    const glide = () => mapDrawing(page).locator('xpath=..').evaluate((box) => (box as HTMLElement).style.transform);
    const [dx, dy, scale] = ((await glide()).match(/-?\d[\d.]*(?:e-?\d+)?/g) ?? []).map(Number);
    expect([Math.round(dx!), Math.round(dy!), scale]).toEqual([80, -40, 1]);
    expect(await mapDrawing(page).evaluate((svg) => (svg as SVGSVGElement).style.transform)).toBe('');
    await page.mouse.up();
    // At rest: drawn afresh at the new view, in the same place.
    await expect.poll(layerTransform).not.toBe(drawnAt);
    expect(await glide()).toBe('');
    const after = (await markerCentres(page))[id]!;
    expect(Math.hypot(after.x - during.x, after.y - during.y)).toBeLessThan(1.5);
    // A wheel zoom about the pointer keeps the point under it, mid-zoom and at rest.
    // While it scales, its text is drawn with geometric precision (laid out again per frame at
    // half the cost); a pan, and the map at rest, keep the usual rendering.
    const rendering = () =>
      mapDrawing(page).evaluate((svg) => getComputedStyle(svg.querySelector('text.label')!).textRendering);
    expect(await rendering()).toBe('auto');
    await mapDrawing(page).evaluate((svg) => {
      const seen: string[] = ((window as unknown as { renderings: string[] }).renderings = []);
      const label = svg.querySelector('text.label')!;
      new MutationObserver(() => seen.push(getComputedStyle(label).textRendering)).observe(svg.parentElement!, {
        attributeFilter: ['class'],
      });
    });
    const under = { x: before.x + 80, y: before.y - 40 };
    await page.mouse.move(under.x, under.y);
    await page.mouse.wheel(0, -200);
    const zooming = (await markerCentres(page))[id]!;
    expect(Math.hypot(zooming.x - after.x, zooming.y - after.y)).toBeLessThan(2);
    await expect.poll(glide).toBe('');
    expect(await page.evaluate(() => (window as unknown as { renderings: string[] }).renderings)).toEqual(['geometricprecision', 'auto']);
    expect(await rendering()).toBe('auto');
    const rested = (await markerCentres(page))[id]!;
    expect(Math.hypot(rested.x - zooming.x, rested.y - zooming.y)).toBeLessThan(1.5);
    expect(errors).toEqual([]);
  });

  it('draws the fitted map at first paint under reduced motion (no frame at scale 1)', async () => {
    const read = (page: Page) => mapDrawing(page).locator(':scope > g').evaluate((g) => getComputedStyle(g).transform);
    const { page: normal } = await openApp(browser);
    await mapReady(normal);
    const fitted = await read(normal);
    const { page, errors } = await openApp(browser, '', { reducedMotion: 'reduce' });
    await mapReady(page);
    await page.waitForLoadState('networkidle');
    await page.addInitScript(() => {
      // The live map (the picture rendered ahead into the page is fitted by its viewBox).
      const observer = new MutationObserver(() => {
        const g = document.querySelector('svg[aria-roledescription="concept map"]:not(.first-paint svg) > g');
        if (!g || !g.querySelector('[data-node-id]')) return;
        observer.disconnect();
        requestAnimationFrame(() => ((window as unknown as { first: string }).first = getComputedStyle(g).transform));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    const first = await (await page.waitForFunction(() => (window as unknown as { first?: string }).first)).jsonValue();
    expect(first).toBe(fitted);
    expect(errors).toEqual([]);
  });

  it.each(['calcinosis-cutis', 'vascular-hypoxia', 'pxe'])(
    'brings the concept a link opens on a phone (%s) above the bottom sheet, not under it',
    async (id) => {
      const label = map.nodes.find((n) => n.id === id)!.label;
      const { page, errors } = await openApp(browser, `?node=${id}`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await mapReady(page);
      await expect.poll(() => detailsHeading(page)).toBe(label);
      const sheet = (await detailsPanel(page).boundingBox())!;
      const frame = (await mapDrawing(page).boundingBox())!;
      const marker = (await nodeButton(page, label).locator('.marker').boundingBox())!;
      // In the strip of map the sheet leaves, at the height a tapped concept is brought to.
      expect(marker.y).toBeGreaterThanOrEqual(frame.y);
      expect(marker.y + marker.height).toBeLessThanOrEqual(sheet.y);
      expect(Math.abs(marker.y + marker.height / 2 - (frame.y + 0.22 * frame.height))).toBeLessThan(3);
      expect(errors).toEqual([]);
    },
  );

  it('keeps a tapped concept visible above the bottom sheet on a phone', async () => {
    const node = map.nodes[0]!;
    const { page, errors } = await openApp(browser, '', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await mapReady(page);
    await nodeButton(page, node.label).locator('.marker').tap();
    await expect.poll(() => detailsHeading(page)).toBe(node.label);
    const sheet = (await detailsPanel(page).boundingBox())!;
    const frame = (await mapDrawing(page).boundingBox())!;
    await expect
      .poll(async () => {
        const marker = (await nodeButton(page, node.label).locator('.marker').boundingBox())!;
        return marker.y >= frame.y && marker.y + marker.height <= sheet.y;
      })
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
