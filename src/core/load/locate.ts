/**
 * Maps a field path back to where it is written in the YAML (or JSON) source.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath } from './issue.ts';
import type { Position, PositionOf } from './line-index.ts';

export type { Position } from './line-index.ts';

export type Locator = (path: FieldPath, at?: 'key' | 'value') => Position;

/**
 * Returns a function giving the 1-based line and column of a path's value (or key). When the
 * path does not exist in full — e.g. a required field is missing — it points at the deepest
 * part that does, which for a missing field is the mapping that should hold it.
 */
export function createLocator(doc: Document, positionOf: PositionOf): Locator {
  return (path, at = 'value') => {
    let node: Node | null | undefined = doc.contents;
    let offset = node?.range?.[0] ?? 0;
    for (const [i, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(doc);
      const child = childOf(node, segment);
      if (!child) break;
      const isLast = i === path.length - 1;
      const target = isLast && at === 'key' && child.key ? child.key : child.value;
      if (target?.range) offset = target.range[0];
      else if (child.key?.range) offset = child.key.range[0];
      node = child.value;
    }
    return positionOf(offset);
  };
}

/** The key and value nodes of `segment` in a mapping or sequence node, if present. */
function childOf(
  node: Node | null | undefined,
  segment: string | number,
): { key?: Node; value: Node | null | undefined } | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | null | undefined;
    return item === undefined ? undefined : { value: item };
  }
  if (isMap(node)) {
    // Keys become strings in the loaded data (`1:` is "1"), so compare them as strings;
    // the last of several equal keys wins, as in the loaded data.
    for (let k = node.items.length - 1; k >= 0; k--) {
      const pair = node.items[k]!;
      if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        return { key: pair.key, value: pair.value as Node | null };
      }
    }
  }
  return undefined;
}
