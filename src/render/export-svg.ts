/**
 * The map as it is on screen, as a standalone SVG file for slides and drawing programs.
 *
 * The drawing on screen gets its look from stylesheets and theme variables; a file dropped into
 * PowerPoint, Keynote or Inkscape has neither. So every style that shows is written onto each
 * element as a plain presentation attribute (colours resolved to hex, lengths without units),
 * and everything that only serves the page goes: classes, data and ARIA attributes, handlers,
 * the invisible hover targets, concepts scrolled out of view. Labels stay editable `<text>`.
 * A label's halo (a stroke painted under the letters with `paint-order`, which slide programs
 * ignore) becomes a separate stroke-only copy of the text laid under it, which looks the same
 * everywhere. Framework-free: it needs only the DOM.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ExportSvgOptions {
  /** Size of the exported view in CSS pixels, from the drawing's top left; defaults to its size on screen. */
  width?: number;
  height?: number;
  /** A line or paragraph set under the map. */
  caption?: string;
  /** Listed under the map after "Sources:", one entry each. */
  citations?: readonly string[];
  /** The colour behind the drawing (any CSS colour; transparent for none). */
  background: string;
}

interface StyleProperty {
  name: string;
  /** Whether children take the parent's value (else each element starts from `initial`). */
  inherited: boolean;
  /** The SVG initial value, in the normalised form written out. */
  initial: string;
}

/** What a standalone file must say explicitly to look like the screen. */
const PROPERTIES: readonly StyleProperty[] = [
  { name: 'fill', inherited: true, initial: '#000000' },
  { name: 'fill-opacity', inherited: true, initial: '1' },
  { name: 'stroke', inherited: true, initial: 'none' },
  { name: 'stroke-opacity', inherited: true, initial: '1' },
  { name: 'stroke-width', inherited: true, initial: '1' },
  { name: 'stroke-dasharray', inherited: true, initial: 'none' },
  { name: 'stroke-linejoin', inherited: true, initial: 'miter' },
  { name: 'stroke-linecap', inherited: true, initial: 'butt' },
  // No initial the file can rely on: always written on the root.
  { name: 'font-family', inherited: true, initial: '' },
  { name: 'font-size', inherited: true, initial: '' },
  { name: 'font-weight', inherited: true, initial: 'normal' },
  { name: 'font-style', inherited: true, initial: 'normal' },
  { name: 'text-anchor', inherited: true, initial: 'start' },
  { name: 'visibility', inherited: true, initial: 'visible' },
  { name: 'opacity', inherited: false, initial: '1' },
];

const SHAPES = new Set(['path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon']);
const MARKERS = ['marker-start', 'marker-mid', 'marker-end'];
const TEXT_FONT = ['font-family', 'font-size'];

/** Attributes that only serve the page. */
const PAGE_ONLY = /^(class|style|role|tabindex|focusable|aria-.*|data-.*|on.*)$/i;

// --- Values ------------------------------------------------------------------------------

/** Up to 4 decimals, no trailing zeros. */
const num = (n: number) => String(Math.round(n * 1e4) / 1e4);

interface Rgba {
  hex: string;
  alpha: number;
}

/** `rgb(…)`/`rgba(…)` as computed styles give them, in comma or space syntax. */
function parseRgb(value: string): Rgba | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return undefined;
  const channel = (s: string) =>
    Math.max(0, Math.min(255, Math.round(Number(s))))
      .toString(16)
      .padStart(2, '0');
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { hex: `#${channel(m[1]!)}${channel(m[2]!)}${channel(m[3]!)}`, alpha: a };
}

/** A computed paint as a colour the file can hold, and the opacity its alpha adds. */
function paint(value: string): { paint: string; alpha: number } {
  const v = value.trim();
  if (v === 'none' || v === '') return { paint: 'none', alpha: 1 };
  if (v.startsWith('url(')) {
    // Only references inside the file survive: url("#id") → url(#id).
    const id = /^url\(\s*["']?(#[^"')]+)["']?\s*\)/.exec(v)?.[1];
    return { paint: id ? `url(${id})` : 'none', alpha: 1 };
  }
  const rgb = parseRgb(v);
  if (!rgb) return { paint: v, alpha: 1 };
  if (rgb.alpha === 0) return { paint: 'none', alpha: 1 };
  return { paint: rgb.hex, alpha: rgb.alpha };
}

/** "1.5px" → "1.5"; other units are kept. */
const length = (value: string) => value.trim().replace(/^(-?[\d.]+(?:e-?\d+)?)px$/, (_, n: string) => num(Number(n)));

function dasharray(value: string): string {
  const v = value.trim();
  if (v === 'none' || v === '') return 'none';
  const parts = v.split(/[\s,]+/).filter(Boolean).map(length);
  return parts.every((p) => Number(p) === 0) ? 'none' : parts.join(' ');
}

