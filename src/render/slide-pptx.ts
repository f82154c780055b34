/**
 * Slide scenes as a PowerPoint deck (.pptx) with pptxgenjs, loaded only when a deck is made.
 * Everything on the map is a native, editable PowerPoint object: a concept is a shape in its
 * category's shape and colour (linked to its deep link where the map has a public address) and
 * one text box for its label; a relation is a line or curve with its evidence's dash pattern,
 * its effect's colour and end (PowerPoint's own arrowheads where one matches; T-bars and
 * crosses as small lines), and its marks as badges. Each slide's speaker notes hold what the
 * caller gives (the evidence of what it shows). Framework-free: runs in the browser and in Node.
 */
import type { EvidenceStroke } from '../core/model/evidence-style.ts';
import type { Point } from '../core/model/types.ts';
import type { RelationEnd } from './relation-look.ts';
import { SLIDE_FORMATS, type SlideBadge, type SlideFormat, type SlideLine, type SlideMarker, type SlideScene, type SlideText } from './slide-scene.ts';

type PptxModule = typeof import('pptxgenjs');
type Pptx = InstanceType<PptxModule['default']>;
type Slide = ReturnType<Pptx['addSlide']>;
type ShapeProps = NonNullable<Parameters<Slide['addShape']>[1]>;
type LineProps = NonNullable<ShapeProps['line']>;
type TextProps = NonNullable<Parameters<Slide['addText']>[1]>;
type ShapeName = Parameters<Slide['addShape']>[0];

/** A free-form shape: pptxgenjs draws one for this name (its `points`), though its type list leaves the name out. */
const FREEFORM = 'custGeom' as ShapeName;

export interface DeckSlide {
  scene: SlideScene;
  /** Speaker notes (plain text). */
  notes?: string;
  /** A picture for the scene's picture box (a canvas map's view), as a data: URL. */
  picture?: string;
}

export interface Deck {
  format: SlideFormat;
  title: string;
  /** Names the deck's author in its properties. */
  author?: string;
  slides: DeckSlide[];
}

/** Slide pixels per inch: 1920 px is PowerPoint's 13.33-inch widescreen slide, 1440 its 10-inch 4:3 one. */
const PX_PER_INCH = 144;
/** Text on slides: a font every slide program has (or a metric twin of it, e.g. Liberation Sans). */
export const SLIDE_FONT = 'Arial';

const inch = (px: number) => Math.round((px / PX_PER_INCH) * 10000) / 10000;
/** Points: 72 per inch. */
const pt = (px: number) => Math.round(((px / PX_PER_INCH) * 72) * 100) / 100;
const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase().slice(0, 6);
const transparency = (opacity: number) => Math.round((1 - Math.max(0, Math.min(1, opacity))) * 100);

/** PowerPoint's preset dashes for the evidence patterns (each distinct, as the legend shows them). */
const DASHES: Record<EvidenceStroke, LineProps['dashType']> = {
  solid: 'solid',
  'dash-dot': 'dashDot',
  dashed: 'dash',
  dotted: 'sysDot',
  none: 'lgDashDotDot',
};

/** Ends PowerPoint draws itself, as line ends that follow the line when it is edited. */
const NATIVE_ENDS: Partial<Record<RelationEnd, LineProps['endArrowType']>> = {
  arrow: 'triangle',
  'open-arrow': 'arrow',
  dot: 'oval',
  diamond: 'diamond',
};

/** The deck as a file: a Blob in the browser, bytes in Node. */
export async function writePptx(deck: Deck, output: 'blob'): Promise<Blob>;
export async function writePptx(deck: Deck, output: 'uint8array'): Promise<Uint8Array>;
export async function writePptx(deck: Deck, output: 'blob' | 'uint8array'): Promise<Blob | Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  const { width, height } = SLIDE_FORMATS[deck.format];
  pptx.defineLayout({ name: `PATHOMAP_${deck.format}`, width: width / PX_PER_INCH, height: height / PX_PER_INCH });
  pptx.layout = `PATHOMAP_${deck.format}`;
  pptx.title = deck.title;
  pptx.author = deck.author ?? 'Pathomap';
  pptx.company = 'Pathomap';
  for (const entry of deck.slides) {
    const slide = pptx.addSlide();
    drawScene(pptx, slide, entry);
    if (entry.notes) slide.addNotes(entry.notes);
  }
  return (await pptx.write({ outputType: output, compression: true })) as Blob | Uint8Array;
}

