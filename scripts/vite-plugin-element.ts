/**
 * Vite plugin: the `<patho-map>` element as `patho-map.js`, built with vite.element.config.ts
 * (which can also be run on its own). `vite build` writes it into the app's folder after the
 * app; the dev server (`npm start`) builds it on the first request for it and serves it (and
 * the worker it loads) from memory, so the Embed dialog's web-component snippet works there
 * too — built again after a source file changes.
 */
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

type Built = Map<string, { code: string | Uint8Array; type: string }>;

/** The element's files, by their path beside it (`patho-map.js`, `assets/worker-….js`). */
async function buildInMemory(root: string, mode: string): Promise<Built> {
  const result = await build({
    configFile: resolve(root, 'vite.element.config.ts'),
    root,
    mode,
    logLevel: 'warn',
    clearScreen: false,
    build: { write: false, emptyOutDir: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files: Built = new Map();
  for (const output of outputs) {
    for (const item of output.output) {
      const code = item.type === 'chunk' ? item.code : item.source;
      const type = /\.m?js$/.test(item.fileName) ? 'text/javascript; charset=utf-8' : /\.css$/.test(item.fileName) ? 'text/css; charset=utf-8' : 'application/octet-stream';
      files.set(item.fileName, { code, type });
    }
  }
  return files;
}

export default function elementBuild(): Plugin {
  let app: ResolvedConfig;
  return {
    name: 'pathomap-element-build',
    configResolved(config) {
      app = config;
    },
    configureServer(server) {
      let built: Promise<Built> | undefined;
      const sources = resolve(app.root, 'src');
      server.watcher.on('change', (file) => {
        if (file.startsWith(sources)) built = undefined;
      });
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
        const wanted = path === 'patho-map.js' || path.endsWith('/patho-map.js') ? 'patho-map.js' : /^assets\/worker-[\w-]+\.js$/.test(path) ? path : undefined;
        if (!wanted) return next();
        try {
          built ??= buildInMemory(app.root, app.mode);
          const file = (await built).get(wanted);
          if (!file) return next();
          res.setHeader('Content-Type', file.type);
          res.setHeader('Cache-Control', 'no-store');
          res.end(file.code);
        } catch (error) {
          built = undefined;
          next(error);
        }
      });
    },
    async writeBundle() {
      if (app.command !== 'build') return;
      await build({
        configFile: resolve(app.root, 'vite.element.config.ts'),
        root: app.root,
        mode: app.mode,
        logLevel: app.logLevel,
        clearScreen: false,
        build: { outDir: app.build.outDir },
      });
    },
  };
}
