/**
 * Vite plugin: checks every map in `graph-data/` and publishes it under `maps/`.
 *
 * - `maps/<id>.json`: the checked, resolved map (with its reference texts) that the app fetches;
 * - `maps/<id>.yaml` and `maps/references/…`: the author's file and stored sources, so other
 *   tools (and the web component) can read the original;
 * - `maps/index.json`: the list of maps.
 *
 * A build fails on any error, with every problem located. The dev server re-checks a map on
 * each request and reloads the page when a map changes, so an author sees problems at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, type LoadResult } from '../src/core/types.ts';
import { loadMapFile } from './lib/load-map-file.ts';

export interface PathomapPluginOptions {
  /** Folder holding the maps, relative to the project root. */
  dir?: string;
}

const MAP_FILE = /\.(ya?ml|json)$/i;

export async function listMapFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => MAP_FILE.test(n) && n !== 'schema.json').sort();
}

function errorsOf(result: LoadResult) {
  return result.problems.filter((p) => p.severity === 'error');
}

export default function pathomap(options: PathomapPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'graph-data');

  const loadOne = (name: string) => loadMapFile(join(dir, name), relative(root, join(dir, name)));

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
        this.error(
          `${errors.length} problem(s) in graph-data:\n` + errors.map(formatProblem).join('\n'),
        );
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
        const url = new URL(req.url ?? '/', 'http://localhost');
        const match = /\/maps\/([A-Za-z0-9_.-]+)\.json$/.exec(url.pathname);
        if (!match) return next();
        try {
          const id = match[1]!;
          if (id === 'index') {
            const names = await listMapFiles(dir);
            const results = await Promise.all(names.map(loadOne));
            const index = results.flatMap((r, i) =>
              r.map ? [{ id: r.map.id, title: r.map.title, file: names[i]! }] : [],
            );
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify(index));
            return;
          }
          const name = (await listMapFiles(dir)).find((n) => n.replace(MAP_FILE, '') === id);
          if (!name) return next();
          const result = await loadOne(name);
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(result));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
