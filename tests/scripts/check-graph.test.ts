import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/model/types.ts';
import { loadMapFile, readInside } from '../../scripts/lib/load-map-file.ts';

const run = promisify(execFile);
const FIXTURES = 'tests/fixtures/maps';
const REPO = resolve('.');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'scripts/check-graph.ts');

/** Runs the checker; resolves with its exit code and output instead of throwing on failure. */
async function checkGraph(args: string[], cwd = REPO, command = ['npx', 'tsx']) {
  try {
    const { stdout } = await run(command[0]!, [...command.slice(1), CLI, ...args], { cwd });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

describe('npm run check:graph', () => {
  it('passes a sound map and says what it checked', async () => {
    const { code, stdout } = await checkGraph([`${FIXTURES}/valid.yaml`]);
    expect(stdout.trim()).toBe('✓ tests/fixtures/maps/valid.yaml: 3 concepts, 2 relations, all 4 quotes found');
    expect(code).toBe(0);
  }, 30_000);

  it.each([
    ['d3-valid.json', 0, '✓ tests/fixtures/formats/d3-valid.json: 4 concepts, 3 relations, no quotes to verify; 7 concepts and relations without any source'],
    ['graphml-valid.graphml', 0, '✓ tests/fixtures/formats/graphml-valid.graphml: 3 concepts, 2 relations, no quotes to verify; 5 concepts and relations without any source'],
    ['d3-missing-node.json', 1, 'tests/fixtures/formats/d3-missing-node.json:8:37 links[1].target: no node has id `Valjaen`'],
    ['malformed.graphml', 1, 'tests/fixtures/formats/malformed.graphml:7:3: `</graph>` where `</node>` was expected'],
    ['cxl-valid.cxl', 0, 'warning: tests/fixtures/formats/cxl-valid.cxl:19:7 cmap.map.linking-phrase-list.linking-phrase[2]: linking phrase `goes with`'],
    ['cxl-malformed.cxl', 1, 'tests/fixtures/formats/cxl-malformed.cxl:6:5: `</concept-list>` where `</concept>` was expected'],
    ['dismech-bad-yaml.yaml', 1, 'tests/fixtures/formats/dismech-bad-yaml.yaml:6:4: all sequence items must start at the same column'],
    ['dismech-section-not-a-list.yaml', 1, 'tests/fixtures/formats/dismech-section-not-a-list.yaml:3:13 phenotypes: must be a list'],
  ])('reads the formats the app opens: %s', async (file, expectedCode, firstLine) => {
    const { code, stdout } = await checkGraph([`tests/fixtures/formats/${file}`]);
    expect(stdout.split('\n')[0]).toContain(firstLine);
    expect(code).toBe(expectedCode);
  }, 30_000);

  it.each([
    ['dismech-valid.yaml', '✓ tests/fixtures/formats/dismech-valid.yaml: 8 concepts, 12 relations, no quotes to verify; 17 evidence items as recorded in DisMech, not checked here; 4 concepts and relations without any source (3 warnings)'],
    ['cxl-valid.cxl', '✓ tests/fixtures/formats/cxl-valid.cxl: 5 concepts, 4 relations, no quotes to verify; 2 evidence items as recorded in CmapTools, not checked here; 7 concepts and relations without any source (2 warnings)'],
  ])('sums up a DisMech disorder or a Cmap, saying what it could not check: %s', async (file, summary) => {
    const { code, stdout } = await checkGraph([`tests/fixtures/formats/${file}`]);
    expect(stdout.trim().split('\n').at(-1)).toBe(summary);
    expect(code).toBe(0);
  }, 30_000);

  it('fails on a broken map, printing each problem located', async () => {
    const { code, stdout } = await checkGraph([`${FIXTURES}/valid.yaml`, `${FIXTURES}/dangling-edge.yaml`]);
    expect(stdout.split('\n')).toEqual([
      '✓ tests/fixtures/maps/valid.yaml: 3 concepts, 2 relations, all 4 quotes found',
      'tests/fixtures/maps/dangling-edge.yaml:58:13 edges[1].target: unknown concept `calcinsis` (did you mean `calcinosis`?)',
      '✗ tests/fixtures/maps/dangling-edge.yaml: 1 error',
      '',
    ]);
    expect(code).toBe(1);
  }, 30_000);

  it('fails on problems with stored sources too, though the map itself could be shown', async () => {
    const { code, stdout } = await checkGraph([`${FIXTURES}/quote-not-found.yaml`]);
    expect(stdout).toContain('tests/fixtures/maps/quote-not-found.yaml:63:16 edges[1].evidence[0].quote: not found in references/sample-2020.txt');
    expect(code).toBe(1);
  }, 30_000);

  describe('without arguments', () => {
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'pathomap-check-'));
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('fails when there is no map to check', async () => {
      const { code } = await checkGraph([], folder, [TSX]);
      expect(code).toBe(1);
    }, 30_000);

    it('checks every map in graph-data/, skipping the schema', async () => {
      const data = join(folder, 'graph-data');
      await mkdir(join(data, 'references'), { recursive: true });
      await copyFile(join(FIXTURES, 'valid.yaml'), join(data, 'a.yaml'));
      await copyFile(join(FIXTURES, 'references/sample-2020.txt'), join(data, 'references/sample-2020.txt'));
      await copyFile('graph-data/schema.json', join(data, 'schema.json'));
      await writeFile(join(data, 'notes.txt'), 'not a map');
      const { code, stdout } = await checkGraph([], folder, [TSX]);
      expect(stdout.trim()).toBe('✓ graph-data/a.yaml: 3 concepts, 2 relations, all 4 quotes found');
      expect(code).toBe(0);
    }, 30_000);
  });
});

