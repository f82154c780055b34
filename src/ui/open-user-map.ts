/**
 * Opening maps the reader brings: files picked or dropped on the page (with the stored source
 * texts they quote, picked alongside), an address (`?graph=` in the app, `src` of the
 * `<patho-map>` element), or the map kept from an earlier visit. Any format Pathomap reads.
 * The checker and the importers are loaded only now, so the flagship map's first paint does
 * not wait for them.
 */
import type { LoadResult } from '../core/model/types.ts';
import { asLoadResult, failure, fetchBytes, MAX_MAP_BYTES, parseJson } from './fetch-map.ts';

const loader = () => import('../core/formats/index.ts');

/**
 * Opens the first map among `files`; the others are the stored texts its quotes cite,
 * found by file name (a map citing `references/smith-2020.txt` finds `smith-2020.txt`).
 */
export async function openFiles(files: readonly File[]): Promise<{ result: LoadResult; name: string; text?: string }> {
  const mapFile = files.find((f) => /\.(ya?ml|json|graphml|xml)$/i.test(f.name)) ?? files[0];
  if (!mapFile) return { result: failure('(no file)', 'no file was given'), name: '' };
  if (mapFile.size > MAX_MAP_BYTES) {
    const size = (mapFile.size / 1048576).toFixed(1);
    return { result: failure(mapFile.name, `the file is too large (${size} MB; at most 10 MB)`), name: mapFile.name };
  }
  const text = await mapFile.text();
  const byName = new Map(files.filter((f) => f !== mapFile).map((f) => [f.name, f]));
  const { loadAnyMap } = await loader();
  const result = await loadAnyMap({
    fileName: mapFile.name,
    content: text,
    readReference: async (path) => {
      const file = byName.get(path.split('/').pop() ?? path);
      return file ? new Uint8Array(await file.arrayBuffer()) : null;
    },
  });
  return { result, name: mapFile.name, text };
}

/** Opens the map kept from an earlier visit (its text was kept in the browser). */
export async function openText(name: string, text: string): Promise<LoadResult> {
  const { loadAnyMap } = await loader();
  return loadAnyMap({ fileName: name, content: text, readReference: async () => null });
}

/**
 * Opens the map at `address`, relative to `base`: a map the build published (`maps/<id>.json`,
 * taken as it is), or a map file in any format, checked here as the build checks it, with its
 * stored texts fetched from beside it. Only http(s) addresses are fetched; other servers must
 * allow cross-origin reads. Never rejects.
 */
export async function openUrl(address: string, base = document.baseURI): Promise<LoadResult> {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return failure(address, 'is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failure(address, 'only http(s) addresses can be opened');
  }
  // Problems name the file as its author knows it.
  const file = fileNameOf(url) || address;
  const content = await fetchBytes(url, file);
  if (!(content instanceof Uint8Array)) return content;
  if (/\.json$/i.test(file)) {
    const published = asLoadResult(parseJson(new TextDecoder().decode(content)));
    if (published) return published;
  }
  const { loadAnyMap } = await loader();
  return loadAnyMap({
    fileName: file,
    content,
    readReference: async (path) => {
      const bytes = await fetchBytes(new URL(path, url), path);
      return bytes instanceof Uint8Array ? bytes : null;
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
