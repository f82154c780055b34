/**
 * How much room a concept takes on the map, for the layout and for every renderer: a concept on
 * its own is a marker with its label set under it; a group is a box with the group's name as its
 * header and its members listed inside, each a small marker with its label beside it. Map units;
 * DOM-free, so the layout (in a worker) and the drawing agree on every box.
 */
import { estimateLabelWidth, oneLineWidth, wrapLabel } from '../model/label.ts';
import type { Point } from '../model/types.ts';

/** Marker radius of a concept on its own: a little larger for concepts with more relations. */
export function markerRadius(degree: number): number {
  return 9 + Math.min(6, Math.sqrt(degree) * 1.5);
}

export const GEOMETRY = {
  label: {
    /** Font size of labels, map units. */
    size: 14,
    /** Height a label line takes, descenders included. */
    line: 16,
    /** From a marker's rim to the top of its label. */
    rimGap: 2,
  },
  member: {
    /** A member's marker: the same for all, so the list reads as a list. */
    r: 6,
    /** Height of a member's row with a one-line label. */
    row: 21,
    /** From the marker's centre to where its label starts. */
    labelOffset: 12,
  },
  group: {
    /** Inside the box, around the header and the list. */
    padding: 8,
    /** Height of the header row (the group's own marker and name). */
    header: 24,
    /** Radius of the group's marker in its header. */
    r: 7,
    /** Corner radius of the box. */
    corner: 8,
  },
} as const;

/** Bold letters are this much wider. */
export const GROUP_LABEL_WIDEN = 1.06;

export interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The room a concept on its own takes around its centre: its marker, and its label under it. */
export function conceptExtent(label: string, r: number): Extent {
  const half = Math.max(r, estimateLabelWidth(label) / 2);
  const lines = wrapLabel(label).length;
  return { left: half, right: half, top: r, bottom: r + GEOMETRY.label.rimGap + lines * GEOMETRY.label.line };
}

/** Members' labels and groups' names longer than this wrap onto two lines (beside a marker there is room for more than under one). */
const SIDE_LINE_CHARS = 24;

/** A member's label, or a group's name, is set on one line beside its marker; a long one on two. */
export function memberLines(label: string): string[] {
  const text = label.trim().replace(/\s+/g, ' ');
  return text.length <= SIDE_LINE_CHARS ? [text] : wrapLabel(text);
}

/** The header's height: a row, and a line more for a name on two lines. */
export function headerHeight(label: string): number {
  return GEOMETRY.group.header + (memberLines(label).length - 1) * GEOMETRY.label.line;
}

/** How wide a member's label is set. */
export function memberLabelWidth(label: string): number {
  return Math.max(...memberLines(label).map(oneLineWidth));
}

/** The room a member's row takes around its marker's centre; `scale`: labels drawn that much larger (zoomed out). */
export function memberExtent(label: string, scale = 1): Extent {
  const { r, row, labelOffset } = GEOMETRY.member;
  const lines = memberLines(label).length;
  const height = row + (lines - 1) * GEOMETRY.label.line;
  return { left: r, right: labelOffset + memberLabelWidth(label) * scale, top: row / 2, bottom: height - row / 2 };
}

/** The room a group's header takes, from the header marker's centre. */
export function headerExtent(label: string, scale = 1): Extent {
  const { r, header } = GEOMETRY.group;
  // Set in bold, a little wider; the marker beside the first line.
  return { left: r, right: GEOMETRY.member.labelOffset + 2 + memberLabelWidth(label) * GROUP_LABEL_WIDEN * scale, top: header / 2, bottom: headerHeight(label) - header / 2 };
}

export interface GroupBox extends Rect {
  /** Where the group's own marker sits, in its header. */
  header: Point;
}

/**
 * A group's box around its members as they lie now (a member dragged out stretches the box),
 * with the header above them: at `anchor` (where the group itself is) when given, so that moving
 * a member moves nothing else, else above the first member. Undefined for a group without
 * placed members.
 */
export function groupBox(label: string, members: readonly { at: Point; label: string }[], scale = 1, anchor?: Point): GroupBox | undefined {
  if (members.length === 0) return undefined;
  const { padding, header, r } = GEOMETRY.group;
  const height = headerHeight(label);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const member of members) {
    const e = memberExtent(member.label, scale);
    minX = Math.min(minX, member.at.x - e.left);
    maxX = Math.max(maxX, member.at.x + e.right);
    minY = Math.min(minY, member.at.y - e.top);
    maxY = Math.max(maxY, member.at.y + e.bottom);
  }
  const headerWidth = headerExtent(label, scale).left + headerExtent(label, scale).right;
  if (anchor) {
    // The header's own room, from where the group is; the box reaches round it and every member.
    const top = anchor.y - padding / 2 - header / 2;
    const left = anchor.x - padding - r;
    return {
      minX: Math.min(left, minX - padding),
      minY: Math.min(top, minY - padding),
      maxX: Math.max(left + 2 * padding + headerWidth, maxX + padding),
      maxY: Math.max(top + padding + height, maxY + padding),
      header: anchor,
    };
  }
  maxX = Math.max(maxX, minX + headerWidth);
  const box = { minX: minX - padding, minY: minY - height - padding, maxX: maxX + padding, maxY: maxY + padding };
  return { ...box, header: { x: box.minX + padding + r, y: box.minY + padding / 2 + header / 2 } };
}

/**
 * Where the line from `from` towards the centre of `rect` leaves it: a relation to a group is
 * drawn to the edge of its box.
 */
export function rectBorderPoint(rect: Rect, from: Point, gap = 0): Point {
  const cx = (rect.minX + rect.maxX) / 2;
  const cy = (rect.minY + rect.maxY) / 2;
  const dx = from.x - cx;
  const dy = from.y - cy;
  const hw = (rect.maxX - rect.minX) / 2 + gap;
  const hh = (rect.maxY - rect.minY) / 2 + gap;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: cx + dx * Math.min(1, t), y: cy + dy * Math.min(1, t) };
}
