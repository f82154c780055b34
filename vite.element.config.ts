/**
 * `dist/patho-map.js`: the <patho-map> element as one ES module with nothing else to load, for
 * pages without a bundler (slide decks). Adds to the app's dist/; `vite build` runs it after the
 * app build (see vite.config.ts).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * A guest on a slide has no Export menu, so the slide writers (and pptxgenjs, 120 kB gzipped)
 * stay out of its one file: their module is replaced by one that says so.
 */
function withoutSlideExports(): Plugin {
  const stub = '\0pathomap-no-slide-export';
  return {
    name: 'pathomap-element-without-slide-exports',
    enforce: 'pre',
    resolveId: (source) => (/\/slide-export\.ts$/.test(source) ? stub : null),
    load: (id) =>
      id === stub
        ? `const absent = () => { throw new Error('<patho-map> does not export slides: open the full map'); };\n` +
          ['exportSvgFiles', 'exportPngFiles', 'copySlideImage', 'exportViewDeck', 'exportTourDeck'].map((name) => `export const ${name} = absent;`).join('\n')
        : null,
  };
}

export default defineConfig({
  // Anything it refers to (a worker script) is found beside the module, wherever it is served.
  base: './',
  // Every component becomes custom-element code, which puts its styles into the element's shadow root.
  plugins: [withoutSlideExports(), svelte({ compilerOptions: { customElement: true } })],
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
