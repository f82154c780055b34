/**
 * Eclipse Layout Kernel (elkjs): `layered` (Sugiyama-style, left to right, with its own edge
 * routing, whose bend points are the drawn relations) and `stress` (straight relations). Also
 * `layered` told the story bands, as Pathomap's layout is: each band a partition, partitions
 * placed left to right in band order.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Drawing } from '../../src/core/layout/readability.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { peerDrawing, peerEdges, peerNodes } from './peer-drawing.ts';

const elk = new ELK();

const ALGORITHMS = {
  layered: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' },
  'layered-bands': { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.partitioning.activate': 'true' },
  stress: { 'elk.algorithm': 'stress' },
} as const;

export async function elkDrawing(map: PathoMap, algorithm: keyof typeof ALGORITHMS): Promise<Drawing> {
  const nodes = peerNodes(map);
  const bands = [...new Set(nodes.map((n) => n.band))].sort((a, b) => a - b);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...ALGORITHMS[algorithm] },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      ...(algorithm === 'layered-bands' ? { layoutOptions: { 'elk.partitioning.partition': String(bands.indexOf(n.band)) } } : {}),
    })),
    edges: peerEdges(map).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const laid = await elk.layout(graph);
  const centres = new Map<string, Point>();
  // A flat graph: every position is in the root's coordinates (x, y: the box's top left).
  for (const n of laid.children ?? []) centres.set(n.id, { x: (n.x ?? 0) + (n.width ?? 0) / 2, y: (n.y ?? 0) + (n.height ?? 0) / 2 });
  const routes = new Map<string, Point[]>();
  if (algorithm !== 'stress') {
    for (const e of laid.edges ?? []) {
      const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
      if (points.length >= 2) routes.set(e.id, points.map((p) => ({ x: p.x, y: p.y })));
    }
  }
  return peerDrawing(map, centres, routes);
}
