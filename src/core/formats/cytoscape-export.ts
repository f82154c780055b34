/**
 * Writes a map as Cytoscape.js JSON, which `cy.json(…)` and Cytoscape desktop read. Everything
 * Pathomap knows goes into `data` — category, summary, level, evidence, and the map's references
 * and categories at the top — so the file reads back into the same map.
 */
import type { PathoMap } from '../model/types.ts';
import { toMapFile } from './map-file.ts';

export function toCytoscapeJson(map: PathoMap): string {
  const { nodes, edges, ...graph } = toMapFile(map);
  const document = {
    data: graph,
    elements: {
      nodes: nodes.map(({ position, ...data }) => ({
        data,
        // Cytoscape's own position is a layout result; `locked` is what makes it a pin.
        ...(position ? { position, locked: true } : {}),
      })),
      // Cytoscape needs an id on every element; relations without one get theirs from the map.
      edges: edges.map((edge, index) => ({ data: { ...edge, id: map.edges[index]!.id } })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
