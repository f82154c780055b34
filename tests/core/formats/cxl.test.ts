import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadAnyMap } from '../../../src/core/formats/index.ts';
import { formatProblem, type LoadResult } from '../../../src/core/model/types.ts';

const FIXTURES = 'tests/fixtures/formats';

async function loadFixture(name: string): Promise<LoadResult> {
  const fileName = `${FIXTURES}/${name}`;
  return loadAnyMap({ fileName, content: await readFile(fileName) });
}

describe('a CmapTools map (CXL)', () => {
  it('reads its title, concepts (labels on one line, comments as summary and notes)', async () => {
    const { map } = await loadFixture('cxl-valid.cxl');
    expect(map!.title).toBe('Ischaemia and ulcers');
    expect(map!.description).toBe('How poor blood flow leads to ulcers');
    expect(map!.nodes.map((n) => [n.id, n.label])).toEqual([
      ['c1', 'Vasculopathy'],
      ['c2', 'Tissue ischaemia'],
      ['c3', 'Digital ulcers'],
      ['c4', 'Vasodilators'],
      ['c5', "Raynaud's phenomenon"],
    ]);
    expect(map!.nodes[0]!.summary).toBe('Damage to small vessels');
    expect(map!.nodes[2]!.notes).toBe('Painful ulcers of the fingertips.');
  });

  it('keeps the author’s arrangement: each placed concept pinned at its centre', async () => {
    const { map } = await loadFixture('cxl-valid.cxl');
    expect(map!.nodes.map((n) => n.position)).toEqual([{ x: 100, y: 50 }, { x: 300.5, y: 50 }, { x: 300, y: 200 }, { x: 100, y: 200 }, undefined]);
  });

  it('turns concept → linking phrase → concept into one relation per target, worded by the phrase', async () => {
    const { map } = await loadFixture('cxl-valid.cxl');
    expect(map!.edges.map((e) => [e.source, e.relation, e.target, e.effect])).toEqual([
      ['c1', 'causes', 'c2', 'promotes'],
      ['c1', 'causes', 'c3', 'promotes'],
      ['c4', 'reduce', 'c2', 'inhibits'],
      // A connection straight between two concepts has no wording of its own.
      ['c5', 'is linked to', 'c1', 'associated'],
    ]);
    expect(map!.edges.every((e) => e.level === undefined)).toBe(true);
  });

  it('makes resources with a web address references, cited as recorded in CmapTools, with no quote', async () => {
    const { map } = await loadFixture('cxl-valid.cxl');
    expect(map!.references).toEqual([
      { id: 'Digital-ulcers-review', citation: 'Digital ulcers review', url: 'https://example.org/ulcers' },
      { id: 'Trial-of-vasodilators', citation: 'Trial of vasodilators', url: 'https://example.org/trial' },
    ]);
    const ulcers = map!.nodes.find((n) => n.id === 'c3')!;
    expect(ulcers.evidence).toEqual([{ kind: 'recorded', ref: 'Digital-ulcers-review', recordedIn: 'CmapTools' }]);
    expect(ulcers.unsourced).toBeUndefined();
    const reduces = map!.edges.find((e) => e.relation === 'reduce')!;
    expect(reduces.evidence).toEqual([{ kind: 'recorded', ref: 'Trial-of-vasodilators', recordedIn: 'CmapTools' }]);
    expect(map!.nodes.find((n) => n.id === 'c1')!.unsourced).toBe(true);
  });

  it('warns about what it leaves out: a phrase joining nothing, a resource without a web address', async () => {
    const result = await loadFixture('cxl-valid.cxl');
    expect(result.problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`)).toEqual([
      'warning 19:7 linking phrase `goes with` does not join one concept to another; left out',
      'warning 34:38 resource `My notes` is left out',
    ]);
  });

  it('warns about a position that is not a number, and lays that concept out freely', async () => {
    const result = await loadFixture('cxl-bad-position.cxl');
    expect(result.problems.map(formatProblem)).toEqual([
      `${FIXTURES}/cxl-bad-position.cxl:5:58 cmap.map.concept-appearance-list.concept-appearance@x: x must be a number, not "left"; the concept is laid out freely`,
    ]);
    expect(result.map!.nodes[0]!.position).toBeUndefined();
  });

  it('reads a concept map under any name, and a .cxl file of another kind is refused where it starts', async () => {
    const text = await readFile(`${FIXTURES}/cxl-valid.cxl`, 'utf8');
    expect((await loadAnyMap({ fileName: 'export.xml', content: text })).map?.nodes).toHaveLength(5);
    const other = await loadAnyMap({ fileName: 'x.cxl', content: '<?xml version="1.0"?>\n<html/>' });
    expect(other.problems.map(formatProblem)).toEqual(['x.cxl:2:1 html: the root element must be `<cmap>`, not `<html>`']);
  });
});
