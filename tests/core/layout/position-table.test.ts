import { describe, expect, it } from 'vitest';
import { PositionTable } from '../../../src/core/layout/position-table.ts';

describe('PositionTable', () => {
  const table = PositionTable.from(new Map([['a', { x: 1, y: 2 }], ['b', { x: 3, y: 4 }]]));

  it('reads like a map of points', () => {
    expect(table.size).toBe(2);
    expect(table.get('b')).toEqual({ x: 3, y: 4 });
    expect(table.get('z')).toBeUndefined();
    expect(table.has('a')).toBe(true);
    expect([...table.keys()]).toEqual(['a', 'b']);
    expect([...table.values()]).toEqual([{ x: 1, y: 2 }, { x: 3, y: 4 }]);
    expect(Object.fromEntries(table)).toEqual({ a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    const seen: string[] = [];
    table.forEach((p, id) => seen.push(`${id}:${p.x}`));
    expect(seen).toEqual(['a:1', 'b:3']);
  });

  it('moves one concept in a copy, leaving the original as it was', () => {
    const moved = table.with('a', 10, 20);
    expect(moved.get('a')).toEqual({ x: 10, y: 20 });
    expect(table.get('a')).toEqual({ x: 1, y: 2 });
    expect(moved.index).toBe(table.index);
    expect(table.with('unknown', 0, 0)).toBe(table);
  });
});
