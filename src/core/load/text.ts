/**
 * Finding quotes in a reference's stored text.
 *
 * A quote must be verbatim, except that whitespace may differ: stored texts come from PDFs and
 * web pages with arbitrary line breaks, and authors re-wrap quotes in YAML. So every run of
 * whitespace counts as one space on both sides, and nothing else is normalised.
 */
import type { TextSpan } from '../model/types.ts';

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
 * The passage of `text` most like `quote`, to show next to a "not found" error, cut to about
 * 80 characters (ending in … when cut). Empty when no word of the quote occurs in the text.
 */
export function closestPassage(text: string, quote: string): string {
  const quoteWords = wordsOf(quote).map((w) => w.key);
  const textWords = wordsOf(text);
  const window = bestWindow(textWords, quoteWords);
  if (window === null) return '';

  // Within and around that window, line the quote up on its longest run of words the text
  // shares verbatim, so the passage starts where the quote would.
  const from = Math.max(0, window.first - window.size);
  const region = textWords.slice(from, window.first + 2 * window.size).map((w) => w.key);
  const run = longestCommonRun(quoteWords, region);
  const firstWord = Math.max(0, from + run.bAt - run.aAt);
  return excerpt(text, textWords[firstWord]!.start, PASSAGE_LENGTH);
}

/**
 * The window of as many words as the quote that holds the most of the quote's words
 * (counted with multiplicity); the first such window, or null if no word is shared.
 */
function bestWindow(words: Word[], quoteWords: string[]): { first: number; size: number } | null {
  const wanted = new Map<string, number>();
  for (const key of quoteWords) wanted.set(key, (wanted.get(key) ?? 0) + 1);
  const size = Math.max(1, Math.min(quoteWords.length, words.length));

  // Slide the window one word at a time, updating the score in O(1) per step.
  const inWindow = new Map<string, number>();
  let score = 0;
  let best: { first: number; size: number } | null = null;
  let bestScore = 0;
  for (let i = 0; i < words.length; i++) {
    const entering = words[i]!.key;
    const had = inWindow.get(entering) ?? 0;
    if (had < (wanted.get(entering) ?? 0)) score++;
    inWindow.set(entering, had + 1);
    if (i >= size) {
      const leaving = words[i - size]!.key;
      const left = inWindow.get(leaving)! - 1;
      inWindow.set(leaving, left);
      if (left < (wanted.get(leaving) ?? 0)) score--;
    }
    if (score > bestScore) {
      bestScore = score;
      best = { first: Math.max(0, i - size + 1), size };
    }
  }
  return best;
}

/** The longest run of equal consecutive items of `a` and `b`, and where it starts in each. */
function longestCommonRun(a: string[], b: string[]): { aAt: number; bAt: number; length: number } {
  let best = { aAt: 0, bAt: 0, length: 0 };
  // runs[j]: length of the common run ending at a[i - 1] and b[j - 1] (one DP row at a time).
  let runs = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const next = new Uint32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      const length = runs[j - 1]! + 1;
      next[j] = length;
      if (length > best.length) best = { aAt: i - length, bAt: j - length, length };
    }
    runs = next;
  }
  return best;
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
