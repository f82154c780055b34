/**
 * Draws the map on a 2D canvas: relations, concept markers (shape and colour per category, as
 * in the SVG map), rings for the selection and the path, labels with a halo, and the verbs of
 * the relations in play. Everything of one look is drawn as one path, and what is out of view
 * or illegible at this zoom is skipped (see `lod.ts`), so a frame costs little even with
 * tens of thousands of concepts. Framework-free: the canvas component decides when to draw.
 */
import { wrapLabel } from '../core/model/label.ts';
import { evidenceStroke } from '../core/model/evidence-style.ts';
import type { Category, ConceptNode, EvidenceLevel, NodeShape, Relation, RelationEffect } from '../core/model/types.ts';
import { pointOnRun, relationRun, type EdgeRun } from './edge-geometry.ts';
import { levelOfDetail, type Lod } from './lod.ts';
import { GEOMETRY } from '../core/layout/geometry.ts';
import { labelBaselines, labelSize, LOOK, relationLabelSize, THEME, type Faded, type ThemeColours, type ThemeName } from './look.ts';
import type { Run } from './drawn-map.ts';
import type { Glyph, Rect } from './map-geometry.ts';
import { arrival, EFFECT_LOOK, endInset, endShape, RELATION_MARKS, relationMarks, type EndShape, type RelationMark } from './relation-look.ts';
import type { SceneIndex, SceneState } from './scene-state.ts';
import { traceShape } from './shapes.ts';
import type { ViewTransform } from './viewport.ts';

export type { SceneState } from './scene-state.ts';

export interface SceneNode {
  id: string;
  label: string;
  shape: NodeShape;
  /** Index of its category's colour in `Scene.colours`. */
  colour: number;
  /** Marker radius, map units. */
  r: number;
  /** Imported without evidence: a dashed, paler marker and "no source" under the label. */
  unsourced?: boolean;
}

export interface SceneEdge {
  id: string;
  /** Indices into `Scene.nodes`. */
  s: number;
  t: number;
  /** Line pattern (map units), empty for solid. */
  dash: readonly number[];
  relation: string;
  /** What it says happens: its end and its colour. */
  effect: RelationEffect;
  /** Badges on its line (extrapolated, disputed). */
  marks: readonly RelationMark[];
}

/**
 * A small map's drawing as `drawMap` gives it, by scene number: where each concept's glyph and
 * label are (members and groups beside their markers), the groups' boxes and each relation's
 * run. A large map has none: its concepts are drawn at their centres, labels under them.
 */
export interface SceneDrawing {
  glyphs: readonly (Glyph | undefined)[];
  runs: readonly (Run | undefined)[];
  boxes: readonly { node: number; box: Rect }[];
}

export interface Scene {
  nodes: readonly SceneNode[];
  edges: readonly SceneEdge[];
  colours: readonly string[];
}

/** What never changes for a map: its concepts and relations as the canvas draws them. */
export function buildScene(
  map: { nodes: readonly ConceptNode[]; edges: readonly Relation[]; categories: readonly Category[] },
  index: SceneIndex,
): Scene {
  const categories = new Map(map.categories.map((c, i) => [c.id, { c, i }]));
  // One line pattern per level of evidence, parsed once (not once per relation).
  const dashes = new Map<string, readonly number[]>();
  const dashOf = (level: EvidenceLevel | undefined) => {
    let dash = dashes.get(level ?? '');
    if (!dash) {
      dash = (evidenceStroke(level).dasharray || '').split(/\s+/).filter(Boolean).map(Number);
      dashes.set(level ?? '', dash);
    }
    return dash;
  };
  const relations = new Map(map.edges.map((e) => [e.id, e]));
  return {
    colours: map.categories.map((c) => c.color),
    nodes: map.nodes.map((n, i) => ({
      id: n.id,
      label: n.label,
      shape: categories.get(n.category)?.c.shape ?? 'circle',
      colour: categories.get(n.category)?.i ?? 0,
      r: index.radius[i]!,
      ...(n.unsourced ? { unsourced: true } : {}),
    })),
    edges: index.edges.map((e) => {
      const relation = relations.get(e.id)!;
      return { id: e.id, s: e.s, t: e.t, dash: dashOf(relation.level), relation: relation.relation, effect: relation.effect, marks: relationMarks(relation) };
    }),
  };
}


