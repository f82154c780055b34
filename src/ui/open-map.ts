/**
 * Opens a map by its address, for the <patho-map> element. Kept apart from fetch-map.ts so the
 * app, which only fetches maps the build has checked, does not carry the checker.
 */
import { loadMap } from '../core/load.ts';
import type { LoadResult } from '../core/types.ts';
import { asLoadResult, failure, fetchBytes, isWebPage, parseJson } from './fetch-map.ts';

/**
 * The map at `src`, relative to `base`: a map the build published (`maps/<id>.json`), or an
 * author's Pathomap file (.yaml or .json), checked here as the build checks it, with its stored
 * texts read from beside it. Never rejects.
 */
export async function openMap(src: string, base = document.baseURI): Promise<LoadResult> {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return failure(src, 'is not a valid address');
  }
  // Problems name the file as its author knows it.
  const file = fileNameOf(url) || src;
  const content = await fetchBytes(url, file);
  if (!(content instanceof Uint8Array)) return content;
  if (/\.json$/i.test(file)) {
    const published = asLoadResult(parseJson(new TextDecoder().decode(content)));
    if (published) return published;
  }
  return loadMap({
    fileName: file,
    content,
    readReference: async (path) => {
      const response = await fetch(new URL(path, url));
      if (response.status === 404 || isWebPage(response)) return null;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });
}

function fileNameOf(url: URL): string {
  const name = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
