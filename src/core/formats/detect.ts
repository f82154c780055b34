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
  'dismech-yaml',
  'cmap-cxl',
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
  'dismech-yaml': 'DisMech disorder YAML',
  'cmap-cxl': 'CmapTools CXL',
};

const PATHOMAP_KEYS = ['title', 'references', 'categories', 'edges', 'tours'];
/** A top-level key of a Pathomap YAML file, at the start of a line. */
const PATHOMAP_YAML_KEY = /^(title|description|references|categories|nodes|edges|tours)[ \t]*:/m;
const GRAPHML_ELEMENT = /<([\w.-]+:)?graphml[\s>/]/;
const CXL_ELEMENT = /<([\w.-]+:)?cmap[\s>/]/;
/** A top-level key only a DisMech disorder file has, at the start of a line. */
const DISMECH_YAML_KEY = /^(pathophysiology|phenotypes|disease_term|treatments|genetic|biochemical)[ \t]*:/m;
/** Keys that make a file a Pathomap map whatever else it holds. */
const PATHOMAP_STRUCTURE_KEY = /^(nodes|edges|categories|references)[ \t]*:/m;
const DISMECH_KEYS = ['pathophysiology', 'phenotypes', 'disease_term'];

export function detectFormat(fileName: string, text: string): DetectedFormat {
  const content = stripBom(text);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isYamlFile = extension === 'yaml' || extension === 'yml';
  const first = content.search(/\S/);
  if (first === -1) return formatOfExtension(extension);

  if (content[first] === '<') {
    if (GRAPHML_ELEMENT.test(content)) return 'graphml';
    if (CXL_ELEMENT.test(content)) return 'cmap-cxl';
    return extension === 'graphml' ? 'graphml' : extension === 'cxl' ? 'cmap-cxl' : 'unknown';
  }
  if (content[first] === '{') {
    const keys = new Set(outlineJson(content).topLevelKeys);
    // Foreign layouts first: their keys are decisive whatever the file is called.
    if (keys.has('elements')) return 'cytoscape-json';
    if (keys.has('links')) return 'd3-json';
    if (DISMECH_KEYS.some((key) => keys.has(key)) && !keys.has('nodes')) return 'dismech-yaml';
    if (isYamlFile) return 'pathomap-yaml'; // a YAML file may use JSON-like flow style
    if (PATHOMAP_KEYS.some((key) => keys.has(key))) return 'pathomap-json';
    if (keys.has('nodes')) return 'd3-json'; // a d3 graph without links
    return 'unknown';
  }
  if (DISMECH_YAML_KEY.test(content) && !PATHOMAP_STRUCTURE_KEY.test(content)) return 'dismech-yaml';
  if (isYamlFile || PATHOMAP_YAML_KEY.test(content)) return 'pathomap-yaml';
  return 'unknown';
}

/** For an empty file, the format its name promises, so the right reader can say it is empty. */
function formatOfExtension(extension: string): DetectedFormat {
  if (extension === 'yaml' || extension === 'yml') return 'pathomap-yaml';
  if (extension === 'json') return 'pathomap-json';
  if (extension === 'graphml') return 'graphml';
  if (extension === 'cxl') return 'cmap-cxl';
  return 'unknown';
}
