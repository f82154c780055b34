/**
 * Where each field of an imported map came from in the user's file.
 *
 * The loader checks an imported map in Pathomap's own shape (`nodes[3].category`), but the
 * user must be told about their file (`elements.nodes[3].data.group`, or a GraphML element at
 * line 40). Importers record an origin for every field they fill; the loader then asks for the
 * origin of any path it has a problem with, and gets the deepest recorded one.
 */
import { formatFieldPath, type FieldPath } from '../load/issue.ts';
import type { Locator, Position } from '../load/locate.ts';

/** A place in the user's file: how problems name it, and where it is written. */
export interface Place extends Position {
  path: string;
}

/**
 * The origin of one field of the imported map. Given the rest of a problem's path below that
 * field (say `[0, 'quote']` inside imported evidence) it names and finds that part of the file.
 */
export type Origin = (rest: FieldPath, at: 'key' | 'value') => Place;

/** A field read from a JSON document, located by the YAML parser's positions. */
export function jsonOrigin(sourcePath: FieldPath, locate: Locator): Origin {
  return (rest, at) => {
    const path = [...sourcePath, ...rest];
    return { path: formatFieldPath(path), ...locate(path, at) };
  };
}

/** A field read at a fixed place, e.g. an XML attribute; deeper paths are appended to its name. */
export function fixedOrigin(name: string, position: Position): Origin {
  return (rest) => ({ path: name + pathSuffix(rest), ...position });
}

export class OriginTable {
  private readonly origins = new Map<string, Origin>();

  constructor(root: Origin) {
    this.record([], root);
  }

  /** Says that the imported field at `path`, and everything below it, came from `origin`. */
  record(path: FieldPath, origin: Origin): void {
    this.origins.set(keyOf(path), origin);
  }

  placeOf(path: FieldPath, at: 'key' | 'value' = 'value'): Place {
    for (let length = path.length; length >= 0; length--) {
      const origin = this.origins.get(keyOf(path.slice(0, length)));
      if (origin) return origin(path.slice(length), at);
    }
    throw new Error('an origin table always knows the root');
  }

  /** The loader's view: positions, and paths as the user's file names them. */
  readonly locate: Locator = (path, at) => {
    const { line, column } = this.placeOf(path, at);
    return { line, column };
  };

  readonly nameOf = (path: FieldPath): string => this.placeOf(path).path;
}

function keyOf(path: FieldPath): string {
  return path.join('\u0000');
}

/** `[0, 'quote']` → `[0].quote`; `['level']` → `.level`. */
function pathSuffix(rest: FieldPath): string {
  const formatted = formatFieldPath(rest);
  return formatted === '' || formatted.startsWith('[') ? formatted : `.${formatted}`;
}
