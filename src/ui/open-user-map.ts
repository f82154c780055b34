/**
 * Opening maps the reader brings: files picked or dropped on the page (with the stored source
 * texts they quote, picked alongside), an address (`?graph=` in the app, `src` of the
 * `<patho-map>` element), or the map kept from an earlier visit (see `kept-map.ts`). Any format Pathomap reads.
 * The checker and the importers are loaded only now, so the flagship map's first paint does
 * not wait for them.
 */
import type { LoadResult } from '../core/model/types.ts';
import { asLoadResult, failure, fetchBytes, MAX_MAP_BYTES, parseJson } from './fetch-map.ts';
import type { KeptMap, KeptSource } from './kept-map.ts';

const loader = () => import('../core/formats/index.ts');

/** The file picked as the map, when several are: the first of a kind Pathomap reads. */
const MAP_FILE_NAME = /\.(ya?ml|json|graphml|xml|cxl)$/i;

/**
 * Opens the first map among `files`; the others are the stored texts its quotes cite,
 * found by file name (a map citing `references/smith-2020.txt` finds `smith-2020.txt`).
 * Gives back, to keep, the map with the texts it read (not the other files picked with it).
 */
export async function openFiles(files: readonly File[]): Promise<{ result: LoadResult; name: string; kept?: KeptMap }> {
  const mapFile = files.find((f) => MAP_FILE_NAME.test(f.name)) ?? files[0];
  if (!mapFile) return { result: failure('(no file)', 'no file was given'), name: '' };
  if (mapFile.size > MAX_MAP_BYTES) {
    const size = (mapFile.size / 1048576).toFixed(1);
    return { result: failure(mapFile.name, `the file is too large (${size} MB; at most 10 MB)`), name: mapFile.name };
  }
  const text = await mapFile.text();
  const byName = new Map(files.filter((f) => f !== mapFile).map((f) => [f.name, f]));
  const { result, sources } = await openWithSources(mapFile.name, text, async (name) => {
    const file = byName.get(name);
    return file ? new Uint8Array(await file.arrayBuffer()) : null;
  });
  return { result, name: mapFile.name, kept: { name: mapFile.name, text, sources } };
}

/** Opens a map kept from an earlier visit, with the source texts kept along with it. */
export async function openKept(kept: KeptMap): Promise<LoadResult> {
  const byName = new Map(kept.sources.map((source) => [source.name, source.bytes]));
  return (await openWithSources(kept.name, kept.text, async (name) => byName.get(name) ?? null)).result;
}

/** Loads a map whose stored texts are found by file name; says which texts it read. */
async function openWithSources(
  fileName: string,
  text: string,
  byName: (name: string) => Promise<Uint8Array | null>,
): Promise<{ result: LoadResult; sources: KeptSource[] }> {
  const { loadAnyMap } = await loader();
  const sources = new Map<string, Uint8Array>();
  const result = await loadAnyMap({
    fileName,
    content: text,
    readReference: async (path) => {
      const name = path.split('/').pop() ?? path;
      const bytes = sources.get(name) ?? (await byName(name));
      if (bytes) sources.set(name, bytes);
      return bytes;
    },
  });
  return { result, sources: [...sources].map(([name, bytes]) => ({ name, bytes })) };
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
