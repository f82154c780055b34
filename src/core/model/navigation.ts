/**
 * Arrow-key movement between a concept's neighbours: the arrow picks the neighbour lying most
 * nearly in its direction, so the keyboard follows the picture.
 */
import type { Point } from './types.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** Half-width of the cone an arrow looks into. */
const MAX_ANGLE = (75 * Math.PI) / 180;

export function directionOfKey(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}

/**
 * The candidate best reached from `from` by moving in `direction`: inside a 75° cone, the one
 * with the smallest distance weighted by how far it strays from the arrow. Ties go to the
 * earlier candidate.
 */
export function neighbourInDirection(
  from: Point,
  candidates: readonly { id: string; position: Point }[],
  direction: Direction,
): string | undefined {
  const v = VECTORS[direction];
  let best: string | undefined;
  let bestCost = Infinity;
  for (const { id, position } of candidates) {
    const dx = position.x - from.x;
    const dy = position.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const angle = Math.acos(Math.max(-1, Math.min(1, (dx * v.x + dy * v.y) / distance)));
    if (angle > MAX_ANGLE) continue;
    const cost = distance * (1 + 2 * (angle / MAX_ANGLE));
    if (cost < bestCost) {
      bestCost = cost;
      best = id;
    }
  }
  return best;
}
