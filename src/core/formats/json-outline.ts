/**
 * One linear pass over JSON text that builds nothing: the keys of the top-level object (enough
 * to tell the formats apart) and the first place where nesting goes too deep.
 *
 * The depth check runs before the YAML parser reads the JSON: that parser recurses once per
 * level, so 100 000 nested brackets would take it seconds to reject, and report no useful place.
 */

/** Far deeper than any map or graph file needs (a Pathomap file nests about 7 levels). */
export const MAX_JSON_DEPTH = 100;

/** More top-level keys than this say nothing more about the format. */
const MAX_KEYS = 1000;

export interface JsonOutline {
  /** Keys of the top-level object, in order (none when the top level is not an object). */
  topLevelKeys: string[];
  /** Offset of the first bracket beyond `maxDepth` levels, if any. */
  tooDeepAt?: number;
}

export function outlineJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonOutline {
  const topLevelKeys: string[] = [];
  const quoteOrEscape = /["\\]/g;
  // Keys are collected only from an object at the very top, not from a list there.
  const topIsObject = text[text.search(/\S/)] === '{';
  let depth = 0;
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (character === '"') {
      const end = endOfString(text, i, quoteOrEscape);
      if (end === -1) break; // unterminated: the parser will say where
      if (expectingKey && depth === 1 && topLevelKeys.length < MAX_KEYS) {
        topLevelKeys.push(unescape(text.slice(i, end + 1)));
      }
      expectingKey = false;
      i = end;
    } else if (character === '{' || character === '[') {
      depth++;
      if (depth > maxDepth) return { topLevelKeys, tooDeepAt: i };
      expectingKey = depth === 1 && topIsObject;
    } else if (character === '}' || character === ']') {
      depth--;
    } else if (character === ',' && depth === 1) {
      expectingKey = topIsObject;
    }
  }
  return { topLevelKeys };
}

/** Offset of the quote closing the string that opens at `start`, or -1. */
function endOfString(text: string, start: number, quoteOrEscape: RegExp): number {
  quoteOrEscape.lastIndex = start + 1;
  for (let match = quoteOrEscape.exec(text); match; match = quoteOrEscape.exec(text)) {
    if (match[0] === '"') return match.index;
    quoteOrEscape.lastIndex = match.index + 2; // skip the escaped character
  }
  return -1;
}

function unescape(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
