/**
 * The category shapes, centred on 0,0 with roughly equal visual area, so a map reads in
 * greyscale and on a washed-out projector, not by colour alone. One definition serves the SVG
 * map (path data) and the canvas map (traced outlines).
 */
import type { NodeShape, Point } from '../core/model/types.ts';

/** A shape at radius 1: a circle, or the corners of a polygon. */
type UnitOutline = 'circle' | readonly Point[];

function polygon(points: number, radius: number, rotation: number): Point[] {
  return Array.from({ length: points }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / points;
    return { x: radius * Math.cos(a), y: radius * Math.sin(a) };
  });
}

function star(radius: number): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? radius : radius * 0.5;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
}

const SQUARE = 0.89;

/** Computed once: the canvas traces thousands of shapes per frame from these. */
const UNIT_OUTLINES: Record<NodeShape, UnitOutline> = {
  circle: 'circle',
  square: [
    { x: -SQUARE, y: -SQUARE },
    { x: SQUARE, y: -SQUARE },
    { x: SQUARE, y: SQUARE },
    { x: -SQUARE, y: SQUARE },
  ],
  diamond: polygon(4, 1.2, -Math.PI / 2),
  triangle: polygon(3, 1.3, -Math.PI / 2),
  'triangle-down': polygon(3, 1.3, Math.PI / 2),
  hexagon: polygon(6, 1.05, 0),
  pentagon: polygon(5, 1.1, -Math.PI / 2),
  star: star(1.4),
};

const round = (n: number) => Math.round(n * 100) / 100;

/** SVG path data for `shape` with a nominal radius `r` (the circle's radius). */
export function shapePath(shape: NodeShape, r: number): string {
  // Asked for once per concept drawn, of a handful of shapes and radii: each made once.
  const key = `${shape} ${r}`;
  let path = PATHS.get(key);
  if (path === undefined) {
    const outline = UNIT_OUTLINES[shape];
    path = outline === 'circle' ? `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z` : `M${outline.map((p) => `${round(p.x * r)},${round(p.y * r)}`).join('L')}Z`;
    if (PATHS.size > 1000) PATHS.clear();
    PATHS.set(key, path);
  }
  return path;
}
const PATHS = new Map<string, string>();

/**
 * The outline of `shape` centred on 0,0 with nominal radius `r`: 'circle', or the polygon's
 * corners (for exports that draw shapes of their own, e.g. slide shapes).
 */
export function shapeOutline(shape: NodeShape, r: number): 'circle' | Point[] {
  const outline = UNIT_OUTLINES[shape];
  return outline === 'circle' ? 'circle' : outline.map((p) => ({ x: p.x * r, y: p.y * r }));
}

/** Adds the outline of `shape` at (x, y) with nominal radius r to a canvas path. */
export function traceShape(ctx: Pick<CanvasPath, 'moveTo' | 'lineTo' | 'arc' | 'closePath'>, shape: NodeShape, x: number, y: number, r: number): void {
  const outline = UNIT_OUTLINES[shape];
  if (outline === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  ctx.moveTo(x + outline[0]!.x * r, y + outline[0]!.y * r);
  for (let i = 1; i < outline.length; i++) ctx.lineTo(x + outline[i]!.x * r, y + outline[i]!.y * r);
  ctx.closePath();
}
