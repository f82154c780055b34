// Accessibility as axe-core (in Chromium) judges it, over the views people use: no serious or
// critical violation anywhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, openApp } from './harness.ts';
import { mapReady } from './map-helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
chromiumForFile((b) => (browser = b));

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

/** Opens a view with the page's CSP bypassed, so axe can be injected. */
async function open(path: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const { page } = await openApp(browser, path, { bypassCSP: true, viewport });
  await mapReady(page);
  return page;
}

describe('axe-core finds no serious or critical violation', () => {
  it.each<[string, string, (page: Page) => Promise<void>, { width: number; height: number }?]>([
    ['the home view', '', async () => {}],
    ['a selected concept', '?node=calcinosis-cutis', async () => {}],
    ['a guided tour', '?tour=story&step=1', async () => {}],
    ['the embed', '?embed&node=calcinosis-cutis', async () => {}],
    ['the phone layout, a concept selected', '?node=calcinosis-cutis', async () => {}, { width: 390, height: 844 }],
    ['the map key, a category hidden from it, relation labels shown', '', async (page) => {
      const key = page.getByRole('region', { name: 'Map key' });
      await key.getByRole('checkbox').first().uncheck();
      await key.getByRole('checkbox', { name: 'Show relation labels' }).check();
    }],
    ['the open Export menu', '', async (page) => page.getByRole('button', { name: 'Export', exact: true }).click()],
    ['the path finder', '?from=local-trauma&to=calcinosis-cutis', async (page) => {
      if ((await page.getByRole('combobox').count()) < 2) await page.getByRole('button', { name: 'Path finder' }).click();
    }],
  ])('%s', async (_, path, prepare, viewport) => {
    const page = await open(path, viewport);
    await prepare(page);
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
