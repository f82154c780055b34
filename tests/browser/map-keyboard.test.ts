// The explorable map with the keyboard only: Tab reaches the concepts, arrows walk along
// relations, Enter opens Details, Escape closes them.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp } from './harness.ts';
import { detailsHeading, detailsPanel, focusedNodeId, labelOf, mapReady, neighboursOf } from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

/** Tab presses allowed to get from the top of the page to the first concept. */
const MAX_TABS = 25;
const ARROWS = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'] as const;

describe('the map with the keyboard only', () => {
  it('reaches a concept with Tab, moves to neighbours with arrows, opens it with Enter, closes with Escape', async () => {
    const labels = new Map(map.nodes.map((n) => [n.label, n.id]));
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    let presses = 0;
    let focused: string | null = null;
    while (presses < MAX_TABS && focused === null) {
      await page.keyboard.press('Tab');
      presses++;
      focused = await focusedNodeId(page);
    }
    expect(focused, `a concept takes focus within ${MAX_TABS} Tab presses`).not.toBeNull();
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    expect(await focusedLabel()).toBe(labelOf(map, focused!));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');

    // Each arrow either stays put (no neighbour that way) or lands on a neighbour; one must move.
    let moves = 0;
    for (const key of ARROWS) {
      const from = (await focusedLabel())!;
      await page.keyboard.press(key);
      const to = await focusedLabel();
      expect(to, `after ${key} a concept still has focus`).not.toBeNull();
      if (to === from) continue;
      moves++;
      expect(labels.has(to!), `${to} is a concept`).toBe(true);
      expect([...neighboursOf(map, labels.get(from)!)].map((id) => labelOf(map, id)), `${key} from ${from}`).toContain(to);
    }
    expect(moves, 'some arrow key moves focus to a neighbour').toBeGreaterThan(0);

    const current = (await focusedLabel())!;
    await page.keyboard.press('Enter');
    await expect.poll(() => detailsHeading(page)).toBe(current);

    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await detailsPanel(page).count()) === 0 || (await detailsHeading(page)) === 'Details')
      .toBe(true);
    expect(new URL(page.url()).searchParams.has('node')).toBe(false);
    expect(errors).toEqual([]);
  });
});