/** Double quotes would need escaping inside an attribute; fonts read the same in single ones. */
const fontFamily = (value: string) => value.trim().replace(/"/g, "'");

const fontWeight = (value: string) => (value === '400' ? 'normal' : value === '700' ? 'bold' : value);

/** The normalised value of every exported property of an element, as it appears on screen. */
function resolvedStyle(style: CSSStyleDeclaration): Map<string, string> {
  const get = (name: string) => style.getPropertyValue(name);
  const fill = paint(get('fill'));
  const stroke = paint(get('stroke'));
  const opacityOf = (name: string, alpha: number) => num((Number(get(name)) || 0) * alpha);
  return new Map([
    ['fill', fill.paint],
    ['fill-opacity', fill.paint === 'none' ? '1' : opacityOf('fill-opacity', fill.alpha)],
    ['stroke', stroke.paint],
    ['stroke-opacity', stroke.paint === 'none' ? '1' : opacityOf('stroke-opacity', stroke.alpha)],
    ['stroke-width', length(get('stroke-width'))],
    ['stroke-dasharray', dasharray(get('stroke-dasharray'))],
    ['stroke-linejoin', get('stroke-linejoin')],
    ['stroke-linecap', get('stroke-linecap')],
    ['font-family', fontFamily(get('font-family'))],
    ['font-size', length(get('font-size'))],
    ['font-weight', fontWeight(get('font-weight'))],
    ['font-style', get('font-style')],
    ['text-anchor', get('text-anchor')],
    ['visibility', get('visibility') === 'collapse' ? 'hidden' : get('visibility')],
    ['opacity', num(Number(get('opacity')) || 0)],
  ]);
}

/** A CSS colour (including `var(…)`, resolved where `context` sits) as hex, or undefined for none. */
function resolveColour(value: string, context: Element): Rgba | undefined {
  let rgb = parseRgb(value);
  if (!rgb && !/^#[0-9a-f]{3,8}$/i.test(value.trim())) {
    const probe = context.ownerDocument.createElementNS(SVG_NS, 'rect');
    probe.style.setProperty('fill', value);
    context.appendChild(probe);
    rgb = parseRgb(getComputedStyle(probe).getPropertyValue('fill'));
    probe.remove();
  }
  if (!rgb) return value.trim().startsWith('#') ? { hex: value.trim(), alpha: 1 } : undefined;
  return rgb.alpha === 0 ? undefined : rgb;
}

// --- Text under the map ------------------------------------------------------------------

interface Font {
  family: string;
  size: number;
  weight: 'normal' | 'bold';
}

function textMeasurer(doc: Document): (text: string, font: Font) => number {
  const context = doc.createElement('canvas').getContext?.('2d') ?? null;
  return (text, font) => {
    if (!context) return text.length * font.size * 0.55;
    context.font = `${font.weight} ${font.size}px ${font.family}`;
    return context.measureText(text).width;
  };
}

/** Greedy word wrap to `width`; a word longer than a line keeps a line of its own. */
function wrap(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// --- The export --------------------------------------------------------------------------

/** A standalone SVG document of what `svg` shows now. */
export function exportSvg(svg: SVGSVGElement, options: ExportSvgOptions): string {
  const doc = svg.ownerDocument;
  const frame = svg.getBoundingClientRect();
  const width = options.width ?? frame.width;
  const height = options.height ?? frame.height;
  const clone = svg.cloneNode(true) as SVGSVGElement;

  // Walk the original and its clone side by side: styles are read from the live drawing.
  const removals: Element[] = [];
  const haloed: SVGTextElement[] = [];
  const view = { left: frame.left, top: frame.top, right: frame.left + width, bottom: frame.top + height };
  const cull = frame.width > 0 && frame.height > 0;

  const visit = (original: Element, copy: Element, inherited: Map<string, string> | null) => {
    const inDefs = original.closest('defs') !== null;
    const computed = getComputedStyle(original);
    const isPageOnly =
      original.classList.contains('hit') ||
      /^(style|script|foreignObject|image|title|desc|metadata)$/.test(original.localName) ||
      (!inDefs && computed.display === 'none');
    const offScreen =
      cull &&
      (original.hasAttribute('data-node-id') || original.hasAttribute('data-edge-id')) &&
      outside(original.getBoundingClientRect(), view);
    if (isPageOnly || offScreen) {
      removals.push(copy);
      return;
    }

    for (const attribute of [...copy.attributes]) {
      const value = attribute.value;
      const isHref = attribute.localName === 'href';
      if (
        PAGE_ONLY.test(attribute.name) ||
        (isHref && !value.startsWith('#')) ||
        /url\(\s*["']?[^#\s"']/.test(value) ||
        value.includes('var(')
      ) {
        copy.removeAttribute(attribute.name);
      }
    }

    const style = resolvedStyle(computed);
    if (
      !inDefs &&
      SHAPES.has(original.localName) &&
      style.get('fill') === 'none' &&
      style.get('stroke') === 'none' &&
      !MARKERS.some((m) => original.hasAttribute(m))
    ) {
      // Draws nothing (a focus ring at rest): it would only be an invisible shape on a slide.
      removals.push(copy);
      return;
    }
    const isText = original.localName === 'text';
    for (const property of PROPERTIES) {
      const value = style.get(property.name)!;
      const base = property.inherited && inherited ? inherited.get(property.name)! : property.initial;
      // Text says its font itself: some importers do not look for it on the groups around.
      if (value !== base || (isText && TEXT_FONT.includes(property.name))) copy.setAttribute(property.name, value);
      else copy.removeAttribute(property.name);
    }
    if (isText || original.localName === 'tspan') {
      // "1.15em" line spacing as user units, which every importer reads.
      const fontSize = Number(style.get('font-size'));
      for (const name of ['x', 'y', 'dx', 'dy']) {
        const em = /^\s*(-?[\d.]+)em\s*$/.exec(copy.getAttribute(name) ?? '');
        if (em && Number.isFinite(fontSize)) copy.setAttribute(name, num(Number(em[1]) * fontSize));
      }
    }
    if (
      isText &&
      computed.getPropertyValue('paint-order').trim().startsWith('stroke') &&
      style.get('stroke') !== 'none' &&
      Number(style.get('stroke-width')) > 0
    ) {
      haloed.push(copy as SVGTextElement);
    }
    copy.removeAttribute('paint-order');

    const originals = [...original.children];
    const copies = [...copy.children];
    originals.forEach((child, i) => visit(child, copies[i]!, style));
  };
  visit(svg, clone, null);

  for (const element of removals) element.remove();
  for (const text of haloed) splitHalo(text);
  tidy(clone);

  let defs = [...clone.children].find((c) => c.localName === 'defs');
  if (!defs) {
    defs = doc.createElementNS(SVG_NS, 'defs');
    clone.prepend(defs);
  }
  const drawing = [...clone.childNodes].filter((n) => n !== defs);
  return framed(clone, defs as SVGDefsElement, drawing, svg, svg.getAttribute('aria-label'), { ...options, width, height });
}

/**
 * A standalone SVG document of a canvas map's view, with the caption and sources set under it
 * as in `exportSvg`: a picture of it (a PNG `href`), or its `drawing` as SVG elements (drawn by
 * the SVG recorder, their look already in presentation attributes). `context` is the map's
 * element on the page: its text colour and font are the caption's.
 */
export function exportPictureSvg(
  picture: { width: number; height: number } & ({ href: string } | { drawing: SVGGElement }),
  context: Element,
  options: ExportSvgOptions,
): string {
  const doc = context.ownerDocument;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  const defs = doc.createElementNS(SVG_NS, 'defs');
  let content: Element;
  if ('href' in picture) {
    content = doc.createElementNS(SVG_NS, 'image');
    content.setAttribute('href', picture.href);
    content.setAttribute('width', num(picture.width));
    content.setAttribute('height', num(picture.height));
  } else {
    content = picture.drawing;
  }
  root.append(defs, content);
  // A drawing reaches a margin beyond the view (what is about to scroll in): clipped to the view,
  // so nothing hangs outside the picture once a slide program ungroups it.
  const clip = 'drawing' in picture;
  return framed(root, defs, [content], context, context.getAttribute('aria-label'), { ...options, width: picture.width, height: picture.height, clip });
}

/**
 * Sizes the document to the view plus the text under it, clips the drawing to the view, lays
 * the background under everything, titles it, and serialises it.
 */
function framed(
  root: SVGSVGElement,
  defs: SVGDefsElement,
  drawing: Node[],
  context: Element,
  title: string | null,
  options: ExportSvgOptions & { width: number; height: number; clip?: boolean },
): string {
  const doc = root.ownerDocument;
  const { width, height } = options;
  // The view: what the screen shows, with room below for the caption and sources.
  const textColour = resolveColour(getComputedStyle(context).color, context)?.hex ?? '#000000';
  const family = fontFamily(getComputedStyle(context).fontFamily);
  const below = textBlock(doc, { ...options, width, top: height, colour: textColour, family });
  const total = height + below.height;

  root.setAttribute('version', '1.1');
  root.setAttribute('width', num(width));
  root.setAttribute('height', num(total));
  root.setAttribute('viewBox', `0 0 ${num(width)} ${num(total)}`);

  if (below.height > 0 || options.clip) {
    // Concepts cut by the edge of the screen must not spill into the caption.
    const clip = doc.createElementNS(SVG_NS, 'clipPath');
    clip.setAttribute('id', 'pm-export-view');
    clip.append(rect(doc, width, height));
    defs.append(clip);
    const group = doc.createElementNS(SVG_NS, 'g');
    group.setAttribute('clip-path', 'url(#pm-export-view)');
    group.append(...drawing);
    root.append(group);
  }
  const background = resolveColour(options.background, context);
  if (background) {
    const back = rect(doc, width, total);
    back.setAttribute('fill', background.hex);
    if (background.alpha < 1) back.setAttribute('fill-opacity', num(background.alpha));
    defs.after(back);
  }
  root.append(...below.elements);
  if (title) {
    const element = doc.createElementNS(SVG_NS, 'title');
    element.textContent = title;
    root.prepend(element);
  }

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

function outside(box: DOMRect, view: { left: number; top: number; right: number; bottom: number }): boolean {
  return box.right < view.left || box.left > view.right || box.bottom < view.top || box.top > view.bottom;
}

function rect(doc: Document, width: number, height: number): SVGRectElement {
  const element = doc.createElementNS(SVG_NS, 'rect');
  element.setAttribute('x', '0');
  element.setAttribute('y', '0');
  element.setAttribute('width', num(width));
  element.setAttribute('height', num(height));
  return element;
}

const STROKE_ATTRIBUTES = ['stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap'];

/** Halo under the letters as its own stroke-only text, the letters above it without stroke. */
function splitHalo(text: SVGTextElement): void {
  const halo = text.cloneNode(true) as SVGTextElement;
  for (const element of [halo, ...halo.querySelectorAll('*')]) {
    element.removeAttribute('fill');
    element.removeAttribute('fill-opacity');
  }
  halo.setAttribute('fill', 'none');
  for (const element of [text, ...text.querySelectorAll('*')]) {
    for (const name of STROKE_ATTRIBUTES) element.removeAttribute(name);
  }
  text.setAttribute('stroke', 'none');
  const opacity = text.getAttribute('opacity');
  if (opacity !== null) {
    // One opacity over both, as it was over the one text.
    const group = text.ownerDocument.createElementNS(SVG_NS, 'g');
    group.setAttribute('opacity', opacity);
    text.removeAttribute('opacity');
    halo.removeAttribute('opacity');
    text.replaceWith(group);
    group.append(halo, text);
    return;
  }
  text.before(halo);
}

/** Comments, whitespace between elements and bare groups go; text inside `<text>` stays as is. */
function tidy(root: Element): void {
  const walk = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === Node.COMMENT_NODE) child.remove();
      else if (child.nodeType === Node.TEXT_NODE) {
        if (!(child as Text).parentElement?.closest('text') && !child.textContent?.trim()) child.remove();
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child);
        const element = child as Element;
        // A group that says nothing (once its classes are gone) only nests what it holds.
        if (element.localName === 'g' && element.attributes.length === 0) element.replaceWith(...element.childNodes);
      }
    }
  };
  walk(root);
}

/** The caption and "Sources:" lines set under the map, and the height they take. */
function textBlock(
  doc: Document,
  o: ExportSvgOptions & { width: number; top: number; colour: string; family: string },
): { elements: SVGTextElement[]; height: number } {
  const caption = o.caption?.trim() ?? '';
  const citations = (o.citations ?? []).map((c) => c.trim()).filter(Boolean);
  if (!caption && citations.length === 0) return { elements: [], height: 0 };

  const padding = 16;
  const measure = textMeasurer(doc);
  const elements: SVGTextElement[] = [];
  let y = o.top + padding;
  const paragraph = (text: string, font: Font, after: number) => {
    const lineHeight = font.size * 1.3;
    const lines = wrap(text, o.width - 2 * padding, (t) => measure(t, font));
    const element = doc.createElementNS(SVG_NS, 'text');
    element.setAttribute('fill', o.colour);
    element.setAttribute('font-family', o.family);
    element.setAttribute('font-size', num(font.size));
    if (font.weight === 'bold') element.setAttribute('font-weight', 'bold');
    for (const line of lines) {
      y += lineHeight;
      const span = doc.createElementNS(SVG_NS, 'tspan');
      span.setAttribute('x', num(padding));
      // Baseline about a fifth of the line above its bottom.
      span.setAttribute('y', num(y - lineHeight * 0.25));
      span.textContent = line;
      element.append(span);
    }
    y += after;
    elements.push(element);
  };
  if (caption) paragraph(caption, { family: o.family, size: 16, weight: 'normal' }, citations.length ? 10 : 0);
  if (citations.length) {
    paragraph('Sources:', { family: o.family, size: 12, weight: 'bold' }, 2);
    for (const citation of citations) paragraph(citation, { family: o.family, size: 12, weight: 'normal' }, 3);
  }
  return { elements, height: y + padding - o.top };
}
