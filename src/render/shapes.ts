/**
 * SVG path data for the category shapes, centred on 0,0 with roughly equal visual area, so a
 * map reads in greyscale and on a washed-out projector, not by colour alone.
 */
import type { NodeShape } from '../core/types.ts';

function polygon(points: number, radius: number, rotation: number): string {
  const parts: string[] = [];
  for (let i = 0; i < points; i++) {
    const a = rotation + (i * 2 * Math.PI) / points;
    parts.push(`${round(radius * Math.cos(a))},${round(radius * Math.sin(a))}`);
  }
  return `M${parts.join('L')}Z`;
}

function star(radius: number): string {
  const parts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.5;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    parts.push(`${round(r * Math.cos(a))},${round(r * Math.sin(a))}`);
  }
  return `M${parts.join('L')}Z`;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Path data for `shape` with a nominal radius `r` (the circle's radius). */
export function shapePath(shape: NodeShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    case 'square': {
      const s = round(r * 0.89);
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case 'diamond':
      return polygon(4, r * 1.2, -Math.PI / 2);
    case 'triangle':
      return polygon(3, r * 1.3, -Math.PI / 2);
    case 'triangle-down':
      return polygon(3, r * 1.3, Math.PI / 2);
    case 'hexagon':
      return polygon(6, r * 1.05, 0);
    case 'pentagon':
      return polygon(5, r * 1.1, -Math.PI / 2);
    case 'star':
      return star(r * 1.4);
  }
}
