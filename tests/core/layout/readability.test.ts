import { describe, expect, it } from 'vitest';
import {
  measureReadability,
  pathToPolyline,
  segmentMeetsBox,
  type Drawing,
  type DrawnConcept,
  type DrawnRelation,
  type Readability,
} from '../../../src/core/layout/readability.ts';

/** A concept at (x, y): marker of radius 10, a 60 × 16 label under it. */
function concept(id: string, x: number, y: number, band = 0): DrawnConcept {
  return { id, band, marker: { x, y, r: 10 }, label: { minX: x - 30, maxX: x + 30, minY: y + 14, maxY: y + 30 } };
}

function relation(source: string, target: string, ...points: [number, number][]): DrawnRelation {
  return { id: `${source}-${target}`, source, target, points: points.map(([x, y]) => ({ x, y })) };
}

const drawing = (concepts: DrawnConcept[], relations: DrawnRelation[] = []): Drawing => ({ concepts, relations, labelFontPx: 14 });

const NONE = { labelOverlaps: 0, labelsOnMarkers: 0, relationsThroughLabels: 0, crossings: 0 };

describe('measureReadability', () => {
  it.each<[string, Drawing, Partial<Readability>]>([
    ['concepts far apart, no relations', drawing([concept('a', 0, 0), concept('b', 200, 0)]), NONE],
    [
      'two relations crossing in an X: one crossing',
      drawing(
        [concept('a', 0, 0), concept('b', 400, 400), concept('c', 400, 0), concept('d', 0, 400)],
        [relation('a', 'b', [0, 0], [400, 400]), relation('c', 'd', [400, 0], [0, 400])],
      ),
      { ...NONE, crossings: 1 },
    ],
    [
      'two relations sharing an end: no crossing',
      drawing(
        [concept('a', 0, 0), concept('b', 400, 0), concept('c', 0, 400)],
        [relation('a', 'b', [0, 0], [400, 0]), relation('a', 'c', [0, 0], [0, 400])],
      ),
      NONE,
    ],
    [
      'parallel relations: no crossing',
      drawing(
        [concept('a', 0, 0), concept('b', 400, 0), concept('c', 0, 200), concept('d', 400, 200)],
        [relation('a', 'b', [0, 0], [400, 0]), relation('c', 'd', [0, 200], [400, 200])],
      ),
      NONE,
    ],
    [
      'a bent relation crossing another twice counts once',
      drawing(
        [concept('a', 0, 0), concept('b', 400, 0), concept('c', 200, -300), concept('d', 200, 300)],
        [relation('a', 'b', [0, 0], [200, 100], [400, 0]), relation('c', 'd', [200, -300], [100, 60], [300, 60], [200, 300])],
      ),
      { ...NONE, crossings: 1 },
    ],
    [
      "a relation through a third concept's label: one",
      drawing(
        [concept('a', 0, 0), concept('b', 400, 0), concept('c', 200, -20)],
        // The line y = 0 runs through c's label (y −6..10), under its marker (y −30..−10).
        [relation('a', 'b', [10, 0], [390, 0])],
      ),
      { ...NONE, relationsThroughLabels: 1 },
    ],
    [
      "a relation through its own end's label: none",
      drawing([concept('a', 0, 0), concept('b', 0, 400)], [relation('a', 'b', [0, 10], [0, 390])]),
      NONE,
    ],
    [
      'a relation running along the edge of a label only: none',
      // c's label spans y −16..0: the line only runs along its lower edge.
      drawing([concept('a', 0, 0), concept('b', 400, 0), concept('c', 200, -30)], [relation('a', 'b', [10, 0], [390, 0])]),
      NONE,
    ],
    [
      'overlapping labels: one overlap',
      drawing([concept('a', 0, 0), concept('b', 40, 0)]),
      { ...NONE, labelOverlaps: 1 },
    ],
    ['labels side by side, touching: none', drawing([concept('a', 0, 0), concept('b', 60, 0)]), NONE],
    [
      "a label over another concept's marker: one",
      // b's marker reaches 2 px up into a's label (y 14..30).
      drawing([concept('a', 0, 0), concept('b', 20, 38)]),
      { ...NONE, labelsOnMarkers: 1 },
    ],
    [
      'a marker just clear of a label corner: none',
      // The label's corner is (30, 30); the marker's centre 7.5 × √2 ≈ 10.6 away, its radius 10.
      drawing([concept('a', 0, 0), concept('b', 37.5, 37.5)]),
      NONE,
    ],
  ])('%s', (_name, input, expected) => {
    expect(measureReadability(input)).toMatchObject(expected);
  });

  it.each<[string, Drawing, number | null, number]>([
    [
      'all cross-band relations left to right',
      drawing(
        [concept('a', 0, 0, 0), concept('b', 300, 0, 1), concept('c', 600, 0, 2)],
        [relation('a', 'b', [0, 0], [300, 0]), relation('c', 'b', [600, 0], [300, 0])],
      ),
      1,
      2,
    ],
    [
      'one of two running against the story; same-band relations left out',
      drawing(
        [concept('a', 0, 0, 0), concept('b', 300, 0, 1), concept('c', -300, 0, 2), concept('d', 0, 300, 0)],
        [relation('a', 'b', [0, 0], [300, 0]), relation('a', 'c', [0, 0], [-300, 0]), relation('a', 'd', [0, 0], [0, 300])],
      ),
      0.5,
      2,
    ],
    ['no cross-band relations: no share', drawing([concept('a', 0, 0), concept('b', 300, 0)], [relation('a', 'b', [0, 0], [300, 0])]), null, 0],
  ])('story direction: %s', (_name, input, share, count) => {
    const result = measureReadability(input);
    expect(result.storyDirection).toBe(share);
    expect(result.crossBandRelations).toBe(count);
  });

  it.each<[string, Drawing, number]>([
    // Bounds x −30..30, y −10..30 (60 × 40): the height binds, (1080 − 48) / 40.
    ['one concept', drawing([concept('a', 0, 0)]), 1032 / 40],
    // Bounds x −30..1030, y −10..30: (1920 − 48) / 1060.
    ['a wide drawing is bound by the width', drawing([concept('a', 0, 0), concept('b', 1000, 0)]), 1872 / 1060],
    // Bounds y −10..2030 (2040 high): (1080 − 48) / 2040.
    ['a tall drawing is bound by the height', drawing([concept('a', 0, 0), concept('b', 0, 2000)]), 1032 / 2040],
    [
      'a relation routed outside the concepts widens the bounds',
      drawing([concept('a', 0, 0), concept('b', 0, 2000)], [relation('a', 'b', [0, 0], [0, -1030], [0, 2000])]),
      1032 / 3060,
    ],
  ])('fit scale and label font px: %s', (_name, input, scale) => {
    const result = measureReadability(input, { width: 1920, height: 1080, margin: 24 });
    expect(result.fitScale).toBeCloseTo(scale, 9);
    expect(result.labelFontPx).toBeCloseTo(14 * scale, 9);
  });
});

