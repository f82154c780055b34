/**
 * What a slide shows, as plain data in slide pixels: the map's concepts (marker shape, colour,
 * outline and fade; label lines with their baselines and size, one text per label), its
 * relations (their run, effect end and colour, evidence line pattern, marks, fade and
 * highlight), and around the map an optional title, legend and caption and a band of
 * citations. The SVG and the PowerPoint exports are both written from it, so they show the same
 * slide; it draws by the map's shared rules — sizes and fades from look.ts, ends, colours, line
 * patterns and marks from relation-look.ts, runs from edge-geometry.ts, what fades or is
 * highlighted from the scene state — so it keeps matching the screen. Pure: no DOM.
 *
 * A slide is 1920×1080 (16:9) or 1440×1080 (4:3) slide pixels; the map keeps at least 75% of its
 * height, and citations that do not fit beside it go to pages of their own.
 */
import { EVIDENCE_STROKES, evidenceStroke, type EvidenceStroke } from '../core/model/evidence-style.ts';
import { wrapLabel } from '../core/model/label.ts';
import type { Category, ConceptNode, NodeShape, Point, Relation, RelationEffect } from '../core/model/types.ts';
import { drawMap as drawMapGeometry } from './drawn-map.ts';
import { relationRun } from './edge-geometry.ts';
import { labelBaselines, labelSize, LOOK, relationLabelSize, THEME, type ThemeName } from './look.ts';
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
  type RelationMark,
} from './relation-look.ts';
import type { SceneIndex, SceneState } from './scene-state.ts';
import { shapeOutline } from './shapes.ts';
import { fitTransform, type Bounds, type ViewTransform } from './viewport.ts';

import { SLIDE_FORMATS, type SlideFormat } from './slide-formats.ts';

export { SLIDE_FORMATS, type SlideFormat };

/** The map keeps at least this share of a slide's height; title, caption and citations share the rest. */
export const MAP_HEIGHT_SHARE = 0.75;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextStyle {
  size: number;
  weight: 'normal' | 'bold';
  italic: boolean;
}

/** The width of `text` set in `style`, slide pixels (a canvas's measure in the browser). */
export type TextMeasure = (text: string, style: TextStyle) => number;

export type SlideTextRole =
  | 'title'
  | 'subtitle'
  | 'step'
  | 'caption'
  | 'sources'
  | 'citation'
  | 'legend-heading'
  | 'legend'
  | 'label'
  | 'no-source'
  | 'verb'
  | 'mark'
  | 'group'
  | 'reference'
  | 'link';

/** Text on the slide: one text box of one or more lines. */
export interface SlideText extends TextStyle {
  role: SlideTextRole;
  lines: string[];
  /** The box the lines take, from the top of the first to the bottom of the last. */
  box: Box;
  /** Each line's baseline. */
  baselines: number[];
  /** Lines are centred in the box, or start at its left edge. */
  align: 'left' | 'center';
  lineHeight: number;
  colour: string;
  opacity: number;
  /**
   * A shape of this colour behind the text (the box): the label's halo, done without a second
   * copy of the text, so a slide program converting the picture makes one text box per label.
   */
  plate?: string;
  link?: string;
}

export interface SlideMarker {
  shape: NodeShape;
  centre: Point;
  r: number;
  /** 'circle', or the polygon's corners on the slide. */
  outline: 'circle' | Point[];
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  dash: number[];
}

export interface SlideConcept {
  id: string;
  label: string;
  marker: SlideMarker;
  /** The ring of the selected concept or of a step of the path. */
  ring?: { centre: Point; r: number; colour: string; width: number };
  text: SlideText;
  /** "no source" under the label of a concept imported without evidence. */
  noSource?: SlideText;
  opacity: number;
  faded: boolean;
  selected: boolean;
  /** Its deep link (`?node=<id>` on the public site), when there is one. */
  link?: string;
}

/** A relation's drawn line and the end it is drawn with. */
export interface SlideLine {
  start: Point;
  /** Where the line stops: short of `tip` by the end's length. */
  end: Point;
  control: Point | null;
  /** Where the end points. */
  tip: Point;
  colour: string;
  width: number;
  dash: number[];
  /** The evidence pattern the dash draws (slide programs name their own dashes). */
  pattern: EvidenceStroke;
  endKind: RelationEnd;
  head: EndShape;
  /** What hollow heads are filled with: the page. */
  background: string;
}

export interface SlideBadge {
  mark: RelationMark;
  centre: Point;
  r: number;
  fill: string;
  stroke: string;
  width: number;
  text: SlideText;
}

export interface SlideRelation {
  id: string;
  effect: RelationEffect;
  line: SlideLine;
  badges: SlideBadge[];
  /** The verb written halfway along, when it is in play (selected, on the path). */
  verb?: SlideText;
  opacity: number;
  faded: boolean;
  highlighted: boolean;
}

