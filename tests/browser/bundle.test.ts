// What the flagship page loads: the map arrives checked, so the loader's YAML parser and schema
// validator stay out of it, as do the PowerPoint, BibTeX and RIS writers, until they are used.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, openApp } from './harness.ts';
import { mapReady } from './map-helpers.ts';

let browser: Browser;
chromiumForFile((launched) => (browser = launched));

/** A string each library's code holds, whatever the minifier does to names. */
const LIBRARIES: [string, string][] = [
  ['the YAML parser', 'Implicit keys need to be on a single line'],
  ['the JSON schema validator', 'unevaluatedProperties'],
  ['the PowerPoint writer', 'ppt/presentation.xml'],
  ['the BibTeX and RIS writers', 'PMID: '],
];

describe('the flagship page', () => {
  it('loads neither the map loader nor the slide writer until they are needed', async () => {
    const { page, errors } = await openApp(browser);
    await mapReady(page);
    await page.waitForLoadState('networkidle');
    // Every script the page fetched (its modules, their chunks, the layout worker), read again.
    const code = await page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\.js(\?|$)/.test(url));
      const texts = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
      return texts.join('\n');
    });
    expect(code.length).toBeGreaterThan(0);
    for (const [library, mark] of LIBRARIES) expect(code.includes(mark), library).toBe(false);
    expect(errors).toEqual([]);
  });
});
