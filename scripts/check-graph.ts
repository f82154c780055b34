/**
 * Checks maps: `npm run check:graph -- [map ...]` (default: every map in graph-data/), in any format
 * the app opens — Pathomap YAML or JSON, d3, Cytoscape.js, GraphML, DisMech disorder files, CXL.
 * Prints each problem as `file:line:column path: message (hint)` and a summary per map;
 * exits with 1 if any map has an error, so builds and CI stop on a broken map.
 */
import { join } from 'node:path';
import { formatProblem, type LoadResult, type PathoMap } from '../src/core/model/types.ts';
import { displayPath } from './lib/load-map-file.ts';
import { listMapFiles, loadMapWithLayout } from './lib/maps-folder.ts';

const MAP_DIR = 'graph-data';

async function defaultMapFiles(): Promise<string[]> {
  return (await listMapFiles(MAP_DIR)).map((name) => join(MAP_DIR, name));
}

/** Prints one map's problems and summary; returns whether it has errors. */
function report(result: LoadResult, fileName: string): boolean {
  for (const problem of result.problems) {
    console.log(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem)}`);
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  if (errors > 0 || !result.map) {
    const andWarnings = warnings ? `, ${count(warnings, 'warning')}` : '';
    console.log(`✗ ${fileName}: ${count(errors, 'error')}${andWarnings}`);
    return true;
  }
  const andWarnings = warnings ? ` (${count(warnings, 'warning')})` : '';
  console.log(`✓ ${fileName}: ${soundSummary(result.map)}${andWarnings}`);
  return false;
}

function soundSummary(map: PathoMap): string {
  const evidence = [...map.nodes, ...map.edges].flatMap((item) => item.evidence);
  const quotes = evidence.filter((e) => e.kind === 'quote').length;
  const quoteNote = quotes === 0 ? 'no quotes to verify' : `all ${count(quotes, 'quote')} found`;
  // Evidence as DisMech or CmapTools recorded it cites sources whose text is not stored here.
  const recorded = evidence.filter((e) => e.kind === 'recorded');
  const tools = [...new Set(recorded.map((e) => e.recordedIn))].join(', ');
  const recordedNote = recorded.length > 0 ? `; ${count(recorded.length, 'evidence item')} as recorded in ${tools}, not checked here` : '';
  const unsourced = [...map.nodes, ...map.edges].filter((item) => item.unsourced).length;
  const sourceNote = unsourced > 0 ? `; ${count(unsourced, 'concept or relation', 'concepts and relations')} without any source` : '';
  return `${count(map.nodes.length, 'concept')}, ${count(map.edges.length, 'relation')}, ${quoteNote}${recordedNote}${sourceNote}`;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args : await defaultMapFiles();
  if (files.length === 0) {
    console.error(`No maps found in ${MAP_DIR}/ (expected *.yaml, *.yml or *.json).`);
    return 1;
  }
  let failed = false;
  for (const file of files) {
    const name = displayPath(file);
    if (report(await loadMapWithLayout(file, name), name)) failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
