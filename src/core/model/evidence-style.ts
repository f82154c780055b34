/**
 * How an edge shows the kind of evidence behind it: line pattern by study type, so the
 * strength of a claim is visible on the map itself (and in greyscale).
 */
import type { EvidenceLevel } from './types.ts';

export type EvidenceStroke = 'solid' | 'dash-dot' | 'dashed' | 'dotted' | 'none';

export interface EvidenceStrokeStyle {
  stroke: EvidenceStroke;
  /** What the legend says the pattern means. */
  meaning: string;
  /** SVG stroke-dasharray at stroke width 1.5 ("" = solid). */
  dasharray: string;
}

export const EVIDENCE_STROKES: Record<EvidenceStroke, EvidenceStrokeStyle> = {
  solid: { stroke: 'solid', meaning: 'Human studies: systematic review, RCT, cohort, case-control', dasharray: '' },
  'dash-dot': { stroke: 'dash-dot', meaning: 'Narrative review or case series', dasharray: '10 4 2 4' },
  dashed: { stroke: 'dashed', meaning: 'Animal models', dasharray: '7 5' },
  dotted: { stroke: 'dotted', meaning: 'Case report or expert opinion', dasharray: '1.5 4' },
  // A relation imported without evidence, or whose evidence names no study type (DisMech's
  // human clinical evidence), has no level: nothing is claimed about its strength.
  none: { stroke: 'none', meaning: 'No study type given (imported)', dasharray: '1 8' },
};

const STROKE_OF_LEVEL: Record<EvidenceLevel, EvidenceStroke> = {
  'systematic-review': 'solid',
  rct: 'solid',
  cohort: 'solid',
  'case-control': 'solid',
  review: 'dash-dot',
  'case-series': 'dash-dot',
  'animal-model': 'dashed',
  'case-report': 'dotted',
  'expert-opinion': 'dotted',
};

export function evidenceStroke(level: EvidenceLevel | undefined): EvidenceStrokeStyle {
  return EVIDENCE_STROKES[level ? STROKE_OF_LEVEL[level] : 'none'];
}
