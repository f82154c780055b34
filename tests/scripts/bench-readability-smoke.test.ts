// The readability benchmark runs end to end from its command line: the flagship map, one run,
// Pathomap and ELK layered. No thresholds (the figures are for reading); they must all be there.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type ReadabilityResults } from '../../scripts/bench-readability.ts';
import { loadMapFile } from '../../scripts/lib/load-map-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pathomap-readability-smoke-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIGURES = [
  'labelOverlaps',
  'labelsOnMarkers',
  'relationsThroughLabels',
  'crossings',
  'fitScale',
  'labelFontPx',
  'crossBandRelations',
  'storyDirection',
  'layoutMs',
] as const;

describe('npm run bench:readability (smoke)', () => {
  it('measures the flagship map in Pathomap and ELK layered and writes every figure', async () => {
    const out = join(dir, 'readability.json');
    const lines: string[] = [];
    await main(['--graphs', 'flagship', '--engines', 'pathomap,elk-layered', '--runs', '1', '--out', out], (line) => lines.push(line));
    const results = JSON.parse(await readFile(out, 'utf8')) as ReadabilityResults;
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    expect(results.frame).toEqual({ width: 1920, height: 1080, margin: 24 });
    expect(results.graphs).toHaveLength(1);
    const [graph] = results.graphs;
    const { map: flagship } = await loadMapFile('graph-data/calcinosis-ssc.yaml');
    const [concepts, relations] = [flagship!.nodes.length, flagship!.edges.length];
    expect(graph).toMatchObject({ graph: 'flagship', concepts });
    expect(graph!.engines.map((e) => e.engine)).toEqual(['pathomap', 'elk-layered']);
    for (const engine of graph!.engines) {
      for (const field of FIGURES) expect(Number.isFinite(engine[field]), `${engine.engine} ${field}`).toBe(true);
      expect(engine.layoutRunsMs).toHaveLength(1);
      expect(engine.storyDirection).toBeGreaterThanOrEqual(0);
      expect(engine.storyDirection).toBeLessThanOrEqual(1);
    }
    // The printed table has a row per engine.
    const table = lines.join('\n');
    expect(table).toMatch(new RegExp(`\\| flagship \\(${concepts}/${relations}\\) \\| Pathomap +\\|`));
    expect(table).toMatch(new RegExp(`\\| flagship \\(${concepts}/${relations}\\) \\| ELK layered +\\|`));
  }, 30_000);

  it('refuses an engine or graph it does not know', async () => {
    await expect(main(['--engines', 'pathomap,gephi', '--out', join(dir, 'x.json')], () => {})).rejects.toThrow(/unknown engine "gephi"/);
    await expect(main(['--graphs', 'hub9', '--out', join(dir, 'x.json')], () => {})).rejects.toThrow(/unknown graph "hub9"/);
  });
});
