/**
 * What the other engines' results have in common: each lays out concepts as boxes (marker above,
 * label below, see `conceptBox`) and reports where each box's centre is; the benchmark puts the
 * marker and label back into the box and, unless the engine routes relations itself, draws each
 * relation as a straight line from marker rim to marker rim, with the same gaps as Pathomap.
 */
import type { Drawing, DrawnRelation } from '../../src/core/layout/readability.ts';
import { createRandom } from '../../src/core/model/random.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import { benchConcepts, conceptBox, conceptGeometry, LABEL_FONT_PX, type BenchConcept } from './concept-geometry.ts';

/** A concept as the engines are given it: a box of this size. */
export interface PeerNode extends BenchConcept {
  width: number;
  height: number;
}

export function peerNodes(map: PathoMap): PeerNode[] {
  return benchConcepts(map).map((c) => {
    const { width, height } = conceptBox(c);
    return { ...c, width, height };
  });
}

/** Relations between two known, different concepts (what every engine can lay out). */
export function peerEdges(map: PathoMap): PathoMap['edges'] {
  const known = new Set(map.nodes.map((n) => n.id));
  return map.edges.filter((e) => e.source !== e.target && known.has(e.source) && known.has(e.target));
}

/**
 * @param centres each concept's box centre, as the engine placed it (y growing downwards)
 * @param routes the engine's own lines for some relations, by relation id
 */
export function peerDrawing(map: PathoMap, centres: ReadonlyMap<string, Point>, routes: ReadonlyMap<string, Point[]> = new Map()): Drawing {
  const concepts = peerNodes(map);
  const markers = new Map<string, { at: Point; r: number }>();
  const drawn: Drawing['concepts'][number][] = [];
  for (const c of concepts) {
    const centre = centres.get(c.id);
    // A concept left out would flatter the engine's figures.
    if (!centre) throw new Error(`the layout placed no concept "${c.id}"`);
    const { markerOffset } = conceptBox(c);
    const at = { x: centre.x + markerOffset.x, y: centre.y + markerOffset.y };
    markers.set(c.id, { at, r: c.radius });
    drawn.push({ id: c.id, band: c.band, ...conceptGeometry(c, at) });
  }
  const relations: DrawnRelation[] = [];
  for (const edge of peerEdges(map)) {
    const route = routes.get(edge.id);
    const s = markers.get(edge.source);
    const t = markers.get(edge.target);
    if (route && route.length >= 2) relations.push({ id: edge.id, source: edge.source, target: edge.target, points: route });
    else if (s && t) relations.push({ id: edge.id, source: edge.source, target: edge.target, points: rimToRim(s.at, t.at, s.r + 2, t.r + 4) });
  }
  return { concepts: drawn, relations, labelFontPx: LABEL_FONT_PX };
}

function rimToRim(s: Point, t: Point, sourceGap: number, targetGap: number): Point[] {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const d = Math.hypot(dx, dy) || 1;
  const gs = Math.min(sourceGap, d / 2);
  const gt = Math.min(targetGap, d / 2);
  return [
    { x: s.x + (dx / d) * gs, y: s.y + (dy / d) * gs },
    { x: t.x - (dx / d) * gt, y: t.y - (dy / d) * gt },
  ];
}

/**
 * Runs `run` with Math.random replaced by a seeded source: cose and fcose start from random
 * positions drawn from Math.random, and the benchmark's figures should be the same every run.
 */
export async function withSeededMathRandom<T>(seed: string, run: () => T | Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = createRandom(seed);
  try {
    return await run();
  } finally {
    Math.random = original;
  }
}
