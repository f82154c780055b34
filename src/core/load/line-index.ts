/**
 * Turns character offsets into 1-based lines and columns, for every file the app reads: YAML
 * and JSON (positions of the parser's nodes), the formats we parse ourselves, and bytes that
 * are not UTF-8. Columns count UTF-16 units, as editors do, so positions agree across formats.
 */

export interface Position {
  line: number;
  column: number;
}

export type PositionOf = (offset: number) => Position;

/** Indexes the line starts of `text` once; each lookup is then a binary search. */
export function createLineIndex(text: string): PositionOf {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
  };
}