/**
 * A concept group (`parent`) drawn as a box around its members, as the map draws it
 * (`drawMap`); its name is the group's own concept, in the box's header.
 */
export interface SlideGroup {
  id: string;
  box: Box;
  label?: SlideText;
  stroke: string;
  fill: string;
  opacity: number;
}

export interface SlideMap {
  /** Map units → slide pixels. */
  transform: ViewTransform;
  groups: SlideGroup[];
  relations: SlideRelation[];
  concepts: SlideConcept[];
}

export interface SlideLegendItem {
  text: SlideText;
  marker?: SlideMarker;
  line?: SlideLine;
  badge?: SlideBadge;
}

export interface SlideLegend {
  box: Box;
  headings: SlideText[];
  items: SlideLegendItem[];
}

export interface SlideScene {
  kind: 'map' | 'title' | 'references';
  width: number;
  height: number;
  theme: ThemeName;
  background: string;
  /** Where the map is drawn (or its picture placed). */
  area?: Box;
  map?: SlideMap;
  /** The map area holds a picture of this size (a canvas map's view), fitted, instead of `map`. */
  picture?: { width: number; height: number; box: Box };
  legend?: SlideLegend;
  /** Title, caption, citations, references: everything set as text outside the map. */
  texts: SlideText[];
}

// --- Text ---------------------------------------------------------------------------------

/** Of the font size: the ascent above the baseline and the descent below it (Arial and its likes). */
const ASCENT = 0.9;
const DESCENT = 0.25;

/**
 * A DOM-free measure: the map's label estimate (`LABEL_CHAR_WIDTH` of a 14 px label) per
 * character, a little wider in bold.
 */
export const estimateTextWidth: TextMeasure = (text, style) => text.length * style.size * (8.1 / 14) * (style.weight === 'bold' ? 1.07 : 1);

/** Greedy word wrap to `width`; a word longer than a line keeps a line of its own. */
export function wrapText(text: string, width: number, style: TextStyle, measure: TextMeasure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, style) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface TextSpec {
  role: SlideTextRole;
  lines: string[];
  style: TextStyle;
  lineHeight: number;
  colour: string;
  opacity?: number;
  plate?: string;
  link?: string;
}

/** Text whose first line sits at `top`, starting at `x` (left) or centred on it. */
function textAt(spec: TextSpec, x: number, top: number, align: 'left' | 'center', measure: TextMeasure, padding = 0): SlideText {
  const width = Math.max(0, ...spec.lines.map((l) => measure(l, spec.style)));
  const first = top + ASCENT * spec.style.size;
  const baselines = spec.lines.map((_, i) => first + i * spec.lineHeight);
  const height = (spec.lines.length - 1) * spec.lineHeight + (ASCENT + DESCENT) * spec.style.size;
  const left = align === 'center' ? x - width / 2 : x;
  return {
    role: spec.role,
    lines: spec.lines,
    ...spec.style,
    box: { x: left - padding, y: top - padding, width: width + 2 * padding, height: height + 2 * padding },
    baselines,
    align,
    lineHeight: spec.lineHeight,
    colour: spec.colour,
    opacity: spec.opacity ?? 1,
    ...(spec.plate ? { plate: spec.plate } : {}),
    ...(spec.link ? { link: spec.link } : {}),
  };
}

/** As `textAt`, placed by the first line's baseline. */
function textFromBaseline(spec: TextSpec, x: number, baseline: number, align: 'left' | 'center', measure: TextMeasure, padding = 0): SlideText {
  return textAt(spec, x, baseline - ASCENT * spec.style.size, align, measure, padding);
}

// --- Layout of a map slide ----------------------------------------------------------------

/** Slide pixels, for a slide 1080 high. */
const SIZES = {
  margin: 48,
  title: 44,
  step: 20,
  caption: 30,
  captionMin: 22,
  citation: 17,
  legend: 18,
  legendWidth: { '16:9': 360, '4:3': 300 },
  reference: 22,
  lineHeight: 1.3,
};

export interface SlideMapInput {
  map: { categories: readonly Category[]; nodes: readonly ConceptNode[]; edges: readonly Relation[] };
  index: SceneIndex;
  state: SceneState;
  positions: ReadonlyMap<string, Point>;
  /** The part of the map the slide frames, map units. */
  frame: Bounds;
}

export interface SlideOptions {
  format?: SlideFormat;
  theme: ThemeName;
  title?: string;
  caption?: string;
  /** Set above the caption, e.g. "Step 3 of 19". */
  step?: string;
  legend?: boolean;
  /** One line each (citation, DOI, PMID), in the order listed. */
  citations?: readonly string[];
  measure?: TextMeasure;
  /** A concept's deep link on the public site, if it has one. */
  link?: (id: string) => string | undefined;
  /** A picture of this size (a canvas map's view) is placed in the map area instead of drawn concepts. */
  picture?: { width: number; height: number };
  /** The title of the pages that carry citations which do not fit on the slide. */
  referencesTitle?: string;
}