/** The theme a scene is drawn in: the look spec's colours, fades and widths, and the font. */
export interface SceneTheme {
  name: ThemeName;
  colours: ThemeColours;
  faded: Faded;
  edgeWidth: number;
  font: string;
}

export function sceneTheme(name: ThemeName, font: string = LOOK.font): SceneTheme {
  const { colours, faded, edgeWidth } = THEME[name];
  return { name, colours, faded, edgeWidth, font };
}

export interface SceneFrame {
  /** CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  transform: ViewTransform;
  moving: boolean;
  /** Centres of the nodes as x, y pairs, at `slots[i]` for `Scene.nodes[i]`. */
  coords: Float64Array;
  slots: Int32Array;
  /** A small map's drawing (glyphs, boxes, routed runs), from the same positions. */
  drawing?: SceneDrawing;
}

/**
 * What drawing the scene needs of a 2D context: a canvas's, or the SVG recorder's
 * (svg-recorder.ts), which turns the same drawing into an SVG for export.
 */
export type SceneContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'rect'
  | 'closePath'
  | 'fill'
  | 'stroke'
  | 'fillText'
  | 'strokeText'
  | 'setLineDash'
  | 'globalAlpha'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'miterLimit'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
> & { readonly canvas: { readonly width: number; readonly height: number } };

export interface FrameStats {
  nodesDrawn: number;
  edgesDrawn: number;
  labelsDrawn: number;
  lod: Lod;
}

/**
 * A hairline's width as a fraction of one pixel. Skia draws a stroke no wider than a device
 * pixel as a hairline, many times faster than a stroke outline; but `1 / k` times `k` in single
 * precision can come out a hair over 1 (1.00000008), and 834 lines then took 170 ms to draw
 * instead of 9. A little under one pixel keeps every zoom on the fast path.
 */
export const HAIRLINE = 0.999;

/** More relations in view than this are drawn one pixel wide. */
const HAIRLINE_EDGES = 400;
/** Map units beyond the view still drawn, so labels and markers do not pop in at the edge. */
const VIEW_MARGIN = 80;
/** Under an imported concept's label: it came without evidence. */
export const NO_SOURCE = 'no source';
/** Labels are only ever drawn this small (screen px) for the emphasised concepts. */
const IMPORTANT_LABEL_MIN_ZOOM = 0.25;

let scratchInView = new Uint8Array(0);
let scratchEdges = new Int32Array(0);

export function drawScene(
  ctx: SceneContext,
  scene: Scene,
  state: SceneState,
  frame: SceneFrame,
  theme: SceneTheme,
): FrameStats {
  const { width, height, dpr, transform: t, coords, slots } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const x0 = -t.x / t.k - VIEW_MARGIN;
  const y0 = -t.y / t.k - VIEW_MARGIN;
  const x1 = (width - t.x) / t.k + VIEW_MARGIN;
  const y1 = (height - t.y) / t.k + VIEW_MARGIN;
  const n = scene.nodes.length;
  if (scratchInView.length < n) scratchInView = new Uint8Array(n);
  const inView = scratchInView;
  let nodesInView = 0;
  for (let i = 0; i < n; i++) {
    inView[i] = 0;
    if (!state.visible[i]) continue;
    const slot = slots[i]!;
    if (slot < 0) continue;
    const x = coords[2 * slot]!;
    const y = coords[2 * slot + 1]!;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
      inView[i] = 1;
      nodesInView++;
    }
  }
  if (scratchEdges.length < state.edges.length) scratchEdges = new Int32Array(state.edges.length);
  let edgeCount = 0;
  // Screen length of the lines in view, each counted up to the view's diagonal.
  let edgePixels = 0;
  const diagonal = Math.hypot(width, height);
  for (const e of state.edges) {
    const edge = scene.edges[e]!;
    const si = slots[edge.s]!;
    const ti = slots[edge.t]!;
    if (si < 0 || ti < 0) continue;
    const ax = coords[2 * si]!;
    const ay = coords[2 * si + 1]!;
    const bx = coords[2 * ti]!;
    const by = coords[2 * ti + 1]!;
    // Drawn if an end is in view, or the line's box crosses the view (a long relation across it).
    if (inView[edge.s] || inView[edge.t] || (Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && Math.max(ay, by) >= y0 && Math.min(ay, by) <= y1)) {
      scratchEdges[edgeCount++] = e;
      edgePixels += Math.min(diagonal, Math.hypot(bx - ax, by - ay) * t.k);
    }
  }
  const edgesInView = scratchEdges.subarray(0, edgeCount);
  const lod = levelOfDetail({ k: t.k, moving: frame.moving, nodesInView, edgesInView: edgeCount, edgePixels });

  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  const px = 1 / t.k;
  const box = { x0: x0 - VIEW_MARGIN, y0: y0 - VIEW_MARGIN, x1: x1 + VIEW_MARGIN, y1: y1 + VIEW_MARGIN };
  if (frame.drawing) drawBoxes(ctx, frame.drawing, state, theme);
  const edgesDrawn = drawEdges(ctx, scene, state, frame, theme, lod, edgesInView, px, box);
  drawNodes(ctx, scene, state, frame, theme, lod, inView, nodesInView, px);
  const labelsDrawn = drawLabels(ctx, scene, state, frame, theme, lod, inView, nodesInView);
  return { nodesDrawn: nodesInView, edgesDrawn, labelsDrawn, lod };
}

