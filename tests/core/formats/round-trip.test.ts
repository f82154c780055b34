import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadMapFile, readInside } from '../../../scripts/lib/load-map-file.ts';
import { loadAnyMap, toCytoscapeJson, toGraphml, toPathomapYaml } from '../../../src/core/formats/index.ts';
import { formatProblem, type PathoMap } from '../../../src/core/model/types.ts';

type Exporter = (map: PathoMap) => string;

const EXPORTERS: [string, string, Exporter][] = [
  ['Pathomap YAML', 'yaml', toPathomapYaml],
  ['Cytoscape.js JSON', 'cyjs', toCytoscapeJson],
  ['GraphML', 'graphml', toGraphml],
];

/** Loads a map file with its stored texts, as the checker does; it must load without problems. */
async function loadClean(path: string): Promise<PathoMap> {
  const result = await loadMapFile(path);
  expect(result.problems.map(formatProblem)).toEqual([]);
  return result.map!;
}

/** Exports `map`, names the file after it, and reads it back with the stored texts of `folder`. */
async function roundTrip(map: PathoMap, exporter: Exporter, extension: string, folder: string) {
  return loadAnyMap({
    fileName: `${map.id}.${extension}`,
    content: exporter(map),
    readReference: (path) => readInside(resolve(folder), path),
  });
}

describe.each(EXPORTERS)('%s export, read back', (_, extension, exporter) => {
  let flagship: PathoMap;
  let small: PathoMap;
  beforeAll(async () => {
    flagship = await loadClean('graph-data/calcinosis-ssc.yaml');
    small = await loadClean('tests/fixtures/maps/valid.yaml');
  });

  it('gives the flagship map back unchanged, quotes verified again', async () => {
    const result = await roundTrip(flagship, exporter, extension, 'graph-data');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.map).toEqual(flagship);
  });

  it('gives the small fixture map back unchanged', async () => {
    const result = await roundTrip(small, exporter, extension, 'tests/fixtures/maps');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.map).toEqual(small);
  });

  it('keeps any text intact: quotes, markup, entities, line ends, emoji', async () => {
    const awkward = fc.constantFrom('&', '&amp;', '<', ']]>', '"', "'", '\r\n', '\r', '\t', '\u2028', '# ', ': ', '- ', '{', '😀');
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), awkward), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(''))
      .filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.record({ label: text, summary: text, finding: text, relation: text, citation: text, title: text }), async (texts) => {
        const map = mapWithTexts(texts);
        const result = await loadAnyMap({ fileName: `prop.${extension}`, content: exporter(map) });
        expect(result.problems).toEqual([]);
        expect(result.map).toEqual(map);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
  });
});

describe.each(EXPORTERS.slice(1))('%s export of an imported map', (_, extension, exporter) => {
  it('reads back into the same map, still marked "no source"', async () => {
    for (const fixture of ['d3-valid.json', 'cytoscape-valid.cyjs', 'graphml-valid.graphml']) {
      const fileName = `tests/fixtures/formats/${fixture}`;
      const imported = (await loadAnyMap({ fileName, content: await readFile(fileName) })).map!;
      const result = await loadAnyMap({ fileName: `${imported.id}.${extension}`, content: exporter(imported) });
      expect(result.problems.map(formatProblem)).toEqual([]);
      expect(result.map).toEqual(imported);
      expect(result.map!.nodes.every((node) => node.unsourced)).toBe(true);
    }
  });
});

describe.each(EXPORTERS.slice(1))('%s export of a DisMech disorder or a Cmap', (_, extension, exporter) => {
  it.each(['dismech-valid.yaml', 'cxl-valid.cxl'])('reads %s back into the same map: recorded evidence, terms, pins and all', async (fixture) => {
    const fileName = `tests/fixtures/formats/${fixture}`;
    const imported = (await loadAnyMap({ fileName, content: await readFile(fileName) })).map!;
    const result = await loadAnyMap({ fileName: `${imported.id}.${extension}`, content: exporter(imported) });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.map).toEqual(imported);
  });
});

describe('toPathomapYaml', () => {
  it('says, on top of a DisMech draft, what a Pathomap file holds otherwise', async () => {
    const fileName = 'tests/fixtures/formats/dismech-valid.yaml';
    const imported = (await loadAnyMap({ fileName, content: await readFile(fileName) })).map!;
    const notes = toPathomapYaml(imported).split('\n').filter((line) => line.startsWith('# Imported'));
    expect(notes).toEqual([
      '# Imported: 2 concept(s) and 2 relation(s) have no evidence yet (evidence: []).',
      '# Imported: 17 evidence item(s) as DisMech recorded them (recordedIn), which Pathomap files do not hold:',
      '# Imported: 7 concept(s) list ontology terms (terms), which Pathomap files do not hold yet.',
    ]);
  });

  it('writes what an author writes, and nothing that loading adds', async () => {
    const map = await loadClean('tests/fixtures/maps/valid.yaml');
    const yaml = toPathomapYaml(map);
    expect(yaml.startsWith('# yaml-language-server: $schema=./schema.json\ntitle: Test map\n')).toBe(true);
    for (const resolvedOnly of ['kind:', 'span:', 'text:', 'unsourced:', 'start:']) expect(yaml).not.toContain(resolvedOnly);
    const file = parseYaml(yaml) as Record<string, any>;
    expect(file.nodes[0].evidence).toEqual([{ ref: 'sample-2020', quote: 'damaged by chronic ischaemia' }]);
    expect(file.nodes[1].evidence).toEqual([
      { ref: 'summary-2021', finding: 'Ulcers are common in the affected patients.', level: 'cohort', caveat: 'Small sample.' },
    ]);
    // A band equal to the category's place, and relation ids derived from the ends, are defaults.
    expect(file.categories.map((c: { band?: number }) => c.band)).toEqual([undefined, 3]);
    expect(file.edges.map((e: { id?: string }) => e.id)).toEqual([undefined, undefined]);
  });

  it('keeps explicit relation ids and leaves out an empty tour list', async () => {
    const map = await loadClean('tests/fixtures/maps/valid.yaml');
    const changed: PathoMap = { ...map, tours: [], edges: map.edges.map((edge, i) => (i === 0 ? { ...edge, id: 'r1' } : edge)) };
    const file = parseYaml(toPathomapYaml(changed)) as Record<string, any>;
    expect(file.edges.map((e: { id?: string }) => e.id)).toEqual(['r1', undefined]);
    expect(file).not.toHaveProperty('tours');
  });
});

