import { describe, expect, it } from 'vitest';
import { createConceptGraph, type ChainStep, type GraphRelation } from '../../../src/core/model/graph.ts';
import type { ConceptNode, PathoMap, Relation } from '../../../src/core/model/types.ts';

/**
 * A tiny graph from a compact spec: `nodes` as a space-separated list and relations as
 * "id:source>target" tokens, so each fixture reads like a drawing of itself.
 */
function fixture(nodes: string, relations = '') {
  return createConceptGraph({
    nodes: nodes.split(/\s+/).filter(Boolean).map((id) => ({ id })),
    edges: relations
      .split(/\s+/)
      .filter(Boolean)
      .map((token): GraphRelation => {
        const [id, ends] = token.split(':') as [string, string];
        const [source, target] = ends.split('>') as [string, string];
        return { id, source, target };
      }),
  });
}

/** A chain as the UI would print it, e.g. "a -r1-> b <-r2- c". */
function spell(start: string, steps: ChainStep<GraphRelation>[] | null): string | null {
  if (steps === null) return null;
  return steps.reduce(
    (text, step) => `${text} ${step.forward ? `-${step.relation.id}->` : `<-${step.relation.id}-`} ${step.to}`,
    start,
  );
}

const chain = fixture('a b c d', 'r1:a>b r2:b>c r3:c>d');
const diamond = fixture('top left right bottom', 'tl:top>left tr:top>right lb:left>bottom rb:right>bottom');
const mixed = fixture('a b c', 'ab:a>b cb:c>b');
const parallel = fixture('a b', 'first:a>b second:a>b back:b>a');
const islands = fixture('x1 y1 y2 z1 z2 z3 lone', 'y:y1>y2 z12:z1>z2 z23:z2>z3');

describe('lookups', () => {
  it.each([
    ['a', true],
    ['r1', false],
    ['nope', false],
    ['', false],
  ])('has(%j) is %s', (id, expected) => expect(chain.has(id)).toBe(expected));

  it('returns the node and relation objects it was given', () => {
    expect(chain.node('b')).toEqual({ id: 'b' });
    expect(chain.relation('r2')).toEqual({ id: 'r2', source: 'b', target: 'c' });
    expect(chain.node('r2')).toBeUndefined();
    expect(chain.relation('b')).toBeUndefined();
  });
});

describe('relations of a node', () => {
  const ids = (relations: GraphRelation[]) => relations.map((r) => r.id);

  it.each([
    [chain, 'b', ['r2'], ['r1'], ['a', 'c'], 2],
    [chain, 'a', ['r1'], [], ['b'], 1],
    [mixed, 'b', [], ['ab', 'cb'], ['a', 'c'], 2],
    [parallel, 'a', ['first', 'second'], ['back'], ['b'], 3],
    [parallel, 'b', ['back'], ['first', 'second'], ['a'], 3],
    [islands, 'lone', [], [], [], 0],
    [chain, 'unknown', [], [], [], 0],
  ])('%#: node %s', (graph, id, outgoing, incoming, neighbours, degree) => {
    expect(ids(graph.outgoing(id))).toEqual(outgoing);
    expect(ids(graph.incoming(id))).toEqual(incoming);
    expect(graph.neighbours(id)).toEqual(neighbours);
    expect(graph.degree(id)).toBe(degree);
  });

  it('lists neighbours in map order of the relations, whatever their direction', () => {
    const star = fixture('hub p q r s', 'in1:q>hub out1:hub>s in2:p>hub out2:hub>r again:s>hub');
    expect(star.neighbours('hub')).toEqual(['q', 's', 'p', 'r']);
    expect(ids(star.outgoing('hub'))).toEqual(['out1', 'out2']);
  });

  it('counts a relation from a node to itself once and never calls a node its own neighbour', () => {
    const loop = fixture('a b', 'self:a>a ab:a>b');
    expect(loop.degree('a')).toBe(2);
    expect(loop.neighbours('a')).toEqual(['b']);
    expect(ids(loop.outgoing('a'))).toEqual(['self', 'ab']);
    expect(ids(loop.incoming('a'))).toEqual(['self']);
  });
});

describe('ids the underlying library would mishandle', () => {
  // graphlib keys plain objects; these ids must still behave like any other.
  const awkward = fixture('constructor __proto__ toString 10 2', 'r:constructor>__proto__ s:10>2 t:toString>10');

  it('keeps them as ordinary nodes, in map order', () => {
    expect(awkward.has('constructor')).toBe(true);
    expect(awkward.has('hasOwnProperty')).toBe(false);
    expect(awkward.neighbours('constructor')).toEqual(['__proto__']);
    expect(awkward.components()).toEqual([['toString', '10', '2'], ['constructor', '__proto__']]);
    expect(spell('toString', awkward.shortestChain('toString', '2'))).toBe('toString -t-> 10 -s-> 2');
  });
});

describe('neighbourhood', () => {
  it.each([
    [chain, 'a', 0, ['a']],
    [chain, 'a', 1, ['a', 'b']],
    [chain, 'd', 2, ['d', 'c', 'b']],
    [chain, 'b', 1, ['b', 'a', 'c']],
    [chain, 'a', Infinity, ['a', 'b', 'c', 'd']],
    [chain, 'a', -1, ['a']],
    [chain, 'a', Number.NaN, ['a']],
    [chain, ['a', 'd'], 1, ['a', 'd', 'b', 'c']],
    [chain, ['a', 'unknown'], 1, ['a', 'b']],
    [chain, 'unknown', 3, []],
    [islands, 'y1', 5, ['y1', 'y2']],
  ])('%#: around %j within %s', (graph, ids, depth, expected) => {
    expect([...graph.neighbourhood(ids, depth)]).toEqual(expected);
  });

  it('does not pass through nodes outside the scope', () => {
    const within = new Set(['a', 'b', 'd']);
    expect([...chain.neighbourhood('a', 5, { within })]).toEqual(['a', 'b']);
    expect([...chain.neighbourhood('c', 1, { within })]).toEqual([]);
    expect([...chain.neighbourhood('a', 5, { within: (id) => id !== 'c' })]).toEqual(['a', 'b']);
  });
});

