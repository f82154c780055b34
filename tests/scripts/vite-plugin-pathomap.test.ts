import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pathomap from '../../scripts/vite-plugin-pathomap.ts';

const FIXTURES = 'tests/fixtures/maps';

/** A project folder holding one map (a fixture) and its stored sources. */
async function projectWith(fixture: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pathomap-plugin-'));
  await cp(join(FIXTURES, 'references'), join(root, 'graph-data', 'references'), { recursive: true });
  await cp(join(FIXTURES, fixture), join(root, 'graph-data', 'map.yaml'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  return root;
}

const buildIn = (root: string) =>
  build({ root, configFile: false, logLevel: 'silent', plugins: [pathomap()], build: { outDir: 'dist' } });

describe('the maps plugin in a build', () => {
  it('publishes the checked map, its file, its sources and an index', async () => {
    const root = await projectWith('valid.yaml');
    await buildIn(root);
    const published = await readdir(join(root, 'dist', 'maps'));
    expect(published.sort()).toEqual(['index.json', 'map.json', 'map.yaml', 'references']);
    const payload = JSON.parse(await readFile(join(root, 'dist', 'maps', 'map.json'), 'utf8'));
    expect(payload.problems).toEqual([]);
    expect(payload.map.id).toBe('map');
    await rm(root, { recursive: true });
  });

  it('fails on an unsound map, naming file, line, column and field', async () => {
    const root = await projectWith('dangling-edge.yaml');
    await expect(buildIn(root)).rejects.toThrow(/graph-data\/map\.yaml:\d+:\d+ edges\[\d+\]\.(source|target)/);
    await rm(root, { recursive: true });
  });
});

describe('the maps plugin in the dev server', () => {
  let root: string;
  let server: ViteDevServer;
  let base: string;

  beforeAll(async () => {
    root = await projectWith('valid.yaml');
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [pathomap()],
      server: { host: '127.0.0.1', port: 0, ws: false, watch: null },
    });
    await server.listen();
    base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true });
  });

  const saveLayout = (body: string, id = 'map') =>
    fetch(`${base}/__pathomap/layout/${encodeURIComponent(id)}`, { method: 'POST', body });

  it('saves a layout beside the map, and the map then opens with it', async () => {
    const { map } = await (await fetch(`${base}/maps/map.json`)).json();
    const first = map.nodes[0].id as string;
    const response = await saveLayout(JSON.stringify({ map: 'map', positions: { [first]: { x: 12.34, y: -5 } } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ file: 'graph-data/map.layout.json' });
    const reloaded = await (await fetch(`${base}/maps/map.json`)).json();
    expect(reloaded.map.nodes[0].position).toEqual({ x: 12.3, y: -5 });
  });

  it.each([
    ['malformed JSON', 'junk', 'map', 400, /not valid JSON/],
    ['a layout of another map', JSON.stringify({ map: 'other', positions: {} }), 'map', 400, /another map/],
    ['an unknown map', JSON.stringify({ map: 'x', positions: {} }), 'x', 404, /no map named/],
    ['a path out of the folder', JSON.stringify({ map: '../etc', positions: {} }), '../etc', 404, /no map named/],
  ])('refuses %s', async (_name, body, id, status, error) => {
    const response = await saveLayout(body, id);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(error);
  });
});