/**
 * The slide of a map view, then — when its citations do not fit beside a map at least 75% of
 * the slide high — the pages that list them.
 */
export function mapSlides(input: SlideMapInput | undefined, options: SlideOptions): SlideScene[] {
  const format = options.format ?? '16:9';
  const { width, height } = SLIDE_FORMATS[format];
  const measure = options.measure ?? estimateTextWidth;
  const colours = THEME[options.theme].colours;
  const m = SIZES.margin;
  const textWidth = width - 2 * m;
  const texts: SlideText[] = [];
  const budget = height * (1 - MAP_HEIGHT_SHARE);

  let top = 0;
  const title = options.title?.trim();
  if (title) {
    const style: TextStyle = { size: SIZES.title, weight: 'bold', italic: false };
    const lines = wrapText(title, textWidth, style, measure).slice(0, 1);
    const text = textAt({ role: 'title', lines, style, lineHeight: SIZES.title * 1.2, colour: colours.text }, m, 28, 'left', measure);
    texts.push(text);
    top = text.box.y + text.box.height + 8;
  }

  // The bottom band, laid out from the top of the band down once its height is known.
  const caption = options.caption?.trim() ?? '';
  const step = options.step?.trim() ?? '';
  let captionStyle: TextStyle = { size: SIZES.caption, weight: 'normal', italic: false };
  let captionLines = caption ? wrapText(caption, textWidth, captionStyle, measure) : [];
  const stepHeight = step ? SIZES.step * SIZES.lineHeight + 4 : 0;
  const captionHeight = () => (captionLines.length ? captionLines.length * captionStyle.size * SIZES.lineHeight : 0);
  // A long caption shrinks before it takes the map's room (20 above the band, 28 under it).
  while (caption && top + 20 + 28 + stepHeight + captionHeight() > budget && captionStyle.size > SIZES.captionMin) {
    captionStyle = { ...captionStyle, size: captionStyle.size - 2 };
    captionLines = wrapText(caption, textWidth, captionStyle, measure);
  }

  const citations = (options.citations ?? []).map((c) => c.trim()).filter(Boolean);
  const citationStyle: TextStyle = { size: SIZES.citation, weight: 'normal', italic: false };
  const citationLineHeight = SIZES.citation * SIZES.lineHeight;
  const sourcesStyle: TextStyle = { ...citationStyle, weight: 'bold' };

  /** The band under the map, stacked from the bottom of the slide up; `listed`: with the citations themselves. */
  const layBand = (listed: boolean): { band: SlideText[]; bottom: number } => {
    let bottom = height - (caption || step || citations.length ? 28 : 0);
    const band: SlideText[] = [];
    const push = (spec: TextSpec, gapAbove: number) => {
      const text = textAt(spec, m, bottom - spec.lines.length * spec.lineHeight, 'left', measure);
      band.unshift(text);
      bottom = text.box.y - gapAbove;
    };
    if (citations.length && listed) {
      for (let i = citations.length - 1; i >= 0; i--) {
        const lines = wrapText(citations[i]!, textWidth, citationStyle, measure);
        push({ role: 'citation', lines, style: citationStyle, lineHeight: citationLineHeight, colour: colours.text }, 4);
      }
      push({ role: 'sources', lines: ['Sources'], style: sourcesStyle, lineHeight: citationLineHeight, colour: colours.textMuted }, 12);
    } else if (citations.length) {
      const n = citations.length;
      const lines = [`Sources: ${n} reference${n === 1 ? '' : 's'}, listed on the next page`];
      push({ role: 'sources', lines, style: sourcesStyle, lineHeight: citationLineHeight, colour: colours.textMuted }, 12);
    }
    if (captionLines.length) {
      const lineHeight = captionStyle.size * SIZES.lineHeight;
      push({ role: 'caption', lines: captionLines, style: captionStyle, lineHeight, colour: colours.text }, 4);
    }
    if (step) {
      const style: TextStyle = { size: SIZES.step, weight: 'bold', italic: false };
      push({ role: 'step', lines: [step], style, lineHeight: SIZES.step * SIZES.lineHeight, colour: colours.textMuted }, 0);
    }
    if (band.length) bottom -= 20;
    return { band, bottom };
  };
  // The citations are listed under the map only while it keeps 75% of the slide's height.
  let laid = layBand(true);
  const overflowNote = citations.length > 0 && laid.bottom - top < height * MAP_HEIGHT_SHARE;
  if (overflowNote) laid = layBand(false);
  const bottom = laid.bottom;
  texts.push(...laid.band);

  const legendWidth = options.legend ? SIZES.legendWidth[format] : 0;
  const area: Box = { x: 0, y: top, width: width - legendWidth, height: Math.max(1, bottom - top) };
  const scene: SlideScene = { kind: 'map', width, height, theme: options.theme, background: colours.bg, area, texts };

  if (options.picture) {
    const { width: w, height: h } = options.picture;
    const k = Math.min(area.width / w, area.height / h);
    scene.picture = { width: w, height: h, box: { x: area.x + (area.width - w * k) / 2, y: area.y + (area.height - h * k) / 2, width: w * k, height: h * k } };
  } else if (input) {
    scene.map = slideMap(input, area, options, measure);
  }
  if (options.legend && input) scene.legend = legendOf(input, scene.map, { x: width - legendWidth, y: top, width: legendWidth - m / 2, height: bottom - top }, options.theme, measure);

  const pages: SlideScene[] = [scene];
  if (overflowNote) pages.push(...referencePages(citations, { format, theme: options.theme, title: options.referencesTitle ?? 'Sources', measure }));
  return pages;
}

