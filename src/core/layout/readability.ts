/**
 * How readable a drawn map is, measured on its geometry alone: what a reader sees on a slide
 * once the whole map is fitted into it. For the readability benchmark, which draws the same
 * maps with Pathomap and with other layout engines and compares the figures side by side.
 *
 * A drawing is plain geometry (no DOM, no engine): per concept a round marker, a label box and
 * its story band; per relation the polyline it is drawn as (curves sampled). Every count is of
 * pairs, each pair once, and "intersects" means sharing more than a boundary point, so boxes
 * that merely touch do not count.
 */
import type { Point } from '../model/types.ts';

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface DrawnConcept {
  id: string;
  marker: Circle;
  label: Box;
  /** The concept's category band (`categories[].band`): the story runs from lower to higher. */
  band: number;
}

export interface DrawnRelation {
  id: string;
  source: string;
  target: string;
  /** The drawn line, at least two points. */
  points: readonly Point[];
}

export interface Drawing {
  concepts: readonly DrawnConcept[];
  relations: readonly DrawnRelation[];
  /** Font size of the labels in the drawing's own units (before fitting). */
  labelFontPx: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Kept clear on every side. */
  margin: number;
}

export const SLIDE: Frame = { width: 1920, height: 1080, margin: 24 };

export interface Fit {
  /** Uniform scale from the drawing's units to the frame's pixels. */
  scale: number;
  /** Added after scaling. */
  x: number;
  y: number;
}

export interface Readability {
  /** Pairs of label boxes that intersect. */
  labelOverlaps: number;
  /** Pairs (label, marker of another concept) that intersect. */
  labelsOnMarkers: number;
  /** Pairs (relation, label of a concept that is neither of its ends) that intersect. */
  relationsThroughLabels: number;
  /** Pairs of relations with no concept in common whose lines intersect. */
  crossings: number;
  fitScale: number;
  /** Label font size on the slide: the drawing's size times the fit scale. */
  labelFontPx: number;
  /** Relations joining concepts of different bands. */
  crossBandRelations: number;
  /**
   * Share (0..1) of the cross-band relations whose lower-band end lies left of the higher-band
   * end; null when there are none.
   */
  storyDirection: number | null;
}

/** The box around every marker, label and relation of the drawing. */
export function drawingBounds(drawing: Drawing): Box | undefined {
  let box: Box | undefined;
  const add = (minX: number, minY: number, maxX: number, maxY: number) => {
    box = box
      ? { minX: Math.min(box.minX, minX), minY: Math.min(box.minY, minY), maxX: Math.max(box.maxX, maxX), maxY: Math.max(box.maxY, maxY) }
      : { minX, minY, maxX, maxY };
  };
  for (const c of drawing.concepts) {
    add(c.marker.x - c.marker.r, c.marker.y - c.marker.r, c.marker.x + c.marker.r, c.marker.y + c.marker.r);
    add(c.label.minX, c.label.minY, c.label.maxX, c.label.maxY);
  }
  // A routed relation may run outside its concepts' boxes; the slide must show it too.
  for (const r of drawing.relations) for (const p of r.points) add(p.x, p.y, p.x, p.y);
  return box;
}

/** Uniform scale and translation that centre `bounds` in the frame, inside its margin. */
export function fitToFrame(bounds: Box, frame: Frame): Fit {
  const w = Math.max(1e-9, bounds.maxX - bounds.minX);
  const h = Math.max(1e-9, bounds.maxY - bounds.minY);
  const scale = Math.min((frame.width - 2 * frame.margin) / w, (frame.height - 2 * frame.margin) / h);
  return {
    scale,
    x: frame.width / 2 - ((bounds.minX + bounds.maxX) / 2) * scale,
    y: frame.height / 2 - ((bounds.minY + bounds.maxY) / 2) * scale,
  };
}

export function measureReadability(drawing: Drawing, frame: Frame = SLIDE): Readability {
  const { concepts, relations } = drawing;
  const bounds = drawingBounds(drawing);
  // Intersections do not change under a uniform scale, so they are counted in the drawing's units.
  const fitScale = bounds ? fitToFrame(bounds, frame).scale : 1;

  let labelOverlaps = 0;
  let labelsOnMarkers = 0;
  for (let i = 0; i < concepts.length; i++) {
    const a = concepts[i]!;
    for (let j = 0; j < concepts.length; j++) {
      if (i === j) continue;
      const b = concepts[j]!;
      if (j > i && boxesIntersect(a.label, b.label)) labelOverlaps++;
      if (boxMeetsCircle(a.label, b.marker)) labelsOnMarkers++;
    }
  }

  const lines = relations.map((r) => ({ relation: r, box: pointsBox(r.points) }));
  let relationsThroughLabels = 0;
  for (const { relation, box } of lines) {
    for (const c of concepts) {
      if (c.id === relation.source || c.id === relation.target) continue;
      if (boxesIntersect(box, c.label, true) && polylineMeetsBox(relation.points, c.label)) relationsThroughLabels++;
    }
  }

  let crossings = 0;
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j]!;
      const ra = a.relation;
      const rb = b.relation;
      // Relations that share a concept meet there by design: not a crossing.
      if (ra.source === rb.source || ra.source === rb.target || ra.target === rb.source || ra.target === rb.target) continue;
      if (boxesIntersect(a.box, b.box, true) && polylinesIntersect(ra.points, rb.points)) crossings++;
    }
  }

  const bandOf = new Map(concepts.map((c) => [c.id, c]));
  let crossBandRelations = 0;
  let forward = 0;
  for (const r of relations) {
    const s = bandOf.get(r.source);
    const t = bandOf.get(r.target);
    if (!s || !t || s.band === t.band) continue;
    crossBandRelations++;
    const [low, high] = s.band < t.band ? [s, t] : [t, s];
    if (low.marker.x < high.marker.x) forward++;
  }

  return {
    labelOverlaps,
    labelsOnMarkers,
    relationsThroughLabels,
    crossings,
    fitScale,
    labelFontPx: drawing.labelFontPx * fitScale,
    crossBandRelations,
    storyDirection: crossBandRelations > 0 ? forward / crossBandRelations : null,
  };
}

