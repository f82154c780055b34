import { mount } from 'svelte';
import App from './ui/App.svelte';
import { DEFAULT_MAP_ID, fetchMap } from './ui/fetch-map.ts';
import { FIRST_PAINT_ATTRIBUTE } from './ui/first-paint-names.ts';
import './ui/theme.css';

const target = document.getElementById('app')!;
if (document.documentElement.hasAttribute(FIRST_PAINT_ATTRIBUTE)) {
  // The page shows the flagship map rendered ahead (its first script found that is what opens):
  // fetch the map now, let that picture be painted, then let the app take the main thread to
  // replace it with the live map.
  const flagship = fetchMap(DEFAULT_MAP_ID);
  requestAnimationFrame(() => setTimeout(() => mount(App, { target, props: { flagship } })));
} else {
  mount(App, { target });
}
