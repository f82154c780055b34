/**
 * Problems as the checking stages see them: tied to a field path, not yet to a line.
 * The loader turns each into a located `Problem` once it knows where the path sits in the file.
 */

/** Keys and indices leading from the document root to a field, e.g. ['nodes', 3, 'evidence']. */
export type FieldPath = readonly (string | number)[];

export interface Issue {
  path: FieldPath;
  message: string;
  hint?: string;
  /** Point at the field's key instead of its value (e.g. for a field that should not be there). */
  at?: 'key' | 'value';
  severity?: 'error' | 'warning';
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path as authors read it: `nodes[3].evidence[0].quote`; odd keys in brackets, `["a b"]`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Writes a name as code in a message: `name`. */
export function code(name: string): string {
  return `\`${name}\``;
}
