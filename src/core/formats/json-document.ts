/**
 * Reads a JSON document with the positions that problems need.
 *
 * JSON is YAML, so the YAML parser could read it with positions, but on a large graph it is
 * some fifty times slower than JSON.parse. So JSON.parse reads the data, and the YAML parser
 * runs only when a position is asked for, which is when the file has problems. Text that is
 * not valid JSON goes to the YAML parser at once, which locates its errors (or reads it, if
 * it is YAML, such as JSON with comments).
 */
import { parseDocument } from 'yaml';
import { createLineIndex } from '../load/line-index.ts';
import { parseMapDocument, sortProblems, type ParsedMap } from '../load/load.ts';
import { createLocator, type Locator } from '../load/locate.ts';

export function readJsonDocument(file: string, text: string): ParsedMap {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return notQuiteJson(file, text, error);
  }
  let locator: Locator | undefined;
  const locate: Locator = (path, at) => (locator ??= locatorOf(text))(path, at);
  return { ok: true, data, locate, problems: [] };
}

function locatorOf(text: string): Locator {
  // Only positions are needed; the text is known to be valid JSON, and a repeated key is
  // located as the data has it (the last one wins, in JSON.parse and in the locator alike).
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  return createLocator(doc, createLineIndex(text));
}

/**
 * Text that JSON.parse refused: YAML may still read it (comments, a trailing comma). If not,
 * the YAML parser's first error is where the JSON breaks, and the only one worth showing: the
 * rest follow from it, in YAML's terms. JSON.parse's own words say better what is wrong.
 */
function notQuiteJson(file: string, text: string, error: unknown): ParsedMap {
  const parsed = parseMapDocument(file, text);
  const [first] = sortProblems(parsed.problems.filter((p) => p.severity === 'error'));
  if (parsed.ok || !first) return parsed;
  return { ok: false, problems: [{ ...first, message: `not valid JSON: ${jsonReason(error)}` }] };
}

/** The reason in JSON.parse's message, without the engine's prefix and its own idea of the position. */
function jsonReason(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error))
    .replace(/^JSON(\.parse:| Parse error:)\s*/, '') // Firefox, Safari
    .replace(/,\s*".*" is not valid JSON$/s, '') // Chrome, quoting the text
    .replace(/\s+(in JSON\s+)?at (position|line) .*$/s, ''); // Chrome; Firefox
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}
