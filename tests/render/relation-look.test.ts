import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS, RELATION_EFFECTS, type Point, type Relation } from '../../src/core/model/types.ts';
import { THEME } from '../../src/render/look.ts';
import {
  arrival,
  EFFECT_LOOK,
  endInset,
  endShape,
  RELATION_MARKS,
  relationDash,
  relationMarks,
  type EndShape,
  type RelationEnd,
} from '../../src/render/relation-look.ts';

const ENDS: RelationEnd[] = ['arrow', 'tee', 'none', 'open-arrow', 'dot', 'cross', 'diamond'];
const points = (shape: EndShape): Point[] => [...shape.fill.flat(), ...shape.stroke.flat()];

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('effects', () => {
  it('gives every effect its own end, so effects still read in print where every line is black', () => {
    const ends = RELATION_EFFECTS.map((e) => EFFECT_LOOK[e].end);
    expect(new Set(ends).size).toBe(RELATION_EFFECTS.length);
    for (const e of RELATION_EFFECTS) expect(EFFECT_LOOK[e].colour.print).toBe('#000000');
  });

  it.each(['light', 'dark'] as const)('draws every effect at least 3:1 against the %s page', (theme) => {
    for (const e of RELATION_EFFECTS) expect(contrast(EFFECT_LOOK[e].colour[theme], THEME[theme].colours.bg), e).toBeGreaterThanOrEqual(3);
  });
});

describe('relationMarks', () => {
  it.each([
    ['a plain relation', {}, []],
    ['an extrapolated one', { extrapolated: 'From mouse models' }, ['extrapolated']],
    ['a disputed one', { disputed: true }, ['disputed']],
    ['one both extrapolated and disputed, always in the same order', { disputed: true, extrapolated: 'From adults' }, ['extrapolated', 'disputed']],
  ] as [string, Pick<Relation, 'extrapolated' | 'disputed'>, string[]][])('marks %s', (_name, relation, marks) => {
    expect(relationMarks(relation)).toEqual(marks);
  });

  it('gives the two marks different glyphs', () => {
    expect(RELATION_MARKS.extrapolated.glyph).not.toBe(RELATION_MARKS.disputed.glyph);
  });
});

describe('relationDash', () => {
  it('draws human studies solid and every weaker or unknown level with a pattern', () => {
    expect(relationDash('rct')).toEqual([]);
    expect(relationDash('systematic-review')).toEqual([]);
    for (const level of ['review', 'animal-model', 'case-report', undefined] as const) {
      const dash = relationDash(level);
      expect(dash.length, String(level)).toBeGreaterThan(0);
      expect(dash.length % 2, String(level)).toBe(0);
      for (const d of dash) expect(d, String(level)).toBeGreaterThan(0);
    }
  });

  it('tells animal models, case reports and no stated study type apart by their pattern', () => {
    const patterns = (['animal-model', 'case-report', undefined] as const).map((l) => relationDash(l).join(' '));
    expect(new Set(patterns).size).toBe(3);
    // Every known level reads as a finite pattern.
    for (const level of EVIDENCE_LEVELS) expect(relationDash(level).every(Number.isFinite), level).toBe(true);
  });
});

describe('relation ends', () => {
  it.each(ENDS.filter((e) => e !== 'cross' && e !== 'none'))('the %s end reaches back exactly where its line stops, so no gap shows', (end) => {
    for (const width of [1, 1.5, 3]) {
      // Pointing along +x with the tip at the origin, how far back is -x.
      const reach = Math.max(...points(endShape(end, { x: 0, y: 0 }, 1, 0, width)).map((p) => -p.x));
      expect(reach).toBeCloseTo(endInset(end, width));
      expect(endInset(end, width)).toBeGreaterThan(0);
    }
  });

  it.each(['cross', 'none'] as const)('the %s end lets its line run to the tip', (end) => {
    expect(endInset(end, 1.5)).toBe(0);
  });

  it.each(ENDS)('the %s end points the way its line arrives, whatever that way is', (end) => {
    const tip = { x: 40, y: -10 };
    const along = endShape(end, tip, 1, 0, 2);
    const angle = 2.1;
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    const turned = endShape(end, tip, ux, uy, 2);
    // The same shape, turned about the tip.
    const turn = (p: Point): Point => ({
      x: tip.x + (p.x - tip.x) * ux - (p.y - tip.y) * uy,
      y: tip.y + (p.x - tip.x) * uy + (p.y - tip.y) * ux,
    });
    const expected = points(along).map(turn);
    const got = points(turned);
    expect(got).toHaveLength(expected.length);
    if (end === 'dot') {
      // A dot is round: the same centre and size, whichever way its outline's corners fall.
      const centre = (ps: Point[]) => ({ x: ps.reduce((t, p) => t + p.x, 0) / ps.length, y: ps.reduce((t, p) => t + p.y, 0) / ps.length });
      const [c, e] = [centre(got), centre(expected)];
      expect(c.x).toBeCloseTo(e.x);
      expect(c.y).toBeCloseTo(e.y);
      for (const p of got) expect(Math.hypot(p.x - c.x, p.y - c.y)).toBeCloseTo(Math.hypot(expected[0]!.x - e.x, expected[0]!.y - e.y));
    } else {
      got.forEach((p, i) => {
        expect(p.x).toBeCloseTo(expected[i]!.x);
        expect(p.y).toBeCloseTo(expected[i]!.y);
      });
    }
    expect(turned.hollow).toBe(along.hollow);
  });

  it.each(ENDS)('the %s end is drawn symmetric about its line and never past the tip', (end) => {
    const shape = endShape(end, { x: 0, y: 0 }, 1, 0, 1.5);
    const pts = points(shape);
    for (const p of pts) {
      expect(p.x).toBeLessThanOrEqual(1e-9);
      // Its mirror across the line is part of the shape too.
      expect(pts.some((q) => Math.abs(q.x - p.x) < 1e-9 && Math.abs(q.y + p.y) < 1e-9)).toBe(true);
    }
  });

  it('fills the arrow of what promotes but leaves open the arrow of what treats', () => {
    expect(endShape(EFFECT_LOOK.promotes.end, { x: 0, y: 0 }, 1, 0, 1.5).hollow).toBe(false);
    expect(endShape(EFFECT_LOOK.treats.end, { x: 0, y: 0 }, 1, 0, 1.5).hollow).toBe(true);
    expect(endShape('none', { x: 0, y: 0 }, 1, 0, 1.5)).toEqual({ fill: [], stroke: [], hollow: false });
  });
});

describe('arrival', () => {
  it.each([
    ['a straight line', { start: { x: 0, y: 0 }, end: { x: 30, y: 40 }, control: null }, { ux: 0.6, uy: 0.8 }],
    // A bent line arrives along its last stretch, from the control point, not along its chord.
    ['a bent line', { start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, control: { x: 100, y: -50 } }, { ux: 0, uy: 1 }],
  ])('points %s\'s end the way it arrives', (_name, run, direction) => {
    const { ux, uy } = arrival(run);
    expect(ux).toBeCloseTo(direction.ux);
    expect(uy).toBeCloseTo(direction.uy);
    expect(Math.hypot(ux, uy)).toBeCloseTo(1);
  });

  it('gives a line of no length a direction that can still be drawn', () => {
    const { ux, uy } = arrival({ start: { x: 5, y: 5 }, end: { x: 5, y: 5 }, control: null });
    expect(Number.isFinite(ux) && Number.isFinite(uy)).toBe(true);
  });
});
