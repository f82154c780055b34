import { describe, expect, it } from 'vitest';
import { applyLayout, parseLayout, serializeLayout } from '../../../src/core/layout/saved-layout.ts';
import type { PathoMap } from '../../../src/core/model/types.ts';

const map: PathoMap = {
  id: 'm',
  title: 'M',
  references: [],
  categories: [{ id: 'c', label: 'C', color: '#000000', shape: 'circle', band: 0 }],
  nodes: [
    { id: 'a', label: 'A', category: 'c', summary: 's', evidence: [] },
    { id: 'b', label: 'B', category: 'c', summary: 's', evidence: [] },
  ],
  edges: [],
  tours: [],
};

describe('saved layouts', () => {
  it('round-trips positions, rounded to a tenth of a pixel', () => {
    const text = serializeLayout('m', new Map([['a', { x: 1.234, y: -5.06 }]]));
    expect(parseLayout(text, 'm.layout.json')).toEqual({
      layout: { map: 'm', positions: { a: { x: 1.2, y: -5.1 } } },
      problems: [],
    });
  });

  it.each([
    ['{', '', 'not valid JSON'],
    ['[]', '', 'expected an object'],
    ['{"map": 1, "positions": {}}', 'map', 'expected the map id'],
    ['{"map": "m", "positions": []}', 'positions', 'expected an object of node id'],
    ['{"map": "m", "positions": {"a": {"x": "1", "y": 2}}}', 'positions.a', 'expected {x, y}'],
    ['{"map": "m", "positions": {"a": {"x": 1e999, "y": 2}}}', 'positions.a', 'expected {x, y}'],
  ])('rejects %s at %s', (text, path, message) => {
    const { layout, problems } = parseLayout(text, 'm.layout.json');
    expect(layout).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'm.layout.json', path, severity: 'error' });
    expect(problems[0]!.message).toContain(message);
  });

  it('applies saved positions and warns about concepts that are gone', () => {
    const result = applyLayout(map, { map: 'm', positions: { a: { x: 3, y: 4 }, gone: { x: 0, y: 0 } } }, 'm.layout.json');
    expect(result.map.nodes.map((n) => n.position)).toEqual([{ x: 3, y: 4 }, undefined]);
    expect(result.problems).toMatchObject([{ path: 'positions.gone', severity: 'warning' }]);
    expect(map.nodes[0]!.position).toBeUndefined();
  });
});
