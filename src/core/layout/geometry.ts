/**
 * How much room a concept takes on the map, for the layout and for every renderer: a concept on
 * its own is a marker with its label set under it; a group is a box with the group's name as its
 * header and its members listed inside, each a small marker with its label beside it. Map units;
 * DOM-free, so the layout (in a worker) and the drawing agree on every box.
 */
import { estimateLabelWidth, wrapLabel } from '../model/label.ts';
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
    row: 22,
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

/** A member's label is set on one line beside its marker; a long one on two. */
export function memberLines(label: string): string[] {
  return wrapLabel(label);
}

/** The room a member's row takes around its marker's centre. */
export function memberExtent(label: string): Extent {
  const { r, row, labelOffset } = GEOMETRY.member;
  const lines = memberLines(label).length;
  const height = row + (lines - 1) * GEOMETRY.label.line;
  return { left: r, right: labelOffset + estimateLabelWidth(label), top: row / 2, bottom: height - row / 2 };
}

/** The room a group's header takes, from the header marker's centre. */
export function headerExtent(label: string): Extent {
  const { r, header } = GEOMETRY.group;
  return { left: r, right: GEOMETRY.member.labelOffset + 2 + estimateLabelWidth(label) * 1.06, top: header / 2, bottom: header / 2 };
}

export interface GroupBox extends Rect {
  /** Where the group's own marker sits, in its header. */
  header: Point;
}

/**
 * A group's box around its members as they lie now (a member dragged out takes the box with it),
 * with the header above them. Undefined for a group without placed members.
 */
export function groupBox(label: string, members: readonly { at: Point; label: string }[]): GroupBox | undefined {
  if (members.length === 0) return undefined;
  const { padding, header, r } = GEOMETRY.group;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const member of members) {
    const e = memberExtent(member.label);
    minX = Math.min(minX, member.at.x - e.left);
    maxX = Math.max(maxX, member.at.x + e.right);
    minY = Math.min(minY, member.at.y - e.top);
    maxY = Math.max(maxY, member.at.y + e.bottom);
  }
  const headerWidth = headerExtent(label).left + headerExtent(label).right;
  maxX = Math.max(maxX, minX + headerWidth);
  const box = { minX: minX - padding, minY: minY - header - padding, maxX: maxX + padding, maxY: maxY + padding };
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