/**
 * SVG path data with absolute M, L, H, V, Q and C commands (what the map's relations are drawn
 * with) as a polyline; each curve becomes `curveSegments` straight pieces.
 */
export function pathToPolyline(d: string, curveSegments = 16): Point[] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const points: Point[] = [];
  let command = '';
  let at: Point = { x: 0, y: 0 };
  let i = 0;
  const number = (): number => {
    const token = tokens[i++];
    const value = Number(token);
    if (token === undefined || !Number.isFinite(value)) throw new Error(`path data "${d}": a number is missing`);
    return value;
  };
  const point = (): Point => ({ x: number(), y: number() });
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) command = tokens[i++]!;
    switch (command) {
      case 'M':
      case 'L':
        at = point();
        points.push(at);
        // Further pairs after M are line-tos, as in SVG.
        if (command === 'M') command = 'L';
        break;
      case 'H':
        at = { x: number(), y: at.y };
        points.push(at);
        break;
      case 'V':
        at = { x: at.x, y: number() };
        points.push(at);
        break;
      case 'Q': {
        const from = at;
        const c = point();
        at = point();
        for (let k = 1; k <= curveSegments; k++) {
          const t = k / curveSegments;
          const u = 1 - t;
          points.push({ x: u * u * from.x + 2 * u * t * c.x + t * t * at.x, y: u * u * from.y + 2 * u * t * c.y + t * t * at.y });
        }
        break;
      }
      case 'C': {
        const from = at;
        const c1 = point();
        const c2 = point();
        at = point();
        for (let k = 1; k <= curveSegments; k++) {
          const t = k / curveSegments;
          const u = 1 - t;
          points.push({
            x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * at.x,
            y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * at.y,
          });
        }
        break;
      }
      default:
        throw new Error(`path data "${d}": command "${command}" is not supported`);
    }
  }
  return points;
}

function pointsBox(points: readonly Point[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

/** Open boxes overlap; with `touching`, closed ones (a prefilter, where a flat line's box has no area). */
export function boxesIntersect(a: Box, b: Box, touching = false): boolean {
  if (touching) return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

export function boxMeetsCircle(box: Box, circle: Circle): boolean {
  const nx = Math.min(Math.max(circle.x, box.minX), box.maxX);
  const ny = Math.min(Math.max(circle.y, box.minY), box.maxY);
  return (circle.x - nx) ** 2 + (circle.y - ny) ** 2 < circle.r * circle.r;
}

/** Some stretch of the segment, longer than a point, lies inside the box (Liang–Barsky clipping). */
export function segmentMeetsBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 < t1;
  };
  return (
    clip(-dx, a.x - box.minX) && clip(dx, box.maxX - a.x) && clip(-dy, a.y - box.minY) && clip(dy, box.maxY - a.y) && t0 < t1
  );
}

function polylineMeetsBox(points: readonly Point[], box: Box): boolean {
  for (let k = 1; k < points.length; k++) if (segmentMeetsBox(points[k - 1]!, points[k]!, box)) return true;
  return false;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Closed segments share a point (crossing, touching or overlapping). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = Math.sign(cross(c, d, a));
  const d2 = Math.sign(cross(c, d, b));
  const d3 = Math.sign(cross(a, b, c));
  const d4 = Math.sign(cross(a, b, d));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  const within = (p: Point, q: Point, r: Point) =>
    Math.min(p.x, q.x) <= r.x && r.x <= Math.max(p.x, q.x) && Math.min(p.y, q.y) <= r.y && r.y <= Math.max(p.y, q.y);
  return (
    (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d))
  );
}

function polylinesIntersect(p: readonly Point[], q: readonly Point[]): boolean {
  for (let i = 1; i < p.length; i++) {
    const a = p[i - 1]!;
    const b = p[i]!;
    const ab = pointsBox([a, b]);
    for (let j = 1; j < q.length; j++) {
      const c = q[j - 1]!;
      const d = q[j]!;
      if (boxesIntersect(ab, pointsBox([c, d]), true) && segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}
