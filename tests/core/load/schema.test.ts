import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatFieldPath } from '../../../src/core/load/issue.ts';
import { checkAgainstSchema, mapSchema } from '../../../src/core/load/schema.ts';
import { EVIDENCE_LEVELS, NODE_SHAPES } from '../../../src/core/model/types.ts';

const VALID = parse(readFileSync('tests/fixtures/maps/valid.yaml', 'utf8')) as Record<string, any>;

/** The valid map with `change` applied to a deep copy. */
function changed(change: (map: Record<string, any>) => void): Record<string, any> {
  const map = structuredClone(VALID);
  change(map);
  return map;
}

const explain = (value: unknown) =>
  checkAgainstSchema(value).map((i) => `${formatFieldPath(i.path)}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`);

describe('graph-data/schema.json', () => {
  it('lists the same evidence levels and shapes as the data model', () => {
    expect(mapSchema.$defs.evidenceLevel.enum).toEqual([...EVIDENCE_LEVELS]);
    expect(mapSchema.$defs.category.properties.shape.enum).toEqual([...NODE_SHAPES]);
  });

  it('gives every property a title and a description, for editors', () => {
    const undocumented: string[] = [];
    const visit = (schema: unknown, where: string) => {
      if (typeof schema !== 'object' || schema === null) return;
      for (const [key, value] of Object.entries(schema)) {
        if (key === 'properties') {
          for (const [name, property] of Object.entries(value as object)) {
            if (!property.title || !property.description) undocumented.push(`${where}.${name}`);
          }
        }
        visit(value, `${where}.${key}`);
      }
    };
    visit(mapSchema, '#');
    expect(undocumented).toEqual([]);
  });

  it('accepts the valid fixture', () => {
    expect(explain(VALID)).toEqual([]);
  });
});

describe('checkAgainstSchema', () => {
  it.each(['#abc', '#A1B2C3'])('accepts the colour %j', (color) => {
    expect(explain(changed((m) => (m.categories[0].color = color)))).toEqual([]);
  });

  // A colour ends up in style attributes; nothing but a hex colour may get through.
  it.each(['red', '#abcd', '#12345', '#1234567', '#fff;', '#fff\n', '#fff; background: url(x)', 'rgb(0,0,0)', 'var(--x)'])(
    'rejects the colour %j',
    (color) => {
      expect(explain(changed((m) => (m.categories[0].color = color)))).toEqual([
        expect.stringMatching(/^categories\[0\]\.color: .* is not allowed here \(use a hex colour/),
      ]);
    },
  );

  it.each([
    ['an id with a space', (m: any) => (m.nodes[0].id = 'a b'), /^nodes\[0\]\.id: "a b" is not allowed here \(use letters, digits/],
    ['an id starting with a dash', (m: any) => (m.nodes[0].id = '-a'), /^nodes\[0\]\.id: "-a" is not allowed here/],
    ['a PubMed id with letters', (m: any) => (m.references[0].pmid = 'PMID123'), /^references\[0\]\.pmid: "PMID123" is not allowed here \(a PubMed id is digits only/],
    ['a DOI with a resolver', (m: any) => (m.references[0].doi = 'https://doi.org/10.1/x'), /^references\[0\]\.doi: .* \(give the DOI itself/],
    ['a file: address', (m: any) => (m.references[1].url = 'file:///etc/passwd'), /^references\[1\]\.url: .* \(use an http:\/\/ or https:\/\/ address/],
    ['a too-long label', (m: any) => (m.nodes[0].label = 'x'.repeat(201)), /^nodes\[0\]\.label: is too long \(201 characters; at most 200\)$/],
    ['an empty title', (m: any) => (m.title = ''), /^title: must not be empty$/],
    ['a list where a mapping belongs', (m: any) => (m.nodes[0] = ['x']), /^nodes\[0\]: must be a mapping \(key: value lines\), not a list$/],
    ['a tour step without concepts', (m: any) => (m.tours[0].steps[0].nodes = []), /^tours\[0\]\.steps\[0\]\.nodes: needs at least one item$/],
    ['a fractional band', (m: any) => (m.categories[0].band = 1.5), /^categories\[0\]\.band: must be a whole number, not a number$/],
    ['an infinite position', (m: any) => (m.nodes[0].position = { x: Infinity, y: 0 }), /^nodes\[0\]\.position\.x: must be a finite number$/],
    ['an unpaired surrogate', (m: any) => (m.nodes[0].label = 'a\uD800b'), /^nodes\[0\]\.label: contains an invalid character/],
  ])('explains %s in one message', (_, change, expected) => {
    expect(explain(changed(change))).toEqual([expect.stringMatching(expected)]);
  });

  it('accepts characters outside the Basic Multilingual Plane', () => {
    expect(explain(changed((m) => (m.nodes[0].label = 'Ca²⁺ 🦴')))).toEqual([]);
  });

  it('explains a misfit evidence item by the kind it was meant to be', () => {
    const evidence = (items: unknown[]) => explain(changed((m) => (m.nodes[0].evidence = items)));
    expect(evidence([{ ref: 'sample-2020' }])).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: needs either `quote` or `finding` \+ `level` \(`quote`: a verbatim passage.*; or `finding`: /),
    ]);
    expect(evidence([{ quote: 'x' }])).toEqual(['nodes[0].evidence[0]: missing required field `ref` (the `id` of the reference this evidence comes from)']);
    expect(evidence([{ ref: 'sample-2020', finding: 'x' }])).toEqual([
      'nodes[0].evidence[0]: missing required field `level` (the kind of study the finding comes from)',
    ]);
    expect(evidence([{ ref: 'sample-2020', quote: 'x', caveat: 'y' }])).toEqual([
      'nodes[0].evidence[0].caveat: unknown field `caveat` (allowed here: `ref`, `quote`, `note`, `stance`)',
    ]);
    expect(evidence([{ ref: 'sample-2020', quote: 'x', finding: 'y', level: 'rct' }])).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: cannot have both `quote` and `finding` \+ `level`/),
    ]);
    // Whatever the intended kind, a broken `ref` is reported, and a missing one too.
    expect(evidence([{ ref: 'bad ref', note: 'n' }])).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: needs either/),
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]\.ref: "bad ref" is not allowed here/),
    ]);
    expect(evidence([{}])).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: needs either/),
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: missing required field `ref`/),
    ]);
  });

  it('takes a reference as a journal article field by field, or as a free-text citation, and explains a misfit', () => {
    const reference = (r: Record<string, unknown>) => explain(changed((m) => (m.references[1] = { id: 'summary-2021', ...r })));
    const article = { authors: ['Summary B', 'Davis MDP'], etAl: true, title: 'T', journal: 'Test J', year: 2021, volume: '2', issue: '1', pages: '3-4' };
    expect(reference(article)).toEqual([]);
    // Only what was seen: a title without authors, authors without a title.
    expect(reference({ title: 'T', journal: 'J', year: 2012 })).toEqual([]);
    expect(reference({ authors: ['Li Q'], journal: 'J', year: 2016 })).toEqual([]);
    expect(reference({ citation: 'Free text' })).toEqual([]);
    expect(reference({ url: 'https://example.org' })).toEqual([
      'references[1]: needs either `journal` + `year` or `citation` (`journal` + `year`: a journal article, field by field; or `citation`: any source as free text)',
    ]);
    expect(reference({ citation: 'Free text', journal: 'J' })).toEqual([
      expect.stringMatching(/^references\[1\]: cannot have both `journal` and `citation`/),
    ]);
    expect(reference({ journal: 'J' })).toEqual(['references[1]: missing required field `year` (the year of publication, e.g. 2015)']);
    expect(reference({ ...article, volume: 2 })).toEqual(['references[1].volume: must be text, not a whole number (write it in quotes: "2")']);
    expect(reference({ ...article, year: '2021' })).toEqual(['references[1].year: must be a whole number, not text']);
    expect(reference({ ...article, authors: 'Summary B' })).toEqual(['references[1].authors: must be a list, not text']);
  });

  it('keeps the problems of different evidence items apart', () => {
    const problems = explain(
      changed((m) => {
        m.nodes[0].evidence = [{ ref: 'sample-2020', quote: 'x', level: 'rct' }];
        m.nodes[1].evidence = [{ ref: 'summary-2021', finding: 'x' }];
        m.edges[0].evidence = [{ ref: 'sample-2020', quote: '' }];
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: cannot have both `quote` and `level`/),
      expect.stringMatching(/^nodes\[1\]\.evidence\[0\]: missing required field `level`/),
      'edges[0].evidence[0].quote: must not be empty',
    ]);
  });

  it('reports a structure that contains itself instead of looping', () => {
    const map = changed(() => {});
    map.nodes[0].aliases = [map.nodes[0]];
    expect(explain(map)).toEqual(['nodes[0].aliases[0]: contains itself (through a YAML alias)']);
  });
});

