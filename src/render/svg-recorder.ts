/**
 * A stand-in for a canvas's 2D context that writes SVG elements instead of pixels: what
 * `drawScene` draws into it comes out as paths and text, so a map drawn on a canvas can be
 * exported as an SVG made by the very code that draws the screen (same culling, level of
 * detail, colours and line patterns). Each fill, stroke and text is one element with its look
 * as presentation attributes, which slide and drawing programs read; a label's halo (a stroked
 * text drawn under the filled one) stays a text of its own under it. Only what the scene uses
 * is implemented: transforms without rotation or skew, and no images.
 */
import type { SceneContext } from './canvas-scene.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Up to 2 decimals: a hundredth of a pixel, invisible, and a file a third the size. */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The drawing state `save` and `restore` keep, besides the line dash and the transform. */
const STYLE_KEYS = [
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'globalAlpha',
  'lineJoin',
  'lineCap',
  'miterLimit',
  'font',
  'textAlign',
  'textBaseline',
] as const;
type Matrix = [number, number, number, number, number, number];

/** The canvas font shorthand as drawScene writes it: `[italic] [weight] <size>px <family>`. */
export function parseCanvasFont(font: string): { style?: string; weight?: string; size: number; family: string } | undefined {
  const m = /^\s*(italic\s+)?(bold\s+|\d{3}\s+)?([\d.]+)px\s+(.+?)\s*$/.exec(font);
  if (!m) return undefined;
  const weight = m[2]?.trim();
  return {
    ...(m[1] ? { style: 'italic' } : {}),
    ...(weight && weight !== '400' && weight !== 'normal' ? { weight: weight === '700' ? 'bold' : weight } : {}),
    size: Number(m[3]),
    family: m[4]!.replace(/"/g, "'"),
  };
}

const ANCHORS: Partial<Record<CanvasTextAlign, string>> = { center: 'middle', right: 'end', end: 'end' };
const BASELINES: Partial<Record<CanvasTextBaseline, string>> = { middle: 'central', top: 'text-before-edge', hanging: 'hanging', bottom: 'text-after-edge' };

export class SvgRecorder implements SceneContext {
  /** Everything drawn so far, in drawing order. */
  readonly group: SVGGElement;
  readonly canvas: { readonly width: number; readonly height: number };
  fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = 'miter';
  lineCap: CanvasLineCap = 'butt';
  miterLimit = 10;
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  #dash: number[] = [];
  /** a, b, c, d, e, f as in `setTransform`. */
  #matrix: Matrix = [1, 0, 0, 1, 0, 0];
  #saved: { values: Pick<SvgRecorder, (typeof STYLE_KEYS)[number]>; dash: number[]; matrix: Matrix }[] = [];
  #path: string[] = [];
  #current: [number, number] | null = null;
  #subpathStart: [number, number] | null = null;

  constructor(doc: Document, width: number, height: number) {
    this.group = doc.createElementNS(SVG_NS, 'g');
    this.canvas = { width, height };
  }

  save(): void {
    const values = Object.fromEntries(STYLE_KEYS.map((key) => [key, this[key]])) as Pick<SvgRecorder, (typeof STYLE_KEYS)[number]>;
    this.#saved.push({ values, dash: this.#dash, matrix: this.#matrix });
  }
  restore(): void {
    const saved = this.#saved.pop();
    if (!saved) return;
    Object.assign(this, saved.values);
    this.#dash = saved.dash;
    this.#matrix = saved.matrix;
  }

  setTransform(a?: number | DOMMatrix2DInit, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'object') {
      this.setTransform(a.a ?? a.m11 ?? 1, a.b ?? a.m12 ?? 0, a.c ?? a.m21 ?? 0, a.d ?? a.m22 ?? 1, a.e ?? a.m41 ?? 0, a.f ?? a.m42 ?? 0);
      return;
    }
    const scale = a ?? 1;
    // Lengths (radii, widths, font sizes) are scaled by one factor: anything else would be drawn wrong.
    if (b !== 0 || c !== 0 || scale !== d || scale <= 0) throw new Error('SvgRecorder: only uniform positive scales and translations are supported');
    this.#matrix = [scale, b, c, d, e, f];
  }

  setLineDash(segments: Iterable<number>): void {
    const dash = [...segments];
    if (dash.every((n) => Number.isFinite(n) && n >= 0)) this.#dash = dash.length % 2 ? [...dash, ...dash] : dash;
  }

  /** The page's background is the export's to draw: clearing leaves nothing to record. */
  clearRect(): void {}

  beginPath(): void {
    this.#path = [];
    this.#current = null;
    this.#subpathStart = null;
  }
  moveTo(x: number, y: number): void {
    const p = this.#point(x, y);
    this.#path.push(`M${num(p[0])} ${num(p[1])}`);
    this.#current = p;
    this.#subpathStart = p;
  }
  lineTo(x: number, y: number): void {
    if (!this.#current) return this.moveTo(x, y);
    const p = this.#point(x, y);
    this.#path.push(`L${num(p[0])} ${num(p[1])}`);
    this.#current = p;
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!this.#current) this.moveTo(cx, cy);
    const c = this.#point(cx, cy);
    const p = this.#point(x, y);
    this.#path.push(`Q${num(c[0])} ${num(c[1])} ${num(p[0])} ${num(p[1])}`);
    this.#current = p;
  }
  rect(x: number, y: number, w: number, h: number): void {
    // Axis-aligned under the transforms allowed: relative runs keep thousands of dots short.
    const [a, , , d] = this.#matrix;
    const p = this.#point(x, y);
    this.#path.push(`M${num(p[0])} ${num(p[1])}h${num(a * w)}v${num(d * h)}h${num(-a * w)}Z`);
    this.#current = p;
    this.#subpathStart = p;
  }
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, counterclockwise = false): void {
    const at = (angle: number) => this.#point(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
    const start = at(startAngle);
    const current = this.#current;
    if (!current) {
      this.#path.push(`M${num(start[0])} ${num(start[1])}`);
      this.#subpathStart = start;
    } else if (num(current[0]) !== num(start[0]) || num(current[1]) !== num(start[1])) {
      this.#path.push(`L${num(start[0])} ${num(start[1])}`);
    }
    const r = num(radius * this.#scale());
    const sweep = counterclockwise ? 0 : 1;
    let span = counterclockwise ? startAngle - endAngle : endAngle - startAngle;
    if (span >= 2 * Math.PI) {
      // A whole circle: two half arcs (one arc cannot end where it starts).
      const half = at(startAngle + (counterclockwise ? -Math.PI : Math.PI));
      this.#path.push(`A${r} ${r} 0 0 ${sweep} ${num(half[0])} ${num(half[1])}`, `A${r} ${r} 0 0 ${sweep} ${num(start[0])} ${num(start[1])}`);
      this.#current = start;
      return;
    }
    span = ((span % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    const end = at(endAngle);
    this.#path.push(`A${r} ${r} 0 ${span > Math.PI ? 1 : 0} ${sweep} ${num(end[0])} ${num(end[1])}`);
    this.#current = end;
  }
  closePath(): void {
    if (!this.#current) return;
    this.#path.push('Z');
    this.#current = this.#subpathStart;
  }

  fill(): void {
    if (this.#path.length === 0) return;
    const element = this.#element('path');
    element.setAttribute('d', this.#path.join(''));
    this.#paint(element, 'fill');
  }
  stroke(): void {
    if (this.#path.length === 0) return;
    const element = this.#element('path');
    element.setAttribute('d', this.#path.join(''));
    element.setAttribute('fill', 'none');
    this.#paint(element, 'stroke');
  }
  fillText(text: string, x: number, y: number): void {
    this.#text(text, x, y, 'fill');
  }
  strokeText(text: string, x: number, y: number): void {
    this.#text(text, x, y, 'stroke');
  }

  #text(content: string, x: number, y: number, as: 'fill' | 'stroke'): void {
    if (content === '') return;
    const font = parseCanvasFont(this.font);
    // Labels left out without a word would be worse than an export that fails and says why.
    if (!font) throw new Error(`SvgRecorder: cannot read the font "${this.font}"`);
    const element = this.#element('text');
    const p = this.#point(x, y);
    element.setAttribute('x', num(p[0]));
    element.setAttribute('y', num(p[1]));
    element.setAttribute('font-family', font.family);
    element.setAttribute('font-size', num(font.size * this.#scale()));
    if (font.weight) element.setAttribute('font-weight', font.weight);
    if (font.style) element.setAttribute('font-style', font.style);
    const anchor = ANCHORS[this.textAlign];
    if (anchor) element.setAttribute('text-anchor', anchor);
    const baseline = BASELINES[this.textBaseline];
    if (baseline) element.setAttribute('dominant-baseline', baseline);
    if (as === 'fill') element.setAttribute('stroke', 'none');
    else element.setAttribute('fill', 'none');
    this.#paint(element, as);
    // The label is data: set as text, never parsed.
    element.textContent = content;
  }

  #paint(element: SVGElement, as: 'fill' | 'stroke'): void {
    element.setAttribute(as, String(as === 'fill' ? this.fillStyle : this.strokeStyle));
    if (this.globalAlpha < 1) element.setAttribute(`${as}-opacity`, num(this.globalAlpha));
    if (as === 'stroke') {
      const scale = this.#scale();
      element.setAttribute('stroke-width', num(this.lineWidth * scale));
      if (this.lineJoin !== 'miter') element.setAttribute('stroke-linejoin', this.lineJoin);
      else if (this.miterLimit !== 4) element.setAttribute('stroke-miterlimit', num(this.miterLimit));
      if (this.lineCap !== 'butt') element.setAttribute('stroke-linecap', this.lineCap);
      if (this.#dash.length > 0) element.setAttribute('stroke-dasharray', this.#dash.map((n) => num(n * scale)).join(' '));
    }
  }

  #element<K extends 'path' | 'text'>(name: K): SVGElementTagNameMap[K] {
    const element = this.group.ownerDocument.createElementNS(SVG_NS, name);
    this.group.append(element);
    return element;
  }

  #point(x: number, y: number): [number, number] {
    const [a, , , d, e, f] = this.#matrix;
    return [a * x + e, d * y + f];
  }

  /** How much longer a length is drawn than written (the transform's scale). */
  #scale(): number {
    const [a, , , d] = this.#matrix;
    return Math.sqrt(Math.abs(a * d));
  }
}
