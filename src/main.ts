import { hydrate, mount } from 'svelte';
import App from './ui/App.svelte';
import { DEFAULT_MAP_ID, fetchMap } from './ui/fetch-map.ts';
import { FIRST_PAINT_ATTRIBUTE, FIRST_PAINT_CLASS } from './ui/first-paint-names.ts';
import './ui/theme.css';

const target = document.getElementById('app')!;
const picture = document.querySelector<HTMLElement>(`.${FIRST_PAINT_CLASS}`);

if (picture && document.documentElement.hasAttribute(FIRST_PAINT_ATTRIBUTE)) {
  // The page shows the flagship map rendered ahead by the build (its first script found that is
  // what opens): once the map has arrived, the app takes over that markup in place.
  fetchMap(DEFAULT_MAP_ID).then((result) => {
    if (!result.map) {
      // Its problems instead of the picture, without asking for the map a second time.
      picture.remove();
      mount(App, { target, props: { initial: result } });
      return;
    }
    picture.removeAttribute('aria-hidden');
    picture.removeAttribute('inert');
    picture.classList.replace(FIRST_PAINT_CLASS, 'app');
    hydrate(App, { target: picture, props: { initial: result } });
  });
} else {
  picture?.remove();
  mount(App, { target });
}
