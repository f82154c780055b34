/**
 * Checks a reference's `file` before anything reads it. A map may only point at files inside
 * its own folder, so a shared or downloaded map cannot make the checker, the build or the app
 * read (and publish) anything else. Pure string logic: it runs in the browser too.
 */

export type ReferencePathResult = { ok: true; path: string } | { ok: false; reason: string };

/** Validates `file` and returns it normalised (`./a//b.txt` → `a/b.txt`), or why it is refused. */
export function checkReferencePath(file: string): ReferencePathResult {
  if (/[\u0000-\u001f\u007f]/.test(file)) return refuse('contains a control character');
  if (file.includes('\\')) return refuse('contains a backslash; use / between folders');
  if (file.startsWith('/')) return refuse('is an absolute path; give it relative to the map file');
  // Catches URL schemes (https:, file:) and drive letters (C:) alike.
  if (file.includes(':')) return refuse('contains ":"; give a relative path, not a URL or drive');

  const segments: string[] = [];
  for (const segment of file.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return refuse("leaves the map's folder");
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return refuse('names a folder, not a file');
  return { ok: true, path: segments.join('/') };
}

function refuse(reason: string): ReferencePathResult {
  return { ok: false, reason };
}
