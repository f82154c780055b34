/**
 * How a relation shows what it says and how well it is supported, for every renderer and export:
 * its effect (promotes, inhibits, …) by the end it is drawn with and by colour — two channels,
 * so it reads in greyscale and for colour-blind readers — its evidence by the line pattern, and
 * marks for a relation extrapolated from other species or disorders and for one whose evidence
 * disagrees. Pure geometry: the shapes come back as points, to be drawn as paths, canvas
 * outlines or slide shapes.
 */
import { evidenceStroke } from '../core/model/evidence-style.ts';
import type { EvidenceLevel, Point, Relation, RelationEffect } from '../core/model/types.ts';
import type { EdgeRun } from './edge-geometry.ts';
import type { ThemeName } from './look.ts';

/** What the end of a relation's line is drawn with. */
export type RelationEnd = 'arrow' | 'tee' | 'none' | 'open-arrow' | 'dot' | 'cross' | 'diamond';

export interface EffectLook {
  end: RelationEnd;
  /** Line and end colour per theme (print: black; the end alone carries the meaning). */
  colour: Record<ThemeName, string>;
  /** How the legend strip names it, in a word or two. */
  legend: string;
}

/**
 * Colours from the Okabe–Ito hues, darkened to keep 3:1 against a white page (lightened for the
 * dark theme): vermilion promotes, blue inhibits, bluish green treats, reddish purple advises
 * against, ochre diagnoses; grey for associations and for kinds or parts.
 */
export const EFFECT_LOOK: Record<RelationEffect, EffectLook> = {
  promotes: { end: 'arrow', colour: { light: '#b8420a', dark: '#ff9d66', print: '#000000' }, legend: 'promotes' },
  inhibits: { end: 'tee', colour: { light: '#0a5c9e', dark: '#6cb6f5', print: '#000000' }, legend: 'inhibits' },
  associated: { end: 'none', colour: { light: '#5f6672', dark: '#a3abb8', print: '#000000' }, legend: 'associated' },
  treats: { end: 'open-arrow', colour: { light: '#00734f', dark: '#4fd1a0', print: '#000000' }, legend: 'treats' },
  'advised-against': { end: 'cross', colour: { light: '#a3336f', dark: '#f08cc2', print: '#000000' }, legend: 'advised against' },
  diagnoses: { end: 'dot', colour: { light: '#7a5c00', dark: '#e8c15a', print: '#000000' }, legend: 'diagnoses' },
  'part-of': { end: 'diamond', colour: { light: '#5f6672', dark: '#a3abb8', print: '#000000' }, legend: 'kind or part of' },
};

/** Marks set on a relation's line, halfway, in a small badge. */
export const RELATION_MARKS = {
  extrapolated: { glyph: '≈', legend: 'extrapolated', meaning: 'Extrapolated from other species or disorders' },
  disputed: { glyph: '?', legend: 'disputed', meaning: 'Disputed: the evidence disagrees' },
} as const;
export type RelationMark = keyof typeof RELATION_MARKS;

export function relationMarks(relation: Pick<Relation, 'extrapolated' | 'disputed'>): RelationMark[] {
  return [...(relation.extrapolated ? (['extrapolated'] as const) : []), ...(relation.disputed ? (['disputed'] as const) : [])];
}

/** A relation's line pattern (map units, empty for solid), from the level of its primary evidence. */
export function relationDash(level: EvidenceLevel | undefined): number[] {
  return (evidenceStroke(level).dasharray || '').split(/\s+/).filter(Boolean).map(Number);
}

/** A relation end's outline: polygons to fill and polylines to stroke, in map units. */
export interface EndShape {
  fill: Point[][];
  stroke: Point[][];
  /** Whether filled polygons are filled with the page's background (an open end) rather than the line's colour. */
  hollow: boolean;
}

/** How far each end reaches back along the line, in line widths: the line stops where the end begins. */
const END_LENGTH: Record<RelationEnd, number> = { arrow: 7, 'open-arrow': 7, tee: 0.5, none: 0, dot: 5, cross: 0, diamond: 9 };

/** How far back from the tip the line stops for this end (map units), for a line `width` wide. */
export function endInset(end: RelationEnd, width: number): number {
  return END_LENGTH[end] * width;
}

/**
 * The end of a relation drawn at `tip`, pointing along the unit vector (`ux`, `uy`), for a line
 * `width` wide. A cross is drawn across the line a little before the tip, with a bar at the tip:
 * "not this way".
 */
export function endShape(end: RelationEnd, tip: Point, ux: number, uy: number, width: number): EndShape {
  const back = (d: number, side = 0): Point => ({ x: tip.x - ux * d - uy * side, y: tip.y - uy * d + ux * side });
  const w = width;
  switch (end) {
    case 'arrow':
      return { fill: [[tip, back(7 * w, 2.8 * w), back(7 * w, -2.8 * w)]], stroke: [], hollow: false };
    case 'open-arrow':
      return { fill: [[tip, back(7 * w, 2.8 * w), back(5 * w, 0), back(7 * w, -2.8 * w)]], stroke: [], hollow: true };
    case 'tee':
      return { fill: [], stroke: [[back(0.5 * w, 3.6 * w), back(0.5 * w, -3.6 * w)]], hollow: false };
    case 'dot': {
      const centre = back(2.5 * w);
      const r = 2.5 * w;
      const circle = Array.from({ length: 16 }, (_, i) => ({ x: centre.x + r * Math.cos((i * Math.PI) / 8), y: centre.y + r * Math.sin((i * Math.PI) / 8) }));
      return { fill: [circle], stroke: [], hollow: false };
    }
    case 'diamond':
      return { fill: [[tip, back(4.5 * w, 2.6 * w), back(9 * w, 0), back(4.5 * w, -2.6 * w)]], stroke: [], hollow: true };
    case 'cross': {
      const at = 7 * w;
      const arm = 2.6 * w;
      return {
        fill: [],
        stroke: [
          [back(at - arm, arm), back(at + arm, -arm)],
          [back(at - arm, -arm), back(at + arm, arm)],
          [back(0, 3.2 * w), back(0, -3.2 * w)],
        ],
        hollow: false,
      };
    }
    case 'none':
      return { fill: [], stroke: [], hollow: false };
  }
}

/** The direction a run arrives at its end: along its last stretch. */
export function arrival(run: Pick<EdgeRun, 'start' | 'end' | 'control'>): { ux: number; uy: number } {
  const from = run.control ?? run.start;
  const dx = run.end.x - from.x;
  const dy = run.end.y - from.y;
  const d = Math.hypot(dx, dy) || 1;
  return { ux: dx / d, uy: dy / d };
}
