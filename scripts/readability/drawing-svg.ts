/**
 * A drawing as an SVG picture, fitted into the slide as the benchmark measures it: to see what
 * the figures count (markers as circles, label boxes as outlines, relations as drawn).
 */
import { drawingBounds, fitToFrame, type Drawing, type Frame } from '../../src/core/layout/readability.ts';
import { wrapLabel } from '../../src/core/model/label.ts';

export function drawingSvg(drawing: Drawing, frame: Frame, labels: ReadonlyMap<string, string> = new Map()): string {
  const bounds = drawingBounds(drawing);
  const fit = bounds ? fitToFrame(bounds, frame) : { scale: 1, x: 0, y: 0 };
  const n = (v: number) => Math.round(v * 10) / 10;
  const x = (v: number) => n(v * fit.scale + fit.x);
  const y = (v: number) => n(v * fit.scale + fit.y);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const font = drawing.labelFontPx * fit.scale;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...drawing.relations.map((r) => `<polyline fill="none" stroke="#888" stroke-width="1" points="${r.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')}"/>`),
    ...drawing.concepts.flatMap((c) => [
      `<circle cx="${x(c.marker.x)}" cy="${y(c.marker.y)}" r="${n(c.marker.r * fit.scale)}" fill="hsl(${c.band * 55},70%,55%)"/>`,
      `<rect x="${x(c.label.minX)}" y="${y(c.label.minY)}" width="${n((c.label.maxX - c.label.minX) * fit.scale)}" height="${n((c.label.maxY - c.label.minY) * fit.scale)}" fill="none" stroke="#c33" stroke-width="0.5"/>`,
      ...wrapLabel(labels.get(c.id) ?? '').map(
        // Baselines as in concept-geometry.ts: 12 px under the box's top, then every 16 px.
        (line, i) =>
          `<text x="${x((c.label.minX + c.label.maxX) / 2)}" y="${y(c.label.minY + 12 + 16 * i)}" font-size="${n(font)}" font-family="sans-serif" text-anchor="middle">${escape(line)}</text>`,
      ),
    ]),
    '</svg>',
  ];
  return parts.join('\n') + '\n';
}
