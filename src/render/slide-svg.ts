/**
 * A slide scene as a standalone SVG document, exactly the slide's size: plain presentation
 * attributes (no stylesheet, no classes), every label one `<text>` whose halo is a shape behind
 * it rather than a second copy of the letters — so PowerPoint's "Convert to shape" gives one
 * text box per label, and programs that ignore `paint-order` still draw it right. Pure string
 * building: no DOM, so it runs anywhere.
 */
import { GEOMETRY } from '../core/layout/geometry.ts';
import { LOOK } from './look.ts';
import type { SlideBadge, SlideLine, SlideMarker, SlideScene, SlideText } from './slide-scene.ts';

/** Up to 2 decimals: a hundredth of a pixel. */
const num = (n: number) => String(Math.round(n * 100) / 100);

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const attrs = (values: Record<string, string | number | undefined | null>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v!)}"`)
    .join('');

const points = (ps: readonly { x: number; y: number }[]) => ps.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');

function marker(m: SlideMarker): string {
  const style = {
    fill: m.fill,
    'fill-opacity': m.fillOpacity < 1 ? m.fillOpacity : undefined,
    stroke: m.stroke,
    'stroke-width': m.strokeWidth,
    'stroke-dasharray': m.dash.length ? m.dash.map(num).join(' ') : undefined,
  };
  if (m.outline === 'circle') return `<circle${attrs({ cx: m.centre.x, cy: m.centre.y, r: m.r, ...style })}/>`;
  return `<polygon${attrs({ points: points(m.outline), 'stroke-linejoin': 'round', ...style })}/>`;
}

function linePath(l: Pick<SlideLine, 'start' | 'end' | 'control'>): string {
  const { start, end, control } = l;
  return control
    ? `M${num(start.x)},${num(start.y)}Q${num(control.x)},${num(control.y)} ${num(end.x)},${num(end.y)}`
    : `M${num(start.x)},${num(start.y)}L${num(end.x)},${num(end.y)}`;
}

function line(l: SlideLine): string {
  let out = `<path${attrs({
    d: linePath(l),
    fill: 'none',
    stroke: l.colour,
    'stroke-width': l.width,
    'stroke-dasharray': l.dash.length ? l.dash.map(num).join(' ') : undefined,
  })}/>`;
  for (const polygon of l.head.fill) {
    out += `<polygon${attrs({
      points: points(polygon),
      fill: l.head.hollow ? l.background : l.colour,
      stroke: l.head.hollow ? l.colour : undefined,
      'stroke-width': l.head.hollow ? l.width : undefined,
      'stroke-linejoin': 'round',
    })}/>`;
  }
  for (const polyline of l.head.stroke) {
    out += `<polyline${attrs({ points: points(polyline), fill: 'none', stroke: l.colour, 'stroke-width': l.width, 'stroke-linecap': 'round' })}/>`;
  }
  return out;
}

function badge(b: SlideBadge): string {
  return `<circle${attrs({ cx: b.centre.x, cy: b.centre.y, r: b.r, fill: b.fill, stroke: b.stroke, 'stroke-width': b.width })}/>${text(b.text)}`;
}

/** One `<text>` of one `<tspan>` a line, with its plate (the halo) behind it. */
function text(t: SlideText): string {
  const anchorX = t.align === 'center' ? t.box.x + t.box.width / 2 : t.box.x;
  const plate = t.plate
    ? `<rect${attrs({ x: t.box.x, y: t.box.y, width: t.box.width, height: t.box.height, rx: Math.min(4, t.size / 4), fill: t.plate })}/>`
    : '';
  const spans = t.lines.map((lineText, i) => `<tspan${attrs({ x: anchorX, y: t.baselines[i] })}>${escapeXml(lineText)}</tspan>`).join('');
  const element = `<text${attrs({
    'font-size': t.size,
    'font-weight': t.weight === 'bold' ? 'bold' : undefined,
    'font-style': t.italic ? 'italic' : undefined,
    'text-anchor': t.align === 'center' ? 'middle' : undefined,
    fill: t.colour,
    opacity: t.opacity < 1 ? t.opacity : undefined,
  })}>${spans}</text>`;
  return plate + element;
}

const group = (content: string, opacity: number, link?: string) => {
  const inner = opacity < 1 ? `<g opacity="${num(opacity)}">${content}</g>` : content;
  return link ? `<a${attrs({ href: link })}>${inner}</a>` : inner;
};

export interface SlideSvgOptions {
  /** The document's title (read out by screen readers, shown by some programs). */
  title?: string;
  /** SVG markup of a canvas map's view, drawn at the scene's picture size, placed in its box. */
  pictureMarkup?: string;
  /** Or a raster picture of it (a data: URL). */
  pictureHref?: string;
}

/** The SVG document of a slide. */
export function slideSvg(scene: SlideScene, options: SlideSvgOptions = {}): string {
  const parts: string[] = [];
  const { width, height } = scene;
  parts.push(`<rect${attrs({ x: 0, y: 0, width, height, fill: scene.background })}/>`);
  const area = scene.area;
  const clip = area ? ' clip-path="url(#pm-map-area)"' : '';
  if (scene.map) {
    let map = '';
    for (const g of scene.map.groups) {
      map += group(`<rect${attrs({ x: g.box.x, y: g.box.y, width: g.box.width, height: g.box.height, rx: GEOMETRY.group.corner * scene.map.transform.k, fill: g.fill, stroke: g.stroke })}/>${g.label ? text(g.label) : ''}`, g.opacity);
    }
    for (const r of scene.map.relations) map += group(line(r.line) + r.badges.map(badge).join('') + (r.verb ? text(r.verb) : ''), r.opacity);
    for (const c of scene.map.concepts) {
      const ring = c.ring ? `<circle${attrs({ cx: c.ring.centre.x, cy: c.ring.centre.y, r: c.ring.r, fill: 'none', stroke: c.ring.colour, 'stroke-width': c.ring.width })}/>` : '';
      // The marker fades out of the emphasis; the label keeps its own (muted) colour, opaque.
      map += group(group(ring + marker(c.marker), c.opacity) + text(c.text) + (c.noSource ? text(c.noSource) : ''), 1, c.link);
    }
    parts.push(`<g${clip}>${map}</g>`);
  }
  if (scene.picture && (options.pictureMarkup || options.pictureHref)) {
    const { box, width: w, height: h } = scene.picture;
    const k = box.width / w;
    const content = options.pictureMarkup ?? `<image${attrs({ href: options.pictureHref, width: w, height: h })}/>`;
    parts.push(`<g${clip}><g transform="translate(${num(box.x)},${num(box.y)}) scale(${Math.round(k * 1e5) / 1e5})">${content}</g></g>`);
  }
  if (scene.legend) {
    let legend = scene.legend.headings.map(text).join('');
    for (const item of scene.legend.items) {
      legend += (item.marker ? marker(item.marker) : '') + (item.line ? line(item.line) : '') + (item.badge ? badge(item.badge) : '') + text(item.text);
    }
    parts.push(`<g>${legend}</g>`);
  }
  for (const t of scene.texts) parts.push(t.link ? `<a${attrs({ href: t.link })}>${text(t)}</a>` : text(t));

  const defs = area
    ? `<defs><clipPath id="pm-map-area"><rect${attrs({ x: area.x, y: area.y, width: area.width, height: area.height })}/></clipPath></defs>`
    : '';
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs({ width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': LOOK.font })}>` +
    `${title}${defs}${parts.join('')}</svg>\n`
  );
}
