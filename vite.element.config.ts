/**
 * `dist/patho-map.js`: the <patho-map> element as one ES module with nothing else to load, for
 * pages without a bundler (slide decks). Adds to the app's dist/; `vite build` runs it after the
 * app build (see vite.config.ts).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  // Anything it refers to (a worker script) is found beside the module, wherever it is served.
  base: './',
  // Every component becomes custom-element code, which puts its styles into the element's shadow root.
  plugins: [svelte({ compilerOptions: { customElement: true } })],
  // Library builds leave `process.env.NODE_ENV` for a bundler to replace; browsers have none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    emptyOutDir: false,
    copyPublicDir: false,
    lib: { entry: 'src/element.ts', formats: ['es'], fileName: () => 'patho-map.js' },
    // Served as is to browsers, not to a bundler: fully minified, one file.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
