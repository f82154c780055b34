/**
 * The flagship map's page rendered ahead, into the built index.html, so the map is on screen as
 * soon as the page and its stylesheet arrive, before any script has run. It is the app's own
 * server-side render (same markup, same scoped styles), which the app then hydrates in place
 * (src/main.ts): the picture becomes the live map without being drawn again. Used by the build
 * only (scripts/vite-plugin-first-paint.ts).
 */
import { render } from 'svelte/server';
import type { LoadResult } from '../core/model/types.ts';
import App from './App.svelte';
import { FIRST_PAINT_CLASS } from './first-paint-names.ts';

export function renderFirstPaint(result: LoadResult): string {
  const { body } = render(App, { props: { initial: result } });
  // Hidden from assistive technology and out of the tab order until the app has hydrated it.
  return `<div class="${FIRST_PAINT_CLASS}" aria-hidden="true" inert>${body}</div>`;
}
