/**
 * Cross-reference checks the schema cannot express: ids are unique per kind, and every id a
 * map mentions (a node's category, an edge's ends, an evidence item's reference, a tour
 * step's concepts) names something that exists. A map failing these cannot be drawn.
 */
import { code, type FieldPath, type Issue } from './issue.ts';
import { entriesOf, evidenceEntries, rootEntry, textOf, textsOf, type RawEntry } from './raw-map.ts';
import { suggestionHint } from './suggest.ts';

/**
 * Where a field is, as a hint points there from a duplicate: `nodes[1] on line 31`. The loader
 * knows how the user's file names and places it (an imported file names it in its own terms).
 */
export type PlaceOf = (path: FieldPath) => string;

/**
 * Each "did you mean" compares the id with every known one; a map with thousands of
 * dangling ids (a renamed concept, say) gets suggestions for the first ones only.
 */
const MAX_SUGGESTIONS = 200;

export function checkIntegrity(root: unknown, placeOf: PlaceOf): Issue[] {
  const map = rootEntry(root);
  const issues: Issue[] = [];
  const uniqueIds = (kind: string, noun: string) =>
    collectUniqueIds(entriesOf(map, kind), noun, placeOf, issues);

  const referenceIds = uniqueIds('references', 'reference');
  const categoryIds = uniqueIds('categories', 'category');
  const nodeIds = uniqueIds('nodes', 'concept');
  uniqueIds('edges', 'relation');
  uniqueIds('tours', 'tour');

  let suggestionsLeft = MAX_SUGGESTIONS;
  const mustExist = (path: FieldPath, id: string, known: Set<string>, noun: string) => {
    if (known.has(id)) return;
    const hint = suggestionsLeft-- > 0 ? suggestionHint(id, [...known]) : undefined;
    issues.push({ path, message: `unknown ${noun} ${code(id)}`, ...(hint ? { hint } : {}) });
  };

  const parentOf = new Map<string, { parent: string; path: FieldPath }>();
  for (const node of entriesOf(map, 'nodes')) {
    const category = textOf(node, 'category');
    if (category !== undefined) mustExist([...node.path, 'category'], category, categoryIds, 'category');
    const parent = textOf(node, 'parent');
    const id = textOf(node, 'id');
    if (parent === undefined) continue;
    mustExist([...node.path, 'parent'], parent, nodeIds, 'concept');
    if (id !== undefined && nodeIds.has(parent)) parentOf.set(id, { parent, path: [...node.path, 'parent'] });
  }
  issues.push(...groupCycles(parentOf));

  for (const edge of entriesOf(map, 'edges')) {
    const source = textOf(edge, 'source');
    const target = textOf(edge, 'target');
    if (source !== undefined) mustExist([...edge.path, 'source'], source, nodeIds, 'concept');
    if (target !== undefined) mustExist([...edge.path, 'target'], target, nodeIds, 'concept');
    if (source !== undefined && source === target) {
      issues.push({
        path: [...edge.path, 'target'],
        message: `relation from ${code(source)} to itself`,
        hint: 'a relation joins two different concepts',
      });
    }
  }

  for (const evidence of evidenceEntries(map)) {
    const ref = textOf(evidence, 'ref');
    if (ref !== undefined) mustExist([...evidence.path, 'ref'], ref, referenceIds, 'reference');
  }

  for (const tour of entriesOf(map, 'tours')) {
    for (const step of entriesOf(tour, 'steps')) {
      for (const { path, text } of textsOf(step, 'nodes')) mustExist(path, text, nodeIds, 'concept');
    }
  }

  return issues;
}

/**
 * A concept cannot group itself, directly or through its groups: each cycle is reported once,
 * at the member that closes it.
 */
function groupCycles(parentOf: ReadonlyMap<string, { parent: string; path: FieldPath }>): Issue[] {
  const issues: Issue[] = [];
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const chain: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !chain.includes(id)) {
      chain.push(id);
      id = parentOf.get(id)?.parent;
    }
    if (id !== undefined && chain.includes(id)) {
      const cycle = chain.slice(chain.indexOf(id));
      const last = cycle[cycle.length - 1]!;
      issues.push({
        path: parentOf.get(last)!.path,
        message: cycle.length === 1 ? `concept ${code(last)} is its own group` : `groups form a cycle: ${[...cycle, id].map(code).join(' → ')}`,
        hint: 'a group holds other concepts, never itself or a group it belongs to',
      });
    }
    for (const member of chain) done.add(member);
  }
  return issues;
}

/** The ids of `entries` (explicit ones only); reports every repeat against its first use. */
function collectUniqueIds(
  entries: RawEntry[],
  noun: string,
  placeOf: PlaceOf,
  issues: Issue[],
): Set<string> {
  const firstUse = new Map<string, FieldPath>();
  for (const entry of entries) {
    const id = textOf(entry, 'id');
    if (id === undefined) continue;
    const first = firstUse.get(id);
    if (first === undefined) {
      firstUse.set(id, entry.path);
      continue;
    }
    issues.push({
      path: [...entry.path, 'id'],
      message: `duplicate ${noun} id ${code(id)}`,
      hint: `${placeOf(first)} already has it`,
    });
  }
  return new Set(firstUse.keys());
}
