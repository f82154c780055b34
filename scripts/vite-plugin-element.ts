/**
 * Vite plugin: after the app, `vite build` builds the `<patho-map>` element into the same
 * folder as `patho-map.js`, with vite.element.config.ts (which can also be run on its own).
 */
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export default function elementBuild(): Plugin {
  let app: ResolvedConfig;
  return {
    name: 'pathomap-element-build',
    apply: 'build',
    configResolved(config) {
      app = config;
    },
    async writeBundle() {
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
