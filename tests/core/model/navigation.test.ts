import { describe, expect, it } from 'vitest';
import { directionOfKey, neighbourInDirection, type Direction } from '../../../src/core/model/navigation.ts';

// A concept at the origin with neighbours around it (y grows downwards, as on screen).
const neighbours = [
  { id: 'east', position: { x: 100, y: 10 } },
  { id: 'far-east', position: { x: 300, y: 0 } },
  { id: 'north', position: { x: -5, y: -80 } },
  { id: 'south-west', position: { x: -60, y: 70 } },
];

describe('neighbourInDirection', () => {
  it.each<[Direction, string | undefined]>([
    ['right', 'east'],
    ['up', 'north'],
    ['down', 'south-west'],
    ['left', 'south-west'],
  ])('%s → %s', (direction, expected) => {
    expect(neighbourInDirection({ x: 0, y: 0 }, neighbours, direction)).toBe(expected);
  });

  it('finds nothing when no neighbour lies that way', () => {
    expect(neighbourInDirection({ x: 0, y: 0 }, [{ id: 'east', position: { x: 50, y: 0 } }], 'left')).toBeUndefined();
  });

  it('ignores a neighbour drawn on top of the concept', () => {
    expect(neighbourInDirection({ x: 0, y: 0 }, [{ id: 'same', position: { x: 0, y: 0 } }], 'up')).toBeUndefined();
  });
});

describe('directionOfKey', () => {
  it.each([
    ['ArrowLeft', 'left'],
    ['ArrowDown', 'down'],
    ['Enter', undefined],
  ])('%s', (key, direction) => expect(directionOfKey(key)).toBe(direction));
});
