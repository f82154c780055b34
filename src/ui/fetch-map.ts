import { isMapId } from '../core/model/map-id.ts';
import type { LoadResult } from '../core/model/types.ts';
import { EMBEDDED_MAP_ID, embeddedMapJson } from './embedded-map.ts';

export const DEFAULT_MAP_ID = 'calcinosis-ssc';

/** The map named by `?map=`, or the flagship map. */
export function mapIdFromUrl(search: string): string {
  const id = new URLSearchParams(search).get('map');
  return id && isMapId(id) ? id : DEFAULT_MAP_ID;
}

/**
 * The map the page carries inside itself (a standalone page, which opens from file:// without
 * a single request), or else the map checked and published by the build (`maps/<id>.json`).
 * Never rejects: a network or format failure comes back as a located problem.
 */
export async function fetchMap(id: string, base = './'): Promise<LoadResult> {
  const embedded = embeddedMapJson();
  if (embedded !== undefined) {
    return asLoadResult(parseJson(embedded)) ?? failure(`#${EMBEDDED_MAP_ID}`, 'the map in this page is damaged');
  }
  const file = `maps/${id}.json`;
  const content = await fetchBytes(new URL(base + file, document.baseURI), file, `there is no map named "${id}"`);
  if (!(content instanceof Uint8Array)) return content;
  return asLoadResult(parseJson(new TextDecoder().decode(content))) ?? failure(file, 'not a Pathomap map payload');
}

/** Larger files are refused without being read whole (the checker's own limit is the same). */
export const MAX_MAP_BYTES = 10 * 1024 * 1024;

/**
 * The bytes at `url`, or the problem (named after `file`) that stands in for them. More than
 * MAX_MAP_BYTES are refused as they arrive, not after.
 */
export async function fetchBytes(url: URL, file: string, notFound = 'not found'): Promise<Uint8Array | LoadResult> {
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (isWebPage(response)) return failure(file, `${notFound}: the server sent a web page instead`);
    if (!response.ok) {
      return failure(file, response.status === 404 ? notFound : `could not load the map (HTTP ${response.status})`);
    }
    const bytes = await readLimited(response);
    return bytes ?? failure(file, `the file is too large (at most ${MAX_MAP_BYTES / 1048576} MB)`);
  } catch (error) {
    return failure(file, `could not load the map: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readLimited(response: Response): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_MAP_BYTES) return undefined;
  const reader = response.body?.getReader();
  if (!reader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.length > MAX_MAP_BYTES ? undefined : whole;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > MAX_MAP_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export function isWebPage(response: Response): boolean {
  return /^text\/html\b/i.test(response.headers.get('Content-Type') ?? '');
}

/** `value` if it has the shape of a load result (what the build publishes), else undefined. */
export function asLoadResult(value: unknown): LoadResult | undefined {
  const result = value as Partial<LoadResult> | null;
  return result && typeof result === 'object' && Array.isArray(result.problems) ? (result as LoadResult) : undefined;
}

export function failure(file: string, message: string): LoadResult {
  return { problems: [{ file, line: 1, column: 1, path: '', message, severity: 'error' }] };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
