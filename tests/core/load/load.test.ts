import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { damage, mutate } from '../../fixtures/damage.ts';
import { loadMap, MAX_FILE_BYTES, type MapSource } from '../../../src/core/load/load.ts';
import { mapIdOf } from '../../../src/core/model/map-id.ts';
import { relationIds } from '../../../src/core/load/resolve.ts';
import { formatProblem, type LoadResult } from '../../../src/core/model/types.ts';

const FIXTURES = 'tests/fixtures/maps';
const VALID_TEXT = readFileSync(join(FIXTURES, 'valid.yaml'), 'utf8');

/** Reads stored texts from the fixtures folder, recording what it was asked for. */
function fixtureReader() {
  return vi.fn(async (relativePath: string) => {
    try {
      return await readFile(join(FIXTURES, relativePath));
    } catch {
      return null;
    }
  });
}

async function loadFixture(name: string, readReference = fixtureReader()): Promise<LoadResult> {
  const fileName = `${FIXTURES}/${name}`;
  return loadMap({ fileName, content: await readFile(fileName), readReference });
}

/** Loads the valid map with `edit` applied to its text. */
function loadEdited(edit: (text: string) => string, extra: Partial<MapSource> = {}): Promise<LoadResult> {
  return loadMap({ fileName: 'edited.yaml', content: edit(VALID_TEXT), readReference: fixtureReader(), ...extra });
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const formatted = (result: LoadResult) => result.problems.map(formatProblem);

describe('loadMap on one fixture per defect class', () => {
  const f = (name: string) => `${FIXTURES}/${name}`;

  it('accepts the valid map without problems', async () => {
    const result = await loadFixture('valid.yaml');
    expect(formatted(result)).toEqual([]);
    expect(result.map?.id).toBe('valid');
  });

  // Each row: the fixture, the start of every formatted problem (in order), and whether the
  // map is still returned (only problems with stored sources leave it drawable).
  it.each([
    ['bad-yaml.yaml', [`${f('bad-yaml.yaml')}:32:26: missing closing "quote`], false],
    // The string runs to the end of the file: reported where it opens, not at the end.
    ['unclosed-quote.yaml', [`${f('unclosed-quote.yaml')}:32:12: missing closing "quote`], false],
    ['duplicate-key.yaml', [`${f('duplicate-key.yaml')}:35:5: map keys must be unique (this key appears earlier`], false],
    ['empty.yaml', [`${f('empty.yaml')}:1:1: the file is empty (a map needs \`title\``], false],
    ['non-utf8.yaml', [`${f('non-utf8.yaml')}:41:20: the file is not valid UTF-8 text (save it as UTF-8; the first invalid byte is at offset`], false],
    ['alias-bomb.yaml', [`${f('alias-bomb.yaml')}:2:8: aliases (*name) expand to too much data`], false],
    ['circular-alias.yaml', [`${f('circular-alias.yaml')}:44:39 nodes[2].aliases[1]: contains itself (through a YAML alias)`], false],
    ['top-level-list.yaml', [`${f('top-level-list.yaml')}:1:1: the top level must be a mapping with \`title\``], false],
    [
      'schema-violation.yaml',
      [`${f('schema-violation.yaml')}:20:12 categories[1].color: "red; background: url(x)" is not allowed here (use a hex colour such as "#c0392b"`],
      false,
    ],
    [
      'missing-evidence-kind.yaml',
      [`${f('missing-evidence-kind.yaml')}:36:9 nodes[1].evidence[0]: needs either \`quote\` or \`finding\` + \`level\` (\`quote\`: a verbatim passage`],
      false,
    ],
    ['duplicate-id.yaml', [`${f('duplicate-id.yaml')}:49:9 nodes[3].id: duplicate concept id \`ulcer\` (nodes[1] on line 31 already has it)`], false],
    ['dangling-edge.yaml', [`${f('dangling-edge.yaml')}:58:13 edges[1].target: unknown concept \`calcinsis\` (did you mean \`calcinosis\`?)`], false],
    ['self-loop.yaml', [`${f('self-loop.yaml')}:58:13 edges[1].target: relation from \`ulcer\` to itself`], false],
    ['unknown-category.yaml', [`${f('unknown-category.yaml')}:26:15 nodes[0].category: unknown category \`triger\` (did you mean \`trigger\`?)`], false],
    ['unknown-reference.yaml', [`${f('unknown-reference.yaml')}:36:14 nodes[1].evidence[0].ref: unknown reference \`summary-2022\``], false],
    ['unknown-tour-node.yaml', [`${f('unknown-tour-node.yaml')}:68:17 tours[0].steps[0].nodes[0]: unknown concept \`ischemia\``], false],
    [
      'quote-not-found.yaml',
      [`${f('quote-not-found.yaml')}:63:16 edges[1].evidence[0].quote: not found in references/sample-2020.txt (closest passage: "digital ulcers preceded calcinosis in most patients.`],
      true,
    ],
    ['quote-without-file.yaml', [`${f('quote-without-file.yaml')}:30:16 nodes[0].evidence[0].quote: cannot be checked: reference \`summary-2021\` has no stored \`file\``], true],
    ['finding-with-file.yaml', [`${f('finding-with-file.yaml')}:37:18 nodes[1].evidence[0].finding: reference \`sample-2020\` has a stored file: quote it instead`], true],
    ['file-outside-folder.yaml', [`${f('file-outside-folder.yaml')}:9:11 references[0].file: leaves the map's folder`], true],
    ['missing-reference-file.yaml', [`${f('missing-reference-file.yaml')}:9:11 references[0].file: references/missing.txt not found in the map's folder`], true],
    ['reference-not-utf8.yaml', [`${f('reference-not-utf8.yaml')}:9:11 references[0].file: references/latin1.txt is not UTF-8 text (invalid byte at line 2, column 8)`], true],
  ] as const)('%s', async (name, expected, drawable) => {
    const result = await loadFixture(name);
    const lines = formatted(result);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(lines[i]!.startsWith(start), `${lines[i]}\n  should start with\n${start}`).toBe(true));
    expect(result.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(result.map !== undefined).toBe(drawable);
  });

  it('never reads a stored text outside the map folder', async () => {
    const readReference = fixtureReader();
    await loadFixture('file-outside-folder.yaml', readReference);
    expect(readReference).not.toHaveBeenCalled();
  });

  it('stops an alias bomb at once', async () => {
    const started = performance.now();
    await loadFixture('alias-bomb.yaml');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('loadMap reading the file', () => {
  it('reads text as well as bytes, and a leading byte-order mark is ignored', async () => {
    for (const content of [VALID_TEXT, `\uFEFF${VALID_TEXT}`, new TextEncoder().encode(`\uFEFF${VALID_TEXT}`)]) {
      const result = await loadMap({ fileName: 'm.yaml', content, readReference: fixtureReader() });
      expect(formatted(result)).toEqual([]);
    }
  });

  it('reads a JSON map, since JSON is YAML', async () => {
    const result = await loadMap({ fileName: 'maps/m.json', content: JSON.stringify(parseYaml(VALID_TEXT)), readReference: fixtureReader() });
    expect(formatted(result)).toEqual([]);
    expect(result.map?.id).toBe('m');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const content = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    const result = await loadMap({ fileName: 'big.yaml', content });
    expect(formatted(result)).toEqual(['big.yaml:1:1: the file is too large (10.0 MB; at most 10.0 MB) (split the map into several maps)']);
  });

  it('reports a file holding only comments', async () => {
    const result = await loadMap({ fileName: 'c.yaml', content: '# nothing here\n' });
    expect(formatted(result)[0]).toMatch(/^c\.yaml:1:1: the file holds no data, only comments/);
  });

  it('reports a second YAML document', async () => {
    const result = await loadMap({ fileName: 'two.yaml', content: `${VALID_TEXT}---\ntitle: again\n` });
    expect(formatted(result)).toEqual([
      expect.stringMatching(/^two\.yaml:73:1: the file holds more than one YAML document \(a map file holds one document/),
    ]);
  });

  it('reports YAML warnings as warnings, next to the map', async () => {
    const result = await loadEdited((t) => replaceOnce(t, 'title: Test map', 'title: !custom Test map'));
    expect(result.problems).toMatchObject([{ line: 2, column: 8, severity: 'warning', message: expect.stringMatching(/^unresolved tag/) }]);
    expect(result.map).toBeDefined();
  });

  it('turns an exception of the reader into a problem', async () => {
    const result = await loadMap({
      fileName: 'm.yaml',
      content: VALID_TEXT,
      readReference: async () => {
        throw new Error('disk on fire');
      },
    });
    expect(formatted(result)).toEqual(['m.yaml:9:11 references[0].file: references/sample-2020.txt cannot be read: disk on fire']);
  });

  it('reports stored texts it has no way to read', async () => {
    const result = await loadMap({ fileName: 'm.yaml', content: VALID_TEXT });
    expect(formatted(result)[0]).toMatch(/^m\.yaml:9:11 references\[0\]\.file: references\/sample-2020\.txt cannot be read here/);
  });

  it('reads a stored text shared by several references once', async () => {
    const readReference = fixtureReader();
    const twice = replaceOnce(
      VALID_TEXT,
      'categories:',
      '  - id: sample-again\n    citation: The same source again.\n    file: ./references//sample-2020.txt\ncategories:',
    );
    const result = await loadMap({ fileName: 'm.yaml', content: twice, readReference });
    expect(formatted(result)).toEqual([]);
    expect(readReference.mock.calls).toEqual([['references/sample-2020.txt']]);
  });
});

describe('loadMap checks', () => {
  it('reports every problem at once, sorted by position', async () => {
    const result = await loadEdited((t) =>
      replaceOnce(
        replaceOnce(replaceOnce(t, 'category: trigger', 'category: nope'), 'shape: square', 'shape: blob'),
        'quote: damaged by chronic ischaemia',
        'quote: damaged by acute ischaemia',
      ),
    );
    expect(result.problems.map((p) => [p.line, p.path])).toEqual([
      [21, 'categories[1].shape'],
      [26, 'nodes[0].category'],
      [30, 'nodes[0].evidence[0].quote'],
    ]);
  });

  it.each([
    ['a missing required field, at its mapping', (t: string) => replaceOnce(t, '    summary: Reduced blood flow damages tissue.\n', ''), 'edited.yaml:24:5 nodes[0]: missing required field `summary` (one or two sentences'],
    ['an unknown field, at its key', (t: string) => replaceOnce(t, '    shape: circle', '    shape: circle\n    colour: red'), 'edited.yaml:18:5 categories[0].colour: unknown field `colour` (did you mean `color`?)'],
    ['a number where text belongs', (t: string) => replaceOnce(t, 'pmid: "12345678"', 'pmid: 12345678'), 'edited.yaml:7:11 references[0].pmid: must be text, not a whole number (write it in quotes: "12345678")'],
    ['a script address', (t: string) => replaceOnce(t, 'url: https://example.org/summary-2021', 'url: javascript:alert(1)'), 'edited.yaml:12:10 references[1].url: "javascript:alert(1)" is not allowed here (use an http:// or https:// address'],
    ['an unknown evidence level', (t: string) => replaceOnce(t, 'level: cohort\n        caveat', 'level: kohort\n        caveat'), 'edited.yaml:38:16 nodes[1].evidence[0].level: must be one of `systematic-review`, `rct`, `cohort`'],
    ['a finding without its level', (t: string) => replaceOnce(t, '        level: cohort\n        caveat', '        caveat'), 'edited.yaml:36:9 nodes[1].evidence[0]: missing required field `level` (the kind of study'],
    ['a quote with a level', (t: string) => replaceOnce(t, '        quote: damaged by chronic ischaemia\n', '        quote: damaged by chronic ischaemia\n        level: rct\n'), 'edited.yaml:29:9 nodes[0].evidence[0]: cannot have both `quote` and `level`'],
    ['evidence that is not a mapping', (t: string) => replaceOnce(t, '      - ref: summary-2021\n        finding: Ulcers are common in the affected patients.\n        level: cohort\n        caveat: Small sample.\n', '      - Ulcers are common.\n'), 'edited.yaml:36:9 nodes[1].evidence[0]: must be a mapping (key: value lines), not text'],
    ['empty evidence', (t: string) => replaceOnce(t, '    evidence:\n      - ref: summary-2021\n        finding: Ulcers are common in the affected patients.\n        level: cohort\n        caveat: Small sample.\n', '    evidence: []\n'), 'edited.yaml:35:15 nodes[1].evidence: needs at least one item'],
    ['a non-finite position', (t: string) => replaceOnce(t, '    category: trigger\n', '    category: trigger\n    position: { x: .nan, y: 0 }\n'), 'edited.yaml:27:20 nodes[0].position.x: must be a finite number'],
    ['an unknown top-level field', (t: string) => `${t}extra: 1\n`, 'edited.yaml:73:1 extra: unknown field `extra` (allowed here: `title`'],
    ['a duplicate relation id', (t: string) => replaceOnce(replaceOnce(t, '  - source: ischaemia', '  - id: r1\n    source: ischaemia'), '  - source: ulcer', '  - id: r1\n    source: ulcer'), 'edited.yaml:58:9 edges[1].id: duplicate relation id `r1` (edges[0] on line 50 already has it)'],
    ['a reference path with a backslash', (t: string) => replaceOnce(t, 'file: references/sample-2020.txt', 'file: references\\sample-2020.txt'), 'edited.yaml:9:11 references[0].file: contains a backslash'],
    ['an absolute reference path', (t: string) => replaceOnce(t, 'file: references/sample-2020.txt', 'file: /etc/passwd'), 'edited.yaml:9:11 references[0].file: is an absolute path'],
    ['a URL as reference path', (t: string) => replaceOnce(t, 'file: references/sample-2020.txt', 'file: https://example.org/x.txt'), 'edited.yaml:9:11 references[0].file: contains ":"'],
  ])('locates %s', async (_, edit, expected) => {
    const lines = formatted(await loadEdited(edit));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(expected), `${lines[0]}\n  should start with\n${expected}`).toBe(true);
  });

  it('does not read a stored text whose path leaves the folder in any spelling', async () => {
    for (const file of ['../x.txt', 'references/../../x.txt', 'C:/x.txt', 'file:///etc/passwd', '/etc/passwd', 'a\\..\\..\\x', 'x\u0000.txt']) {
      const readReference = fixtureReader();
      const result = await loadEdited((t) => replaceOnce(t, 'file: references/sample-2020.txt', `file: ${JSON.stringify(file)}`), { readReference });
      expect(result.problems[0]?.path, file).toBe('references[0].file');
      expect(readReference, file).not.toHaveBeenCalled();
    }
  });
});

describe('the resolved map', () => {
  it('carries defaults, derived relation ids, evidence kinds and quote positions', async () => {
    const { map } = await loadFixture('valid.yaml');
    expect(map!.categories.map((c) => c.band)).toEqual([0, 3]);
    expect(map!.edges.map((e) => e.id)).toEqual(['ischaemia->calcinosis', 'ulcer->calcinosis']);
    expect(map!.nodes[1]!.evidence[0]).toMatchObject({ kind: 'finding', level: 'cohort' });
    const source = map!.references[0]!;
    expect(source.text).toContain('Dystrophic calcification');
    expect(map!.references[1]!.text).toBeUndefined();
    for (const evidence of [...map!.nodes, ...map!.edges].flatMap((item) => item.evidence)) {
      if (evidence.kind !== 'quote') continue;
      const quoted = source.text!.slice(evidence.span!.start, evidence.span!.end);
      expect(quoted.replace(/\s+/g, ' ')).toBe(evidence.quote);
    }
    expect(map!.tours[0]!.steps[1]).toEqual({ nodes: ['ulcer', 'calcinosis'], caption: 'Ulcers come before calcinosis.', focus: 1 });
  });

  it('leaves an unverified quote without a position', async () => {
    const { map } = await loadFixture('quote-not-found.yaml');
    expect(map!.edges[1]!.evidence[0]).toMatchObject({ kind: 'quote' });
    expect(map!.edges[1]!.evidence[0]).not.toHaveProperty('span');
  });

  it('defaults tours to none', async () => {
    const { map, problems } = await loadEdited((t) => t.slice(0, t.indexOf('tours:')));
    expect(problems).toEqual([]);
    expect(map!.tours).toEqual([]);
  });

  it('names parallel relations apart, never reusing an explicit id', () => {
    const edge = (source: string, target: string, id?: string) => ({ source, target, ...(id ? { id } : {}) });
    expect(relationIds([edge('a', 'b'), edge('a', 'b'), edge('b', 'a'), edge('x', 'y', 'a->b#3'), edge('a', 'b')])).toEqual([
      'a->b',
      'a->b#2',
      'b->a',
      'a->b#3',
      'a->b#4',
    ]);
  });

  it('takes its id from the file name', () => {
    expect(mapIdOf('graph-data/calcinosis-ssc.yaml')).toBe('calcinosis-ssc');
    expect(mapIdOf('C:\\maps\\lupus.v2.json')).toBe('lupus.v2');
    expect(mapIdOf('plain')).toBe('plain');
  });
});

describe('loadMap on damaged input (property)', () => {
  const lines = VALID_TEXT.split('\n');
  const mutation = damage(['&a ', '*a', ': ', '- ', '"', "'", '[', '{', '#', '\t', '\n  ', '!!binary ', '<<: ', '? ']);

  it('never throws, and locates every problem at line ≥ 1, column ≥ 1', async () => {
    expect(lines.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const text = mutations.reduce(mutate, VALID_TEXT);
        const result = await loadMap({ fileName: 'm.yaml', content: text, readReference: fixtureReader() });
        for (const p of result.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/^could not be loaded/);
        }
        const positions = result.problems.map((p) => p.line * 1e6 + p.column);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  }, 60_000);
});

describe('loadMap: what an author may leave out, and what a map may say of its relations', () => {
  it('gives categories without colour or shape distinct ones from the Okabe–Ito palette and the shape cycle', async () => {
    const result = await loadEdited((text) =>
      replaceOnce(replaceOnce(text, '    color: "#c0392b"\n    shape: circle\n', ''), '    color: "#27ae60"\n    shape: square\n', ''),
    );
    expect(formatted(result)).toEqual([]);
    const styles = result.map!.categories.map((c) => `${c.color} ${c.shape}`);
    expect(styles).toEqual(['#E69F00 circle', '#56B4E9 square']);
  });

  it('keeps a declared style and never gives a default the same colour and shape', async () => {
    const result = await loadEdited((text) => replaceOnce(replaceOnce(text, '#c0392b', '#E69F00'), '    color: "#27ae60"\n    shape: square\n', ''));
    expect(formatted(result)).toEqual([]);
    const [declared, derived] = result.map!.categories;
    expect(`${declared!.color} ${declared!.shape}`).toBe('#E69F00 circle');
    expect(`${derived!.color} ${derived!.shape}`).not.toBe('#E69F00 circle');
  });

  it('reads what a relation says happens from its wording when the file does not say, and keeps what it says', async () => {
    const result = await loadEdited((text) => replaceOnce(text, 'relation: precedes\n', 'relation: precedes\n    effect: associated\n'));
    expect(formatted(result)).toEqual([]);
    expect(result.map!.edges.map((e) => [e.relation, e.effect])).toEqual([
      ['promotes', 'promotes'],
      ['precedes', 'associated'],
    ]);
  });

  it('marks a relation disputed when its evidence both supports and contradicts it, and keeps each stance', async () => {
    const result = await loadEdited((text) =>
      replaceOnce(
        text,
        '        quote: digital ulcers preceded calcinosis in most patients\n',
        '        quote: digital ulcers preceded calcinosis in most patients\n      - ref: summary-2021\n        finding: Ulcers came after calcinosis in another cohort.\n        level: cohort\n        stance: contradicts\n',
      ),
    );
    expect(formatted(result)).toEqual([]);
    const [promotes, precedes] = result.map!.edges;
    expect(promotes!.disputed).toBeUndefined();
    expect(precedes!.disputed).toBe(true);
    expect(precedes!.evidence.map((e) => e.stance ?? 'supports')).toEqual(['supports', 'contradicts']);
  });

  it('keeps an extrapolated relation\'s note of where it comes from', async () => {
    const result = await loadEdited((text) => replaceOnce(text, 'relation: promotes\n', 'relation: promotes\n    extrapolated: mouse models\n'));
    expect(formatted(result)).toEqual([]);
    expect(result.map!.edges[0]!.extrapolated).toBe('mouse models');
  });

  it.each([
    ['a group that exists', 'calcinosis', []],
    ['an unknown group', 'calcinosiss', ['edited.yaml:34:13 nodes[1].parent: unknown concept `calcinosiss` (did you mean `calcinosis`?)']],
    ['itself', 'ulcer', ['edited.yaml:34:13 nodes[1].parent: concept `ulcer` is its own group (a group holds other concepts, never itself or a group it belongs to)']],
  ])('checks a concept\'s group: %s', async (_, parent, expected) => {
    const result = await loadEdited((text) => replaceOnce(text, '    category: lesion\n    summary: Skin', `    category: lesion\n    parent: ${parent}\n    summary: Skin`));
    expect(formatted(result)).toEqual(expected);
  });

  it('reports groups that hold each other once, where the cycle closes', async () => {
    const result = await loadEdited((text) =>
      replaceOnce(
        replaceOnce(text, '    category: lesion\n    summary: Skin', '    category: lesion\n    parent: calcinosis\n    summary: Skin'),
        '    category: lesion\n    summary: Calcium',
        '    category: lesion\n    parent: ulcer\n    summary: Calcium',
      ),
    );
    expect(formatted(result)).toEqual([
      'edited.yaml:44:13 nodes[2].parent: groups form a cycle: `ulcer` → `calcinosis` → `ulcer` (a group holds other concepts, never itself or a group it belongs to)',
    ]);
  });
});
