/**
 * Writes a map as GraphML that yEd, Gephi and Cytoscape desktop open, and that reads back into
 * the same map: every data key is declared, all text is XML-escaped, and what Pathomap
 * structures (evidence, aliases, positions, ontology terms, references, categories, tours) is JSON text.
 */
import type { PathoMap } from '../model/types.ts';
import { JSON_VALUED_FIELDS } from './graphml.ts';
import { toMapFile } from './map-file.ts';

type KeyTarget = 'graph' | 'node' | 'edge';

/** Data keys by what they describe, in the order they are written. */
const KEYS: Record<KeyTarget, readonly string[]> = {
  graph: ['title', 'description', 'references', 'categories', 'tours'],
  node: ['label', 'category', 'summary', 'aliases', 'evidence', 'notes', 'position', 'parent', 'terms'],
  edge: ['relation', 'effect', 'level', 'extrapolated', 'evidence', 'notes'],
};

export function toGraphml(map: PathoMap): string {
  const { nodes, edges, ...graph } = toMapFile(map);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...(Object.keys(KEYS) as KeyTarget[]).flatMap((target) => KEYS[target].map((name) => keyLine(target, name))),
    `  <graph id="${escapeXmlAttribute(map.id)}" edgedefault="directed">`,
    ...dataLines('graph', graph, '    '),
    ...nodes.flatMap(({ id, ...fields }) => graphElement('node', { id }, dataLines('node', fields))),
    ...edges.flatMap(({ id: _, source, target, ...fields }, index) =>
      // Relations without an id of their own get the map's, so other tools can name them.
      graphElement('edge', { id: map.edges[index]!.id, source, target }, dataLines('edge', fields)),
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

function keyId(target: KeyTarget, name: string): string {
  return `${target}-${name}`;
}

function keyLine(target: KeyTarget, name: string): string {
  return `  <key id="${keyId(target, name)}" for="${target}" attr.name="${name}" attr.type="string"/>`;
}

/** A node or edge of the graph, around its data lines. */
function graphElement(name: 'node' | 'edge', attributes: Record<string, string>, data: string[]): string[] {
  const written = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`);
  return [`    <${name}${written.join('')}>`, ...data, `    </${name}>`];
}

function dataLines(target: KeyTarget, fields: object, indent = '      '): string[] {
  const values = fields as Record<string, unknown>;
  return KEYS[target].flatMap((name) => {
    const value = values[name];
    if (value === undefined) return [];
    const text = JSON_VALUED_FIELDS.has(name) ? JSON.stringify(value) : String(value);
    return [`${indent}<data key="${keyId(target, name)}">${escapeXmlText(text)}</data>`];
  });
}

/** Text for XML content. A line end `\r` becomes a reference: XML turns literal ones into `\n`. */
export function escapeXmlText(text: string): string {
  return replaceForXml(text, /[&<>\r]/g);
}

/** Text for an attribute value. Tabs and line ends become references: XML turns literal ones into spaces. */
export function escapeXmlAttribute(text: string): string {
  return replaceForXml(text, /[&<>"'\t\n\r]/g);
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 cannot carry at all, not even as references; they become U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function replaceForXml(text: string, special: RegExp): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(special, (character) => XML_ESCAPES[character] ?? `&#${character.charCodeAt(0)};`);
}
