/**
 * Loads a map file: bytes → text → YAML → schema → cross-references → stored sources →
 * resolved map, collecting every problem found on the way, each located at a line and column.
 *
 * Pure: no DOM, no Node APIs. The caller supplies the content and a way to read the stored
 * texts, so the same code runs in the checker, the build and the browser.
 */
import { isMap, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { createLineIndex } from './line-index.ts';
import { checkIntegrity } from './integrity.ts';
import { formatFieldPath, type FieldPath, type Issue } from './issue.ts';
import { createLocator, type Locator } from './locate.ts';
import { resolveMap } from './resolve.ts';
import { checkAgainstSchema, type SchemaOptions } from './schema.ts';
import { checkSources, MAX_FILE_BYTES, megabytes, type ReadReference } from './sources.ts';
import type { LoadResult, MapFile, Problem } from '../model/types.ts';
import { decodeUtf8, stripBom, utf8ByteLength } from './utf8.ts';
import { mapIdOf } from '../model/map-id.ts';

export { MAX_FILE_BYTES };

export interface MapSource {
  /** The file as the user should see it named in problems, e.g. "graph-data/calcinosis-ssc.yaml". */
  fileName: string;
  content: string | Uint8Array;
  /** Reads a stored text by its path relative to the map's folder; null when there is none. */
  readReference?: ReadReference;
}

/**
 * Alias expansions allowed per alias, relative to the document's size (see the `yaml` docs).
 * Maps have little use for aliases, so a small budget ends "billion laughs" documents at once.
 */
const MAX_ALIAS_COUNT = 100;

const REQUIRED_FIELDS = '`title`, `references`, `categories`, `nodes` and `edges`';

/** Checks and resolves a map. Never throws: anything unexpected becomes a problem at 1:1. */
export async function loadMap(source: MapSource): Promise<LoadResult> {
  try {
    return await loadChecked(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [problemAtStart(source.fileName, `could not be loaded: ${reason}`)] };
  }
}

async function loadChecked(source: MapSource): Promise<LoadResult> {
  const text = decodeContent(source);
  if (typeof text !== 'string') return { problems: [text] };
  const parsed = parseMapDocument(source.fileName, text);
  if (!parsed.ok) return { problems: sortProblems(parsed.problems) };
  return checkMapData(source, parsed);
}

/** Map data read from a file, not yet checked, with the means to point into that file. */
export interface MapData {
  data: unknown;
  locate: Locator;
  /** How problems name a field: as the data does, unless an importer names it as the user's file does. */
  nameOf?: (path: FieldPath) => string;
  /** Problems found while reading; an error among them keeps the map from being drawn. */
  problems: Problem[];
}

/**
 * Checks map data — from a Pathomap file, or imported from another format — against the
 * schema, its cross-references and its stored sources, and resolves it when it can be drawn.
 */
export async function checkMapData(
  source: Pick<MapSource, 'fileName' | 'readReference'>,
  { data, locate, nameOf = formatFieldPath, problems: readProblems }: MapData,
  options: SchemaOptions = {},
): Promise<LoadResult> {
  const shapeIssues = checkAgainstSchema(data, options);
  const integrityIssues = checkIntegrity(data, (path) => `${nameOf(path)} on line ${locate(path).line}`);
  const sources = await checkSources(data, source.readReference);
  const problems = sortProblems([
    ...readProblems,
    ...[...shapeIssues, ...integrityIssues, ...sources.issues].map((issue) =>
      locatedProblem(source.fileName, issue, locate, nameOf),
    ),
  ]);

  // Problems with stored sources leave the map drawable (quotes show as unverified);
  // problems with reading it, its shape or cross-references do not.
  const readable = readProblems.every((p) => p.severity !== 'error');
  if (!readable || hasErrors(shapeIssues) || hasErrors(integrityIssues)) return { problems };
  // Without schema errors, the data is a MapFile.
  return { map: resolveMap(mapIdOf(source.fileName), data as MapFile, sources), problems };
}

export type ParsedMap =
  | { ok: true; data: unknown; locate: Locator; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Parses the text (YAML, or JSON, which is YAML too) as one mapping; `problems` holds the
 * parser's warnings (or errors).
 */
export function parseMapDocument(file: string, text: string): ParsedMap {
  const warnings: Problem[] = [];
  const fail = (message: string, where = { line: 1, column: 1 }, hint?: string): ParsedMap => ({
    ok: false,
    problems: [...warnings, { file, ...where, path: '', message, ...(hint ? { hint } : {}), severity: 'error' }],
  });
  if (text.trim() === '') return fail('the file is empty', undefined, `a map needs ${REQUIRED_FIELDS}`);

  // prettyErrors is off: it appends a source excerpt to each message; we report positions
  // instead. logLevel 'error' keeps the library from printing warnings of its own (e.g. about
  // a mapping used as a key, which the schema check then reports as an unknown field).
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const at = createLineIndex(text);
  warnings.push(...doc.warnings.map((w) => yamlProblem(file, w, 'warning', at)));
  // After a syntax error the structure is guesswork; further checks would only add noise.
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => yamlProblem(file, e, 'error', (offset) => at(unclosedQuoteStart(text, e) ?? offset)));
    return { ok: false, problems: [...warnings, ...problems] };
  }

  if (doc.contents === null) return fail('the file holds no data, only comments', undefined, `a map needs ${REQUIRED_FIELDS}`);
  if (!isMap(doc.contents)) {
    return fail(`the top level must be a mapping with ${REQUIRED_FIELDS}`, at(doc.contents.range?.[0] ?? 0));
  }
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, data, locate: createLocator(doc, at), problems: warnings };
  } catch (error) {
    // The yaml library signals runaway alias expansion with a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    return fail('aliases (*name) expand to too much data', at(firstAliasOffset(doc)));
  }
}