/** The view in map units (with a margin), for clipping long relations. */
interface ViewBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The part of the segment inside the box, as parameters [t0, t1] along it (Liang–Barsky), or
 * null when it misses the box. A long relation is cut to what shows: the rasteriser then
 * strokes (and dashes) a few hundred pixels instead of thousands off screen.
 */
export function clipSegment(ax: number, ay: number, bx: number, by: number, box: ViewBox): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - box.x0],
    [dx, box.x1 - ax],
    [-dy, ay - box.y0],
    [dy, box.y1 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

/**
 * Adds the visible part of a straight line to the path. With a dash `period`, the cut start is
 * moved back to a whole number of periods from the line's start, so dashes stay in place as
 * the view moves.
 */
function addClippedLine(ctx: SceneContext, ax: number, ay: number, bx: number, by: number, box: ViewBox, period = 0): boolean {
  const inside = ax >= box.x0 && ax <= box.x1 && ay >= box.y0 && ay <= box.y1 && bx >= box.x0 && bx <= box.x1 && by >= box.y0 && by <= box.y1;
  if (inside) {
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    return true;
  }
  const clipped = clipSegment(ax, ay, bx, by, box);
  if (!clipped) return false;
  let [t0] = clipped;
  const t1 = clipped[1];
  const length = Math.hypot(bx - ax, by - ay);
  if (period > 0 && length > 0) t0 = (Math.floor((t0 * length) / period) * period) / length;
  ctx.moveTo(ax + (bx - ax) * t0, ay + (by - ay) * t0);
  ctx.lineTo(ax + (bx - ax) * t1, ay + (by - ay) * t1);
  return true;
}

/** Where a concept's marker is, and how large: its glyph's in a small map's drawing, else its centre. */
function markerOf(scene: Scene, frame: SceneFrame, node: number): { x: number; y: number; r: number } {
  const glyph = frame.drawing?.glyphs[node];
  if (glyph) return glyph.marker;
  const [x, y] = point(frame, node);
  return { x, y, r: scene.nodes[node]!.r };
}

function point(frame: Pick<SceneFrame, 'coords' | 'slots'>, node: number): [number, number] {
  const slot = frame.slots[node]!;
  return [frame.coords[2 * slot]!, frame.coords[2 * slot + 1]!];
}

/** The relation's visible run (rim to rim, bent if it has to be), as every renderer draws it. */
export function sceneRun(scene: Scene, state: Pick<SceneState, 'bends'>, frame: Pick<SceneFrame, 'coords' | 'slots' | 'drawing'>, e: number): EdgeRun {
  const drawn = frame.drawing?.runs[e];
  if (drawn) return drawn;
  const edge = scene.edges[e]!;
  const [sx, sy] = point(frame, edge.s);
  const [tx, ty] = point(frame, edge.t);
  return relationRun({ x: sx, y: sy }, { x: tx, y: ty }, scene.nodes[edge.s]!.r, scene.nodes[edge.t]!.r, state.bends[e]!);
}

function drawEdges(
  ctx: SceneContext,
  scene: Scene,
  state: SceneState,
  frame: SceneFrame,
  theme: SceneTheme,
  lod: Lod,
  edges: Int32Array,
  px: number,
  box: ViewBox,
): number {
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  let drawn = 0;
  if (!lod.edgeDetail) {
    // Plain lines, one path per look: normal, faded, highlighted.
    for (const pass of [1, 0, 2] as const) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        const highlighted = state.highlighted[e] === 1;
        const faded = !highlighted && state.fadedEdges?.[e] === 1;
        const look = highlighted ? 2 : faded ? 1 : 0;
        if (look !== pass) continue;
        // Thinned while moving, but never the highlighted ones.
        if (!highlighted && lod.edgeStride > 1 && i % lod.edgeStride !== 0) continue;
        const edge = scene.edges[e]!;
        const si = 2 * frame.slots[edge.s]!;
        const ti = 2 * frame.slots[edge.t]!;
        if (!addClippedLine(ctx, frame.coords[si]!, frame.coords[si + 1]!, frame.coords[ti]!, frame.coords[ti + 1]!, box)) continue;
        any = true;
        drawn++;
      }
      if (!any) continue;
      ctx.globalAlpha = pass === 1 ? theme.faded.edgeOpacity : 1;
      ctx.strokeStyle = pass === 2 ? theme.colours.accent : pass === 1 ? (theme.faded.edge ?? theme.colours.edge) : theme.colours.edge;
      // One pixel: drawn as a hairline, many times faster than a wider anti-aliased stroke.
      ctx.lineWidth = pass === 2 ? Math.max(3, 1.5 * px) : HAIRLINE * px;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    return drawn;
  }

  // Full detail: line patterns by kind of evidence, colours and ends by effect, rims and bends.
  type Group = { edges: number[]; dash: readonly number[]; look: number; effect: RelationEffect };
  const groups = new Map<string, Group>();
  for (const e of edges) {
    const highlighted = state.highlighted[e] === 1;
    const faded = !highlighted && state.fadedEdges?.[e] === 1;
    const look = highlighted ? 2 : faded ? 1 : 0;
    const { dash, effect } = scene.edges[e]!;
    const key = `${look}|${effect}|${dash.join(',')}`;
    const group = groups.get(key);
    if (group) group.edges.push(e);
    else groups.set(key, { edges: [e], dash, look, effect });
  }
  const ordered = [...groups.values()].sort((a, b) => (a.look === 1 ? -1 : a.look) - (b.look === 1 ? -1 : b.look));
  const marked: number[] = [];
  for (const group of ordered) {
    const ends: EndShape[] = [];
    ctx.beginPath();
    const period = group.dash.reduce((a, b) => a + b, 0);
    // Many relations in view: a one-pixel hairline (fast), else the theme's width.
    const width = group.look === 2 ? LOOK.edge.highlightWidth : edges.length > HAIRLINE_EDGES ? Math.min(theme.edgeWidth, HAIRLINE * px) : theme.edgeWidth;
    const endKind = EFFECT_LOOK[group.effect].end;
    const endWidth = Math.max(width, theme.edgeWidth);
    const inset = endInset(endKind, endWidth);
    for (const e of group.edges) {
      const run = sceneRun(scene, state, frame, e);
      const { ux, uy } = arrival(run);
      // The line stops where its end mark begins, so it does not show through an open end.
      const stop = { x: run.end.x - ux * inset, y: run.end.y - uy * inset };
      if (run.control) {
        ctx.moveTo(run.start.x, run.start.y);
        ctx.quadraticCurveTo(run.control.x, run.control.y, stop.x, stop.y);
      } else if (!addClippedLine(ctx, run.start.x, run.start.y, stop.x, stop.y, box, period)) continue;
      ends.push(endShape(endKind, run.end, ux, uy, endWidth));
      if (scene.edges[e]!.marks.length > 0) marked.push(e);
      drawn++;
    }
    const faded = group.look === 1;
    ctx.globalAlpha = faded ? theme.faded.edgeOpacity : 1;
    const own = EFFECT_LOOK[group.effect].colour[theme.name];
    const colour = faded ? (theme.faded.edge ?? own) : own;
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(group.dash as number[]);
    ctx.stroke();
    ctx.setLineDash([]);
    drawEnds(ctx, ends, colour, theme.colours.bg, group.look === 2 ? LOOK.edge.highlightWidth : 2);
  }
  drawMarks(ctx, scene, state, frame, theme, marked);
  ctx.globalAlpha = 1;
  return drawn;
}

