/**
 * Loads a map from disk (Node only): the core loader plus file access confined to the map's
 * folder. The core already refuses paths that leave the folder by their spelling; this side
 * also resolves symbolic links, so a link pointing outside cannot leak another file either.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadAnyMap } from '../../src/core/formats/index.ts';
import type { LoadResult } from '../../src/core/model/types.ts';

/**
 * Checks and resolves the map at `path`. Problems name the file as `displayName`, by default
 * its path relative to the working directory with forward slashes (`graph-data/x.yaml`).
 */
export async function loadMapFile(path: string, displayName = displayPath(path)): Promise<LoadResult> {
  let content: Uint8Array;
  try {
    content = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    const message = `cannot be read: ${reason}`;
    return { problems: [{ file: displayName, line: 1, column: 1, path: '', message, severity: 'error' }] };
  }
  const folder = dirname(resolve(path));
  return loadAnyMap({ fileName: displayName, content, readReference: (file) => readInside(folder, file) });
}

/** The file at `relativePath` under `folder`, or null if it is missing or really lies elsewhere. */
export async function readInside(folder: string, relativePath: string): Promise<Uint8Array | null> {
  const target = resolve(folder, relativePath);
  if (!isInside(folder, target)) return null;
  try {
    const [realFolder, realTarget] = await Promise.all([realpath(folder), realpath(target)]);
    if (!isInside(realFolder, realTarget)) return null;
    if (!(await stat(realTarget)).isFile()) return null;
    return await readFile(realTarget);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isInside(folder: string, target: string): boolean {
  const path = relative(folder, target);
  return path !== '' && !isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`);
}

/** `path` relative to the working directory with forward slashes, when it lies below it. */
export function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), resolve(path));
  const shown = isInside(process.cwd(), resolve(path)) ? fromCwd : path;
  return shown.split(sep).join('/');
}
