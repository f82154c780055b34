/**
 * Where the verbs of relations are written: on their own drawn line — halfway, or, where that
 * spot is taken, a little toward either end — never on top of another verb, a concept's label or
 * a marker. A verb that finds no free spot on its line is not written: the relation is listed,
 * with its verb, in the Details of both its concepts. Pure; earlier relations (in the order
 * given: the ones in play first) get the better spots.
 */
import type { Point } from '../core/model/types.ts';
import { pointOnRun, type EdgeRun } from './edge-geometry.ts';
import type { Rect } from './map-geometry.ts';

export interface VerbToPlace {
  id: string;
  run: Pick<EdgeRun, 'start' | 'end' | 'control'>;
  /** The verb's box size at the drawing's scale. */
  width: number;
  height: number;
}

export interface PlacedVerb {
  id: string;
  /** The middle of the verb's box. */
  at: Point;
}

/** Spots tried along a line, nearest the middle first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

const overlaps = (a: Rect, b: Rect) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

export function placeVerbs(verbs: readonly VerbToPlace[], taken: readonly Rect[]): { placed: PlacedVerb[]; unplaced: string[] } {
  const boxes = [...taken];
  const placed: PlacedVerb[] = [];
  const unplaced: string[] = [];
  for (const verb of verbs) {
    let found: PlacedVerb | undefined;
    for (const u of ALONG) {
      const at = pointOnRun(verb.run, u);
      const box = { minX: at.x - verb.width / 2, maxX: at.x + verb.width / 2, minY: at.y - verb.height / 2, maxY: at.y + verb.height / 2 };
      if (boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      found = { id: verb.id, at };
      break;
    }
    if (found) placed.push(found);
    else unplaced.push(verb.id);
  }
  return { placed, unplaced };
}
