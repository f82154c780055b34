/**
 * The picture of a map rendered ahead, into the built page, so the map is on screen as soon as
 * the page and its stylesheet arrive, before any script has run. It is the explorer's own
 * server-side render (same markup, same scoped styles); the app replaces it with the live
 * explorer once that is drawn (App.svelte). Used by the build only (scripts/vite-plugin-first-paint.ts).
 */
import { render } from 'svelte/server';
import type { LoadResult } from '../core/types.ts';
import Explorer from './Explorer.svelte';
import { FIRST_PAINT_CLASS } from './first-paint-names.ts';

export function renderFirstPaint(result: LoadResult): string {
  const { body } = render(Explorer, { props: { result, params: {}, theme: 'light' } });
  // Hidden from assistive technology and out of the tab order: only the live map is used.
  return `<div class="${FIRST_PAINT_CLASS}" aria-hidden="true" inert>${body}</div>`;
}
