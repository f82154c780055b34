import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import contentSecurityPolicy from './scripts/vite-plugin-csp.ts';
import elementBuild from './scripts/vite-plugin-element.ts';
import firstPaint from './scripts/vite-plugin-first-paint.ts';
import pathomap from './scripts/vite-plugin-pathomap.ts';

export default defineConfig({
  // Relative asset URLs: the built app works from any folder, inside an iframe or from file://.
  base: './',
  // elementBuild: `vite build` also writes patho-map.js, the <patho-map> element; firstPaint
  // renders the flagship map ahead into index.html.
  plugins: [svelte(), pathomap(), contentSecurityPolicy(), elementBuild(), firstPaint()],
  build: {
    // Everything the page loads at once goes into one file: left to itself the bundler split the
    // modules lazy chunks share with the page (look, scene state, geometry) into three small
    // files the page loads anyway, each with its own request and compression overhead.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
    // Every browser the app runs in knows <link rel="modulepreload">: no polyfill in the first file.
    modulePreload: { polyfill: false },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/core/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          include: ['tests/ui/**/*.test.ts', 'tests/render/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
