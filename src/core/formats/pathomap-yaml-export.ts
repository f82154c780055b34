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
  return [SCHEMA_LINE, ...unsourcedNotice(map), ...importedOnlyNotice(map), body].join('\n');
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

/**
 * What only imported maps may carry: evidence as another tool recorded it, and ontology terms.
 * A Pathomap file cites stored quotes or findings, so the draft says what to turn them into.
 */
function importedOnlyNotice(map: PathoMap): string[] {
  const items = [...map.nodes, ...map.edges];
  const recorded = items.flatMap((item) => item.evidence).filter((e) => e.kind === 'recorded');
  const withTerms = map.nodes.filter((node) => node.terms?.length).length;
  if (recorded.length + withTerms === 0) return [];
  const tools = [...new Set(recorded.map((e) => e.recordedIn))].join(', ');
  return [
    ...(recorded.length > 0
      ? [
          `# Imported: ${recorded.length} evidence item(s) as ${tools} recorded them (recordedIn), which Pathomap files do not hold:`,
          '# quote each from a stored source text, or state it as a finding with its level, before this file will load.',
        ]
      : []),
    ...(withTerms > 0 ? [`# Imported: ${withTerms} concept(s) list ontology terms (terms), which Pathomap files do not hold yet.`] : []),
  ];
}
