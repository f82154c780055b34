/**
 * How Pathomap lays out and draws a map, for the readability benchmark: the layout exactly as
 * the app settles it (`settledPositions`, which the build ships with the flagship), and every
 * concept, group box and relation as the map draws them (`drawMap`: glyphs, boxes, relations bent
 * apart from their twins and round the labels in their way; curves sampled).
 *
 * `pathomapDrawing` is the one place to change when Pathomap's layout or drawing changes: the
 * benchmark measures whatever it returns.
 */
import { settledPositions } from '../../src/core/layout/host.ts';
import type { Drawing, DrawnRelation } from '../../src/core/layout/readability.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { pointOnRun } from '../../src/render/edge-geometry.ts';
import { drawMap } from '../../src/render/drawn-map.ts';
import { benchConcepts, LABEL_FONT_PX } from './concept-geometry.ts';

/** Pieces a curved relation is measured as. */
const CURVE_PIECES = 16;

export function pathomapDrawing(map: PathoMap): Drawing {
  const positions = settledPositions(map);
  const concepts = benchConcepts(map);
  const radius = new Map(concepts.map((c) => [c.id, c.radius]));
  const bandOf = new Map(concepts.map((c) => [c.id, c.band]));
  const drawn = drawMap({ nodes: map.nodes, relations: map.edges, radius: (id) => radius.get(id)!, positions, route: map.edges.length <= 600 });
  const relations: DrawnRelation[] = map.edges.flatMap((edge) => {
    const run = drawn.runs.get(edge.id);
    if (!run) return [];
    const points = run.control ? Array.from({ length: CURVE_PIECES + 1 }, (_, i) => pointOnRun(run, i / CURVE_PIECES)) : [run.start, run.end];
    return [{ id: edge.id, source: edge.source, target: edge.target, points }];
  });
  return {
    concepts: [...drawn.glyphs].map(([id, glyph]) => ({ id, band: bandOf.get(id) ?? 0, marker: glyph.marker, label: glyph.labelBox })),
    relations,
    labelFontPx: LABEL_FONT_PX,
  };
}
