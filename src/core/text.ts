/**
 * Finding quotes in a reference's stored text.
 *
 * A quote must be verbatim, except that whitespace may differ: stored texts come from PDFs and
 * web pages with arbitrary line breaks, and authors re-wrap quotes in YAML. So every run of
 * whitespace counts as one space on both sides, and nothing else is normalised.
 */
import type { TextSpan } from './types.ts';

const WHITESPACE = /\s/;

/** `\s` in JavaScript's sense (including no-break and other Unicode spaces), fast for ASCII. */
function isWhitespace(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return WHITESPACE.test(text[i]!);
}

/** A text prepared once for many quote searches. */
export interface QuoteFinder {
  /** Where `quote` occurs in the original text, or null when it does not (or is blank). */
  find(quote: string): TextSpan | null;
}

export function createQuoteFinder(text: string): QuoteFinder {
  const { normalised, originalIndex } = collapseWhitespace(text);
  return {
    find(quote) {
      const needle = collapseWhitespace(quote).normalised.trim();
      if (needle === '') return null;
      const at = normalised.indexOf(needle);
      if (at === -1) return null;
      // The needle is trimmed, so its first and last characters are not collapsed spaces.
      return { start: originalIndex[at]!, end: originalIndex[at + needle.length - 1]! + 1 };
    },
  };
}

/** Where `quote` occurs in `text`, whitespace-insensitively, as offsets into the original `text`. */
export function findQuote(text: string, quote: string): TextSpan | null {
  return createQuoteFinder(text).find(quote);
}

/**
 * Replaces each whitespace run by one space, remembering for every character of the result
 * the offset of the character it came from (a collapsed run maps to its first character).
 */
function collapseWhitespace(text: string): { normalised: string; originalIndex: Uint32Array } {
  const originalIndex = new Uint32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; ) {
    if (isWhitespace(text, i)) {
      let end = i + 1;
      while (end < text.length && isWhitespace(text, end)) end++;
      parts.push(text.slice(runStart, i), ' ');
      for (let k = runStart; k < i; k++) originalIndex[length++] = k;
      originalIndex[length++] = i;
      i = runStart = end;
    } else i++;
  }
  parts.push(text.slice(runStart));
  for (let k = runStart; k < text.length; k++) originalIndex[length++] = k;
  return { normalised: parts.join(''), originalIndex: originalIndex.subarray(0, length) };
}

// ---------------------------------------------------------------------------
// Hints for quotes that were not found.
// ---------------------------------------------------------------------------

const PASSAGE_LENGTH = 80;
const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  key: string;
  start: number;
}

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (m) => ({ key: m[0].toLowerCase(), start: m.index }));
}

/**
 * The passage of `text` most like `quote`, to show next to a "not found" error: the window of
 * as many words as the quote that shares the most words with it, cut to about 80 characters
 * (ending in … when cut). Empty when no word of the quote occurs in the text.
 */
export function closestPassage(text: string, quote: string): string {
  const start = closestPassageStart(text, quote);
  return start === null ? '' : excerpt(text, start, PASSAGE_LENGTH);
}

/** Start offset of the best-matching window, or null when nothing matches. */
function closestPassageStart(text: string, quote: string): number | null {
  const wanted = new Map<string, number>();
  for (const { key } of wordsOf(quote)) wanted.set(key, (wanted.get(key) ?? 0) + 1);
  const words = wordsOf(text);
  const windowSize = Math.max(1, Math.min(wordsOf(quote).length, words.length));

  // Slide a window of `windowSize` words over the text, keeping `score` = how many of the
  // quote's words (counted with multiplicity) the window holds, updated in O(1) per step.
  const inWindow = new Map<string, number>();
  let score = 0;
  let bestScore = 0;
  let bestFirst = 0;
  const add = (key: string) => {
    const had = inWindow.get(key) ?? 0;
    if (had < (wanted.get(key) ?? 0)) score++;
    inWindow.set(key, had + 1);
  };
  const remove = (key: string) => {
    const had = inWindow.get(key)!;
    inWindow.set(key, had - 1);
    if (had - 1 < (wanted.get(key) ?? 0)) score--;
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!.key);
    if (i >= windowSize) remove(words[i - windowSize]!.key);
    const first = Math.max(0, i - windowSize + 1);
    if (score > bestScore) {
      bestScore = score;
      bestFirst = first;
    }
  }
  if (bestScore === 0) return null;
  // Start at the window's first word that the quote shares, not at a stray word before it.
  let first = bestFirst;
  while (!wanted.has(words[first]!.key)) first++;
  return words[first]!.start;
}

/** About `length` characters of `text` from `start`, whitespace collapsed, cut at a word boundary. */
function excerpt(text: string, start: number, length: number): string {
  const end = start + length * 4;
  const passage = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (passage.length <= length) return end >= text.length ? passage : `${passage}…`;
  const cut = passage.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
