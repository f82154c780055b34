import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { OKABE_ITO } from '../../../src/core/formats/category-style.ts';
import { loadAnyMap, toPathomapYaml } from '../../../src/core/formats/index.ts';
import { formatProblem, NODE_SHAPES, type LoadResult } from '../../../src/core/model/types.ts';

const FIXTURES = 'tests/fixtures/formats';
const MAP_FIXTURES = 'tests/fixtures/maps';

async function loadFixture(name: string): Promise<LoadResult> {
  const fileName = `${FIXTURES}/${name}`;
  return loadAnyMap({ fileName, content: await readFile(fileName) });
}

const load = (fileName: string, content: string) => loadAnyMap({ fileName, content });
const formatted = (result: LoadResult) => result.problems.map(formatProblem);

async function readMapReference(relativePath: string): Promise<Uint8Array | null> {
  try {
    return await readFile(join(MAP_FIXTURES, relativePath));
  } catch {
    return null;
  }
}

describe('loadAnyMap on one fixture per defect class', () => {
  const f = (name: string) => `${FIXTURES}/${name}`;

  it.each([
    ['d3-missing-node.json', `${f('d3-missing-node.json')}:8:37 links[1].target: no node has id \`Valjaen\` (did you mean \`Valjean\`?)`],
    [
      'd3-index-out-of-range.json',
      `${f('d3-index-out-of-range.json')}:5:30 links[1].target: \`5\` is neither a node id nor a position in the node list (positions run from 0 to 1)`,
    ],
    [
      'cytoscape-edge-without-source.json',
      `${f('cytoscape-edge-without-source.json')}:5:33 elements[2].data: missing required field \`source\` (the id of the node the edge starts at)`,
    ],
    [
      'graphml-missing-node.graphml',
      `${f('graphml-missing-node.graphml')}:7:26 graphml.graph.edge[1]@target: no node has id \`calcinosis\` (known: \`ischaemia\`, \`ulcer\`)`,
    ],
    ['malformed.graphml', `${f('malformed.graphml')}:7:3: \`</graph>\` where \`</node>\` was expected (\`<node>\` opens at line 5, column 5)`],
    [
      'doctype.graphml',
      `${f('doctype.graphml')}:2:1: DOCTYPE and ENTITY declarations are not accepted (remove the <!DOCTYPE …> declaration; GraphML needs none, and entities it defines could expand without bound)`,
    ],
    [
      'unknown-entity.graphml',
      `${f('unknown-entity.graphml')}:5:36: unknown entity \`&eacute;\` (only &lt; &gt; &amp; &quot; &apos; and character references such as &#233; are read)`,
    ],
    [
      'unknown.csv',
      `${f('unknown.csv')}:1:1: not a map file Pathomap can read (open a Pathomap map (YAML or JSON), d3 force JSON {nodes, links}, Cytoscape.js JSON {elements}, GraphML, a DisMech disorder file (YAML) or a CmapTools map (CXL))`,
    ],
    ['dismech-section-not-a-list.yaml', `${f('dismech-section-not-a-list.yaml')}:3:13 phenotypes: must be a list`],
    [
      'dismech-entry-without-name.yaml',
      `${f('dismech-entry-without-name.yaml')}:5:5 phenotypes[1]: missing required field \`name\` (every phenotype is named; links find it by its name)`,
    ],
    ['dismech-bad-yaml.yaml', `${f('dismech-bad-yaml.yaml')}:6:4: all sequence items must start at the same column`],
    ['cxl-malformed.cxl', `${f('cxl-malformed.cxl')}:6:5: \`</concept-list>\` where \`</concept>\` was expected (\`<concept>\` opens at line 5, column 7)`],
    [
      'cxl-unknown-connection-end.cxl',
      `${f('cxl-unknown-connection-end.cxl')}:8:36 cmap.map.connection-list.connection[1]@to-id: no concept or linking phrase has id \`ulcr\` (did you mean \`ulcer\`?)`,
    ],
    [
      'cxl-doctype.cxl',
      `${f('cxl-doctype.cxl')}:2:1: DOCTYPE and ENTITY declarations are not accepted (remove the <!DOCTYPE …> declaration; CXL needs none, and entities it defines could expand without bound)`,
    ],
  ])('%s', async (name, expected) => {
    const result = await loadFixture(name);
    expect(formatted(result)).toEqual([expected]);
    expect(result.problems[0]!.severity).toBe('error');
    expect(result.map).toBeUndefined();
  });

  it.each([
    ['too deeply nested JSON', 'deep.json', `{"nodes": [], "links": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`, 'deep.json:1:123: nested more than 100 levels deep'],
    ['too deeply nested XML', 'deep.graphml', `<graphml>\n${'<g>'.repeat(100_000)}`, 'deep.graphml:2:298: elements are nested more than 100 levels deep'],
    ['a JSON syntax error, once', 'comma.json', '{"nodes": [{"id": "a"} {"id": "b"}], "links": []}', 'comma.json:1:24: not valid JSON: '],
    ['an empty file of no known kind', 'empty.txt', '  \n', 'empty.txt:1:1: the file is empty'],
    ['an empty GraphML file', 'empty.graphml', '', 'empty.graphml:1:1: the file holds no XML element'],
    ['a d3 file without nodes', 'links.json', '{"links": []}', 'links.json:1:1: missing required field `nodes`'],
    ['a Cytoscape file whose elements are text', 'c.cyjs', '{"elements": "none"}', 'c.cyjs:1:14 elements: must be a list of elements'],
    ['a GraphML file with another root', 'x.graphml', '<graph/>', 'x.graphml:1:1 graph: the root element must be `<graphml>`, not `<graph>`'],
    ['a GraphML file without a graph', 'x.graphml', '<graphml/>', 'x.graphml:1:1 graphml: no `<graph>` element'],
    ['an edge without target', 'x.graphml', '<graphml><graph><node id="a"/><edge source="a"/></graph></graphml>', 'x.graphml:1:31 graphml.graph.edge: missing required attribute `target`'],
    ['a CXL file with another root', 'x.cxl', '<map/>', 'x.cxl:1:1 map: the root element must be `<cmap>`, not `<map>`'],
    ['a CXL file without a map', 'x.cxl', '<cmap><res-meta/></cmap>', 'x.cxl:1:1 cmap: no `<map>` element'],
    ['a CXL concept without an id', 'x.cxl', '<cmap><map><concept-list><concept label="A"/></concept-list></map></cmap>', 'x.cxl:1:26 cmap.map.concept-list.concept: missing required attribute `id`'],
    ['a DisMech file without a name', 'd.yaml', 'phenotypes:\n  - name: Oral ulcer\n', 'd.yaml:1:1: missing required field `name`'],
    ['a DisMech term id that is not text', 'd.yaml', 'name: D\nphenotypes:\n  - name: P\n    synonyms: [[1]]\n', 'd.yaml:4:16 phenotypes[0].synonyms[0]: must be text, not a list'],
  ])('%s', async (_, fileName, content, expected) => {
    const started = performance.now();
    const result = await load(fileName, content);
    expect(result.problems).toHaveLength(1);
    expect(formatted(result)[0]!.startsWith(expected), formatted(result)[0]).toBe(true);
    expect(result.map).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('loadAnyMap on valid files of each format', () => {
  it('reads d3 force JSON: ids made valid, groups as categories, links by id and by position, fx/fy as a pin', async () => {
    const { map, problems } = await loadFixture('d3-valid.json');
    expect(problems).toEqual([]);
    expect(map!.id).toBe('d3-valid');
    expect(map!.title).toBe('d3-valid');
    expect(map!.nodes.map((n) => [n.id, n.label, n.category])).toEqual([
      ['Myriel', 'Myriel', '1'],
      ['Mme.-Magloire', 'Madame Magloire', '1'],
      ['Valjean', 'Valjean', 'Main-characters'],
      ['7', '7', 'imported'],
    ]);
    expect(map!.nodes[2]!.position).toEqual({ x: 10, y: -20 });
    expect(map!.nodes[0]).not.toHaveProperty('position');
    // No evidence, so no level: none is invented for them.
    expect(map!.edges.map((e) => [e.source, e.target, e.relation, e.level])).toEqual([
      ['Myriel', 'Mme.-Magloire', 'is linked to', undefined],
      ['Myriel', 'Valjean', 'is linked to', undefined],
      ['Valjean', '7', 'meets', undefined],
    ]);
  });

  it('derives categories in order of first use, with Okabe–Ito colours and distinct shapes', async () => {
    const { map } = await loadFixture('d3-valid.json');
    expect(map!.categories).toEqual([
      { id: '1', label: 'Group 1', color: OKABE_ITO[0], shape: NODE_SHAPES[0], band: 0 },
      { id: 'Main-characters', label: 'Main characters', color: OKABE_ITO[1], shape: NODE_SHAPES[1], band: 1 },
      { id: 'imported', label: 'Imported', color: OKABE_ITO[2], shape: NODE_SHAPES[2], band: 2 },
    ]);
  });

  it('gives 64 groups 64 different colour and shape pairs', async () => {
    const nodes = Array.from({ length: 64 }, (_, i) => ({ id: `n${i}`, group: `g${i}` }));
    const { map } = await load('many.json', JSON.stringify({ nodes, links: [] }));
    const pairs = new Set(map!.categories.map((c) => `${c.color} ${c.shape}`));
    expect(pairs.size).toBe(64);
  });

  it('puts every node of a graph without groups into one "Imported" category', async () => {
    const { map } = await load('g.json', '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}');
    expect(map!.categories.map((c) => c.label)).toEqual(['Imported']);
    expect(new Set(map!.nodes.map((n) => n.category))).toEqual(new Set(['imported']));
  });

  it('reads Cytoscape.js JSON: name and type, description as summary, interaction as relation, locked positions only', async () => {
    const { map, problems } = await loadFixture('cytoscape-valid.cyjs');
    expect(problems).toEqual([]);
    expect(map!.title).toBe('Calcification network');
    expect(map!.nodes.map((n) => [n.id, n.label, n.category, n.summary])).toEqual([
      ['n1', 'Phosphate', 'mineral', 'Imported from Cytoscape.js JSON; no summary.'],
      ['n2', 'MGP', 'inhibitor', 'Matrix Gla protein'],
      ['n3', 'Calcinosis', 'imported', 'Imported from Cytoscape.js JSON; no summary.'],
    ]);
    expect(map!.nodes.map((n) => n.position)).toEqual([undefined, { x: 5, y: 6 }, undefined]);
    // "e 2" is no Pathomap id, so the relation is named by its ends.
    expect(map!.edges.map((e) => [e.id, e.relation])).toEqual([
      ['e1', 'promotes'],
      ['n2->n3', 'inhibits'],
    ]);
  });

  it('reads Cytoscape.js elements given as one list, inferring edges from source and target', async () => {
    const elements = [
      { data: { id: 'a' } },
      { group: 'nodes', data: { id: 'b' } },
      { data: { source: 'a', target: 'b' } },
    ];
    const { map, problems } = await load('list.json', JSON.stringify({ elements }));
    expect(problems).toEqual([]);
    expect(map!.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(map!.edges.map((e) => e.id)).toEqual(['a->b']);
  });

  it('reads GraphML: keys by attr.name, defaults, entities and CDATA', async () => {
    const { map, problems } = await loadFixture('graphml-valid.graphml');
    expect(problems).toEqual([]);
    expect(map!.nodes.map((n) => [n.id, n.label, n.category, n.summary])).toEqual([
      ['ca', 'Calcium & phosphate', 'Mineral', 'Ions that <precipitate> together.'],
      ['fetuin', 'Fetuin\u2011A', 'Other', 'Imported from GraphML; no summary.'],
      ['lesion', 'lesion', 'Other', 'Imported from GraphML; no summary.'],
    ]);
    expect(map!.edges.map((e) => [e.id, e.source, e.target, e.relation])).toEqual([
      ['fetuin->ca', 'fetuin', 'ca', 'binds'],
      ['e1', 'ca', 'lesion', 'is linked to'],
    ]);
  });

  it("reads yEd's labels from its graphics data", async () => {
    const { map, problems } = await loadFixture('yed.graphml');
    expect(problems).toEqual([]);
    expect(map!.nodes.map((n) => n.label)).toEqual(['Ischaemia', 'Ulcer']);
    expect(map!.edges.map((e) => e.relation)).toEqual(['causes']);
  });

  it('reads JSON that only YAML accepts, such as JSON with a comment', async () => {
    const { map, problems } = await load('c.json', '{"nodes": [{"id": "a"}, {"id": "b"}], # two\n "links": [{"source": "a", "target": "b"}]}');
    expect(problems).toEqual([]);
    expect(map!.edges).toHaveLength(1);
  });

  it('reads nested GraphML graphs flat', async () => {
    const text = '<graphml><graph><node id="a"><graph><node id="b"/></graph></node><edge source="a" target="b"/></graph></graphml>';
    const { map } = await load('nested.graphml', text);
    expect(map!.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(map!.edges).toHaveLength(1);
  });

  it('still reads Pathomap YAML and JSON files, with their quotes checked', async () => {
    const yaml = readFileSync(join(MAP_FIXTURES, 'valid.yaml'), 'utf8');
    for (const [fileName, content] of [
      ['valid.yaml', yaml],
      ['valid.json', JSON.stringify(parseYaml(yaml), null, 2)],
    ]) {
      const result = await loadAnyMap({ fileName: fileName!, content: content!, readReference: readMapReference });
      expect(formatted(result)).toEqual([]);
      expect(result.map!.nodes[0]!.evidence[0]).toMatchObject({ kind: 'quote', span: expect.any(Object) });
    }
  });
});

describe('"no source": imported concepts and relations without evidence', () => {
  it('marks every concept and relation of an imported map unsourced, with empty evidence', async () => {
    const { map } = await loadFixture('graphml-valid.graphml');
    for (const item of [...map!.nodes, ...map!.edges]) {
      expect(item.unsourced).toBe(true);
      expect(item.evidence).toEqual([]);
    }
  });

  it('keeps requiring evidence in Pathomap files, YAML or JSON', async () => {
    const yaml = readFileSync(join(MAP_FIXTURES, 'valid.yaml'), 'utf8');
    const data = parseYaml(yaml) as { nodes: { evidence: unknown[] }[] };
    data.nodes[1]!.evidence = [];
    for (const [fileName, content] of [
      ['m.json', JSON.stringify(data, null, 2)],
      ['m.yaml', yaml.replace(/(- id: ulcer[\s\S]*?)evidence:\n(?:\s+.*\n){4}/, '$1evidence: []\n')],
    ]) {
      const result = await loadAnyMap({ fileName: fileName!, content: content!, readReference: readMapReference });
      expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['nodes[1].evidence: needs at least one item']);
      expect(result.map).toBeUndefined();
    }
  });

  it('exports an imported map as a YAML draft that says what is missing, and will not load until it is added', async () => {
    const { map } = await loadFixture('yed.graphml');
    const yaml = toPathomapYaml(map!);
    expect(yaml.split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=./schema.json',
      '# Imported: 2 concept(s) and 1 relation(s) have no evidence yet (evidence: []).',
      '# Add at least one quote or finding to each, and a level to each relation, before this file will load.',
    ]);
    const reloaded = await load('yed.yaml', yaml);
    expect(reloaded.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'nodes[0].evidence: needs at least one item',
      'nodes[1].evidence: needs at least one item',
      'edges[0]: missing required field `level`',
      'edges[0].evidence: needs at least one item',
    ]);
  });

  it('leaves imported evidence, when a file carries some, to the usual checks', async () => {
    const nodes = [
      { id: 'a', evidence: [{ ref: 'r', finding: 'Seen in a cohort.', level: 'cohort' }] },
      { id: 'b', evidence: [{ ref: 'nope', finding: 'Elsewhere.', level: 'cohort' }] },
    ];
    const data = { data: { references: [{ id: 'r', citation: 'R.' }] }, elements: { nodes: nodes.map((data) => ({ data })), edges: [] } };
    const result = await load('e.cyjs', JSON.stringify(data, null, 2));
    expect(formatted(result)).toEqual([
      'e.cyjs:29:22 elements.nodes[1].data.evidence[0].ref: unknown reference `nope` (known: `r`)',
    ]);
  });
});

describe('problems of imported maps, in the terms of the user’s file', () => {
  it.each([
    [
      'an unknown evidence level on a d3 link',
      'l.json',
      '{\n"nodes": [{"id": "a"}, {"id": "b"}],\n"links": [{"source": "a", "target": "b", "level": "anecdote"}]\n}',
      'l.json:3:51 links[0].level: must be one of `systematic-review`, `rct`, `cohort`',
    ],
    [
      'a duplicate d3 node id, pointing at the first',
      'l.json',
      '{\n"nodes": [\n{"id": "a"},\n{"id": "a"}\n],\n"links": []\n}',
      'l.json:4:8 nodes[1].id: duplicate concept id `a` (nodes[0] on line 3 already has it)',
    ],
    [
      'a duplicate GraphML node id, pointing at the first',
      'd.graphml',
      '<graphml><graph>\n<node id="a"/>\n<node id="a"/>\n</graph></graphml>',
      'd.graphml:3:7 graphml.graph.node[1]@id: duplicate concept id `a` (graphml.graph.node[0] on line 2 already has it)',
    ],
    [
      'a GraphML label too long for a map',
      'long.graphml',
      `<graphml><key id="k" attr.name="label"/><graph>\n<node id="a"><data key="k">${'x'.repeat(201)}</data></node>\n</graph></graphml>`,
      'long.graphml:2:14 graphml.graph.node.data: is too long (201 characters; at most 200)',
    ],
    [
      'GraphML evidence that is not JSON',
      'e.graphml',
      '<graphml><key id="k" attr.name="evidence"/><graph>\n<node id="a"><data key="k">quoted somewhere</data></node>\n</graph></graphml>',
      'e.graphml:2:14 graphml.graph.node.data: `evidence` must hold JSON',
    ],
    [
      'a Cytoscape label that is a list',
      'c.cyjs',
      '{"elements": {"nodes": [\n{"data": {"id": "a", "label": ["A"]}}\n]}}',
      'c.cyjs:2:31 elements.nodes[0].data.label: must be text, not a list',
    ],
    [
      'a Cytoscape element group that does not exist',
      'c.cyjs',
      '{"elements": [\n{"group": "node", "data": {"id": "a"}}\n]}',
      'c.cyjs:2:11 elements[0].group: must be `nodes` or `edges`',
    ],
  ])('locates %s', async (_, fileName, content, expected) => {
    const lines = formatted(await load(fileName, content));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(expected), `${lines[0]}\n  should start with\n${expected}`).toBe(true);
  });

  it('leaves a link from a node to itself out, with a warning, and draws the rest', async () => {
    const result = await load('loop.json', '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "a"}, {"source": "a", "target": "b"}]}');
    expect(formatted(result)).toEqual(['loop.json:1:49 links[0]: a link from `a` to itself is left out (Pathomap relations join two different concepts)']);
    expect(result.problems[0]!.severity).toBe('warning');
    expect(result.map!.edges.map((e) => e.id)).toEqual(['a->b']);
  });

  it('warns about undeclared GraphML data keys and hyperedges, and reads the rest', async () => {
    const text = '<graphml><graph><node id="a"><data key="label">A</data></node><hyperedge/></graph></graphml>';
    const result = await load('w.graphml', text);
    expect(result.problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toEqual([
      'warning graphml.graph.node.data: data key `label` is not declared',
      'warning graphml.graph.hyperedge: hyperedges are left out',
    ]);
    expect(result.map!.nodes[0]!.label).toBe('A');
  });

  it('respells ids Pathomap cannot use without ever taking an id that was valid', async () => {
    const nodes = [{ id: 'a b' }, { id: 'a-b' }, { id: 'Äpfel' }, { id: '' }, {}];
    const { map } = await load('ids.json', JSON.stringify({ nodes, links: [{ source: 'a b', target: 'a-b' }] }));
    expect(map!.nodes.map((n) => n.id)).toEqual(['a-b-2', 'a-b', 'Apfel', 'node', 'n4']);
    expect(map!.edges.map((e) => [e.source, e.target])).toEqual([['a-b-2', 'a-b']]);
  });
});