function drawScene(pptx: Pptx, slide: Slide, { scene, picture }: DeckSlide): void {
  slide.background = { color: hex(scene.background) };
  const shapes = pptx.ShapeType;
  if (picture && scene.picture) {
    const { box } = scene.picture;
    slide.addImage({ data: picture, x: inch(box.x), y: inch(box.y), w: inch(box.width), h: inch(box.height), altText: 'The map as on screen' });
  }
  for (const group of scene.map?.groups ?? []) {
    slide.addShape(shapes.roundRect, {
      ...boxOf(group.box),
      rectRadius: 0.1,
      fill: { color: hex(group.fill), transparency: transparency(group.opacity) },
      line: { color: hex(group.stroke), width: 1, transparency: transparency(group.opacity) },
      objectName: `group ${group.id}`,
    });
    if (group.label) addText(slide, group.label, `group label ${group.id}`);
  }
  for (const relation of scene.map?.relations ?? []) {
    addLine(pptx, slide, relation.line, relation.opacity, `relation ${relation.id}`);
    for (const badge of relation.badges) addBadge(pptx, slide, badge, relation.opacity, `mark ${badge.mark} ${relation.id}`);
    if (relation.verb) addText(slide, { ...relation.verb, opacity: relation.opacity }, `verb ${relation.id}`);
  }
  for (const concept of scene.map?.concepts ?? []) {
    const link = concept.link ? { hyperlink: { url: concept.link, tooltip: `${concept.label}: open it in the live map` } } : {};
    if (concept.ring) {
      const { centre, r, colour, width } = concept.ring;
      slide.addShape(shapes.ellipse, {
        x: inch(centre.x - r),
        y: inch(centre.y - r),
        w: inch(2 * r),
        h: inch(2 * r),
        line: { color: hex(colour), width: pt(width), transparency: transparency(concept.opacity) },
        objectName: `ring ${concept.id}`,
      });
    }
    // The shape is the link (a linked label would be underlined as links are).
    addMarker(pptx, slide, concept.marker, concept.opacity, `concept ${concept.id}`, link);
    addText(slide, concept.text, `label ${concept.id}`);
    if (concept.noSource) addText(slide, concept.noSource, `no source ${concept.id}`);
  }
  if (scene.legend) {
    for (const heading of scene.legend.headings) addText(slide, heading, 'legend heading');
    for (const item of scene.legend.items) {
      if (item.marker) addMarker(pptx, slide, item.marker, 1, 'legend concept');
      if (item.line) addLine(pptx, slide, item.line, 1, 'legend relation');
      if (item.badge) addBadge(pptx, slide, item.badge, 1, 'legend mark');
      addText(slide, item.text, 'legend');
    }
  }
  for (const text of scene.texts) addText(slide, text, text.role);
}

const boxOf = (box: { x: number; y: number; width: number; height: number }) => ({
  x: inch(box.x),
  y: inch(box.y),
  w: inch(Math.max(box.width, 0.5)),
  h: inch(Math.max(box.height, 0.5)),
});

/** A free-form shape through `points` (slide px), in a box around them. */
function freeform(points: readonly Point[], closed: boolean, control?: Point): { box: ReturnType<typeof boxOf>; points: NonNullable<ShapeProps['points']> } {
  const all = control ? [...points, control] : points;
  const minX = Math.min(...all.map((p) => p.x));
  const minY = Math.min(...all.map((p) => p.y));
  const maxX = Math.max(...all.map((p) => p.x));
  const maxY = Math.max(...all.map((p) => p.y));
  const local = (p: Point) => ({ x: inch(p.x - minX), y: inch(p.y - minY) });
  const path: NonNullable<ShapeProps['points']> = [];
  if (control && points.length === 2) {
    const c = local(control);
    path.push(local(points[0]!), { ...local(points[1]!), curve: { type: 'quadratic', x1: c.x, y1: c.y } });
  } else path.push(...points.map(local));
  if (closed) path.push({ close: true });
  return { box: boxOf({ x: minX, y: minY, width: maxX - minX, height: maxY - minY }), points: path };
}

