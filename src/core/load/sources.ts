/**
 * Grounding evidence in the stored source texts: reads each reference's `file` (only after
 * checking that it stays inside the map's folder) and finds every quote in it.
 *
 * Problems here leave the map drawable — an unverified quote is shown as such — so the
 * loader still returns the map with them, while the checker fails on them.
 */
import { code, type Issue } from './issue.ts';
import { entriesOf, evidenceEntries, rootEntry, textOf, type RawEntry, type RawRecord } from './raw-map.ts';
import { checkReferencePath } from './reference-path.ts';
import { closestPassage, createQuoteFinder, type QuoteFinder } from './text.ts';
import type { TextSpan } from '../model/types.ts';
import { decodeUtf8, stripBom, utf8ByteLength } from './utf8.ts';

export type ReadReference = (relativePath: string) => Promise<string | Uint8Array | null>;

/** The largest stored text the loader reads (and the largest map file). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface StoredText {
  text: string;
  finder: QuoteFinder;
}

export interface SourceCheck {
  /** Stored texts by reference id, for the references whose file could be read. */
  texts: Map<string, StoredText>;
  /** Where each verified quote sits, by its evidence item (the loaded object itself). */
  spans: Map<RawRecord, TextSpan>;
  issues: Issue[];
}

export async function checkSources(
  root: unknown,
  readReference: ReadReference | undefined,
): Promise<SourceCheck> {
  const map = rootEntry(root);
  const references = firstReferenceById(map);
  const { texts, issues } = await readStoredTexts(references, readReference);
  const spans = new Map<RawRecord, TextSpan>();

  for (const evidence of evidenceEntries(map)) {
    const refId = textOf(evidence, 'ref');
    const reference = refId === undefined ? undefined : references.get(refId);
    if (refId === undefined || reference === undefined) continue; // unknown refs: integrity check
    const file = textOf(reference, 'file');
    const quote = textOf(evidence, 'quote');
    const finding = textOf(evidence, 'finding');

    if (quote !== undefined && file === undefined) {
      issues.push({
        path: [...evidence.path, 'quote'],
        message: `cannot be checked: reference ${code(refId)} has no stored \`file\``,
        hint: 'store the source as a text file named in the reference, or state a `finding` with its `level`',
      });
    } else if (quote !== undefined && file !== undefined) {
      const stored = texts.get(refId);
      if (!stored) continue; // the file's own problem is reported once, at the reference
      const span = stored.finder.find(quote);
      if (span) spans.set(evidence.item, span);
      else {
        const passage = closestPassage(stored.text, quote);
        issues.push({
          path: [...evidence.path, 'quote'],
          message: `not found in ${file}`,
          hint: passage ? `closest passage: "${passage}"` : 'no similar passage in the file',
        });
      }
    } else if (finding !== undefined && file !== undefined) {
      issues.push({
        path: [...evidence.path, 'finding'],
        message: `reference ${code(refId)} has a stored file: quote it instead`,
        hint: 'replace `finding` and `level` by a verbatim `quote` from the file',
      });
    }
  }
  return { texts, spans, issues };
}

/** References by id; a repeated id is the integrity check's concern, so the first one counts. */
function firstReferenceById(map: RawEntry): Map<string, RawEntry> {
  const byId = new Map<string, RawEntry>();
  for (const reference of entriesOf(map, 'references')) {
    const id = textOf(reference, 'id');
    if (id !== undefined && !byId.has(id)) byId.set(id, reference);
  }
  return byId;
}

async function readStoredTexts(
  references: Map<string, RawEntry>,
  readReference: ReadReference | undefined,
): Promise<{ texts: Map<string, StoredText>; issues: Issue[] }> {
  const texts = new Map<string, StoredText>();
  const issues: Issue[] = [];
  // Several references may share a file; read and index it once.
  const reads = new Map<string, Promise<StoredText | Unreadable>>();

  await Promise.all(
    [...references].map(async ([id, reference]) => {
      const file = textOf(reference, 'file');
      if (file === undefined) return;
      const path = [...reference.path, 'file'];
      const checked = checkReferencePath(file);
      if (!checked.ok) {
        const hint = "stored texts live in the map's folder, e.g. references/author-2015.txt";
        issues.push({ path, message: checked.reason, hint });
        return;
      }
      if (!readReference) {
        const hint = 'this loader was given no way to read stored texts';
        issues.push({ path, message: `${file} cannot be read here`, hint });
        return;
      }
      let read = reads.get(checked.path);
      if (!read) reads.set(checked.path, (read = readStoredText(checked.path, readReference)));
      const result = await read;
      if ('problem' in result) {
        const hint = result.hint ? { hint: result.hint } : {};
        issues.push({ path, message: `${file} ${result.problem}`, ...hint });
      } else texts.set(id, result);
    }),
  );
  return { texts, issues };
}

/** Why a stored text cannot be used; `problem` completes the sentence "<file> …". */
interface Unreadable {
  problem: string;
  hint?: string;
}

async function readStoredText(path: string, readReference: ReadReference): Promise<StoredText | Unreadable> {
  let content: string | Uint8Array | null;
  try {
    content = await readReference(path);
  } catch (error) {
    return { problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (content === null) {
    return {
      problem: "not found in the map's folder",
      hint: "give the path relative to the map file's folder",
    };
  }

  const size = typeof content === 'string' ? utf8ByteLength(content) : content.length;
  if (size > MAX_FILE_BYTES) {
    return { problem: `is too large (${megabytes(size)}; at most ${megabytes(MAX_FILE_BYTES)})` };
  }

  let text: string;
  if (typeof content === 'string') text = stripBom(content);
  else {
    const decoded = decodeUtf8(content);
    if (!decoded.ok) {
      const where = `line ${decoded.line}, column ${decoded.column}`;
      return { problem: `is not UTF-8 text (invalid byte at ${where})`, hint: 'save it as UTF-8' };
    }
    text = decoded.text;
  }
  return { text, finder: createQuoteFinder(text) };
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
