/**
 * How Pathomap lays out and draws a map, for the readability benchmark: the seeded force layout
 * exactly as the app settles it (`settledPositions`, which the build ships with the flagship),
 * and relations drawn as the map draws them (`edgeShape` with `edgeBends`: straight, or a
 * quadratic curve between two concepts joined more than once; curves sampled).
 *
 * `pathomapDrawing` is the one place to change when Pathomap's layout or edge routing changes:
 * the benchmark measures whatever it returns.
 */
import { settledPositions } from '../../src/core/layout/host.ts';
import { pathToPolyline, type Drawing, type DrawnRelation } from '../../src/core/layout/readability.ts';
import type { PathoMap } from '../../src/core/model/types.ts';
import { edgeBends, edgeShape } from '../../src/render/edge-geometry.ts';
import { benchConcepts, conceptGeometry, LABEL_FONT_PX } from './concept-geometry.ts';

export function pathomapDrawing(map: PathoMap): Drawing {
  const positions = settledPositions(map);
  const concepts = benchConcepts(map);
  const radius = new Map(concepts.map((c) => [c.id, c.radius]));
  const bends = edgeBends(map.edges);
  const relations: DrawnRelation[] = [];
  for (const edge of map.edges) {
    const s = positions.get(edge.source);
    const t = positions.get(edge.target);
    if (!s || !t) continue;
    // The gaps Edges.svg.svelte leaves: 2 px off the source's rim, 4 px before the target's (the arrowhead).
    const shape = edgeShape(s, t, radius.get(edge.source)! + 2, radius.get(edge.target)! + 4, bends.get(edge.id) ?? 0);
    relations.push({ id: edge.id, source: edge.source, target: edge.target, points: pathToPolyline(shape.d) });
  }
  return {
    concepts: concepts.flatMap((c) => {
      const at = positions.get(c.id);
      return at ? [{ id: c.id, band: c.band, ...conceptGeometry(c, at) }] : [];
    }),
    relations,
    labelFontPx: LABEL_FONT_PX,
  };
}
