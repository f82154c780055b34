// A tour a slide clicker drives: →, ←, PageDown, PageUp and Space step it from wherever focus
// is (except text fields) and never end it; Escape ends it; "Next step" is a few Tabs away; the
// caption never covers a concept the step highlights, on a laptop, a projector or a phone; and
// Present mode fills the screen with labels and caption sized for the back of a room.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, saveScreenshot } from './harness.ts';
import { mapReady } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

const tour = () => map.tours[0]!;
const FORWARD = ['ArrowRight', 'PageDown', ' '] as const;
const BACK = ['ArrowLeft', 'PageUp'] as const;

/** The step the caption shows, 1-based, or null without a tour. */
async function shownStep(page: Page): Promise<number | null> {
  const count = page.getByText(/^Step \d+ of \d+$/);
  if ((await count.count()) === 0) return null;
  return Number(/^Step (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
}

/** What has keyboard focus, described as a person would name it. */
function focusedThing(page: Page): Promise<{ name: string; typed: boolean; inside: boolean }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { name: 'the page', typed: false, inside: false };
    const typed = e.matches('textarea, select, [contenteditable]') || (e instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(e.type));
    const name = `${e.tagName.toLowerCase()} “${(e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;
    return { name, typed, inside: true };
  });
}

async function startTourByClick(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tour', exact: true }).click();
  await expect.poll(() => shownStep(page)).toBe(1);
}

describe('the tour with a clicker', () => {
  it('after clicking Tour, focus is on “Next step”, a few Tabs from the top; the keys step from every focus position', async () => {
    const { page, errors } = await openApp(browser, '', { reducedMotion: 'reduce' });
    await mapReady(page);
    await startTourByClick(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Next step');

    // From the top of the page (a click on its heading), "Next step" comes after the toolbar, before the 66 concepts.
    await page.getByRole('heading', { level: 1 }).click();
    let tabs = 0;
    while (tabs < 40 && (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== 'Next step') {
      await page.keyboard.press('Tab');
      tabs++;
    }
    console.info(`Tabs from the top of the page to "Next step": ${tabs}`);
    expect(tabs).toBeLessThanOrEqual(12);

    // Every stop of the Tab order once round: a key forward steps, a key back returns.
    await page.getByRole('heading', { level: 1 }).click();
    const visited: string[] = [];
    let typedFields = 0;
    for (let stop = 0; stop < 120; stop++) {
      await page.keyboard.press('Tab');
      const thing = await focusedThing(page);
      if (!thing.inside) break;
      if (thing.typed) {
        // A text field keeps its keys: the tour stays where it is.
        typedFields++;
        if (thing.name.startsWith('input')) {
          await page.keyboard.press('ArrowRight');
          expect(await shownStep(page), thing.name).toBe(1);
        }
        continue;
      }
      visited.push(thing.name);
      const forward = FORWARD[stop % FORWARD.length]!;
      const back = BACK[stop % BACK.length]!;
      await page.keyboard.press(forward);
      await expect.poll(() => shownStep(page), { message: `${JSON.stringify(forward)} on ${thing.name}` }).toBe(2);
      await page.keyboard.press(back);
      await expect.poll(() => shownStep(page), { message: `${back} on ${thing.name}` }).toBe(1);
    }
    console.info(`clicker keys stepped the tour from ${visited.length} focus positions (${typedFields} text fields left alone)`);
    expect(visited.length).toBeGreaterThan(map.nodes.length);
    expect(visited).toEqual(expect.arrayContaining(['button “Next step”', 'button “Previous step”', 'button “End tour”', 'summary “File”', 'button “Export”']));
    expect(typedFields).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('Space on “End tour” steps rather than ends; after clicking →, the keys go on working; Escape ends the tour', async () => {
    const { page, errors } = await openApp(browser, '', { reducedMotion: 'reduce' });
    await mapReady(page);
    await startTourByClick(page);
    for (const endTour of await page.getByRole('button', { name: 'End tour' }).all()) {
      const before = (await shownStep(page))!;
      await endTour.focus();
      await page.keyboard.press(' ');
      await expect.poll(() => shownStep(page)).toBe(before + 1);
    }
    // The on-screen arrow, clicked with the mouse, and then the clicker again.
    await page.getByRole('button', { name: 'Next step' }).click();
    expect(await shownStep(page)).toBe(4);
    for (const [key, step] of [['ArrowRight', 5], ['PageDown', 6], [' ', 7], ['PageUp', 6], ['ArrowLeft', 5]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => shownStep(page), { message: key }).toBe(step);
    }
    // At the last step "Next step" keeps focus (it is only marked unavailable), so keys still work.
    for (let i = 5; i < tour().steps.length; i++) await page.getByRole('button', { name: 'Next step' }).click();
    expect(await shownStep(page)).toBe(tour().steps.length);
    expect(await page.getByRole('button', { name: 'Next step' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownStep(page)).toBe(tour().steps.length - 1);
    // The address counts as the caption does.
    expect(new URL(page.url()).searchParams.get('step')).toBe(String(tour().steps.length - 1));

    await page.keyboard.press('Escape');
    await expect.poll(() => shownStep(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tour');
    expect(errors).toEqual([]);
  });
});

/** The boxes of what a step highlights (markers and labels of concepts not faded) and of the caption. */
function stepLayout(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    const caption = document.querySelector('section.tour')!;
    const highlighted = [...document.querySelectorAll('g.node:not(.faded)')].map((n) => ({
      id: n.getAttribute('data-node-id')!,
      parts: [n.querySelector('.marker')!, n.querySelector('.label')!].map(box),
    }));
    return { caption: box(caption), map: box(document.querySelector('svg.map')!), highlighted, transform: document.querySelector('svg.map > g')!.getAttribute('transform') };
  });
}

describe('the tour caption', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`never covers a concept the step highlights, at ${size.width}×${size.height}`, async () => {
      const phone = size.width < 500;
      const { page, errors } = await openApp(browser, '', { viewport: size, reducedMotion: 'reduce', ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      await mapReady(page);
      await startTourByClick(page);
      for (let step = 1; step <= tour().steps.length; step++) {
        if (step > 1) await page.keyboard.press('PageDown');
        await expect.poll(() => shownStep(page)).toBe(step);
        // The view has come to rest (no motion under reduced motion, but the caption's size is measured after it renders).
        let layout = await stepLayout(page);
        for (let previous = ''; previous !== JSON.stringify(layout); ) {
          previous = JSON.stringify(layout);
          await page.waitForTimeout(120);
          layout = await stepLayout(page);
        }
        const ids = tour().steps[step - 1]!.nodes;
        expect(layout.highlighted.map((h) => h.id).sort(), `step ${step}`).toEqual([...ids].sort());
        for (const { id, parts } of layout.highlighted) {
          for (const part of parts) {
            const overlaps = part.right > layout.caption.left && part.left < layout.caption.right && part.bottom > layout.caption.top && part.top < layout.caption.bottom;
            expect(overlaps, `step ${step}: ${id} under the caption`).toBe(false);
            expect(part.top >= layout.map.top - 1 && part.bottom <= layout.map.bottom + 1 && part.left >= layout.map.left - 1 && part.right <= layout.map.right + 1, `step ${step}: ${id} in view`).toBe(true);
          }
        }
        if (step === 3) await saveScreenshot(page, `tour-step-3-${size.width}x${size.height}`);
      }
      if (phone) {
        // A bottom sheet across the phone, its caption set on the full width, in readable type.
        const sheet = await page.locator('section.tour').evaluate((section) => {
          const p = section.querySelector('p')!;
          return { width: section.getBoundingClientRect().width, text: p.getBoundingClientRect().width, font: parseFloat(getComputedStyle(p).fontSize) };
        });
        expect(sheet.width).toBeGreaterThanOrEqual(size.width - 2);
        expect(sheet.text).toBeGreaterThan(size.width * 0.8);
        expect(sheet.font).toBeGreaterThanOrEqual(16);
      }
      expect(errors).toEqual([]);
    }, 60_000);
  }
});

describe('Present mode', () => {
  it('fills the screen with the tour, labels and caption at least 24 px, the clicker stepping it; Escape leaves', async () => {
    const { page, errors } = await openApp(browser, '', { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    await mapReady(page);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => shownStep(page)).toBe(1);
    const measure = () =>
      page.evaluate(() => {
        const layer = document.querySelector('svg.map > g')!;
        const k = Number(/scale\(([\d.]+)\)/.exec(layer.getAttribute('transform')!)![1]);
        const labels = [...document.querySelectorAll('g.node text.label')].map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
        const explorer = document.querySelector('.explorer')!;
        const box = explorer.getBoundingClientRect();
        return {
          presenting: explorer.classList.contains('presenting'),
          covers: box.width >= window.innerWidth - 1 && box.height >= window.innerHeight - 1,
          toolbar: document.querySelector('.toolbar') ? getComputedStyle(document.querySelector('.toolbar')!).display : 'none',
          smallestLabel: Math.min(...labels),
          caption: parseFloat(getComputedStyle(document.querySelector('section.tour p')!).fontSize),
          focus: document.activeElement?.getAttribute('aria-label'),
        };
      });
    await expect.poll(async () => (await measure()).presenting).toBe(true);
    const shown = await measure();
    console.info(`Present mode at 1920×1080: smallest label ${shown.smallestLabel.toFixed(1)} px, caption ${shown.caption} px`);
    expect(shown.covers).toBe(true);
    expect(shown.toolbar).toBe('none');
    expect(shown.smallestLabel).toBeGreaterThanOrEqual(24 - 0.01);
    expect(shown.caption).toBeGreaterThanOrEqual(24);
    expect(shown.focus).toBe('Next step');
    await saveScreenshot(page, 'present-mode-1920x1080');
    for (const [key, step] of [['PageDown', 2], [' ', 3], ['PageUp', 2]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => shownStep(page), { message: key }).toBe(step);
    }
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await measure()).presenting).toBe(false);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    // Leaving Present mode leaves the tour where it was.
    expect(await shownStep(page)).toBe(2);
    expect(errors).toEqual([]);
  });
});
