/**
 * Vite plugins for vite.standalone.config.ts: the app as one file per map, `<map id>.html`, that
 * opens from file:// with no server and no network. To come after the maps plugin, which has
 * checked every map and published it as `maps/<id>.json`:
 *
 * 1. index.html becomes one page per map carrying that same payload (src/ui/embedded-map.ts),
 *    its favicon as a data URL;
 * 2. vite-plugin-singlefile puts the script and styles into each page;
 * 3. each page gets the site's Content-Security-Policy, its inline script allowed by hash, and
 *    what could not be inlined is dropped: worker scripts, which a page opened from file:// may
 *    not start anyway (the app then does that work itself).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputAsset, OutputBundle } from 'rolldown';
import type { Plugin, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import type { LoadResult } from '../src/core/model/types.ts';
import { embeddedMapScript } from '../src/ui/embedded-map.ts';
import { CONTENT_SECURITY_POLICY, scriptHash } from './vite-plugin-csp.ts';

export default function standalonePages(): PluginOption[] {
  return [pagePerMap(), viteSingleFile(), finishPages()];
}

function pagePerMap(): Plugin {
  let publicDir = '';
  return {
    name: 'pathomap-standalone-pages',
    apply: 'build',
    // After Vite has written index.html (and before the plugins listed after this one).
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml(html) {
      return inlineIcon(html, publicDir);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = assetText(bundle, 'index.html');
        const index = JSON.parse(assetText(bundle, 'maps/index.json')) as { id: string }[];
        const results = index.map(({ id }) => JSON.parse(assetText(bundle, `maps/${id}.json`)) as LoadResult);
        for (const name of Object.keys(bundle)) if (name === 'index.html' || name.startsWith('maps/')) delete bundle[name];
        for (const result of results) {
          if (result.map) this.emitFile({ type: 'asset', fileName: `${result.map.id}.html`, source: pageWithMap(page, result) });
        }
      },
    },
  };
}

function finishPages(): Plugin {
  return {
    name: 'pathomap-standalone-finish',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && file.fileName.endsWith('.html')) file.source = withPolicy(assetText(bundle, file.fileName));
          else delete bundle[file.fileName];
        }
      },
    },
  };
}

/** The page titled after the map, with the map inside it. */
export function pageWithMap(page: string, result: LoadResult): string {
  const title = `<title>${escapeHtml(result.map?.title ?? 'Pathomap')} — Pathomap</title>`;
  const titled = page.replace(/<title>[^<]*<\/title>/, () => title);
  // The last </body> is the page's own; text in an inlined script may spell the same.
  const end = titled.lastIndexOf('</body>');
  if (end < 0) throw new Error('index.html has no </body>');
  return `${titled.slice(0, end)}  ${embeddedMapScript(result)}\n  ${titled.slice(end)}`;
}

/**
 * The site's policy as a meta tag before the first script, with `script-src` naming the
 * page's own inline scripts by hash: nothing else, whatever a map contains, can run.
 */
export function withPolicy(page: string): string {
  const inline = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes]) => !/\bsrc=|type="application\/json"/.test(attributes!),
  );
  const hashes = inline.map(([, , code]) => scriptHash(code!));
  const policy = CONTENT_SECURITY_POLICY.split(/;\s*/)
    .map((directive) => (directive.startsWith('script-src ') ? `script-src ${hashes.join(' ') || "'none'"}` : directive))
    .join('; ');
  const at = page.indexOf('<script');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />\n    `;
  return at < 0 ? page : page.slice(0, at) + meta + page.slice(at);
}

/** The page's icon (a file in `publicDir`) as a data URL. */
async function inlineIcon(html: string, publicDir: string): Promise<string> {
  const link = /<link\b[^>]*\brel="icon"[^>]*>/.exec(html)?.[0];
  const href = link && /\bhref="(?:\.?\/)?([^":]+)"/.exec(link)?.[1];
  if (!link || !href || !publicDir) return html;
  const type = /\btype="([^"]+)"/.exec(link)?.[1] ?? 'image/x-icon';
  const data = (await readFile(join(publicDir, href))).toString('base64');
  return html.replace(link, () => link.replace(/\bhref="[^"]*"/, `href="data:${type};base64,${data}"`));
}

function assetText(bundle: OutputBundle, name: string): string {
  const file = bundle[name] as OutputAsset | undefined;
  if (file?.type !== 'asset') throw new Error(`${name} is missing from the build: the maps plugin must come first`);
  return typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