function addMarker(pptx: Pptx, slide: Slide, m: SlideMarker, opacity: number, name: string, extra: Partial<ShapeProps> = {}): void {
  const fill = { color: hex(m.fill), transparency: transparency(opacity * m.fillOpacity) };
  const line: LineProps = { color: hex(m.stroke), width: pt(m.strokeWidth), transparency: transparency(opacity), ...(m.dash.length ? { dashType: 'sysDash' } : {}) };
  if (m.outline === 'circle') {
    slide.addShape(pptx.ShapeType.ellipse, { x: inch(m.centre.x - m.r), y: inch(m.centre.y - m.r), w: inch(2 * m.r), h: inch(2 * m.r), fill, line, objectName: name, ...extra });
    return;
  }
  const shape = freeform(m.outline, true);
  slide.addShape(FREEFORM, { ...shape.box, points: shape.points, fill, line, objectName: name, ...extra });
}

function addLine(pptx: Pptx, slide: Slide, l: SlideLine, opacity: number, name: string): void {
  const native = NATIVE_ENDS[l.endKind];
  // With a native end the line runs to the tip and PowerPoint draws the end there.
  const to = native ? l.tip : l.end;
  const line: LineProps = {
    color: hex(l.colour),
    width: pt(l.width),
    dashType: DASHES[l.pattern],
    transparency: transparency(opacity),
    ...(native ? { endArrowType: native } : {}),
  };
  if (l.control) {
    const shape = freeform([l.start, to], false, l.control);
    slide.addShape(FREEFORM, { ...shape.box, points: shape.points, line, objectName: name });
  } else {
    slide.addShape(pptx.ShapeType.line, { ...lineBox(l.start, to), line, objectName: name });
  }
  if (native) return;
  // T-bars and crosses: short solid lines across the end.
  for (const stroke of l.head.stroke) {
    for (let i = 1; i < stroke.length; i++) {
      slide.addShape(pptx.ShapeType.line, {
        ...lineBox(stroke[i - 1]!, stroke[i]!),
        line: { color: hex(l.colour), width: pt(l.width), transparency: transparency(opacity) },
        objectName: `${name} end`,
      });
    }
  }
}

/** A line shape from `a` to `b`: a box with the line on its diagonal, flipped to run the right way. */
function lineBox(a: Point, b: Point): Pick<ShapeProps, 'x' | 'y' | 'w' | 'h' | 'flipH' | 'flipV'> {
  return {
    x: inch(Math.min(a.x, b.x)),
    y: inch(Math.min(a.y, b.y)),
    w: inch(Math.abs(b.x - a.x)),
    h: inch(Math.abs(b.y - a.y)),
    flipH: b.x < a.x,
    flipV: b.y < a.y,
  };
}

function addBadge(pptx: Pptx, slide: Slide, b: SlideBadge, opacity: number, name: string): void {
  slide.addShape(pptx.ShapeType.ellipse, {
    x: inch(b.centre.x - b.r),
    y: inch(b.centre.y - b.r),
    w: inch(2 * b.r),
    h: inch(2 * b.r),
    fill: { color: hex(b.fill), transparency: transparency(opacity) },
    line: { color: hex(b.stroke), width: pt(b.width), transparency: transparency(opacity) },
    objectName: name,
  });
  addText(slide, { ...b.text, opacity }, `${name} glyph`);
}

/**
 * One text box, its lines as paragraphs, never rewrapped by the program (the scene wrapped them),
 * filled with the plate colour where the text has one (the label's halo).
 */
function addText(slide: Slide, t: SlideText, name: string): void {
  // A link is the text's own (PowerPoint links runs of text; a text box's link has no target).
  const link = t.link ? { hyperlink: { url: t.link } } : {};
  const runs = t.lines.map((line, i) => ({ text: line, options: { ...link, ...(i < t.lines.length - 1 ? { breakLine: true } : {}) } }));
  // Not wrapped, a line in another font's wider letters runs past the box instead of breaking.
  slide.addText(runs, {
    ...boxOf(t.box),
    fontFace: SLIDE_FONT,
    fontSize: pt(t.size),
    color: hex(t.colour),
    bold: t.weight === 'bold',
    italic: t.italic,
    align: t.align,
    valign: 'top',
    margin: 0,
    wrap: false,
    lineSpacing: pt(t.lineHeight),
    transparency: transparency(t.opacity),
    ...(t.plate ? { fill: { color: hex(t.plate), transparency: transparency(t.opacity) } } : {}),
    objectName: name,
    isTextBox: true,
  });
}
