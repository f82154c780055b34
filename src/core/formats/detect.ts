/**
 * Tells which format a file is in, by its content first: a file is often named after where
 * it came from rather than what it holds. The extension only settles what content cannot.
 */
import { stripBom } from '../load/utf8.ts';
import { outlineJson } from './json-outline.ts';

export const MAP_FORMATS = [
  'pathomap-yaml',
  'pathomap-json',
  'd3-json',
  'cytoscape-json',
  'graphml',
] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];
export type DetectedFormat = MapFormat | 'unknown';

/** The format's name in messages and in the summary of imported concepts. */
export const FORMAT_NAMES: Record<MapFormat, string> = {
  'pathomap-yaml': 'Pathomap YAML',
  'pathomap-json': 'Pathomap JSON',
  'd3-json': 'd3 force JSON',
  'cytoscape-json': 'Cytoscape.js JSON',
  graphml: 'GraphML',
};

const PATHOMAP_KEYS = ['title', 'references', 'categories', 'edges', 'tours'];
/** A top-level key of a Pathomap YAML file, at the start of a line. */
const PATHOMAP_YAML_KEY = /^(title|description|references|categories|nodes|edges|tours)[ \t]*:/m;
const GRAPHML_ELEMENT = /<([\w.-]+:)?graphml[\s>/]/;

export function detectFormat(fileName: string, text: string): DetectedFormat {
  const content = stripBom(text);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isYamlFile = extension === 'yaml' || extension === 'yml';
  const first = content.search(/\S/);
  if (first === -1) return formatOfExtension(extension);

  if (content[first] === '<') {
    return GRAPHML_ELEMENT.test(content) || extension === 'graphml' ? 'graphml' : 'unknown';
  }
  if (content[first] === '{') {
    const keys = new Set(outlineJson(content).topLevelKeys);
    // Foreign layouts first: their keys are decisive whatever the file is called.
    if (keys.has('elements')) return 'cytoscape-json';
    if (keys.has('links')) return 'd3-json';
    if (isYamlFile) return 'pathomap-yaml'; // a YAML file may use JSON-like flow style
    if (PATHOMAP_KEYS.some((key) => keys.has(key))) return 'pathomap-json';
    if (keys.has('nodes')) return 'd3-json'; // a d3 graph without links
    return 'unknown';
  }
  if (isYamlFile || PATHOMAP_YAML_KEY.test(content)) return 'pathomap-yaml';
  return 'unknown';
}

/** For an empty file, the format its name promises, so the right reader can say it is empty. */
function formatOfExtension(extension: string): DetectedFormat {
  if (extension === 'yaml' || extension === 'yml') return 'pathomap-yaml';
  if (extension === 'json') return 'pathomap-json';
  if (extension === 'graphml') return 'graphml';
  return 'unknown';
}