describe('checkAgainstSchema for imported maps', () => {
  const imported = (value: unknown) =>
    checkAgainstSchema(value, { allowUnsourced: true }).map((i) => `${formatFieldPath(i.path)}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`);
  const recorded = { ref: 'sample-2020', recordedIn: 'DisMech', excerpt: 'x', verdict: 'refutes', origin: 'human-clinical', stance: 'contradicts' };

  it('accepts evidence recorded by another tool and ontology terms in imported maps only', () => {
    const map = changed((m) => {
      m.nodes[0].evidence = [recorded];
      m.nodes[0].terms = [{ id: 'HP:0000155', label: 'Oral ulcer', role: 'phenotype' }];
    });
    expect(imported(map)).toEqual([]);
    expect(explain(map)).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]: needs either `quote` or `finding` \+ `level`/),
      'nodes[0].terms: unknown field `terms` (allowed here: `id`, `label`, `category`, `summary`, `evidence`, `aliases`, `notes`, `position`, `parent`)',
    ]);
  });

  it('explains a misfit recorded item in the words of its own rules', () => {
    const evidence = (item: unknown) => imported(changed((m) => (m.nodes[0].evidence = [item])));
    expect(evidence({ ...recorded, verdict: 'maybe' })).toEqual([
      'nodes[0].evidence[0].verdict: must be one of `supports`, `refutes`, `partial`, `no-evidence`, `wrong-statement`',
    ]);
    expect(evidence({ ...recorded, snippet: 'y' })).toEqual([
      expect.stringMatching(/^nodes\[0\]\.evidence\[0\]\.snippet: unknown field `snippet` \(allowed here: `ref`, `recordedIn`, `excerpt`/),
    ]);
    expect(imported(changed((m) => (m.nodes[0].terms = [{ id: 'not a term' }])))).toEqual([
      'nodes[0].terms[0].id: "not a term" is not allowed here (write a compact term id such as "HP:0000155")',
    ]);
  });
});
