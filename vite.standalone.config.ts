/**
 * `npm run build:standalone`: dist-standalone/<map id>.html for each map in graph-data/, the full
 * app and its map in one file that opens from file:// with no server and no network (a lecture
 * hall without internet, an e-mail attachment, a USB stick).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import pathomap from './scripts/vite-plugin-pathomap.ts';
import standalonePages from './scripts/vite-plugin-standalone.ts';

export default defineConfig({
  base: './',
  // The maps are checked and published first; standalonePages turns them into pages.
  plugins: [svelte(), pathomap(), standalonePages()],
  build: { outDir: 'dist-standalone', copyPublicDir: false },
});
