// The benchmark runs end to end: the smallest graph, one run, Pathomap and Cytoscape.js. No
// thresholds (timings on a shared CI machine say little); the figures must all be there.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBench, type BenchResults } from '../../scripts/bench.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pathomap-bench-smoke-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIGURES = ['firstFrameMs', 'liveFrameMs', 'layoutMs', 'longestTaskMs', 'panZoomP95Ms', 'dragP95Ms', 'heapMB'] as const;

describe('npm run bench (smoke)', () => {
  it('measures a 100-concept graph in Pathomap and Cytoscape.js and writes every figure', async () => {
    const out = join(dir, 'results.json');
    await runBench({ sizes: [100], runs: 1, concept: 0, peer: true, flagshipRuns: 0, largeRuns: 1, out, log: () => {} });
    const results = JSON.parse(await readFile(out, 'utf8')) as BenchResults;
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    expect(results.machine).toMatch(/\S/);
    expect(Number.isFinite(results.bundleGzipKB) && results.bundleGzipKB > 0).toBe(true);
    expect(results.blankPageFirstPaintMs).toBeGreaterThan(0);
    expect(results.runs).toHaveLength(1);
    const [run] = results.runs;
    expect(run).toMatchObject({ graph: 'uniform-100', nodes: 100, renderer: 'svg' });
    expect(run!.edges).toBeGreaterThan(100);
    for (const field of FIGURES) {
      expect(Number.isFinite(run![field]), `pathomap ${field}`).toBe(true);
      expect(Number.isFinite(run!.peer?.[field]), `cytoscape ${field}`).toBe(true);
    }
    expect(run!.peer!.renderer).toBe('cytoscape');
  }, 240_000);
});
