/**
 * Where a concept's marker and label are drawn, given its position: the geometry of
 * `src/ui/Nodes.svg.svelte`, so that every engine in the readability benchmark is measured with
 * the same markers and labels as Pathomap draws them. Change it here when the map's concepts
 * are drawn differently.
 */
import { createConceptGraph } from '../../src/core/model/graph.ts';
import { estimateLabelWidth, wrapLabel } from '../../src/core/model/label.ts';
import type { PathoMap, Point } from '../../src/core/model/types.ts';
import type { Box, Circle } from '../../src/core/layout/readability.ts';
import { LOOK, markerRadius } from '../../src/render/look.ts';

/** The label's font size on the map (the look spec's). */
export const LABEL_FONT_PX = LOOK.label.size;
/** Height of a line of label text: 1.15em of 14 px, rounded as the map's label boxes are. */
const LINE_PX = 16;
/** The first baseline sits this far under the marker's rim. */
const FIRST_BASELINE_BELOW_RIM = LOOK.label.size + LOOK.label.rimGap;
/** How far a 14 px line's letters reach above its baseline (capitals and ascenders). */
const ASCENT_PX = 12;

export interface BenchConcept {
  id: string;
  label: string;
  /** `categories[].band` of the concept's category. */
  band: number;
  /** Marker radius, as the map sizes it from the concept's relations. */
  radius: number;
  /** Drawn with a "no source" line under its label. */
  unsourced: boolean;
}

/** The concepts of a map as the benchmark draws them. */
export function benchConcepts(map: PathoMap): BenchConcept[] {
  const graph = createConceptGraph(map);
  const bandOf = new Map(map.categories.map((c) => [c.id, c.band]));
  return map.nodes.map((node) => ({
    id: node.id,
    label: node.label,
    band: bandOf.get(node.category) ?? 0,
    radius: markerRadius(graph.degree(node.id)),
    unsourced: node.unsourced === true,
  }));
}

/**
 * A concept whose marker is centred at `at`: the marker, and the box its label's text fills,
 * set under the marker as wide as its longer line (`estimateLabelWidth`), from the top of its
 * first line's letters to the bottom of its last line (with "no source" as one more line).
 */
export function conceptGeometry(concept: BenchConcept, at: Point): { marker: Circle; label: Box } {
  const lines = wrapLabel(concept.label).length + (concept.unsourced ? 1 : 0);
  const halfWidth = estimateLabelWidth(concept.label) / 2;
  const top = at.y + concept.radius + FIRST_BASELINE_BELOW_RIM - ASCENT_PX;
  return {
    marker: { x: at.x, y: at.y, r: concept.radius },
    label: { minX: at.x - halfWidth, maxX: at.x + halfWidth, minY: top, maxY: top + lines * LINE_PX },
  };
}

/**
 * The box around a concept's marker and label, as the other engines are given it (they lay out
 * boxes): its size, and where the marker's centre lies relative to the box's centre.
 */
export function conceptBox(concept: BenchConcept): { width: number; height: number; markerOffset: Point } {
  const { marker, label } = conceptGeometry(concept, { x: 0, y: 0 });
  const minX = Math.min(marker.x - marker.r, label.minX);
  const maxX = Math.max(marker.x + marker.r, label.maxX);
  const minY = Math.min(marker.y - marker.r, label.minY);
  const maxY = Math.max(marker.y + marker.r, label.maxY);
  return {
    width: maxX - minX,
    height: maxY - minY,
    markerOffset: { x: -(minX + maxX) / 2, y: -(minY + maxY) / 2 },
  };
}
