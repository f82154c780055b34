/**
 * Cytoscape.js's force-directed layouts, cose (built in) and fcose (the cytoscape-fcose
 * extension), headless but with styles on, so that the concept boxes' sizes count.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Drawing } from '../../src/core/layout/readability.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { peerDrawing, peerEdges, peerNodes, withSeededMathRandom } from './peer-drawing.ts';

cytoscape.use(fcose);

export async function cytoscapeDrawing(map: PathoMap, layout: 'cose' | 'fcose'): Promise<Drawing> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...peerNodes(map).map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.width, h: n.height } })),
      ...peerEdges(map).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
    style: [{ selector: 'node', style: { shape: 'rectangle', width: 'data(w)', height: 'data(h)' } }],
  });
  const options = layout === 'cose' ? { name: 'cose', animate: false, randomize: true } : { name: 'fcose', animate: false, randomize: true, quality: 'default' };
  await withSeededMathRandom(`${layout}:${map.id}`, async () => {
    const run = cy.layout(options as cytoscape.LayoutOptions);
    const stopped = run.promiseOn('layoutstop');
    run.run();
    await stopped;
  });
  const centres = new Map<string, Point>();
  cy.nodes().forEach((node) => {
    const p = node.position();
    centres.set(node.id(), { x: p.x, y: p.y });
  });
  cy.destroy();
  return peerDrawing(map, centres);
}
