/**
 * Defensive reading of a loaded map that may not fit the schema yet, so the cross-reference
 * and source checks can run — and report — alongside schema problems. Anything of the wrong
 * shape is simply skipped here; the schema check reports it.
 */
import type { FieldPath } from './issue.ts';

export type RawRecord = Record<string, unknown>;

export interface RawEntry {
  path: FieldPath;
  item: RawRecord;
}

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document root as an entry (empty when the root is not a mapping). */
export function rootEntry(root: unknown): RawEntry {
  return { path: [], item: isRecord(root) ? root : {} };
}

/** The mapping items of the list at `parent[key]`, each with its own path. */
export function entriesOf(parent: RawEntry, key: string): RawEntry[] {
  const list = parent.item[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((element, index) =>
    isRecord(element) ? [{ path: [...parent.path, key, index], item: element }] : [],
  );
}

/** The text items of the list at `entry[key]`, each with its own path. */
export function textsOf(entry: RawEntry, key: string): { path: FieldPath; text: string }[] {
  const list = entry.item[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((element, index) =>
    typeof element === 'string' ? [{ path: [...entry.path, key, index], text: element }] : [],
  );
}

/** `entry[key]` when it is text. */
export function textOf(entry: RawEntry, key: string): string | undefined {
  const value = entry.item[key];
  return typeof value === 'string' ? value : undefined;
}

/** Every evidence item of every concept and relation. */
export function evidenceEntries(root: RawEntry): RawEntry[] {
  return ['nodes', 'edges'].flatMap((kind) =>
    entriesOf(root, kind).flatMap((owner) => entriesOf(owner, 'evidence')),
  );
}
