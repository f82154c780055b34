// The chromeless embed (`?embed`) a slide deck puts in an iframe, each of its URL options, and
// guided tours stepped with the keys a slide clicker sends.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, saveScreenshot } from './harness.ts';
import { neighboursOf } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

const conceptButtons = (page: Page) => page.locator('[data-node-id][role="button"]');
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const tour = () => map.tours[0]!;

describe('the embed', () => {
  it('shows the map without chrome, fills its frame, and links to the full map', async () => {
    const { page, errors } = await openApp(browser, '?embed', { viewport: { width: 960, height: 540 } });
    await expect.poll(() => conceptButtons(page).count()).toBe(map.nodes.length);
    expect(await page.getByRole('combobox', { name: 'Search' }).count()).toBe(0);
    expect(await page.locator('header').count()).toBe(0);
    expect(await details(page).count()).toBe(0);
    const link = page.getByRole('link', { name: 'Open full map' });
    expect(new URL((await link.getAttribute('href'))!, 'http://x/').searchParams.has('embed')).toBe(false);
    const svg = await page.locator('svg.map').boundingBox();
    expect(svg!.width).toBeGreaterThan(900);
    expect(svg!.height).toBeGreaterThan(500);
    await saveScreenshot(page, 'embed');

    // The panel appears once something is clicked.
    const first = map.nodes[0]!;
    await page.getByRole('button', { name: first.label, exact: true }).click();
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toBe(first.label);
    expect(errors).toEqual([]);
  });

  it.each([
    ['dark', 'rgb(20, 23, 28)'],
    ['print', 'rgb(255, 255, 255)'],
    ['light', 'rgb(255, 255, 255)'],
  ])('honours theme=%s', async (theme, background) => {
    const { page, errors } = await openApp(browser, `?embed&theme=${theme}`);
    await expect.poll(() => conceptButtons(page).count()).toBe(map.nodes.length);
    expect(await page.locator('.explorer').getAttribute('data-theme')).toBe(theme);
    expect(await page.locator('svg.map').evaluate((svg) => getComputedStyle(svg).backgroundColor)).toBe(background);
    expect(errors).toEqual([]);
  });

  it('honours node= and depth=: that concept, its neighbourhood only', async () => {
    const hub = [...map.nodes].sort((a, b) => neighboursOf(map, b.id).size - neighboursOf(map, a.id).size)[1]!;
    const expected = new Set([hub.id, ...neighboursOf(map, hub.id)]);
    const { page, errors } = await openApp(browser, `?embed&node=${hub.id}&depth=1`);
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toBe(hub.label);
    await expect.poll(() => conceptButtons(page).count()).toBe(expected.size);
    const shown = await conceptButtons(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id')));
    expect(new Set(shown)).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('honours tour= and step=, stepping only while it has focus', async () => {
    const steps = tour().steps;
    // The address counts steps as the caption does: step=2 is "Step 2 of 8".
    const { page, errors } = await openApp(browser, `?embed&tour=${tour().id}&step=2`);
    const caption = page.locator('[aria-live="polite"][aria-atomic="true"]');
    await expect.poll(() => caption.textContent()).toContain(steps[1]!.caption);
    await expect.poll(() => caption.textContent()).toContain(`Step 2 of ${steps.length}`);
    await saveScreenshot(page, 'embed-tour');
    for (const [key, step] of [['ArrowRight', 2], ['PageDown', 3], [' ', 4], ['ArrowLeft', 3], ['PageUp', 2]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => caption.textContent()).toContain(steps[step]!.caption);
    }
    expect(errors).toEqual([]);
  });

  it('honours interactive=0: a still picture with nothing to click or tab to', async () => {
    const { page, errors } = await openApp(browser, '?embed&interactive=0');
    await expect.poll(() => page.locator('[data-node-id]').count()).toBe(map.nodes.length);
    expect(await conceptButtons(page).count()).toBe(0);
    expect(await page.getByRole('img', { name: `Concept map: ${map.title}` }).count()).toBe(1);
    const node = page.locator('[data-node-id]').first();
    const box = (await node.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 8);
    expect(await details(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('an embed loaded before its frame has a size', () => {
  // Slide decks load the iframes of later slides before those slides are laid out (no size at
  // all), then show them. The map must be framed for the size it is shown at, not the size it loaded at.
  it.each([
    ['the whole map', () => '?embed', () => map.nodes.map((n) => n.id)],
    ['a tour step', () => `?embed&tour=${tour().id}&step=1`, () => tour().steps[0]!.nodes],
  ])('frames %s once shown', async (_, query, framed) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    const src = `${inject('baseURL')}${query()}`;
    await page.setContent(`<iframe style="width:0;height:0;border:0" src="${src}"></iframe>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-node-id]').first().waitFor({ state: 'attached' });
    await page.locator('iframe').evaluate((iframe: HTMLIFrameElement) => ((iframe.style.width = '960px'), (iframe.style.height = '540px')));
    const frameBox = (await page.locator('iframe').boundingBox())!;
    const inside = async (id: string) => {
      const box = await frame.locator(`[data-node-id="${id}"] .marker`).boundingBox();
      return box !== null && box.x >= frameBox.x && box.y >= frameBox.y &&
        box.x + box.width <= frameBox.x + frameBox.width && box.y + box.height <= frameBox.y + frameBox.height;
    };
    for (const id of framed()) await expect.poll(() => inside(id), { message: id }).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a tour in the full app', () => {
  it('steps forward and back with the keys slide clickers send', async () => {
    const steps = tour().steps;
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Tour', exact: true }).click();
    const caption = page.locator('[aria-live="polite"][aria-atomic="true"]');
    await expect.poll(() => caption.textContent()).toContain(steps[0]!.caption);
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await expect.poll(() => page.locator('[data-node-id]').count()).toBe(map.nodes.length);
    const positions = () =>
      page.locator('[data-node-id]').evaluateAll((els) => els.map((el) => el.getAttribute('transform')).join('|'));
    const before = await positions();
    for (const [key, step] of [['ArrowRight', 1], ['ArrowRight', 2], ['ArrowLeft', 1], ['PageDown', 2], ['PageUp', 1]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => caption.textContent()).toContain(steps[step]!.caption);
    }
    expect(page.url()).toContain(`tour=${tour().id}`);
    // The layout stays still between steps; only the camera moves.
    expect(await positions()).toBe(before);
    await page.getByRole('button', { name: 'End tour' }).first().click();
    expect(await caption.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