describe('pathToPolyline', () => {
  it.each<[string, [number, number][]]>([
    ['M0,0L10,5', [[0, 0], [10, 5]]],
    ['M 0 0 H 10 V 5', [[0, 0], [10, 0], [10, 5]]],
    ['M0,0 10,0 10,10', [[0, 0], [10, 0], [10, 10]]],
    ['M-1.5,2e1L.5,3', [[-1.5, 20], [0.5, 3]]],
  ])('%s', (d, expected) => {
    expect(pathToPolyline(d)).toEqual(expected.map(([x, y]) => ({ x, y })));
  });

  it('samples a quadratic curve through its middle', () => {
    const points = pathToPolyline('M0,0Q50,100 100,0', 4);
    expect(points).toHaveLength(5);
    expect(points[0]).toEqual({ x: 0, y: 0 });
    // The middle of a quadratic lies halfway between the chord's middle and the control point.
    expect(points[2]).toEqual({ x: 50, y: 50 });
    expect(points[4]).toEqual({ x: 100, y: 0 });
  });

  it('samples a cubic curve end to end', () => {
    const points = pathToPolyline('M0,0C0,100 100,100 100,0', 2);
    expect(points).toEqual([{ x: 0, y: 0 }, { x: 50, y: 75 }, { x: 100, y: 0 }]);
  });

  it('refuses commands it cannot follow', () => {
    expect(() => pathToPolyline('M0,0A5,5 0 0 1 10,0')).toThrow(/"A"/);
  });
});

describe('segmentMeetsBox', () => {
  const box = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
  it.each<[string, [number, number, number, number], boolean]>([
    ['through the middle', [-5, 5, 15, 5], true],
    ['wholly inside', [2, 2, 8, 8], true],
    ['ending inside', [-5, 5, 5, 5], true],
    ['outside', [-5, -5, -1, 20], false],
    ['along an edge', [-5, 0, 15, 0], false],
    ['through a corner only', [-5, 5, 5, 15], false],
  ])('%s', (_name, [ax, ay, bx, by], meets) => {
    expect(segmentMeetsBox({ x: ax, y: ay }, { x: bx, y: by }, box)).toBe(meets);
  });
});