/** The boxes of a small map's groups, under everything else. */
function drawBoxes(ctx: SceneContext, drawing: SceneDrawing, state: SceneState, theme: SceneTheme): void {
  const corner = GEOMETRY.group.corner;
  for (const { node, box } of drawing.boxes) {
    ctx.globalAlpha = state.fadedNodes?.[node] === 1 ? theme.faded.nodeOpacity : 1;
    ctx.beginPath();
    roundedRect(ctx, box.minX, box.minY, box.maxX - box.minX, box.maxY - box.minY, corner);
    ctx.fillStyle = theme.colours.surface;
    ctx.fill();
    ctx.strokeStyle = theme.colours.border;
    ctx.lineWidth = 1.25;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** A rectangle with rounded corners, as quadratic curves (drawn alike by canvases and the SVG recorder). */
function roundedRect(ctx: SceneContext, x: number, y: number, w: number, h: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + w - r, y);
  ctx.quadraticCurveTo(x + w, y, x + w, y + r);
  ctx.lineTo(x + w, y + h - r);
  ctx.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
  ctx.lineTo(x + r, y + h);
  ctx.quadraticCurveTo(x, y + h, x, y + h - r);
  ctx.lineTo(x, y + r);
  ctx.quadraticCurveTo(x, y, x + r, y);
  ctx.closePath();
}

/** The end marks of a group of relations: filled ends, open ends (filled with the page), strokes (T-bars, crosses). */
function drawEnds(ctx: SceneContext, ends: readonly EndShape[], colour: string, background: string, strokeWidth: number): void {
  for (const hollow of [false, true]) {
    ctx.beginPath();
    let any = false;
    for (const end of ends) {
      if (end.hollow !== hollow) continue;
      for (const polygon of end.fill) {
        ctx.moveTo(polygon[0]!.x, polygon[0]!.y);
        for (const p of polygon.slice(1)) ctx.lineTo(p.x, p.y);
        ctx.closePath();
        any = true;
      }
    }
    if (!any) continue;
    ctx.fillStyle = hollow ? background : colour;
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = hollow ? 1.5 : 1;
    ctx.stroke();
  }
  ctx.beginPath();
  let lines = false;
  for (const end of ends) {
    for (const line of end.stroke) {
      ctx.moveTo(line[0]!.x, line[0]!.y);
      for (const p of line.slice(1)) ctx.lineTo(p.x, p.y);
      lines = true;
    }
  }
  if (!lines) return;
  ctx.strokeStyle = colour;
  ctx.lineWidth = strokeWidth;
  ctx.lineCap = 'round';
  ctx.stroke();
  ctx.lineCap = 'butt';
}

/** Badges on relations extrapolated from other species or disorders, or disputed, halfway along. */
function drawMarks(ctx: SceneContext, scene: Scene, state: SceneState, frame: SceneFrame, theme: SceneTheme, edges: readonly number[]): void {
  if (edges.length === 0) return;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (const e of edges) {
    const edge = scene.edges[e]!;
    const run = sceneRun(scene, state, frame, e);
    const faded = state.highlighted[e] !== 1 && state.fadedEdges?.[e] === 1;
    ctx.globalAlpha = faded ? theme.faded.edgeOpacity : 1;
    const colour = faded ? (theme.faded.edge ?? EFFECT_LOOK[edge.effect].colour[theme.name]) : EFFECT_LOOK[edge.effect].colour[theme.name];
    edge.marks.forEach((mark, m) => {
      const at = pointOnRun(run, 0.5 + (m - (edge.marks.length - 1) / 2) * 0.14);
      ctx.beginPath();
      ctx.arc(at.x, at.y, 7, 0, 2 * Math.PI);
      ctx.fillStyle = theme.colours.bg;
      ctx.fill();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.font = `700 11px ${theme.font}`;
      ctx.fillStyle = theme.colours.text;
      ctx.fillText(RELATION_MARKS[mark].glyph, at.x, at.y + 0.35 * 11);
    });
  }
  ctx.globalAlpha = 1;
}

/**
 * From this many dots in view, they are written as pixels instead of filled as paths. Measured
 * in Chromium without a GPU: 5,000 dots filled as one path per colour took 3 to 12 ms, the
 * first time included, and as pixels 8 to 16; at 20,000, pixels took 3 to 10 ms and paths 20 to 40.
 */
const PIXEL_DOTS = 10_000;

interface DotLayer {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  image: ImageData;
  pixels: Uint32Array;
}
/** Pixel buffers by size (the view's, and the panning picture's with its margin). */
const dotLayers = new Map<string, DotLayer>();
const rgbaCache = new Map<string, number>();

/** A colour as a little-endian RGBA word with `alpha` (0..1), or undefined if not #rgb / #rrggbb. */
export function packColour(colour: string, alpha: number): number | undefined {
  const key = `${colour}|${alpha}`;
  const cached = rgbaCache.get(key);
  if (cached !== undefined) return cached;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  const a = Math.round(alpha * 255);
  const packed = ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
  rgbaCache.set(key, packed);
  return packed;
}

/**
 * Markers too small for their shapes (a few pixels): squares snapped to device pixels, by
 * colour. Up to `PIXEL_DOTS` they are filled as one path per colour and fade; more are
 * written straight into a pixel buffer and drawn as one image, which costs a few
 * milliseconds whatever their number.
 */
function drawDots(
  ctx: SceneContext,
  scene: Scene,
  state: SceneState,
  frame: SceneFrame,
  theme: SceneTheme,
  inView: Uint8Array,
  count: number,
): void {
  const { coords, slots, dpr } = frame;
  const { k, x: tx, y: ty } = frame.transform;
  const n = scene.nodes.length;
  const faded = state.fadedNodes;
  const colourOf = (colour: number, dim: boolean) => (dim ? (theme.faded.markerStroke ?? scene.colours[colour]!) : scene.colours[colour]!);
  const alphaOf = (dim: boolean) => (dim ? theme.faded.nodeOpacity : 1);
  const width = ctx.canvas.width;
  const height = ctx.canvas.height;
  // Pixels need a canvas to draw the buffer onto; the SVG recorder has none, so it gets squares.
  const raster = 'drawImage' in ctx ? (ctx as CanvasRenderingContext2D) : undefined;
  const pixelWise =
    raster !== undefined &&
    count >= PIXEL_DOTS &&
    typeof OffscreenCanvas !== 'undefined' &&
    scene.colours.every((c) => packColour(c, 1) !== undefined);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (pixelWise) {
    const key = `${width}x${height}`;
    let dotLayer = dotLayers.get(key);
    if (!dotLayer) {
      const canvas = new OffscreenCanvas(width, height);
      const layerCtx = canvas.getContext('2d')!;
      const image = layerCtx.createImageData(width, height);
      if (dotLayers.size >= 2) dotLayers.delete(dotLayers.keys().next().value!);
      dotLayer = { canvas, ctx: layerCtx, image, pixels: new Uint32Array(image.data.buffer) };
      dotLayers.set(key, dotLayer);
    }
    const { pixels } = dotLayer;
    pixels.fill(0);
    for (const fadedPass of [1, 0]) {
      if (fadedPass === 1 && !faded) continue;
      const dim = fadedPass === 1;
      const words = scene.colours.map((_, colour) => packColour(colourOf(colour, dim), alphaOf(dim))!);
      for (let i = 0; i < n; i++) {
        if (!inView[i] || (faded ? faded[i]! : 0) !== fadedPass) continue;
        const node = scene.nodes[i]!;
        const word = words[node.colour]!;
        const slot = slots[i]!;
        const size = Math.max(2, Math.round(2 * node.r * k * dpr));
        const x0 = Math.max(0, Math.round((coords[2 * slot]! * k + tx) * dpr - size / 2));
        const y0 = Math.max(0, Math.round((coords[2 * slot + 1]! * k + ty) * dpr - size / 2));
        const x1 = Math.min(width, x0 + size);
        const y1 = Math.min(height, y0 + size);
        // Dots are a few pixels wide: plain stores beat a call per row.
        for (let y = y0; y < y1; y++) {
          const row = y * width;
          for (let x = x0; x < x1; x++) pixels[row + x] = word;
        }
      }
    }
    dotLayer.ctx.putImageData(dotLayer.image, 0, 0);
    raster.drawImage(dotLayer.canvas, 0, 0);
    ctx.restore();
    return;
  }
  for (const fadedPass of [1, 0]) {
    if (fadedPass === 1 && !faded) continue;
    const dim = fadedPass === 1;
    ctx.globalAlpha = alphaOf(dim);
    for (let colour = 0; colour < scene.colours.length; colour++) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < n; i++) {
        if (!inView[i]) continue;
        const node = scene.nodes[i]!;
        if (node.colour !== colour || (faded ? faded[i]! : 0) !== fadedPass) continue;
        const slot = slots[i]!;
        const size = Math.max(2, Math.round(2 * node.r * k * dpr));
        ctx.rect(
          Math.round((coords[2 * slot]! * k + tx) * dpr - size / 2),
          Math.round((coords[2 * slot + 1]! * k + ty) * dpr - size / 2),
          size,
          size,
        );
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = colourOf(colour, dim);
      ctx.fill();
    }
  }
  ctx.restore();
}

