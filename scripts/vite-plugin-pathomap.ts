/**
 * Vite plugin: checks every map in `graph-data/` and publishes it under `maps/`.
 *
 * - `maps/<id>.json`: the checked, resolved map (with its reference texts and saved layout)
 *   that the app fetches;
 * - `maps/<file>.yaml` and `maps/references/…`: the author's file and stored sources, so other
 *   tools (and the `<patho-map>` element) can read the original;
 * - `maps/index.json`: the list of maps.
 *
 * A build fails on any error, with every problem located. The dev server re-checks a map on
 * each request, reloads the page when a map changes, and lets "Save layout" write
 * `graph-data/<id>.layout.json` (dev only: a built site is static).
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { settledPositions } from '../src/core/layout/host.ts';
import { isMapId } from '../src/core/model/map-id.ts';
import { parseLayout, serializeLayout } from '../src/core/layout/saved-layout.ts';
import { formatProblem, type LoadResult } from '../src/core/model/types.ts';
import { layoutPathFor, listMapFiles, loadMapWithLayout } from './lib/maps-folder.ts';

export interface PathomapPluginOptions {
  /** Folder holding the maps, relative to the project root. */
  dir?: string;
}

/** Where the dev server accepts a saved layout: `POST /__pathomap/layout/<map id>`. */
export const SAVE_LAYOUT_PATH = '/__pathomap/layout/';
const MAX_LAYOUT_BYTES = 5_000_000;

const mapIdOf = (name: string) => name.replace(/\.(ya?ml|json)$/i, '');
/** Larger maps are laid out in the reader's browser (in a worker) rather than at every build. */
const MAX_PRELAID_NODES = 3000;

/** The result with the map's settled layout added, so the app can draw it without computing it. */
function withSeededLayout(result: LoadResult): LoadResult {
  if (!result.map || result.map.nodes.length > MAX_PRELAID_NODES) return result;
  const layout: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of settledPositions(result.map)) layout[id] = { x: p.x, y: p.y };
  return { ...result, layout };
}
/** A map as the build publishes it (`maps/<id>.json`): checked, with its settled layout. */
export async function publishedResult(file: string, root = process.cwd()): Promise<LoadResult> {
  return withSeededLayout(await loadMapWithLayout(file, relative(root, file)));
}
const errorsOf = (result: LoadResult) => result.problems.filter((p) => p.severity === 'error');

export default function pathomap(options: PathomapPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'graph-data');

  const loadOne = (name: string) => publishedResult(join(dir, name), root);
  const findMap = async (id: string) => (await listMapFiles(dir)).find((n) => mapIdOf(n) === id);

  async function saveLayout(req: IncomingMessage, res: ServerResponse, id: string) {
    const reply = (status: number, body: object) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    };
    const name = isMapId(id) ? await findMap(id) : undefined;
    if (!name) return reply(404, { error: `there is no map named "${id}"` });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_LAYOUT_BYTES) return reply(413, { error: 'layout too large' });
      chunks.push(chunk as Buffer);
    }
    const path = layoutPathFor(join(dir, name));
    const file = relative(root, path);
    const parsed = parseLayout(Buffer.concat(chunks).toString('utf8'), file);
    if (!parsed.layout || parsed.layout.map !== id) {
      return reply(400, { error: parsed.problems.map(formatProblem).join('\n') || 'layout is for another map' });
    }
    await writeFile(path, serializeLayout(id, new Map(Object.entries(parsed.layout.positions))));
    reply(200, { file });
  }

  return {
    name: 'pathomap-maps',

    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'graph-data');
    },

    async generateBundle() {
      const names = await listMapFiles(dir);
      const results = await Promise.all(names.map(loadOne));
      const errors = results.flatMap(errorsOf);
      if (errors.length > 0) {
        this.error(`${errors.length} problem(s) in graph-data:\n` + errors.map(formatProblem).join('\n'));
      }
      const index: { id: string; title: string; file: string }[] = [];
      for (const [i, result] of results.entries()) {
        const name = names[i]!;
        const map = result.map!;
        index.push({ id: map.id, title: map.title, file: name });
        this.emitFile({ type: 'asset', fileName: `maps/${map.id}.json`, source: JSON.stringify(result) });
        this.emitFile({ type: 'asset', fileName: `maps/${name}`, source: await readFile(join(dir, name)) });
        for (const ref of map.references) {
          if (!ref.file || ref.text === undefined) continue;
          this.emitFile({ type: 'asset', fileName: `maps/${ref.file}`, source: ref.text });
        }
      }
      this.emitFile({ type: 'asset', fileName: 'maps/index.json', source: JSON.stringify(index) });
    },

    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      server.watcher.on('change', (file) => {
        if (file.startsWith(dir)) server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use(async (req, res, next) => {
        try {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (req.method === 'POST' && url.pathname.startsWith(SAVE_LAYOUT_PATH)) {
            return await saveLayout(req, res, decodeURIComponent(url.pathname.slice(SAVE_LAYOUT_PATH.length)));
          }
          const match = /\/maps\/([A-Za-z0-9_.-]+)\.json$/.exec(url.pathname);
          if (!match) return next();
          const id = match[1]!;
          let body: unknown;
          if (id === 'index') {
            const names = await listMapFiles(dir);
            const results = await Promise.all(names.map(loadOne));
            body = results.flatMap((r, i) => (r.map ? [{ id: r.map.id, title: r.map.title, file: names[i]! }] : []));
          } else {
            const name = await findMap(id);
            if (!name) return next();
            body = await loadOne(name);
          }
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(body));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
