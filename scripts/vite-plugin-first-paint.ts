/**
 * Vite plugin (app build only): the flagship map's first picture in the built index.html.
 *
 * The explorer is rendered ahead with Svelte's server renderer (`src/ui/first-paint.ts`) into
 * `<div id="app">`, with the page's stylesheet inlined, so the map is painted once the page
 * itself has arrived, long before the script has loaded, fetched the map and drawn it; the app
 * then hydrates it in place (src/main.ts). A tiny inline script right after it (allowed by its
 * hash in the Content-Security-Policy, which still refuses any other inline script) shows the
 * picture, whole, only when it is what the app will open: no query (no other map, no view in the
 * URL) and nothing remembered in this browser that changes the view. A dark system theme switches
 * its colours before it is painted. Otherwise the page waits for the app as before, with no
 * picture of the wrong thing.
 */
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { LoadResult } from '../src/core/model/types.ts';
import { DEFAULT_MAP_ID } from '../src/ui/fetch-map.ts';
import { FIRST_PAINT_ATTRIBUTE, FIRST_PAINT_CLASS } from '../src/ui/first-paint-names.ts';
import { keysShaping } from '../src/ui/persist.ts';
import { THEMES, themeStyle } from '../src/render/look.ts';
import { publishedResult } from './vite-plugin-pathomap.ts';

/**
 * The page's first script: sets the page's theme before anything is painted (no white flash for
 * a reader whose system is dark) and decides, once the picture is parsed, whether it is shown.
 */
export function firstPaintScript(mapId: string): string {
  const keys = JSON.stringify(keysShaping(`map:${mapId}`));
  const themes = JSON.stringify(THEMES);
  // Each theme's colours as the explorer's style attribute carries them (render/look.ts).
  const styles = JSON.stringify(Object.fromEntries(THEMES.map((t) => [t, themeStyle(t)])));
  return (
    `(function(){try{var r=document.documentElement,` +
    // As the app chooses it (src/ui/App.svelte): the address's, else the system's colour scheme.
    `t=new URLSearchParams(location.search).get('theme');` +
    `if(${themes}.indexOf(t)<0)t=window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';` +
    `r.setAttribute('data-theme',t);` +
    `if(location.search.length>1)return;` +
    // An empty value is the default view, remembered: nothing that changes the picture.
    `var k=${keys};for(var i=0;i<k.length;i++)if(localStorage.getItem(k[i]))return;` +
    // The picture was rendered in the light theme; its colours are the explorer's custom properties.
    `var e=document.querySelector('.${FIRST_PAINT_CLASS} [data-theme]');if(!e)return;e.setAttribute('data-theme',t);e.setAttribute('style',${styles}[t]);` +
    `var s=e.querySelector('select[aria-label="Theme"]');if(s)s.value=t;` +
    `r.setAttribute('${FIRST_PAINT_ATTRIBUTE}','')}catch(e){}` +
    // Done: it leaves no script in the page.
    `finally{var s=document.currentScript;if(s)s.remove()}})();`
  );
}

/** The script as the built page carries it (its hash is in the Content-Security-Policy). */
export const FIRST_PAINT_SCRIPT = firstPaintScript(DEFAULT_MAP_ID);

/** The explorer of `result`, rendered by Svelte's server renderer through a Vite SSR loader. */
async function renderAhead(root: string, result: LoadResult): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    // As the production build compiles it, whatever NODE_ENV says (the test runner sets "test").
    mode: 'production',
    plugins: [svelte({ compilerOptions: { dev: false } })],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'silent',
  });
  try {
    const module = (await server.ssrLoadModule('/src/ui/first-paint.ts')) as typeof import('../src/ui/first-paint.ts');
    return module.renderFirstPaint(result);
  } finally {
    await server.close();
  }
}

export default function firstPaint(options: { mapsDir?: string } = {}): Plugin {
  let root = process.cwd();
  let picture: string | undefined;
  return {
    name: 'pathomap-first-paint',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    // Rendered before the build's own HTML processing starts (a second Vite instance in the middle
    // of it disturbs the HTML plugin's bookkeeping).
    async buildStart() {
      const result = await publishedResult(join(root, options.mapsDir ?? 'graph-data', `${DEFAULT_MAP_ID}.yaml`), root);
      picture = result.map ? await renderAhead(root, result) : undefined;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!picture) return html;
        // The script right after the picture: it is shown whole, once parsed, never half drawn.
        const page = html.replace(
          '<div id="app"></div>',
          `<div id="app">${picture}</div>\n    <script>${FIRST_PAINT_SCRIPT}</script>`,
        );
        // The page's stylesheet inside it: the picture is painted without waiting for a request
        // (and the script, with no stylesheet pending, waits for nothing).
        return page.replace(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle?.[file];
          return asset?.type === 'asset' && typeof asset.source === 'string' && !asset.source.includes('</style')
            ? `<style>${asset.source}</style>`
            : link;
        });
      },
    },
  };
}
