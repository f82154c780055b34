/**
 * `npm run bench:readability`: how readable the same maps are when laid out by Pathomap and by
 * established layout engines, each fitted into a 1920 × 1080 slide with a 24 px margin.
 *
 * Per graph and engine: label–label overlaps, labels over another concept's marker, relations
 * through a label that is not one of their ends, relation crossings (see
 * src/core/layout/readability.ts for the exact rules), the label font size on the slide, the
 * share of cross-band relations running in the story direction, and the layout time (median of
 * `--runs`, fewer for an engine that takes over 10 s). Every engine gets the same markers and label boxes (scripts/readability/).
 * Prints a table and writes bench/readability.json.
 *
 * Options: --graphs flagship,hub150,hub500 --engines pathomap,cose,… --runs 3 --out file
 * --svg folder (also writes each drawing as a picture, `<graph>-<engine>.svg`, to look at).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateMap } from './bench-generate.ts';
import { loadMapFile } from './lib/load-map-file.ts';
import { drawingSvg } from './readability/drawing-svg.ts';
import { ENGINE_NAMES, ENGINES, type Engine, type EngineName } from './readability/engines.ts';
import { measureReadability, SLIDE, type Frame, type Readability } from '../src/core/layout/readability.ts';
import type { PathoMap } from '../src/core/model/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const GRAPHS = {
  flagship: async (): Promise<PathoMap> => {
    const result = await loadMapFile(join(root, 'graph-data/calcinosis-ssc.yaml'));
    if (!result.map) throw new Error('the flagship map did not load');
    return result.map;
  },
  hub150: async () => generateMap({ nodes: 150, kind: 'banded' }),
  hub500: async () => generateMap({ nodes: 500, kind: 'banded' }),
} satisfies Record<string, () => Promise<PathoMap>>;

export type GraphName = keyof typeof GRAPHS;
const GRAPH_NAMES = Object.keys(GRAPHS) as GraphName[];

export interface EngineResult extends Readability {
  engine: EngineName;
  title: string;
  /**
   * Median over the runs: the engine's layout, and turning its result into a drawing. Fewer
   * runs than asked when one took over 10 s.
   */
  layoutMs: number;
  layoutRunsMs: number[];
}

export interface GraphResult {
  graph: GraphName;
  concepts: number;
  relations: number;
  engines: EngineResult[];
}

export interface ReadabilityResults {
  date: string;
  machine: string;
  frame: Frame;
  runs: number;
  graphs: GraphResult[];
}

export interface ReadabilityOptions {
  graphs: GraphName[];
  engines: EngineName[];
  runs: number;
  out: string;
  /** A folder to write each engine's drawing into as SVG. */
  svg?: string;
  log?: (line: string) => void;
}

/** After a run longer than this, an engine is not run again on the same graph. */
const SLOW_RUN_MS = 10_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function runReadabilityBench(options: ReadabilityOptions): Promise<ReadabilityResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const runs = Math.max(1, Math.floor(options.runs));
  const graphs: GraphResult[] = [];
  for (const graph of options.graphs) {
    const map = await GRAPHS[graph]();
    const result: GraphResult = { graph, concepts: map.nodes.length, relations: map.edges.length, engines: [] };
    for (const name of options.engines) {
      const engine: Engine = ENGINES[name];
      const times: number[] = [];
      let metrics: Readability | undefined;
      for (let i = 0; i < runs; i++) {
        // A run this slow says enough about the engine's time: no more of them.
        if (i > 0 && times[i - 1]! > SLOW_RUN_MS) break;
        await engine.prepare?.();
        const started = performance.now();
        const drawing = await engine.draw(map);
        times.push(performance.now() - started);
        const measured = measureReadability(drawing, SLIDE);
        // Every engine here is seeded or deterministic: a run that draws differently is worth a word.
        if (metrics && JSON.stringify(measured) !== JSON.stringify(metrics)) log(`  note: ${name} on ${graph} drew differently in run ${i + 1}`);
        metrics ??= measured;
        if (i === 0 && options.svg) {
          const labels = new Map(map.nodes.map((n) => [n.id, n.label]));
          await mkdir(options.svg, { recursive: true });
          await writeFile(join(options.svg, `${graph}-${name}.svg`), drawingSvg(drawing, SLIDE, labels));
        }
      }
      result.engines.push({ engine: name, title: engine.title, ...metrics!, layoutMs: median(times), layoutRunsMs: times });
      log(`  ${graph} ${name}: ${times.map((t) => Math.round(t)).join(', ')} ms`);
    }
    graphs.push(result);
  }
  const results: ReadabilityResults = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}`,
    frame: SLIDE,
    runs,
    graphs,
  };
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(results, null, 2) + '\n');
  return results;
}

const COLUMNS: [string, (r: EngineResult) => string][] = [
  ['label overlaps', (r) => String(r.labelOverlaps)],
  ['labels on markers', (r) => String(r.labelsOnMarkers)],
  ['relations through labels', (r) => String(r.relationsThroughLabels)],
  ['crossings', (r) => String(r.crossings)],
  ['label px', (r) => r.labelFontPx.toFixed(1)],
  ['story direction', (r) => (r.storyDirection === null ? '—' : `${Math.round(r.storyDirection * 100)}%`)],
  ['layout ms', (r) => (r.layoutMs >= 100 ? String(Math.round(r.layoutMs)) : r.layoutMs.toFixed(1))],
];

/** A Markdown table, one row per graph and engine. */
export function formatReadabilityTable(results: ReadabilityResults): string {
  const rows = [['graph', 'engine', ...COLUMNS.map(([title]) => title)]];
  for (const g of results.graphs) {
    for (const r of g.engines) rows.push([`${g.graph} (${g.concepts}/${g.relations})`, r.title, ...COLUMNS.map(([, cell]) => cell(r))]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

function listOption<T extends string>(value: string, known: readonly T[], what: string): T[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!known.includes(name as T)) throw new Error(`unknown ${what} "${name}" (known: ${known.join(', ')})`);
  return names as T[];
}

export function readabilityOptions(argv: string[]): ReadabilityOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      graphs: { type: 'string', default: GRAPH_NAMES.join(',') },
      engines: { type: 'string', default: ENGINE_NAMES.join(',') },
      runs: { type: 'string', default: '3' },
      out: { type: 'string', default: join(root, 'bench/readability.json') },
      svg: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number from 1 on, not "${values.runs}"`);
  return {
    graphs: listOption(values.graphs, GRAPH_NAMES, 'graph'),
    engines: listOption(values.engines, ENGINE_NAMES, 'engine'),
    runs,
    out: resolve(values.out),
    ...(values.svg ? { svg: resolve(values.svg) } : {}),
  };
}

/** The command line: runs the bench, prints the table. */
export async function main(argv: string[], log: (line: string) => void = (line) => console.log(line)): Promise<ReadabilityResults> {
  const options = { ...readabilityOptions(argv), log };
  const results = await runReadabilityBench(options);
  log('');
  log(`Fitted into ${SLIDE.width} × ${SLIDE.height} px with a ${SLIDE.margin} px margin; layout time median of ${results.runs} run(s)`);
  log(formatReadabilityTable(results));
  log(`\nWritten: ${options.out}`);
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
