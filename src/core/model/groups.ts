/**
 * Groups of concepts: a concept names the concept that groups it in `parent` (e.g. the
 * anti-PM/Scl antibody in "Autoantibodies"), and the group's relations speak for its members.
 * Here: who belongs to which group, for the panels that list them.
 */
import type { NodeEntry } from './types.ts';

export interface GroupIndex {
  /** The members of a group, in map order; empty for a concept that groups nothing. */
  membersOf(id: string): string[];
  /** Whether the concept groups others. */
  isGroup(id: string): boolean;
}

export function groupIndex(nodes: readonly Pick<NodeEntry, 'id' | 'parent'>[]): GroupIndex {
  const members = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parent === undefined || node.parent === node.id) continue;
    const list = members.get(node.parent);
    if (list) list.push(node.id);
    else members.set(node.parent, [node.id]);
  }
  return {
    membersOf: (id) => members.get(id) ?? [],
    isGroup: (id) => members.has(id),
  };
}
