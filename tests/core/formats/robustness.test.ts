import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { damage, mutate } from '../../fixtures/damage.ts';
import { loadAnyMap } from '../../../src/core/formats/index.ts';
import type { LoadResult } from '../../../src/core/model/types.ts';

const fixture = (path: string) => readFileSync(path, 'utf8');
const PATHOMAP_YAML = fixture('tests/fixtures/maps/valid.yaml');

/** One valid file per format, as the starting point of the mutations. */
const SAMPLES: [string, string][] = [
  ['map.yaml', PATHOMAP_YAML],
  ['map.json', JSON.stringify(parseYaml(PATHOMAP_YAML), null, 2)],
  ['graph.json', fixture('tests/fixtures/formats/d3-valid.json')],
  ['network.cyjs', fixture('tests/fixtures/formats/cytoscape-valid.cyjs')],
  ['graph.graphml', fixture('tests/fixtures/formats/graphml-valid.graphml')],
  ['yed.graphml', fixture('tests/fixtures/formats/yed.graphml')],
  ['Disorder.yaml', fixture('tests/fixtures/formats/dismech-valid.yaml')],
  ['map.cxl', fixture('tests/fixtures/formats/cxl-valid.cxl')],
];

/** Each problem at a real place in the file, in order, and none from an exception caught at the top. */
function expectLocated(result: LoadResult, text: string): void {
  const lineCount = text.split('\n').length;
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message).not.toMatch(/^could not be loaded/);
    expect(typeof p.path).toBe('string');
  }
  const positions = result.problems.map((p) => p.line * 1e6 + p.column);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const mutation = damage(['<', '>', '</', '/>', '&', '&#0;', '&x;', '<!DOCTYPE x>', '<![CDATA[', ']]>', '<!--', '"', "'", '{', '}', '[', ']', ',', ':', '\u0000', '\uD800', '-1', '1e999', 'null']);

describe('loadAnyMap on damaged files (property)', () => {
  it.each(SAMPLES)('%s: never throws, and locates every problem in the file', async (fileName, original) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const text = mutations.reduce(mutate, original);
        expectLocated(await loadAnyMap({ fileName, content: text }), text);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 60_000);

  it('reads any text under any name without throwing', async () => {
    const names = fc.constantFrom('x.json', 'x.yaml', 'x.graphml', 'x.cyjs', 'x', 'x.xml', 'x.cxl');
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json().map((j) => j),
      fc.constantFrom('<graphml>', '{"links":', '{"elements":[{', '<cmap><map>', 'name: x\npathophysiology:\n', '{"phenotypes": [{'),
    );
    await fc.assert(
      fc.asyncProperty(names, texts, async (fileName, text) => {
        expectLocated(await loadAnyMap({ fileName, content: text }), text);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('loadAnyMap on hostile files', () => {
  const DEPTH = 100_000;

  it.each([
    ['d3 JSON', 'deep.json', `{"nodes": [{"id": ${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}}], "links": []}`, '1:116'],
    ['Cytoscape.js JSON', 'deep.cyjs', `{"elements": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, '1:113'],
    ['Pathomap JSON', 'deep.json', `{"title": ${'{"a": '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`, '1:605'],
    ['GraphML', 'deep.graphml', `<graphml>${'<graph>'.repeat(DEPTH)}`, '1:703'],
    ['CXL', 'deep.cxl', `<cmap>${'<map>'.repeat(DEPTH)}`, '1:502'],
    ['DisMech JSON', 'deep.json', `{"pathophysiology": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, '1:120'],
  ])('stops %s nested 100 000 levels deep at once, at the level too many', async (_, fileName, content, where) => {
    const started = performance.now();
    const result = await loadAnyMap({ fileName, content });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.problems).toHaveLength(1);
    expect(`${result.problems[0]!.line}:${result.problems[0]!.column}`).toBe(where);
    expect(result.problems[0]!.message).toMatch(/nested more than 100 levels deep/);
  });

  it('stops an entity-expansion bomb at its DOCTYPE, before expanding anything', async () => {
    const started = performance.now();
    const result = await loadAnyMap({ fileName: 'bomb.graphml', content: fixture('tests/fixtures/formats/doctype.graphml') });
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['2:1 DOCTYPE and ENTITY declarations are not accepted']);
  });

  it('stops a YAML alias bomb in a JSON-looking Pathomap file too', async () => {
    const result = await loadAnyMap({ fileName: 'bomb.yaml', content: readFileSync('tests/fixtures/maps/alias-bomb.yaml') });
    expect(result.problems[0]!.message).toBe('aliases (*name) expand to too much data');
  });
});
