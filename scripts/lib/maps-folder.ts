/**
 * The maps of a folder such as `graph-data/`, as the checker and the build see them: every
 * `*.yaml`, `*.yml` or `*.json` map except the schema and saved layouts, each loaded together
 * with its saved layout (`<map id>.layout.json`) when there is one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyLayout, LAYOUT_FILE_SUFFIX, parseLayout } from '../../src/core/layout/saved-layout.ts';
import type { LoadResult } from '../../src/core/model/types.ts';
import { displayPath, loadMapFile } from './load-map-file.ts';

const MAP_FILE = /\.(ya?ml|json)$/i;

export function isMapFileName(name: string): boolean {
  return MAP_FILE.test(name) && name !== 'schema.json' && !name.endsWith(LAYOUT_FILE_SUFFIX);
}

/** Map file names in `dir`, sorted; [] when the folder does not exist. */
export async function listMapFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter(isMapFileName).sort();
}

export function layoutPathFor(mapPath: string): string {
  return join(dirname(mapPath), basename(mapPath).replace(MAP_FILE, '') + LAYOUT_FILE_SUFFIX);
}

/** Loads a map and applies its saved layout, reporting the layout file's problems too. */
export async function loadMapWithLayout(path: string, displayName = displayPath(path)): Promise<LoadResult> {
  const result = await loadMapFile(path, displayName);
  const layoutPath = layoutPathFor(path);
  const text = await readFile(layoutPath, 'utf8').catch(() => undefined);
  if (text === undefined || !result.map) return result;
  const layoutName = displayPath(layoutPath);
  const parsed = parseLayout(text, layoutName);
  if (!parsed.layout) return { ...result, problems: [...result.problems, ...parsed.problems] };
  const applied = applyLayout(result.map, parsed.layout, layoutName);
  return { map: applied.map, problems: [...result.problems, ...applied.problems] };
}
