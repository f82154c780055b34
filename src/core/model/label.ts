/**
 * How a concept's label is set on the map: on one line when short, otherwise on two lines
 * broken at the space nearest its middle. The layout sizes labels with the same rule.
 */

/** Labels longer than this many characters wrap onto two lines. */
export const WRAP_AFTER_CHARS = 18;

export function wrapLabel(label: string): string[] {
  const text = label.trim().replace(/\s+/g, ' ');
  if (text.length <= WRAP_AFTER_CHARS) return [text];
  const middle = text.length / 2;
  let breakAt = -1;
  for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', space + 1)) {
    if (breakAt === -1 || Math.abs(space - middle) < Math.abs(breakAt - middle)) breakAt = space;
  }
  return breakAt === -1 ? [text] : [text.slice(0, breakAt), text.slice(breakAt + 1)];
}

/** A label set on one line, however long (a group's name in its header). */
export function oneLineWidth(label: string): number {
  return label.trim().replace(/\s+/g, ' ').length * LABEL_CHAR_WIDTH;
}

/** Average advance of a character of the 14 px system sans-serif the map labels use. */
export const LABEL_CHAR_WIDTH = 8.1;

/**
 * A DOM-free guess at a label's rendered width: the longer of its lines, wrapped as the map
 * draws them, by character count. The layout spaces labels with it, so it must not depend on
 * the fonts of the machine: the same map gives the same picture everywhere.
 */
export function estimateLabelWidth(label: string): number {
  return Math.max(0, ...wrapLabel(label).map((line) => line.length)) * LABEL_CHAR_WIDTH;
}
