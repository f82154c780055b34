/**
 * Opening maps the reader brings: files picked or dropped on the page (with the stored source
 * texts they quote, picked alongside), or an address given as `?graph=`. The checker and the
 * importers are loaded only now, so the flagship map's first paint does not wait for them.
 */
import type { LoadResult } from '../core/types.ts';
import { failure } from './fetch-map.ts';

/** Larger files are refused before they are read (the checker's own limit is the same). */
export const MAX_MAP_BYTES = 10 * 1024 * 1024;

const loader = () => import('../core/formats/index.ts');

/**
 * Opens the first map among `files`; the others are the stored texts its quotes cite,
 * found by file name (a map citing `references/smith-2020.txt` finds `smith-2020.txt`).
 */
export async function openFiles(files: readonly File[]): Promise<{ result: LoadResult; name: string; text?: string }> {
  const mapFile = files.find((f) => /\.(ya?ml|json|graphml|xml)$/i.test(f.name)) ?? files[0];
  if (!mapFile) return { result: failure('(no file)', 'no file was given'), name: '' };
  if (mapFile.size > MAX_MAP_BYTES) {
    return {
      result: failure(mapFile.name, `the file is too large (${(mapFile.size / 1048576).toFixed(1)} MB; at most 10 MB)`),
      name: mapFile.name,
    };
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

/** Opens the map saved from an earlier visit (its text was kept in the browser). */
export async function openText(name: string, text: string): Promise<LoadResult> {
  const { loadAnyMap } = await loader();
  return loadAnyMap({ fileName: name, content: text, readReference: async () => null });
}

/**
 * Opens the map at `address` (this site, or any server that allows cross-origin reads), with
 * its stored texts fetched from beside it. Only http(s) addresses are fetched.
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
  const name = decodeURIComponent(url.pathname.split('/').pop() || url.host);
  const bytes = await fetchLimited(url, name);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const { loadAnyMap } = await loader();
  return loadAnyMap({
    fileName: name,
    content: bytes,
    readReference: async (path) => {
      const referenceBytes = await fetchLimited(new URL(path, url), path);
      return referenceBytes instanceof Uint8Array ? referenceBytes : null;
    },
  });
}

/** The bytes at `url`, refusing more than MAX_MAP_BYTES without reading them all. */
async function fetchLimited(url: URL, name: string): Promise<Uint8Array | LoadResult> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch (error) {
    return failure(name, `could not be fetched (${error instanceof Error ? error.message : 'network error'}); the server must allow cross-origin reads`);
  }
  if (!response.ok) return failure(name, `could not be fetched (HTTP ${response.status})`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_MAP_BYTES) return failure(name, 'the file is too large (at most 10 MB)');
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_MAP_BYTES) {
      await reader.cancel();
      return failure(name, 'the file is too large (at most 10 MB)');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
