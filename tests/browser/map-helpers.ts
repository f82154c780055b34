// Shared helpers for the browser tests of the explorable map: the flagship map as the tests'
// source of truth, graph facts computed from it independently of the app, and page queries.
import type { Locator, Page } from 'playwright-core';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';
import type { PathoMap } from '../../src/core/model/types.ts';

export const FLAGSHIP = 'graph-data/calcinosis-ssc.yaml';

export async function loadFlagship(): Promise<PathoMap> {
  const { map, problems } = await loadMapFile(FLAGSHIP);
  if (!map) throw new Error(`The flagship map did not load: ${problems.map((p) => p.message).join('; ')}`);
  return map;
}

export const normalise = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Concepts one relation away from `id`, either direction. */
export function neighboursOf(map: PathoMap, id: string): Set<string> {
  const found = new Set<string>();
  for (const e of map.edges) {
    if (e.source === id) found.add(e.target);
    if (e.target === id) found.add(e.source);
  }
  found.delete(id);
  return found;
}

/** Undirected breadth-first distances from `from` to every concept it reaches. */
export function distancesFrom(map: PathoMap, from: string): Map<string, number> {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const here = queue[head]!;
    for (const next of neighboursOf(map, here)) {
      if (distance.has(next)) continue;
      distance.set(next, distance.get(here)! + 1);
      queue.push(next);
    }
  }
  return distance;
}

export const labelOf = (map: PathoMap, id: string): string => map.nodes.find((n) => n.id === id)?.label ?? id;

/** The map drawing (a group announced as a concept map). */
export const mapDrawing = (page: Page): Locator => page.locator('svg[aria-roledescription="concept map"]');

/**
 * A concept on the map, found as a user (or screen reader) would: a button of the drawing named
 * by its label (the Details panel has buttons with concept labels too).
 */
export const nodeButton = (page: Page, label: string): Locator =>
  mapDrawing(page).getByRole('button', { name: label, exact: true });

export const detailsPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Details' });

/** The main heading of the Details panel (the selection's), as displayed text. */
export async function detailsHeading(page: Page): Promise<string> {
  const heading = detailsPanel(page).locator('header h2');
  return (await heading.count()) === 0 ? '' : normalise(await heading.first().textContent());
}

/** Waits until the map has drawn its concepts. */
export async function mapReady(page: Page): Promise<void> {
  // The built page may show the map rendered ahead (inert, the same markup) until the app
  // takes it over: ready is the live map.
  // A map laid out in the browser makes its concepts hidden while its layout runs: ready is shown.
  await page.waitForFunction(() => {
    const concept = document.querySelector('.first-paint') ? null : document.querySelector('[data-node-id]');
    return concept !== null && concept.checkVisibility({ visibilityProperty: true });
  });
}

/** The ids of the concepts drawn right now, in DOM order. */
export function drawnNodeIds(page: Page): Promise<string[]> {
  return page.locator('[data-node-id]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node-id')!));
}

/** Where each concept sits on screen (the centre of its ring, which is centred on it; CSS pixels), by id. */
export function nodeScreenCentres(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.locator('[data-node-id]').evaluateAll((elements) =>
    Object.fromEntries(
      elements.map((e) => {
        const box = (e.querySelector('circle.ring') ?? e).getBoundingClientRect();
        return [e.getAttribute('data-node-id')!, { x: box.x + box.width / 2, y: box.y + box.height / 2 }];
      }),
    ),
  );
}

/** The id of the concept holding keyboard focus, or null. */
export function focusedNodeId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);
}

export const searchParam = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);
