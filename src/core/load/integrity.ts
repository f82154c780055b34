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

  for (const node of entriesOf(map, 'nodes')) {
    const category = textOf(node, 'category');
    if (category !== undefined) mustExist([...node.path, 'category'], category, categoryIds, 'category');
  }

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