function hasErrors(issues: Issue[]): boolean {
  return issues.some((issue) => (issue.severity ?? 'error') === 'error');
}

/** The source as text without BOM, or the problem that prevents reading it. */
export function decodeContent({ fileName, content }: MapSource): string | Problem {
  const size = typeof content === 'string' ? utf8ByteLength(content) : content.length;
  if (size > MAX_FILE_BYTES) {
    return problemAtStart(fileName, `the file is too large (${megabytes(size)}; at most ${megabytes(MAX_FILE_BYTES)})`, 'split the map into several maps');
  }
  if (typeof content === 'string') return stripBom(content);
  const decoded = decodeUtf8(content);
  if (decoded.ok) return decoded.text;
  return {
    file: fileName,
    line: decoded.line,
    column: decoded.column,
    path: '',
    message: 'the file is not valid UTF-8 text',
    hint: `save it as UTF-8; the first invalid byte is at offset ${decoded.byteOffset}`,
    severity: 'error',
  };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * Where a quoted string that never closes begins. The parser reports it where it gave up: at the
 * end of the file when the string runs to the end, which tells the author nothing. A string that
 * runs to the end holds no unescaped quote of its kind, so its opening quote is the last one.
 */
function unclosedQuoteStart(text: string, error: YAMLError): number | undefined {
  const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(error.message)?.[1] : undefined;
  if (!quote || text.slice(error.pos[0]).trim() !== '') return undefined;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    // Escaped: \" inside double quotes, '' inside single ones.
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    return i;
  }
  return undefined;
}

/** Plainer words and a fix for the YAML errors authors meet most often. */
const YAML_EXPLANATIONS: Partial<Record<string, { message?: string; hint: string }>> = {
  DUPLICATE_KEY: { hint: 'this key appears earlier in the same mapping; keep one' },
  MULTIPLE_DOCS: { message: 'the file holds more than one YAML document', hint: 'a map file holds one document; remove the extra `---`' },
  TAB_AS_INDENT: { hint: 'indent with spaces, not tabs' },
};

function yamlProblem(
  file: string,
  error: YAMLError,
  severity: Problem['severity'],
  at: (offset: number) => { line: number; column: number },
): Problem {
  const explanation = YAML_EXPLANATIONS[error.code];
  // The parser's messages read as sentences ("Map keys must be unique"); lower-case them like ours.
  const message = explanation?.message ?? error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return { file, ...at(error.pos[0]), path: '', message, ...(explanation ? { hint: explanation.hint } : {}), severity };
}

function locatedProblem(
  file: string,
  issue: Issue,
  locate: Locator,
  nameOf: (path: FieldPath) => string,
): Problem {
  return {
    file,
    ...locate(issue.path, issue.at),
    path: nameOf(issue.path),
    message: issue.message,
    ...(issue.hint ? { hint: issue.hint } : {}),
    severity: issue.severity ?? 'error',
  };
}

export function problemAtStart(file: string, message: string, hint?: string): Problem {
  return { file, line: 1, column: 1, path: '', message, ...(hint ? { hint } : {}), severity: 'error' };
}

/** Sorts problems in place by where they are in the file. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