// --- The map ------------------------------------------------------------------------------

/** A mark's badge, map units. */
const BADGE_RADIUS = 7;

function slideMap(input: SlideMapInput, area: Box, options: SlideOptions, measure: TextMeasure): SlideMap {
  const { map, index, state, positions, frame } = input;
  const theme = THEME[options.theme];
  const { colours, faded } = theme;
  const fit = fitTransform(frame, { width: area.width, height: area.height }, LOOK.fit.padding, LOOK.fit.maxScale);
  const t: ViewTransform = { k: fit.k, x: fit.x + area.x, y: fit.y + area.y };
  const k = t.k;
  const at = (p: Point): Point => ({ x: p.x * k + t.x, y: p.y * k + t.y });
  const categories = new Map(map.categories.map((c) => [c.id, c]));
  const relations = new Map(map.edges.map((e) => [e.id, e]));
  // Labels as on screen at this zoom: their own size, never under the screen's minimum.
  const labelMap = labelSize(k);
  const verbMap = relationLabelSize(k);
  const halo = LOOK.label.halo * k;

  // Drawn as the map draws it: glyphs, group boxes, relations routed at the labels' own size.
  const shown = new Set(index.nodeIds.filter((id, i) => positions.has(id) && state.visible[i]));
  const geometry = { nodes: map.nodes, relations: map.edges, radius: (id: string) => index.radius[index.node.get(id)!]!, positions, shown };
  const routed = drawMapGeometry({ ...geometry, route: true });
  const drawnMap = labelMap === LOOK.label.size ? routed : drawMapGeometry({ ...geometry, labelSize: labelMap, reuse: { bends: routed.bends, moving: new Set() } });

  // Concepts wholly inside the map area, marker and label: a slide cannot cut one in half, and
  // what the frame leaves out is out of the view.
  const inside = (box: Box) =>
    box.x >= area.x - 1 && box.y >= area.y - 1 && box.x + box.width <= area.x + area.width + 1 && box.y + box.height <= area.y + area.height + 1;
  const candidates: number[] = [];
  index.nodeIds.forEach((id, i) => {
    if (drawnMap.glyphs.has(id)) candidates.push(i);
  });
  const concepts: SlideConcept[] = [];
  const drawn = new Set<number>();
  for (const i of candidates) {
    const node = map.nodes[i]!;
    const glyph = drawnMap.glyphs.get(node.id)!;
    const category = categories.get(node.category);
    const centre = at(glyph.marker);
    const r = glyph.marker.r;
    const isFaded = state.fadedNodes?.[i] === 1;
    const selected = state.selected === i;
    const marker = markerAt(
      category?.shape ?? 'circle',
      centre,
      r * k,
      isFaded && faded.markerFill ? faded.markerFill : (category?.color ?? colours.edge),
      isFaded && faded.markerStroke ? faded.markerStroke : colours.text,
      (selected ? LOOK.marker.selectedOutline : LOOK.marker.outline) * k,
      node.unsourced ? LOOK.marker.unsourcedDash.map((d) => d * k) : [],
      node.unsourced ? LOOK.marker.unsourcedFill : 1,
    );
    const size = labelMap * k;
    const labelColour = isFaded ? faded.label : colours.text;
    const link = options.link?.(node.id);
    const side = glyph.anchor === 'start';
    const text = textFromBaseline(
      {
        role: 'label',
        lines: [...glyph.lines],
        style: { size, weight: selected || glyph.role === 'group' ? 'bold' : 'normal', italic: false },
        lineHeight: LOOK.label.lineHeight * size,
        colour: labelColour,
        plate: side ? colours.surface : colours.labelHalo,
      },
      at({ x: glyph.labelX, y: 0 }).x,
      at({ x: 0, y: glyph.baselines[0]! }).y,
      side ? 'left' : 'center',
      measure,
      halo / 2,
    );
    const noSource = node.unsourced
      ? textFromBaseline(
          {
            role: 'no-source',
            lines: ['no source'],
            style: { size: LOOK.label.noSourceSize * k, weight: 'normal', italic: true },
            lineHeight: LOOK.label.noSourceSize * k,
            colour: colours.textMuted,
            plate: side ? colours.surface : colours.labelHalo,
          },
          text.align === 'left' ? text.box.x + halo / 2 : centre.x,
          text.baselines[text.baselines.length - 1]! + LOOK.label.noSourceGap * LOOK.label.noSourceSize * k,
          text.align,
          measure,
          halo / 2,
        )
      : undefined;
    const markerBox = { x: centre.x - marker.r * 1.4, y: centre.y - marker.r * 1.4, width: marker.r * 2.8, height: marker.r * 2.8 };
    if (!inside(markerBox) || !inside(text.box) || (noSource && !inside(noSource.box))) continue;
    drawn.add(i);
    const ringed = selected || state.ringed.has(i);
    concepts.push({
      id: node.id,
      label: node.label,
      marker,
      ...(ringed ? { ring: { centre, r: (r + LOOK.ring.gap) * k, colour: colours.accent, width: LOOK.ring.width * k } } : {}),
      text,
      ...(noSource ? { noSource } : {}),
      opacity: isFaded ? faded.nodeOpacity : 1,
      faded: isFaded,
      selected,
      ...(link ? { link } : {}),
    });
  }
  const groups: SlideGroup[] = [];
  for (const [id, box] of drawnMap.boxes) {
    const i = index.node.get(id);
    if (i === undefined || !state.visible[i]) continue;
    const corner = at({ x: box.minX, y: box.minY });
    // A box the area's edge cuts is cut there, as the screen's edge cuts it (its members inside stay in it).
    const cut = intersect({ x: corner.x, y: corner.y, width: (box.maxX - box.minX) * k, height: (box.maxY - box.minY) * k }, area);
    if (!cut) continue;
    const isFaded = state.fadedNodes?.[i] === 1;
    groups.push({ id, box: cut, stroke: colours.border, fill: colours.surface, opacity: isFaded ? faded.nodeOpacity : 1 });
  }
  const relationsOut: SlideRelation[] = [];
  const labelled = new Set(state.edgeLabels);
  for (const e of state.edges) {
    const ends = index.edges[e]!;
    if (!state.visible[ends.s] || !state.visible[ends.t]) continue;
    const relation = relations.get(ends.id);
    const a = positions.get(index.nodeIds[ends.s]!);
    const b = positions.get(index.nodeIds[ends.t]!);
    if (!relation || !a || !b) continue;
    const highlighted = state.highlighted[e] === 1;
    const isFaded = !highlighted && state.fadedEdges?.[e] === 1;
    const look = EFFECT_LOOK[relation.effect];
    const run = drawnMap.runs.get(relation.id) ?? relationRun(a, b, index.radius[ends.s]!, index.radius[ends.t]!, state.bends[e]!);
    const width = highlighted ? LOOK.edge.highlightWidth : theme.edgeWidth;
    const { ux, uy } = arrival(run);
    const inset = endInset(look.end, width);
    const head = endShape(look.end, run.end, ux, uy, width);
    const colour = isFaded && faded.edge ? faded.edge : look.colour[options.theme];
    // A relation to a concept off the slide runs to the area's edge, as on screen: the part inside,
    // its end drawn only when the concept it points at is drawn.
    const full = { start: at(run.start), control: run.control ? at(run.control) : null, end: at({ x: run.end.x - ux * inset, y: run.end.y - uy * inset }) };
    const whole = drawn.has(ends.s) && drawn.has(ends.t);
    const part = whole ? full : curveInside(full, area);
    if (!part) continue;
    const withEnd = drawn.has(ends.t) && part.end === full.end;
    const line: SlideLine = {
      start: part.start,
      end: part.end,
      control: part.control,
      tip: withEnd ? at(run.end) : part.end,
      colour,
      width: width * k,
      dash: relationDash(relation.level).map((d) => d * k),
      pattern: evidenceStroke(relation.level).stroke,
      endKind: withEnd ? look.end : 'none',
      head: withEnd ? { fill: head.fill.map((ps) => ps.map(at)), stroke: head.stroke.map((ps) => ps.map(at)), hollow: head.hollow } : { fill: [], stroke: [], hollow: false },
      background: colours.bg,
    };
    const mid = at(run.mid);
    const midInside = within(mid, area);
    const marks = midInside ? relationMarks(relation) : [];
    const badges = marks.map((mark, i) =>
      badgeAt(mark, { x: mid.x + (i - (marks.length - 1) / 2) * BADGE_RADIUS * 2.2 * k, y: mid.y }, BADGE_RADIUS * k, colour, colours.bg, measure),
    );
    const verb = labelled.has(e) && midInside
      ? textFromBaseline(
          {
            role: 'verb',
            lines: [relation.relation],
            style: { size: verbMap * k, weight: 'normal', italic: true },
            lineHeight: verbMap * k,
            colour: colours.text,
            plate: colours.labelHalo,
          },
          mid.x,
          mid.y - LOOK.relationLabel.lift * verbMap * k,
          'center',
          measure,
          (LOOK.relationLabel.halo * k) / 2,
        )
      : undefined;
    relationsOut.push({
      id: relation.id,
      effect: relation.effect,
      line,
      badges,
      ...(verb ? { verb } : {}),
      opacity: isFaded ? faded.edgeOpacity : 1,
      faded: isFaded,
      highlighted,
    });
  }

  // Emphasised concepts above faded ones, as their labels must stay legible over them.
  concepts.sort((a, b) => Number(b.faded) - Number(a.faded));
  relationsOut.sort((a, b) => Number(b.faded) - Number(a.faded) || Number(a.highlighted) - Number(b.highlighted));
  return { transform: t, groups, relations: relationsOut, concepts };
}

