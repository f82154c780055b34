// The example lecture deck (examples/reveal-deck/, reveal.js from npm) served beside the built
// app, as `npm run build` leaves it: the map as an iframe and as <patho-map>, and the arrow keys
// stepping the map's tour only while focus is inside the map, the slides otherwise.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildExampleDeck } from '../../scripts/build-example-deck.ts';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';
import type { PathoMap, Tour } from '../../src/core/model/types.ts';
import { launchChromium, saveScreenshot } from './harness.ts';

/** What deck.js leaves on `window` for tests. */
interface DeckWindow {
  deck?: {
    isReady(): boolean;
    getIndices(): { h: number; v: number };
    on(type: string, listener: () => void): void;
    off(type: string, listener: () => void): void;
  };
}

let browser: Browser;
let page: Page;
let map: PathoMap;
let story: Tour;
const errors: string[] = [];

beforeAll(async () => {
  map = (await loadMapFile('graph-data/calcinosis-ssc.yaml')).map!;
  story = map.tours.find((t) => t.id === 'story')!;
  // The global setup builds the app with Vite alone; this is the build's last step.
  await buildExampleDeck('dist');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  // Console messages of the iframes' pages arrive here too.
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${inject('baseURL')}examples/reveal-deck/index.html`);
  await page.waitForFunction(() => (window as DeckWindow).deck?.isReady() === true);
});

afterAll(async () => {
  await browser?.close();
});

const slideIndex = () => page.evaluate(() => (window as DeckWindow).deck!.getIndices().h);
const current = () => page.locator('.reveal .slides > section.present');
const label = (id: string) => map.nodes.find((n) => n.id === id)!.label;
const concept = (scope: FrameLocator | Locator, name: string) =>
  scope.locator('svg[aria-roledescription="concept map"]').getByRole('button', { name, exact: true });
const stepCount = (scope: FrameLocator | Locator) => scope.getByText(/^Step \d+ of \d+$/).textContent();
const step = (n: number) => `Step ${n} of ${story.steps.length}`;

/** Presses `key` on the deck and waits until the slide has moved to `to` and settled. */
async function changeSlide(key: string, to: number) {
  const settled = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const deck = (window as DeckWindow).deck!;
        const done = () => (deck.off('slidetransitionend', done), resolve());
        deck.on('slidetransitionend', done);
        setTimeout(done, 2000);
      }),
  );
  await page.keyboard.press(key);
  await expect.poll(slideIndex).toBe(to);
  await settled;
}

/**
 * With focus on each of the map's controls in turn, PageDown and Space step the tour on and
 * PageUp and ← step it back, from step `at` (1-based) and back to it.
 */
async function stepsFromEveryControl(scope: FrameLocator | Locator, at: number) {
  const targets = [
    scope.getByRole('button', { name: 'Next step' }),
    scope.getByRole('button', { name: 'Previous step' }),
    scope.getByRole('button', { name: 'Zoom in' }),
    scope.getByRole('button', { name: 'Fit to screen' }),
    concept(scope, label(story.steps[at - 1]!.nodes[0]!)),
  ];
  for (const target of targets) {
    await target.focus();
    for (const [key, n] of [['PageDown', at + 1], [' ', at + 2], ['PageUp', at + 1], ['ArrowLeft', at]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => stepCount(scope), { message: `${JSON.stringify(key)} on ${target}` }).toBe(step(n));
    }
  }
}

/** Moves focus out of the map onto the slide, as a presenter clicking beside the map would. */
async function clickOnSlide() {
  await current().locator(':scope > h2').click();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
}

describe('the example reveal.js deck', () => {
  it('opens on the title slide', async () => {
    expect(await slideIndex()).toBe(0);
    expect(await current().locator('h1').textContent()).toBe('Calcinosis cutis in systemic sclerosis — mechanisms');
    await saveScreenshot(page, 'deck-1-title');
  });

  it('iframe slide: with focus in the map → steps the tour, not the deck; outside it → changes slide', async () => {
    await changeSlide('ArrowRight', 1);
    const frame = page.frameLocator('section[data-map="iframe"] iframe');
    const first = concept(frame, label(story.steps[0]!.nodes[0]!));
    await first.waitFor({ timeout: 15_000 });
    expect(await concept(frame, label('calcinosis-cutis')).count()).toBe(1);
    await expect.poll(() => stepCount(frame)).toBe(step(1));
    await expect.poll(() => frame.getByText(story.steps[0]!.caption).count()).toBe(1);
    await saveScreenshot(page, 'deck-2-iframe');

    // The presenter clicks a concept: focus is inside the iframe, its keys are the map's.
    await first.locator('.marker').click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    // The deck outlines the map that has the keys.
    await expect.poll(() => current().locator('iframe.has-keys').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(frame)).toBe(step(2));
    await expect.poll(() => frame.getByText(story.steps[1]!.caption).count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(frame)).toBe(step(3));
    expect(await slideIndex()).toBe(1);
    await saveScreenshot(page, 'deck-2-iframe-stepped');

    // From every kind of control in the map — its tour buttons, zoom buttons, its link out, a
    // concept — what a clicker sends steps the tour, and the deck stays on its slide.
    await stepsFromEveryControl(frame, 3);
    expect(await slideIndex()).toBe(1);

    // Back on the slide, the arrows are the deck's again and the map stays where it was.
    await clickOnSlide();
    await expect.poll(() => current().locator('.has-keys').count()).toBe(0);
    await changeSlide('ArrowRight', 2);
    expect(await stepCount(frame)).toBe(step(3));
  });

  it('web component slide: keys inside <patho-map> step its tour and never reach reveal.js', async () => {
    expect(await current().getAttribute('data-map')).toBe('element');
    const element = page.locator('section[data-map="element"] patho-map');
    expect(await element.getAttribute('theme')).toBe('dark');
    const start = story.steps[2]!;
    const inStep = concept(element, label(start.nodes[0]!));
    await inStep.waitFor({ timeout: 15_000 });
    await expect.poll(() => stepCount(element)).toBe(step(3));
    await expect.poll(() => element.getByText(start.caption).count()).toBe(1);
    await saveScreenshot(page, 'deck-3-element');

    await inStep.locator('.marker').click();
    await expect.poll(() => element.getAttribute('class')).toContain('has-keys');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(element)).toBe(step(4));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepCount(element)).toBe(step(3));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepCount(element)).toBe(step(4));
    expect(await slideIndex()).toBe(2);

    // After a click on its own → button, the clicker's keys step the tour from any of its
    // controls; Escape (reveal.js's overview) neither ends the guest's tour nor reaches the deck.
    await element.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => stepCount(element)).toBe(step(5));
    await stepsFromEveryControl(element, 5);
    await element.getByRole('button', { name: 'Next step' }).focus();
    await page.keyboard.press('Escape');
    expect(await slideIndex()).toBe(2);
    expect(await page.locator('.reveal.overview').count()).toBe(0);
    expect(await stepCount(element)).toBe(step(5));
    await saveScreenshot(page, 'deck-3-element-stepped');

    await clickOnSlide();
    await changeSlide('ArrowRight', 3);
    expect(await stepCount(element)).toBe(step(5));
  });

  it('still picture slide: the map is drawn, clicks and keys stay with the deck', async () => {
    expect(await current().getAttribute('data-map')).toBe('still');
    const frame = page.frameLocator('section[data-map="still"] iframe');
    // The concept and its neighbours (focus depth 1), drawn as a picture: nothing to press.
    const picture = frame.getByRole('img', { name: `Concept map: ${map.title}` });
    await picture.locator('[data-node-id="calcinosis-cutis"]').waitFor({ timeout: 15_000 });
    const drawn = await picture.locator('g.node').count();
    expect(drawn).toBeGreaterThan(1);
    expect(drawn).toBeLessThan(map.nodes.length);
    expect(await frame.locator('g.node[role="button"]').count()).toBe(0);
    // A click on the picture leaves focus on the deck, so → still changes slide.
    await current().locator('iframe').click({ force: true });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await saveScreenshot(page, 'deck-4-still');
    await changeSlide('ArrowRight', 4);
  });

  it('closing slide cites the source review', async () => {
    const text = (await current().textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Valenzuela A, Chung L. Calcinosis: pathophysiology and management.');
    expect(text).toContain('Curr Opin Rheumatol 2015;27(6):542–8.');
    expect(await current().getByRole('link', { name: '26352733' }).getAttribute('href')).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/26352733/',
    );
    await saveScreenshot(page, 'deck-5-source');
    await changeSlide('ArrowLeft', 3);
  });

  it('logged no errors, in the deck or in its iframes', () => {
    expect(errors).toEqual([]);
  });
});
