/**
 * Colours and shapes for categories an imported map does not define.
 */
import { NODE_SHAPES, type NodeShape } from '../model/types.ts';

/**
 * Okabe & Ito's palette, told apart with the common colour-vision deficiencies too.
 * Black comes last: dark nodes make their labels hardest to read.
 */
export const OKABE_ITO = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#0072B2', // blue
  '#D55E00', // vermilion
  '#CC79A7', // reddish purple
  '#000000', // black
] as const;

/** The style of the i-th derived category; the first 64 each get a colour and shape pair of their own. */
export function categoryStyle(index: number): { color: string; shape: NodeShape } {
  // With every round through the colours the shapes shift by one, so no pair comes back.
  const round = Math.floor(index / OKABE_ITO.length);
  return {
    color: OKABE_ITO[index % OKABE_ITO.length]!,
    shape: NODE_SHAPES[(index + round) % NODE_SHAPES.length]!,
  };
}
