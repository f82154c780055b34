/**
 * Graphviz's force-directed engines, neato (stress majorisation) and sfdp (multiscale), from
 * its WebAssembly build. Concepts are fixed-size boxes (sizes in inches, positions in points:
 * at 72 points an inch, one point is one of our pixels), asked not to overlap; relations are
 * straight, as those engines draw them by default.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Drawing } from '../../src/core/layout/readability.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { peerDrawing, peerEdges, peerNodes } from './peer-drawing.ts';

let graphviz: Graphviz | undefined;

/**
 * A fresh instance of the WebAssembly module, loaded before a run is timed: sfdp keeps state
 * from one layout to the next inside an instance (the same graph, laid out twice, comes out
 * several times larger the second time), so each run starts from a new one.
 */
export async function freshGraphviz(): Promise<void> {
  Graphviz.unload();
  graphviz = await Graphviz.load();
}

const quote = (id: string) => `"${id.replace(/["\\]/g, '\\$&')}"`;

export async function graphvizDrawing(map: PathoMap, engine: 'neato' | 'sfdp'): Promise<Drawing> {
  const gv = graphviz ?? (await Graphviz.load());
  const nodes = peerNodes(map);
  const nodeLines = nodes.map((n) => `  ${quote(n.id)} [width=${n.width / 72}, height=${n.height / 72}];`);
  const edgeLines = peerEdges(map).map((e) => `  ${quote(e.source)} -- ${quote(e.target)};`);
  // sfdp now and then places a concept at NaN (seen on the flagship): the next seed is tried, and said.
  for (let seed = 1; seed <= MAX_SEEDS; seed++) {
    const dot = ['graph G {', `  graph [overlap=false, splines=false, start=${seed}];`, '  node [shape=box, fixedsize=true, label=""];', ...nodeLines, ...edgeLines, '}'].join('\n');
    const out = JSON.parse(gv.layout(dot, 'json', engine)) as { objects?: { name: string; pos?: string }[] };
    const centres = new Map<string, Point>();
    for (const o of out.objects ?? []) {
      const [x, y] = (o.pos ?? '').split(',').map(Number);
      // Graphviz's y grows upwards; ours downwards (the label is under its marker).
      if (Number.isFinite(x) && Number.isFinite(y)) centres.set(o.name, { x: x!, y: -y! });
    }
    if (nodes.every((n) => centres.has(n.id))) {
      if (seed > 1) console.error(`  note: ${engine} placed a concept nowhere (NaN) with seed ${seed - 1}; drawn with seed ${seed}`);
      return peerDrawing(map, centres);
    }
  }
  throw new Error(`${engine} placed some concept nowhere (NaN) with every seed from 1 to ${MAX_SEEDS}`);
}

/** Seeds tried before a Graphviz engine is said to have failed on a graph. */
const MAX_SEEDS = 5;
