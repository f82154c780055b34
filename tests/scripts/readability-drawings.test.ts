// What the readability benchmark hands the metrics: concepts drawn as the map draws them, and
// other engines' boxes turned back into the same markers and labels.
import { describe, expect, it } from 'vitest';
import { estimateLabelWidth } from '../../src/core/model/label.ts';
import { benchConcepts, conceptBox, conceptGeometry, type BenchConcept } from '../../scripts/readability/concept-geometry.ts';
import { pathomapDrawing } from '../../scripts/readability/pathomap-engine.ts';
import { peerDrawing } from '../../scripts/readability/peer-drawing.ts';
import { smallMap } from '../fixtures/small-map.ts';

const concept = (label: string, unsourced = false): BenchConcept => ({ id: 'a', label, band: 0, radius: 10, unsourced });

describe('conceptGeometry', () => {
  it.each<[string, BenchConcept, number]>([
    ['a one-line label', concept('Fetuin-A'), 1],
    ['a label wrapped onto two lines', concept('Heritable ectopic mineralization'), 2],
    ['an unsourced concept, with its "no source" line', concept('Fetuin-A', true), 2],
  ])('%s: the marker at the point, the label centred under it', (_name, c, lines) => {
    const { marker, label } = conceptGeometry(c, { x: 100, y: 50 });
    expect(marker).toEqual({ x: 100, y: 50, r: 10 });
    expect(label.maxX - label.minX).toBeCloseTo(estimateLabelWidth(c.label), 9);
    expect((label.minX + label.maxX) / 2).toBeCloseTo(100, 9);
    // First baseline 16 px under the rim (Nodes.svg.svelte), letters reaching 12 px above it.
    expect(label.minY).toBe(50 + 10 + 16 - 12);
    expect(label.maxY - label.minY).toBe(16 * lines);
  });
});

describe('conceptBox', () => {
  it.each([concept('GACI'), concept('Heritable ectopic mineralization')])('holds marker and label, the marker at the top ($label)', (c) => {
    const box = conceptBox(c);
    const centre = { x: 300, y: 200 };
    const { marker, label } = conceptGeometry(c, { x: centre.x + box.markerOffset.x, y: centre.y + box.markerOffset.y });
    const [left, top] = [centre.x - box.width / 2, centre.y - box.height / 2];
    expect(marker.y - marker.r).toBeCloseTo(top, 9);
    expect(label.maxY).toBeCloseTo(top + box.height, 9);
    expect(Math.min(marker.x - marker.r, label.minX)).toBeCloseTo(left, 9);
    expect(Math.max(marker.x + marker.r, label.maxX)).toBeCloseTo(left + box.width, 9);
  });
});

describe('drawings', () => {
  it("Pathomap's: every concept, relations from rim to rim", () => {
    const map = smallMap();
    const drawing = pathomapDrawing(map);
    expect(drawing.concepts.map((c) => c.id)).toEqual(map.nodes.map((n) => n.id));
    expect(drawing.relations).toHaveLength(map.edges.length);
    const byId = new Map(drawing.concepts.map((c) => [c.id, c]));
    for (const r of drawing.relations) {
      const s = byId.get(r.source)!.marker;
      const t = byId.get(r.target)!.marker;
      const first = r.points[0]!;
      const last = r.points.at(-1)!;
      // 2 px off the source's rim, 4 px before the target's (path data rounded to 0.1 px).
      expect(Math.hypot(first.x - s.x, first.y - s.y)).toBeCloseTo(s.r + 2, 0);
      expect(Math.hypot(last.x - t.x, last.y - t.y)).toBeCloseTo(t.r + 4, 0);
    }
  });

  it("a peer's: box centres back to markers, its own routes kept, straight lines otherwise", () => {
    const map = smallMap();
    const centres = new Map(map.nodes.map((n, i) => [n.id, { x: i * 300, y: 0 }]));
    const [routed, ...straight] = map.edges;
    const route = [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }];
    const drawing = peerDrawing(map, centres, new Map([[routed!.id, route]]));
    const concepts = new Map(benchConcepts(map).map((c) => [c.id, c]));
    for (const c of drawing.concepts) {
      const offset = conceptBox(concepts.get(c.id)!).markerOffset;
      expect(c.marker.x).toBeCloseTo(centres.get(c.id)!.x + offset.x, 9);
      expect(c.marker.y).toBeCloseTo(offset.y, 9);
    }
    expect(drawing.relations.find((r) => r.id === routed!.id)!.points).toEqual(route);
    for (const e of straight) expect(drawing.relations.find((r) => r.id === e.id)!.points).toHaveLength(2);
  });

  it('a peer that left a concept out is an error, not a flattering figure', () => {
    const map = smallMap();
    expect(() => peerDrawing(map, new Map())).toThrow(/placed no concept/);
  });
});
