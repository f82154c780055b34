import type { LoadResult } from '../core/types.ts';

export const DEFAULT_MAP_ID = 'calcinosis-ssc';
const MAP_ID = /^[A-Za-z0-9_.-]{1,100}$/;

/** The map named by `?map=`, or the flagship map. */
export function mapIdFromUrl(search: string): string {
  const id = new URLSearchParams(search).get('map');
  return id && MAP_ID.test(id) ? id : DEFAULT_MAP_ID;
}

/**
 * Fetches a map checked and published by the build (`maps/<id>.json`).
 * Never rejects: a network or format failure comes back as a located problem.
 */
export async function fetchMap(id: string, base = './'): Promise<LoadResult> {
  const file = `maps/${id}.json`;
  const fail = (message: string): LoadResult => ({
    problems: [{ file, line: 1, column: 1, path: '', message, severity: 'error' }],
  });
  try {
    const response = await fetch(base + file);
    if (!response.ok) {
      return fail(
        response.status === 404
          ? `there is no map named "${id}"`
          : `could not load the map (HTTP ${response.status})`,
      );
    }
    const result = (await response.json()) as LoadResult;
    if (!result || !Array.isArray(result.problems)) return fail('not a Pathomap map payload');
    return result;
  } catch (error) {
    return fail(`could not load the map: ${error instanceof Error ? error.message : String(error)}`);
  }
}
