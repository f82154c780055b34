import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/formats/detect.ts';
import { outlineJson } from '../../../src/core/formats/json-outline.ts';

describe('detectFormat', () => {
  it.each([
    ['map.yaml', 'title: A map\nnodes: []\n', 'pathomap-yaml'],
    ['notes.txt', '# yaml-language-server: $schema=./schema.json\ntitle: A map\n', 'pathomap-yaml'],
    ['map.yml', '{title: A map, nodes: []}', 'pathomap-yaml'],
    ['map.json', '{"title": "A map", "references": [], "categories": [], "nodes": [], "edges": []}', 'pathomap-json'],
    ['export.txt', '{"title": "\\"links\\": in a string", "edges": []}', 'pathomap-json'],
    ['miserables.json', '{"nodes": [{"id": "Myriel"}], "links": []}', 'd3-json'],
    ['nodes-only.json', '{"nodes": [{"id": "Myriel"}]}', 'd3-json'],
    ['network.cyjs', '{"format_version": "1.0", "elements": {"nodes": [], "edges": []}}', 'cytoscape-json'],
    ['mislabelled.yaml', '{"elements": []}', 'cytoscape-json'],
    ['with-bom.json', '\uFEFF  {"links": []}', 'd3-json'],
    ['graph.graphml', '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', 'graphml'],
    ['graph.xml', '<!-- exported --><graphml>', 'graphml'],
    ['prefixed.txt', '<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">', 'graphml'],
    ['broken.graphml', '<graph/>', 'graphml'],
    ['page.xml', '<html><body/></html>', 'unknown'],
    ['Plants.cxl', '<?xml version="1.0"?>\n<cmap xmlns="http://cmap.ihmc.us/xml/cmap/"><map/></cmap>', 'cmap-cxl'],
    ['export.xml', '<!-- CmapTools --><cmap><map/></cmap>', 'cmap-cxl'],
    ['broken.cxl', '<map/>', 'cmap-cxl'],
    ['empty.cxl', '', 'cmap-cxl'],
    ['Asthma.yaml', 'name: Asthma\npathophysiology:\n  - name: Airway inflammation\n', 'dismech-yaml'],
    ['disorder.txt', 'name: Asthma\nphenotypes:\n  - name: Wheezing\n', 'dismech-yaml'],
    ['disorder.json', '{"name": "Asthma", "pathophysiology": []}', 'dismech-yaml'],
    // A Pathomap file with a field named like DisMech's is still a Pathomap file (its schema then says what is wrong).
    ['map.yaml', 'title: A map\nnodes: []\nphenotypes: []\n', 'pathomap-yaml'],
    ['map.yaml', 'title: A map\nnodes:\n  - id: a\n    pathophysiology: x\n', 'pathomap-yaml'],
    ['nested.json', '{"data": {"elements": [], "links": []}}', 'unknown'],
    ['other.json', '{"foo": 1}', 'unknown'],
    ['list.json', '[{"id": 1}]', 'unknown'],
    ['table.csv', 'source,target\na,b\n', 'unknown'],
    ['empty.yaml', '', 'pathomap-yaml'],
    ['empty.json', '\n', 'pathomap-json'],
    ['empty.graphml', ' ', 'graphml'],
    ['empty', '', 'unknown'],
  ] as const)('%s → %s', (fileName, text, format) => {
    expect(detectFormat(fileName, text)).toBe(format);
  });
});

describe('outlineJson', () => {
  it('lists the keys of the top-level object only, unescaped', () => {
    expect(outlineJson('{"a": {"b": 1, "c": [{"d": 2}]}, "e\\u0041": "f, \\"g\\": h", "i": []}').topLevelKeys).toEqual(['a', 'eA', 'i']);
    expect(outlineJson('[{"a": 1}]').topLevelKeys).toEqual([]);
  });

  it('finds the first bracket beyond the depth limit without parsing the rest', () => {
    expect(outlineJson('[[[]]]', 3)).toEqual({ topLevelKeys: [] });
    expect(outlineJson('{"a": [[[1]]]}', 3)).toEqual({ topLevelKeys: ['a'], tooDeepAt: 8 });
    expect(outlineJson('{"a": "[[[[[["}', 3).tooDeepAt).toBeUndefined();
  });

  it('takes linear time on a huge flat object', () => {
    const text = `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
    const started = performance.now();
    expect(outlineJson(text).topLevelKeys).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
