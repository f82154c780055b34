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
  const dot = [
    'graph G {',
    '  graph [overlap=false, splines=false, start=1];',
    '  node [shape=box, fixedsize=true, label=""];',
    ...nodes.map((n) => `  ${quote(n.id)} [width=${n.width / 72}, height=${n.height / 72}];`),
    ...peerEdges(map).map((e) => `  ${quote(e.source)} -- ${quote(e.target)};`),
    '}',
  ].join('\n');
  const out = JSON.parse(gv.layout(dot, 'json', engine)) as { objects?: { name: string; pos?: string }[] };
  const centres = new Map<string, Point>();
  for (const o of out.objects ?? []) {
    const [x, y] = (o.pos ?? '').split(',').map(Number);
    // Graphviz's y grows upwards; ours downwards (the label is under its marker).
    if (Number.isFinite(x) && Number.isFinite(y)) centres.set(o.name, { x: x!, y: -y! });
  }
  return peerDrawing(map, centres);
}