function drawNodes(
  ctx: SceneContext,
  scene: Scene,
  state: SceneState,
  frame: SceneFrame,
  theme: SceneTheme,
  lod: Lod,
  inView: Uint8Array,
  nodesInView: number,
  px: number,
): void {
  const n = scene.nodes.length;
  if (!lod.shapes) {
    drawDots(ctx, scene, state, frame, theme, inView, nodesInView);
    return;
  }
  const { colours, faded: fade } = theme;
  const anyUnsourced = scene.nodes.some((node) => node.unsourced);
  // One path per colour, fade and sourcing: faded first, so bright concepts sit on top.
  for (const fadedPass of [1, 0]) {
    if (fadedPass === 1 && !state.fadedNodes) continue;
    for (const unsourced of anyUnsourced ? [false, true] : [false]) {
      for (let colour = 0; colour < scene.colours.length; colour++) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < n; i++) {
          if (!inView[i]) continue;
          const node = scene.nodes[i]!;
          if (node.colour !== colour || Boolean(node.unsourced) !== unsourced) continue;
          if ((state.fadedNodes?.[i] ?? 0) !== fadedPass) continue;
          const { x, y, r } = markerOf(scene, frame, i);
          traceShape(ctx, node.shape, x, y, r);
          any = true;
        }
        if (!any) continue;
        const faded = fadedPass === 1;
        const opacity = faded ? fade.nodeOpacity : 1;
        // An imported concept without evidence: paler, with a dashed outline (and "no source" under its label).
        ctx.globalAlpha = unsourced ? opacity * LOOK.marker.unsourcedFill : opacity;
        ctx.fillStyle = faded ? (fade.markerFill ?? scene.colours[colour]!) : scene.colours[colour]!;
        ctx.fill();
        if (lod.outlines) {
          ctx.globalAlpha = opacity;
          ctx.strokeStyle = faded ? (fade.markerStroke ?? colours.text) : colours.text;
          ctx.lineWidth = LOOK.marker.outline;
          if (unsourced) ctx.setLineDash(LOOK.marker.unsourcedDash as number[]);
          ctx.stroke();
          if (unsourced) ctx.setLineDash([]);
        }
      }
    }
  }
  ctx.globalAlpha = 1;

  // Rings: the selection and the steps of the path; the keyboard focus; pins.
  const ring = (i: number, colour: string, width: number, dash: number[]) => {
    if (i < 0 || !inView[i]) return;
    const { x, y, r } = markerOf(scene, frame, i);
    ctx.beginPath();
    ctx.arc(x, y, r + LOOK.ring.gap, 0, 2 * Math.PI);
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(width, width * 0.5 * px);
    ctx.setLineDash(dash);
    ctx.stroke();
    ctx.setLineDash([]);
  };
  const ringWidth = LOOK.ring.width;
  for (const i of state.ringed) ring(i, colours.accent, ringWidth, []);
  if (state.selected >= 0 && inView[state.selected]) {
    ring(state.selected, colours.accent, ringWidth, []);
    const node = scene.nodes[state.selected]!;
    const { x, y, r } = markerOf(scene, frame, state.selected);
    ctx.beginPath();
    traceShape(ctx, node.shape, x, y, r);
    ctx.strokeStyle = colours.text;
    ctx.lineWidth = LOOK.marker.selectedOutline;
    ctx.stroke();
  }
  ring(state.focused, colours.focus, ringWidth, LOOK.ring.focusDash as number[]);
  if (state.pinned.size > 0 && lod.outlines) {
    ctx.beginPath();
    for (const i of state.pinned) {
      if (!inView[i]) continue;
      const { x, y, r } = markerOf(scene, frame, i);
      const { offset, r: pinR } = LOOK.pin;
      ctx.moveTo(x + r * offset + pinR, y - r * offset);
      ctx.arc(x + r * offset, y - r * offset, pinR, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colours.text;
    ctx.strokeStyle = colours.labelHalo;
    ctx.lineWidth = LOOK.pin.halo;
    ctx.fill();
    ctx.stroke();
  }
}

/** Labels wrapped when first drawn: most labels of a large map never are. */
const wrapped = new WeakMap<SceneNode, readonly string[]>();
function linesOf(node: SceneNode): readonly string[] {
  let lines = wrapped.get(node);
  if (!lines) {
    lines = wrapLabel(node.label);
    wrapped.set(node, lines);
  }
  return lines;
}

function drawLabels(
  ctx: SceneContext,
  scene: Scene,
  state: SceneState,
  frame: SceneFrame,
  theme: SceneTheme,
  lod: Lod,
  inView: Uint8Array,
  nodesInView: number,
): number {
  const k = frame.transform.k;
  let which: number[];
  if (lod.labels) {
    which = [];
    for (let i = 0; i < scene.nodes.length && which.length < nodesInView; i++) if (inView[i]) which.push(i);
  } else if (k >= IMPORTANT_LABEL_MIN_ZOOM) {
    which = [...state.important, state.selected, state.focused, ...state.ringed].filter((i) => i >= 0 && inView[i]);
  } else {
    which = [];
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  // Zoomed out, labels keep a readable size on screen; the few emphasised ones drawn alone (a
  // large map far out) keep it however far, as nothing else is labelled to collide with them.
  const size = lod.labels ? labelSize(k) : labelSize(k, Infinity);
  const regular = `${size}px ${theme.font}`;
  const bold = `700 ${size}px ${theme.font}`;
  const seen = new Set<number>();
  for (const i of which) {
    if (seen.has(i)) continue;
    seen.add(i);
    const node = scene.nodes[i]!;
    const faded = state.fadedNodes?.[i] === 1;
    ctx.globalAlpha = 1;
    // In a small map's drawing, members and groups are labelled beside their markers (groups in bold).
    const glyph = frame.drawing?.glyphs[i];
    ctx.font = i === state.selected || glyph?.role === 'group' ? bold : regular;
    // Beside its marker, in its group's box: the halo is the box's fill.
    ctx.strokeStyle = glyph?.anchor === 'start' ? theme.colours.surface : theme.colours.labelHalo;
    ctx.lineWidth = LOOK.label.halo * (size / LOOK.label.size);
    ctx.fillStyle = faded ? theme.faded.label : theme.colours.text;
    const [cx, cy] = glyph ? [glyph.marker.x, glyph.marker.y] : point(frame, i);
    const lines = glyph ? glyph.lines : linesOf(node);
    const baselines = glyph ? glyph.baselines : labelBaselines(node.r, lines.length, size).map((b) => b + cy);
    const x = glyph ? glyph.labelX : cx;
    ctx.textAlign = glyph?.anchor === 'start' ? 'left' : 'center';
    lines.forEach((line, l) => {
      ctx.strokeText(line, x, baselines[l]!);
      ctx.fillText(line, x, baselines[l]!);
    });
    if (node.unsourced) {
      // Said in words on the map, not only by the dashed outline (as the SVG map does).
      const noSource = LOOK.label.noSourceSize * (size / LOOK.label.size);
      ctx.font = `italic ${noSource}px ${theme.font}`;
      ctx.fillStyle = theme.colours.textMuted;
      const ly = baselines[lines.length - 1]! + noSource * LOOK.label.noSourceGap;
      ctx.strokeText(NO_SOURCE, x, ly);
      ctx.fillText(NO_SOURCE, x, ly);
    }
  }
  ctx.textAlign = 'center';
  ctx.globalAlpha = 1;

  // The verbs of the relations in play, at their middles.
  if (state.edgeLabels.length > 0 && k >= IMPORTANT_LABEL_MIN_ZOOM) {
    const { size: verbBase, halo, lift } = LOOK.relationLabel;
    const verbSize = relationLabelSize(k);
    ctx.font = `italic ${verbSize}px ${theme.font}`;
    ctx.lineWidth = halo * (verbSize / verbBase);
    ctx.strokeStyle = theme.colours.labelHalo;
    ctx.fillStyle = theme.colours.text;
    for (const e of state.edgeLabels) {
      const { mid } = sceneRun(scene, state, frame, e);
      const my = mid.y - lift * verbSize;
      ctx.strokeText(scene.edges[e]!.relation, mid.x, my);
      ctx.fillText(scene.edges[e]!.relation, mid.x, my);
    }
  }
  return seen.size;
}