describe('toGraphml', () => {
  it('declares every data key it uses and escapes markup', async () => {
    const map = mapWithTexts({ label: '<b>&', summary: 'a "b" \'c\'', finding: 'f', relation: 'r', citation: 'c', title: 't' });
    const xml = toGraphml(map);
    const declared = new Set([...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...xml.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((key) => !declared.has(key))).toEqual([]);
    expect(xml).toContain('<data key="node-label">&lt;b&gt;&amp;</data>');
  });

  it('replaces characters XML cannot carry, rather than writing a file no reader accepts', async () => {
    const map = mapWithTexts({ label: 'bell\u0007', summary: 's', finding: 'f', relation: 'r', citation: 'c', title: 't' });
    const result = await loadAnyMap({ fileName: 'bell.graphml', content: toGraphml(map) });
    expect(result.map!.nodes[0]!.label).toBe('bell\uFFFD');
  });
});

describe('toCytoscapeJson', () => {
  it('writes elements with the Pathomap fields in data, and pins as locked positions', async () => {
    const map = await loadClean('tests/fixtures/maps/valid.yaml');
    const pinned: PathoMap = { ...map, nodes: map.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 2 } } : n)) };
    const json = JSON.parse(toCytoscapeJson(pinned));
    expect(json.data.title).toBe('Test map');
    expect(json.elements.nodes[0]).toMatchObject({ data: { id: 'ischaemia', category: 'trigger', summary: expect.any(String) }, position: { x: 1, y: 2 }, locked: true });
    expect(json.elements.nodes[1]).not.toHaveProperty('position');
    expect(json.elements.edges[0].data).toMatchObject({ id: 'ischaemia->calcinosis', source: 'ischaemia', level: 'cohort', evidence: [{ ref: 'sample-2020' }] });
  });
});

interface Texts {
  label: string;
  summary: string;
  finding: string;
  relation: string;
  citation: string;
  title: string;
}

/** A two-concept map carrying the given texts in the fields every exporter writes, one concept pinned. */
function mapWithTexts(t: Texts): PathoMap {
  const evidence = [{ kind: 'finding' as const, ref: 'r', finding: t.finding, level: 'cohort' as const }];
  return {
    id: 'prop',
    title: t.title,
    references: [{ id: 'r', citation: t.citation }],
    categories: [{ id: 'c', label: t.label, color: '#E69F00', shape: 'circle', band: 0 }],
    nodes: [
      { id: 'a', label: t.label, category: 'c', summary: t.summary, evidence, notes: t.summary, aliases: [t.label], position: { x: 1.5, y: -2 } },
      { id: 'b', label: 'B', category: 'c', summary: 'S', evidence },
    ],
    edges: [{ id: 'a->b', source: 'a', target: 'b', relation: t.relation, effect: 'associated', level: 'rct', evidence, notes: t.finding }],
    tours: [],
  };
}

describe('what the flagship needs, through every format', () => {
  /** The valid fixture with a structured reference, a contradicting finding and an extrapolated relation. */
  async function withNewFields(): Promise<PathoMap> {
    const text = (await readFile('tests/fixtures/maps/valid.yaml', 'utf8'))
      .replace(
        '    citation: Summary B. Findings without a stored text. Test Journal. 2021;2:3-4.\n',
        '    authors: ["Summary B", "Davis MDP"]\n    etAl: true\n    title: Findings without a stored text\n    journal: Test J\n    year: 2021\n    volume: "2"\n    issue: "1"\n    pages: "3-14"\n',
      )
      .replace('relation: promotes\n', 'relation: promotes\n    extrapolated: mouse models\n')
      .replace(
        '        quote: digital ulcers preceded calcinosis in most patients\n',
        '        quote: digital ulcers preceded calcinosis in most patients\n      - ref: summary-2021\n        finding: Ulcers came after calcinosis in another cohort.\n        level: cohort\n        stance: contradicts\n',
      );
    const result = await loadAnyMap({
      fileName: 'fields.yaml',
      content: text,
      readReference: (path) => readInside(resolve('tests/fixtures/maps'), path),
    });
    expect(result.problems.map(formatProblem)).toEqual([]);
    return result.map!;
  }

  it('loads them', async () => {
    const map = await withNewFields();
    expect(map.references[1]).toMatchObject({ authors: ['Summary B', 'Davis MDP'], etAl: true, journal: 'Test J', year: 2021, pages: '3-14' });
    expect(map.references[1]).not.toHaveProperty('citation');
    expect(map.edges[0]!.extrapolated).toBe('mouse models');
    expect(map.edges[1]!.disputed).toBe(true);
    expect(map.edges[1]!.evidence[1]!.stance).toBe('contradicts');
  });

  it.each(EXPORTERS)('keeps them through %s', async (_, extension, exporter) => {
    const map = await withNewFields();
    const result = await roundTrip(map, exporter, extension, 'tests/fixtures/maps');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.map).toEqual(map);
  });
});