describe('shortestChain', () => {
  it.each([
    ['along a chain', chain, 'a', 'd', 'a -r1-> b -r2-> c -r3-> d'],
    ['against a chain', chain, 'd', 'a', 'd <-r3- c <-r2- b <-r1- a'],
    ['one step', chain, 'b', 'c', 'b -r2-> c'],
    ['through a shared target', mixed, 'a', 'c', 'a -ab-> b <-cb- c'],
    ['diamond: the branch earlier in the map', diamond, 'top', 'bottom', 'top -tl-> left -lb-> bottom'],
    ['diamond backwards', diamond, 'bottom', 'top', 'bottom <-lb- left <-tl- top'],
    ['across the diamond', diamond, 'left', 'right', 'left <-tl- top -tr-> right'],
    ['parallel relations: the first in the map', parallel, 'a', 'b', 'a -first-> b'],
    ['parallel relations, walked from the other end', parallel, 'b', 'a', 'b <-first- a'],
    ['same node', chain, 'c', 'c', 'c'],
    ['separate components', islands, 'y1', 'z3', null],
    ['isolated node', islands, 'lone', 'x1', null],
    ['unknown start', chain, 'nope', 'a', null],
    ['unknown end', chain, 'a', 'nope', null],
    ['unknown, same id', chain, 'nope', 'nope', null],
  ])('%s', (_, graph, from, to, expected) => {
    expect(spell(from, graph.shortestChain(from, to))).toBe(expected);
  });

  it('prefers the shorter chain even when the longer one comes first in the map', () => {
    const detour = fixture('s m1 m2 t', 'a:s>m1 b:m1>m2 c:m2>t short:t>s');
    expect(spell('s', detour.shortestChain('s', 't'))).toBe('s <-short- t');
  });

  it('returns [] for a node to itself', () => {
    expect(chain.shortestChain('b', 'b')).toEqual([]);
  });

  it('gives each step its relation object and the ends in walking order', () => {
    expect(mixed.shortestChain('a', 'c')).toEqual([
      { relation: { id: 'ab', source: 'a', target: 'b' }, from: 'a', to: 'b', forward: true },
      { relation: { id: 'cb', source: 'c', target: 'b' }, from: 'b', to: 'c', forward: false },
    ]);
  });

  it.each([
    ['takes the other branch when one is hidden', new Set(['top', 'right', 'bottom']), 'top -tr-> right -rb-> bottom'],
    ['finds nothing when every branch is hidden', new Set(['top', 'bottom']), null],
    ['finds nothing when an end is hidden', new Set(['left', 'right', 'bottom']), null],
  ])('within a scope: %s', (_, within, expected) => {
    expect(spell('top', diamond.shortestChain('top', 'bottom', { within }))).toBe(expected);
  });
});

describe('components', () => {
  it.each([
    ['one chain', chain, [['a', 'b', 'c', 'd']]],
    ['largest first, ties in map order', islands, [['z1', 'z2', 'z3'], ['y1', 'y2'], ['x1'], ['lone']]],
    ['members in map order, not discovery order', fixture('c b a', 'x:a>b y:b>c'), [['c', 'b', 'a']]],
    ['empty graph', fixture(''), []],
  ])('%s', (_, graph, expected) => {
    expect(graph.components()).toEqual(expected);
  });
});

describe('input it cannot use', () => {
  it('skips relations to unknown nodes and repeated relation ids, keeping the first', () => {
    const graph = fixture('a b', 'ok:a>b ghost:a>nowhere ok:b>a from:void>b');
    expect(graph.skipped.map((r) => `${r.id}:${r.source}>${r.target}`)).toEqual([
      'ghost:a>nowhere',
      'ok:b>a',
      'from:void>b',
    ]);
    expect(graph.degree('a')).toBe(1);
    expect(graph.has('nowhere')).toBe(false);
    expect(graph.relation('ok')).toEqual({ id: 'ok', source: 'a', target: 'b' });
  });

  it('keeps the first of repeated node ids', () => {
    const graph = createConceptGraph({ nodes: [{ id: 'a', n: 1 }, { id: 'a', n: 2 }], edges: [] });
    expect(graph.node('a')).toEqual({ id: 'a', n: 1 });
    expect(graph.components()).toEqual([['a']]);
  });
});

describe('built from a resolved map', () => {
  it('takes a PathoMap as it is and hands back its ConceptNode and Relation objects', () => {
    const node = (id: string): ConceptNode => ({ id, label: id, category: 'c', summary: '', evidence: [] });
    const relation: Relation = {
      id: 'a-b',
      source: 'a',
      target: 'b',
      relation: 'drives',
      effect: 'promotes',
      level: 'cohort',
      evidence: [],
    };
    const map: PathoMap = {
      id: 'm',
      title: 'M',
      references: [],
      categories: [],
      nodes: [node('a'), node('b')],
      edges: [relation],
      tours: [],
    };
    const graph = createConceptGraph(map);
    expect(graph.node('a')?.label).toBe('a');
    const steps = graph.shortestChain('b', 'a');
    expect(steps?.[0]?.relation.relation).toBe('drives');
    expect(steps?.[0]?.forward).toBe(false);
  });
});
