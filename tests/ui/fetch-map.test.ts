// Opening maps in the browser: the map a standalone page carries, a published map, and an
// author's file opened by the <patho-map> element, with fetch served from the fixture folder.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadResult } from '../../src/core/model/types.ts';
import { embeddedMapScript } from '../../src/ui/embedded-map.ts';
import { fetchMap } from '../../src/ui/fetch-map.ts';
import { openUrl } from '../../src/ui/open-user-map.ts';
import { smallMap } from '../fixtures/small-map.ts';

const SITE = 'https://slides.example/talk/';

/** Serves `files` (path relative to SITE → body, content type); anything else is a 404. */
function serve(files: Record<string, readonly [body: string, type: string]>) {
  const fetch = vi.fn(async (input: URL | RequestInfo) => {
    const path = String(input).slice(SITE.length);
    const file = files[path];
    if (!file) return new Response('missing', { status: 404 });
    return new Response(file[0], { headers: { 'Content-Type': file[1] } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const fixture = (path: string) => readFileSync(`tests/fixtures/maps/${path}`, 'utf8');

beforeEach(() => {
  document.head.innerHTML = `<base href="${SITE}">`;
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a map carried in the page', () => {
  it('is read without any request, quotes that spell </script> included', async () => {
    const fetch = serve({});
    const map = smallMap();
    map.nodes[0]!.summary = 'Ends early? </script><script>alert(1)</script> <!-- and ]]>';
    const result: LoadResult = { map, problems: [] };
    const script = embeddedMapScript(result);
    expect(script.indexOf('</script>')).toBe(script.length - '</script>'.length);
    document.body.innerHTML = `<div id="app"></div>${script}`;

    expect(await fetchMap('anything')).toEqual(result);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('that is damaged comes back as a problem, not an exception', async () => {
    document.body.innerHTML = '<script type="application/json" id="pathomap-data">{"map":</script>';
    const { map, problems } = await fetchMap('anything');
    expect(map).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: '#pathomap-data', message: 'the map in this page is damaged' });
  });
});

describe('fetchMap', () => {
  it('fetches the published map', async () => {
    const published: LoadResult = { map: smallMap(), problems: [] };
    serve({ 'maps/small.json': [JSON.stringify(published), 'application/json'] });
    expect(await fetchMap('small')).toEqual(published);
  });

  it.each([
    ['nothing there', {}],
    ['a single-page host answering with its page', { 'maps/small.json': ['<!doctype html><p>app</p>', 'text/html'] }],
  ] as const)('names a missing map: %s', async (_, files) => {
    serve(files);
    const { problems } = await fetchMap('small');
    expect(problems[0]).toMatchObject({ file: 'maps/small.json', line: 1, column: 1 });
    expect(problems[0]!.message).toMatch(/^there is no map named "small"/);
  });
});

describe('openUrl', () => {
  it('checks an author’s YAML file, reading its stored texts from beside it', async () => {
    const fetch = serve({
      'maps/valid.yaml': [fixture('valid.yaml'), 'text/yaml'],
      'maps/references/sample-2020.txt': [fixture('references/sample-2020.txt'), 'text/plain'],
    });
    const { map, problems } = await openUrl('maps/valid.yaml');
    expect(problems).toEqual([]);
    expect(map?.id).toBe('valid');
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      `${SITE}maps/valid.yaml`,
      `${SITE}maps/references/sample-2020.txt`,
    ]);
  });

  it('reports a stored text the server does not have at the map’s line, and still draws the map', async () => {
    serve({
      'maps/valid.yaml': [fixture('valid.yaml'), 'text/yaml'],
      'maps/references/sample-2020.txt': ['<!doctype html>', 'text/html'],
    });
    const { map, problems } = await openUrl('maps/valid.yaml');
    expect(map).toBeDefined();
    expect(problems.some((p) => p.file === 'valid.yaml' && p.line > 1 && /sample-2020\.txt/.test(p.message))).toBe(true);
  });

  it('takes a published map as it is', async () => {
    const published: LoadResult = { map: smallMap(), problems: [] };
    serve({ 'maps/small.json': [JSON.stringify(published), 'application/json'] });
    expect(await openUrl('maps/small.json')).toEqual(published);
  });

  it('locates problems in an author’s file', async () => {
    serve({ 'bad.yaml': [fixture('bad-yaml.yaml'), 'text/yaml'] });
    const { map, problems } = await openUrl('bad.yaml');
    expect(map).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it('names a missing file', async () => {
    serve({});
    expect((await openUrl('maps/gone.yaml')).problems).toEqual([
      { file: 'gone.yaml', line: 1, column: 1, path: '', message: 'not found', severity: 'error' },
    ]);
  });
});