function within(p: Point, box: Box): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

interface Curve {
  start: Point;
  control: Point | null;
  end: Point;
}

/**
 * The longest stretch of a straight or quadratic line inside a box, as a line of the same kind
 * (a piece of a quadratic Bézier is one), or null if none of it is inside. The line's own ends
 * are kept as the same objects when they are inside, so a caller can tell a cut end from a kept one.
 */
export function curveInside(curve: Curve, box: Box): Curve | null {
  const { start, control, end } = curve;
  const c = control ?? { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const point = (t: number): Point => {
    const u = 1 - t;
    return { x: u * u * start.x + 2 * u * t * c.x + t * t * end.x, y: u * u * start.y + 2 * u * t * c.y + t * t * end.y };
  };
  const samples = 96;
  let best: [number, number] | null = null;
  let from = -1;
  for (let i = 0; i <= samples + 1; i++) {
    const isIn = i <= samples && within(point(i / samples), box);
    if (isIn && from < 0) from = i;
    if (!isIn && from >= 0) {
      if (!best || i - 1 - from > best[1] - best[0]) best = [from, i - 1];
      from = -1;
    }
  }
  if (!best) return null;
  // Each cut end found finely, between the last sample out and the first in.
  const edge = (inT: number, outT: number) => {
    for (let n = 0; n < 20; n++) {
      const m = (inT + outT) / 2;
      if (within(point(m), box)) inT = m;
      else outT = m;
    }
    return inT;
  };
  const t0 = best[0] === 0 ? 0 : edge(best[0] / samples, (best[0] - 1) / samples);
  const t1 = best[1] === samples ? 1 : edge(best[1] / samples, (best[1] + 1) / samples);
  if (t1 - t0 < 1e-6) return null;
  const a = t0 === 0 ? start : point(t0);
  const b = t1 === 1 ? end : point(t1);
  if (!control) return { start: a, control: null, end: b };
  // The control point of the piece from t0 to t1: on the tangent at t0, where the tangent at t1 meets it.
  const lerp = (p: Point, q: Point, t: number): Point => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  const at0 = lerp(lerp(start, c, t0), lerp(c, end, t0), t1);
  return { start: a, control: at0, end: b };
}

function markerAt(
  shape: NodeShape,
  centre: Point,
  r: number,
  fill: string,
  stroke: string,
  strokeWidth: number,
  dash: number[],
  fillOpacity: number,
): SlideMarker {
  const outline = shapeOutline(shape, r);
  return {
    shape,
    centre,
    r,
    outline: outline === 'circle' ? 'circle' : outline.map((p) => ({ x: centre.x + p.x, y: centre.y + p.y })),
    fill,
    fillOpacity,
    stroke,
    strokeWidth,
    dash,
  };
}

function badgeAt(mark: RelationMark, centre: Point, r: number, colour: string, background: string, measure: TextMeasure): SlideBadge {
  const size = r * 1.5;
  return {
    mark,
    centre,
    r,
    fill: background,
    stroke: colour,
    width: r / 6,
    text: textFromBaseline(
      { role: 'mark', lines: [RELATION_MARKS[mark].glyph], style: { size, weight: 'bold', italic: false }, lineHeight: size, colour },
      centre.x,
      centre.y + size * 0.35,
      'center',
      measure,
    ),
  };
}

// --- The legend ---------------------------------------------------------------------------

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The key to what the slide shows: its categories, relation effects, line patterns and marks. */
function legendOf(input: SlideMapInput, drawn: SlideMap | undefined, box: Box, themeName: ThemeName, measure: TextMeasure): SlideLegend {
  const { colours, edgeWidth } = THEME[themeName];
  const { map, index, state } = input;
  const shownCategories = new Set<string>();
  const effects = new Set<RelationEffect>();
  const patterns = new Set<EvidenceStroke>();
  const marks = new Set<RelationMark>();
  const relations = new Map(map.edges.map((e) => [e.id, e]));
  if (drawn) {
    const conceptIds = new Set(drawn.concepts.map((c) => c.id));
    for (const node of map.nodes) if (conceptIds.has(node.id)) shownCategories.add(node.category);
    for (const r of drawn.relations) {
      const relation = relations.get(r.id)!;
      effects.add(relation.effect);
      patterns.add(r.line.pattern);
      for (const b of r.badges) marks.add(b.mark);
    }
  } else {
    // A picture of a canvas map: the key to what the view shows.
    index.nodeIds.forEach((_, i) => state.visible[i] && shownCategories.add(map.nodes[i]!.category));
    for (const e of state.edges) {
      const relation = relations.get(index.edges[e]!.id);
      if (!relation) continue;
      effects.add(relation.effect);
      patterns.add(evidenceStroke(relation.level).stroke);
      for (const mark of relationMarks(relation)) marks.add(mark);
    }
  }

  let size = SIZES.legend;
  const build = (): SlideLegend => {
    const row = size * 1.65;
    const headingStyle: TextStyle = { size, weight: 'bold', italic: false };
    const itemStyle: TextStyle = { size, weight: 'normal', italic: false };
    const swatch = size * 3;
    const textX = box.x + swatch + size * 0.6;
    const textWidth = box.x + box.width - textX;
    const headings: SlideText[] = [];
    const items: SlideLegendItem[] = [];
    let y = box.y + size;
    const heading = (label: string) => {
      headings.push(textAt({ role: 'legend-heading', lines: [label], style: headingStyle, lineHeight: row, colour: colours.textMuted }, box.x, y, 'left', measure));
      y += row;
    };
    const item = (label: string, add: (centreY: number) => Omit<SlideLegendItem, 'text'>) => {
      const lines = wrapText(label, textWidth, itemStyle, measure);
      const lineHeight = size * 1.2;
      const height = (lines.length - 1) * lineHeight + size;
      const text = textAt({ role: 'legend', lines, style: itemStyle, lineHeight, colour: colours.text }, textX, y, 'left', measure);
      items.push({ text, ...add(y + size * 0.55) });
      y += height + (row - size);
    };
    const categories = [...map.categories].filter((c) => shownCategories.has(c.id)).sort((a, b) => a.band - b.band);
    if (categories.length) {
      heading('Concepts');
      for (const c of categories) {
        item(c.label, (cy) => ({
          marker: markerAt(c.shape, { x: box.x + swatch / 2, y: cy }, size * 0.55, c.color, colours.text, 1.25, [], 1),
        }));
      }
      y += size * 0.5;
    }
    const lineSwatch = (cy: number, colour: string, end: RelationEnd, dash: number[], pattern: EvidenceStroke): SlideLine => {
      const width = edgeWidth * (size / 14);
      const start = { x: box.x, y: cy };
      const tip = { x: box.x + swatch, y: cy };
      const head = endShape(end, tip, 1, 0, width);
      return { start, end: { x: tip.x - endInset(end, width), y: cy }, control: null, tip, colour, width, dash, pattern, endKind: end, head, background: colours.bg };
    };
    const effectOrder = (Object.keys(EFFECT_LOOK) as RelationEffect[]).filter((e) => effects.has(e));
    if (effectOrder.length) {
      heading('Relations');
      for (const e of effectOrder) {
        const look = EFFECT_LOOK[e];
        item(capitalised(look.legend), (cy) => ({ line: lineSwatch(cy, look.colour[themeName], look.end, [], 'solid') }));
      }
      y += size * 0.5;
    }
    const patternOrder = (Object.keys(EVIDENCE_STROKES) as EvidenceStroke[]).filter((p) => patterns.has(p));
    if (patternOrder.length) {
      heading('Evidence');
      for (const p of patternOrder) {
        const style = EVIDENCE_STROKES[p];
        const dash = (style.dasharray || '').split(/\s+/).filter(Boolean).map((d) => Number(d) * (size / 14));
        item(style.meaning, (cy) => ({ line: lineSwatch(cy, colours.edge, 'none', dash, p) }));
      }
      y += size * 0.5;
    }
    const markOrder = (Object.keys(RELATION_MARKS) as RelationMark[]).filter((m) => marks.has(m));
    for (const mark of markOrder) {
      item(capitalised(RELATION_MARKS[mark].legend), (cy) => ({
        badge: badgeAt(mark, { x: box.x + swatch / 2, y: cy }, size * 0.55, colours.text, colours.bg, measure),
      }));
    }
    return { box: { ...box, height: y - box.y }, headings, items };
  };
  let legend = build();
  // A key taller than the map shrinks until it fits beside it.
  while (legend.box.height > box.height && size > 12) {
    size -= 1;
    legend = build();
  }
  return legend;
}

// --- Title and reference pages ------------------------------------------------------------

export interface PageOptions {
  format?: SlideFormat;
  theme: ThemeName;
  measure?: TextMeasure;
}

/** A deck's first slide: the map's title, the tour's, a line about the map, and its address. */
export function titleSlide(
  content: { title: string; subtitle?: string; description?: string; link?: string },
  options: PageOptions,
): SlideScene {
  const format = options.format ?? '16:9';
  const { width, height } = SLIDE_FORMATS[format];
  const measure = options.measure ?? estimateTextWidth;
  const { colours } = THEME[options.theme];
  const m = SIZES.margin * 2;
  const textWidth = width - 2 * m;
  const texts: SlideText[] = [];
  let y = height * 0.3;
  const add = (role: SlideTextRole, text: string, style: TextStyle, colour: string, gap: number, link?: string) => {
    const lines = wrapText(text, textWidth, style, measure);
    const lineHeight = style.size * 1.25;
    const set = textAt({ role, lines, style, lineHeight, colour, ...(link ? { link } : {}) }, m, y, 'left', measure);
    texts.push(set);
    y = set.box.y + set.box.height + gap;
  };
  add('title', content.title, { size: 64, weight: 'bold', italic: false }, colours.text, 28);
  if (content.subtitle) add('subtitle', content.subtitle, { size: 40, weight: 'normal', italic: false }, colours.text, 40);
  if (content.description) add('caption', content.description, { size: 26, weight: 'normal', italic: false }, colours.textMuted, 28);
  if (content.link) add('link', `Explore the live map: ${content.link}`, { size: 24, weight: 'normal', italic: false }, colours.accent, 0, content.link);
  return { kind: 'title', width, height, theme: options.theme, background: colours.bg, texts };
}

/** Pages listing `entries` (citations, one each) under `title`, as many as they need. */
export function referencePages(entries: readonly string[], options: PageOptions & { title: string }): SlideScene[] {
  const format = options.format ?? '16:9';
  const { width, height } = SLIDE_FORMATS[format];
  const measure = options.measure ?? estimateTextWidth;
  const { colours } = THEME[options.theme];
  const m = SIZES.margin;
  const textWidth = width - 2 * m;
  const style: TextStyle = { size: SIZES.reference, weight: 'normal', italic: false };
  const lineHeight = style.size * SIZES.lineHeight;
  const pages: SlideScene[] = [];
  let page: SlideScene | undefined;
  let y = 0;
  const newPage = () => {
    const titleStyle: TextStyle = { size: SIZES.title, weight: 'bold', italic: false };
    const heading = pages.length === 0 ? options.title : `${options.title} (continued)`;
    const title = textAt({ role: 'title', lines: [heading], style: titleStyle, lineHeight: SIZES.title * 1.2, colour: colours.text }, m, 40, 'left', measure);
    page = { kind: 'references', width, height, theme: options.theme, background: colours.bg, texts: [title] };
    pages.push(page);
    y = title.box.y + title.box.height + 28;
  };
  for (const entry of entries) {
    const lines = wrapText(entry, textWidth, style, measure);
    const needed = lines.length * lineHeight;
    if (!page || y + needed > height - m) newPage();
    const text = textAt({ role: 'reference', lines, style, lineHeight, colour: colours.text }, m, y, 'left', measure);
    page!.texts.push(text);
    y += needed + 10;
  }
  if (!pages.length) newPage();
  return pages;
}

/** Every text of a slide, in drawing order: texts, legend, then the map's. */
export function slideTexts(scene: SlideScene): SlideText[] {
  const out = [...(scene.legend ? [...scene.legend.headings, ...scene.legend.items.flatMap((i) => [...(i.badge ? [i.badge.text] : []), i.text])] : [])];
  for (const g of scene.map?.groups ?? []) if (g.label) out.push(g.label);
  for (const r of scene.map?.relations ?? []) out.push(...r.badges.map((b) => b.text), ...(r.verb ? [r.verb] : []));
  for (const c of scene.map?.concepts ?? []) out.push(c.text, ...(c.noSource ? [c.noSource] : []));
  return [...scene.texts, ...out];
}
