/** The engines the readability benchmark compares, by the name given on the command line. */
import type { Drawing } from '../../src/core/layout/readability.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { cytoscapeDrawing } from './cytoscape-engines.ts';
import { elkDrawing } from './elk-engines.ts';
import { freshGraphviz, graphvizDrawing } from './graphviz-engines.ts';
import { pathomapDrawing } from './pathomap-engine.ts';

export interface Engine {
  /** As printed in the table. */
  title: string;
  /** Setup before each run, not timed (a fresh WebAssembly instance). */
  prepare?: () => Promise<void>;
  draw(map: PathoMap): Drawing | Promise<Drawing>;
}

export const ENGINES = {
  pathomap: { title: 'Pathomap', draw: pathomapDrawing },
  cose: { title: 'Cytoscape cose', draw: (map) => cytoscapeDrawing(map, 'cose') },
  fcose: { title: 'Cytoscape fcose', draw: (map) => cytoscapeDrawing(map, 'fcose') },
  'elk-layered': { title: 'ELK layered', draw: (map) => elkDrawing(map, 'layered') },
  'elk-bands': { title: 'ELK layered, bands', draw: (map) => elkDrawing(map, 'layered-bands') },
  'elk-stress': { title: 'ELK stress', draw: (map) => elkDrawing(map, 'stress') },
  neato: { title: 'Graphviz neato', prepare: freshGraphviz, draw: (map) => graphvizDrawing(map, 'neato') },
  sfdp: { title: 'Graphviz sfdp', prepare: freshGraphviz, draw: (map) => graphvizDrawing(map, 'sfdp') },
} satisfies Record<string, Engine>;

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];
