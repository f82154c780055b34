/**
 * Opens maps in the formats people already have — Pathomap YAML or JSON, d3 force JSON,
 * Cytoscape.js JSON, GraphML, DisMech disorder files, CmapTools CXL — and writes maps back out as Pathomap YAML, Cytoscape.js JSON
 * and GraphML.
 *
 * Importers only translate: they turn the file into Pathomap's file shape and remember where
 * each field came from; the loader's own checks then judge the result, so an imported map
 * meets the same rules (and messages) as a Pathomap file, located in the user's file. The one
 * difference: an imported concept or relation may have no evidence, and is then marked
 * `unsourced`.
 *
 * Pure: no DOM, no Node APIs; runs in the browser and in Node alike.
 */
import {
  checkMapData,
  decodeContent,
  loadMap,
  parseMapDocument,
  problemAtStart,
  sortProblems,
  type MapSource,
} from '../load/load.ts';
import type { Locator } from '../load/locate.ts';
import type { LoadResult, Problem } from '../model/types.ts';
import { draftFromCytoscape } from './cytoscape-json.ts';
import { draftFromD3 } from './d3-json.ts';
import { draftFromDismech } from './dismech.ts';
import { detectFormat } from './detect.ts';
import { draftFromCxl } from './cxl.ts';
import { draftFromGraphml } from './graphml.ts';
import { buildImportedMap, type DraftProblem, type MapDraft } from './imported-map.ts';
import { readJsonDocument } from './json-document.ts';
import { MAX_JSON_DEPTH, outlineJson } from './json-outline.ts';
import { createLineIndex } from '../load/line-index.ts';
import { parseXml } from './xml.ts';

export { toCytoscapeJson } from './cytoscape-export.ts';
export { detectFormat, FORMAT_NAMES, MAP_FORMATS, type DetectedFormat, type MapFormat } from './detect.ts';
export { toGraphml } from './graphml-export.ts';
export { toPathomapYaml } from './pathomap-yaml-export.ts';

const READABLE_FORMATS =
  'a Pathomap map (YAML or JSON), d3 force JSON {nodes, links}, Cytoscape.js JSON {elements}, GraphML, ' +
  'a DisMech disorder file (YAML) or a CmapTools map (CXL)';

/**
 * Checks and resolves a map in any format Pathomap reads, told by its content.
 * Never throws: anything unexpected becomes a problem at 1:1.
 */
export async function loadAnyMap(source: MapSource): Promise<LoadResult> {
  try {
    return await loadDetected(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [problemAtStart(source.fileName, `could not be loaded: ${reason}`)] };
  }
}

async function loadDetected(source: MapSource): Promise<LoadResult> {
  const text = decodeContent(source);
  if (typeof text !== 'string') return { problems: [text] };
  const decoded = { ...source, content: text };
  const format = detectFormat(source.fileName, text);
  switch (format) {
    case 'pathomap-yaml':
      return loadMap(decoded);
    case 'pathomap-json':
      return tooDeeplyNested(source.fileName, text) ?? loadMap(decoded);
    case 'd3-json':
      return importJson(decoded, draftFromD3);
    case 'cytoscape-json':
      return importJson(decoded, draftFromCytoscape);
    case 'graphml':
      return importGraphml(decoded);
    case 'dismech-yaml':
      return importDismech(decoded);
    case 'cmap-cxl':
      return importCxl(decoded);
    case 'unknown': {
      const message = text.trim() === '' ? 'the file is empty' : 'not a map file Pathomap can read';
      return { problems: [problemAtStart(source.fileName, message, `open ${READABLE_FORMATS}`)] };
    }
  }
}

type DecodedSource = MapSource & { content: string };

type JsonImporter = (data: unknown, locate: Locator) => MapDraft;

async function importJson(source: DecodedSource, draftOf: JsonImporter): Promise<LoadResult> {
  const nesting = tooDeeplyNested(source.fileName, source.content);
  if (nesting) return nesting;
  const parsed = readJsonDocument(source.fileName, source.content);
  if (!parsed.ok) return { problems: sortProblems(parsed.problems) };
  return checkImported(source, draftOf(parsed.data, parsed.locate), parsed.problems);
}

async function importGraphml(source: DecodedSource): Promise<LoadResult> {
  const xml = parseXml(source.content);
  if (!xml.ok) return { problems: [{ file: source.fileName, path: '', ...xml.error, severity: 'error' }] };
  return checkImported(source, draftFromGraphml(xml.root, xml.positionOf), []);
}

async function importDismech(source: DecodedSource): Promise<LoadResult> {
  // JSON is YAML too; only JSON-looking text needs the depth check before the YAML parser.
  const nesting = /^\s*[{[]/.test(source.content) ? tooDeeplyNested(source.fileName, source.content) : undefined;
  if (nesting) return nesting;
  const parsed = parseMapDocument(source.fileName, source.content);
  if (!parsed.ok) return { problems: sortProblems(parsed.problems) };
  return checkImported(source, draftFromDismech(parsed.data, parsed.locate), parsed.problems);
}

async function importCxl(source: DecodedSource): Promise<LoadResult> {
  const xml = parseXml(source.content, 'CXL');
  if (!xml.ok) return { problems: [{ file: source.fileName, path: '', ...xml.error, severity: 'error' }] };
  return checkImported(source, draftFromCxl(xml.root, xml.positionOf), []);
}

function checkImported(source: DecodedSource, draft: MapDraft, readProblems: Problem[]): Promise<LoadResult> {
  const imported = buildImportedMap(draft, source.fileName);
  const { origins } = imported;
  return checkMapData(
    source,
    {
      data: imported.data,
      locate: origins.locate,
      nameOf: origins.nameOf,
      problems: [...readProblems, ...imported.problems.map((problem) => locatedIn(source.fileName, problem))],
    },
    { allowUnsourced: true },
  );
}

function locatedIn(file: string, { place, message, hint, severity }: DraftProblem): Problem {
  return { file, ...place, message, ...(hint === undefined ? {} : { hint }), severity };
}

/** Refuses JSON nested beyond any map's needs before the (recursive) parser sees it. */
function tooDeeplyNested(file: string, text: string): LoadResult | undefined {
  const { tooDeepAt } = outlineJson(text);
  if (tooDeepAt === undefined) return undefined;
  const problem: Problem = {
    file,
    ...createLineIndex(text)(tooDeepAt),
    path: '',
    message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
    hint: 'no map needs that many levels; the file may be damaged',
    severity: 'error',
  };
  return { problems: [problem] };
}
