/**
 * Writes a map as a Pathomap YAML file, as an author would: the schema line for editors on
 * top, fields in the schema's order, and nothing that loading adds.
 */
import { Document } from 'yaml';
import type { PathoMap } from '../model/types.ts';
import { toMapFile } from './map-file.ts';

export const SCHEMA_LINE = '# yaml-language-server: $schema=./schema.json';

export function toPathomapYaml(map: PathoMap): string {
  // No anchors and aliases for values that happen to be shared, and no folded lines, which
  // would make every edit of a long quote rewrap the lines after it.
  const body = new Document(toMapFile(map), { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
  return [SCHEMA_LINE, ...unsourcedNotice(map), body].join('\n');
}

/**
 * A Pathomap file needs evidence for every concept and relation; an imported map has none.
 * Its export is a draft to complete, and says so where the author will read it first.
 */
function unsourcedNotice(map: PathoMap): string[] {
  const concepts = map.nodes.filter((node) => node.unsourced).length;
  const relations = map.edges.filter((edge) => edge.unsourced).length;
  if (concepts + relations === 0) return [];
  return [
    `# Imported: ${concepts} concept(s) and ${relations} relation(s) have no evidence yet (evidence: []).`,
    '# Add at least one quote or finding to each, and a level to each relation, before this file will load.',
  ];
}