describe('loadMapFile', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pathomap-load-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('names the file relative to the working directory', async () => {
    const result = await loadMapFile(join(REPO, FIXTURES, 'unknown-category.yaml'));
    expect(result.problems.map(formatProblem)).toEqual([
      'tests/fixtures/maps/unknown-category.yaml:26:15 nodes[0].category: unknown category `triger` (did you mean `trigger`?)',
    ]);
  });

  it('reports a missing map file instead of throwing', async () => {
    const result = await loadMapFile(join(folder, 'nope.yaml'), 'nope.yaml');
    expect(result.problems.map(formatProblem)).toEqual(['nope.yaml:1:1: cannot be read: no such file']);
  });

  it('does not follow a symbolic link out of the map folder', async () => {
    const mapFolder = join(folder, 'maps');
    await mkdir(join(mapFolder, 'references'), { recursive: true });
    const secret = join(folder, 'secret.txt');
    await copyFile(join(FIXTURES, 'references/sample-2020.txt'), secret);
    await symlink(secret, join(mapFolder, 'references/sample-2020.txt'));
    await copyFile(join(FIXTURES, 'valid.yaml'), join(mapFolder, 'map.yaml'));

    const result = await loadMapFile(join(mapFolder, 'map.yaml'), 'map.yaml');
    expect(result.problems.map(formatProblem)).toEqual([
      "map.yaml:9:11 references[0].file: references/sample-2020.txt not found in the map's folder (give the path relative to the map file's folder)",
    ]);
    expect(result.map?.references[0]?.text).toBeUndefined();
  });

  it('reads files inside the folder only', async () => {
    const inner = join(folder, 'inner');
    await mkdir(join(inner, 'sub'), { recursive: true });
    await writeFile(join(inner, 'sub/a.txt'), 'inside');
    await writeFile(join(folder, 'outside.txt'), 'outside');
    const text = async (path: string) => {
      const bytes = await readInside(inner, path);
      return bytes === null ? null : new TextDecoder().decode(bytes);
    };
    expect(await text('sub/a.txt')).toBe('inside');
    expect(await text('../outside.txt')).toBeNull();
    expect(await text(join(folder, 'outside.txt'))).toBeNull();
    expect(await text('sub')).toBeNull();
    expect(await text('sub/missing.txt')).toBeNull();
    expect(await readFile(join(folder, 'outside.txt'), 'utf8')).toBe('outside');
  });
});
