// Links into the map: a selected concept in focus mode, a path between two concepts, and the
// browser's back button stepping through the reader's selections.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PathoMap } from '../../src/core/model/types.ts';
import { flagshipForFile, openApp, saveScreenshot } from './harness.ts';
import {
  detailsHeading,
  detailsPanel,
  distancesFrom,
  drawnNodeIds,
  labelOf,
  loadFlagship,
  mapReady,
  neighboursOf,
  nodeButton,
  normalise,
  searchParam,
} from './map-helpers.ts';

let browser: Browser;
let map: PathoMap;
flagshipForFile((session) => ({ browser, map } = session));

describe('links into the map', () => {
  it('opens ?node=…&depth=1 on that concept with only its one-step neighbourhood drawn', async () => {
    // The first concept (map order) with three or more neighbours that still leaves most of the map out.
    const node = map.nodes.find((n) => {
      const size = neighboursOf(map, n.id).size;
      return size >= 3 && size + 1 < map.nodes.length / 2;
    });
    expect(node, 'the flagship map has a concept with a small neighbourhood').toBeDefined();
    const expected = [node!.id, ...neighboursOf(map, node!.id)].sort();
    const { page, errors } = await openApp(browser, `?node=${node!.id}&depth=1`);
    await mapReady(page);

    await expect.poll(() => detailsHeading(page)).toBe(node!.label);
    await expect.poll(async () => (await drawnNodeIds(page)).sort()).toEqual(expected);
    for (const id of expected) expect(await nodeButton(page, labelOf(map, id)).count(), id).toBe(1);
    expect(await detailsPanel(page).getByRole('radio', { name: '1 step' }).isChecked()).toBe(true);
    await saveScreenshot(page, 'map-focus-mode');
    expect(errors).toEqual([]);
  });

  it('lists the steps of ?from=…&to=… in order, each a relation of the map', async () => {
    // From the first concept to the farthest one it reaches (ties: map order).
    const from = map.nodes[0]!.id;
    const distance = distancesFrom(map, from);
    const to = map.nodes.reduce((best, n) => ((distance.get(n.id) ?? -1) > (distance.get(best.id) ?? -1) ? n : best)).id;
    const length = distance.get(to)!;
    expect(length, 'the two ends are at least two relations apart').toBeGreaterThanOrEqual(2);
    const { page, errors } = await openApp(browser, `?from=${from}&to=${to}`);
    await mapReady(page);

    const path = detailsPanel(page).locator('section', {
      has: page.getByRole('heading', { name: `Path from ${labelOf(map, from)} to ${labelOf(map, to)}` }),
    });
    const steps = path.getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(length);
    let at = labelOf(map, from);
    for (const step of await steps.all()) {
      const [start, end] = (await step.locator('.chain .end').allTextContents()).map(normalise);
      const verb = normalise(await step.locator('.chain .verb').textContent());
      const arrow = normalise(await step.locator('.chain .arrow').first().textContent());
      expect(start, 'each step starts where the previous one ended').toBe(at);
      const [source, target] = arrow === '→' ? [start, end] : [end, start];
      const relation = map.edges.find(
        (e) => labelOf(map, e.source) === source && labelOf(map, e.target) === target && e.relation === verb,
      );
      expect(relation, `"${source} ${verb} ${target}" is a relation of the map`).toBeDefined();
      at = end!;
    }
    expect(at).toBe(labelOf(map, to));
    await saveScreenshot(page, 'map-path');
    expect(errors).toEqual([]);
  });

  it('steps back and forward through selections made by clicking', async () => {
    const [a, b] = map.nodes;
    const { page, errors } = await openApp(browser);
    await mapReady(page);

    await nodeButton(page, a!.label).locator('.marker').click();
    await expect.poll(() => detailsHeading(page)).toBe(a!.label);
    await nodeButton(page, b!.label).locator('.marker').click();
    await expect.poll(() => detailsHeading(page)).toBe(b!.label);

    await page.goBack();
    await expect.poll(() => detailsHeading(page)).toBe(a!.label);
    expect(searchParam(page, 'node')).toBe(a!.id);
    await page.goForward();
    await expect.poll(() => detailsHeading(page)).toBe(b!.label);
    expect(searchParam(page, 'node')).toBe(b!.id);
    expect(errors).toEqual([]);
  });
});
