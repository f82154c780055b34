/**
 * The view on screen, or a whole tour, as slides: SVG and PNG pictures at the slide's size, an
 * image on the clipboard, and PowerPoint decks — all written from the slide scene
 * (render/slide-scene.ts) of what the reader sees. Loaded only when something is exported, with
 * what it needs (the slide writers; pptxgenjs only for a deck).
 */
import { citedReferences } from '../core/export/citations.ts';
import { citationLine, speakerNotes } from '../core/export/speaker-notes.ts';
import type { ConceptNode, Point, Relation, Tour } from '../core/model/types.ts';
import { stepBounds } from '../render/bounds.ts';
import type { ViewPicture } from '../render/canvas-map.ts';
import { LOOK, type ThemeName } from '../render/look.ts';
import { deriveSceneState, type SceneState } from '../render/scene-state.ts';
import { mapSlides, referencePages, titleSlide, type SlideFormat, type SlideMapInput, type SlideScene, type TextMeasure } from '../render/slide-scene.ts';
import { writePptx, type DeckSlide } from '../render/slide-pptx.ts';
import { slideSvg } from '../render/slide-svg.ts';
import type { Bounds } from '../render/viewport.ts';
import { exportName } from './export-name.ts';
import { DEFAULT_MAP_ID } from './fetch-map.ts';
import { publicAddress } from './public-address.ts';
import { MapViewState } from './state/map-view.svelte.ts';
import { formatViewParams, type ViewParams } from './url-state.ts';

/** What the export needs of the explorer, read when the reader asks for a file. */
export interface ExportSource {
  view: MapViewState;
  positions: ReadonlyMap<string, Point>;
  /** What the view frames now, map units (`Viewport.framedBounds`). */
  frame: Bounds | undefined;
  theme: ThemeName;
  /** The app's page, without query: the live map slides link back to when others can reach it. */
  pageUrl: string;
  /** A map drawn on a canvas: its view, pictured, stands in for drawn concepts. */
  picture?: ViewPicture;
}

export interface SlideChoices {
  format: SlideFormat;
  title: boolean;
  legend: boolean;
  /** The reader's own caption; a tour step's caption is used when it is empty. */
  caption: string;
  citations: boolean;
}

export interface ExportedFile {
  name: string;
  blob: Blob;
}

/** Text widths as the browser sets the map's font. */
function canvasMeasure(): TextMeasure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text, style) => text.length * style.size * 0.58;
  return (text, style) => {
    context.font = `${style.italic ? 'italic ' : ''}${style.weight === 'bold' ? 'bold ' : ''}${style.size}px ${LOOK.font}`;
    return context.measureText(text).width;
  };
}

/** A concept's deep link on the public site, or nothing when there is no public address. */
function linker(view: MapViewState, pageUrl: string): (params: ViewParams) => string | undefined {
  const base = publicAddress(pageUrl);
  const map = view.map.id === DEFAULT_MAP_ID ? {} : { map: view.map.id };
  return (params) => (base ? base + formatViewParams({ ...map, ...params }) : undefined);
}

function sceneState(view: MapViewState, pinned: ReadonlySet<string> = new Set()): SceneState {
  return deriveSceneState(view.index, view.shown, {
    emphasis: view.restingEmphasis,
    selection: view.selection,
    path: view.path,
    hovered: null,
    hoveredEdge: null,
    focused: null,
    pinned,
    relationsOf: view.relationsOf,
  });
}

/** What a slide's notes and citations speak of: what it emphasises, or else all it draws. */
function slideContent(view: MapViewState, conceptIds: readonly string[], relationIds: readonly string[]) {
  const emphasis = view.restingEmphasis;
  const concepts = conceptIds.filter((id) => !emphasis || emphasis.nodes.has(id)).flatMap((id) => view.graph.node(id) ?? []);
  const relations = relationIds.filter((id) => !emphasis || emphasis.edges.has(id)).flatMap((id) => view.graph.relation(id) ?? []);
  return { concepts, relations };
}

function drawnIds(scene: SlideScene, view: MapViewState, state: SceneState): { concepts: string[]; relations: string[] } {
  if (scene.map) return { concepts: scene.map.concepts.map((c) => c.id), relations: scene.map.relations.map((r) => r.id) };
  // A canvas map's picture: what is shown (the picture holds what the view holds).
  return {
    concepts: view.index.nodeIds.filter((_, i) => state.visible[i]),
    relations: [...state.edges].map((e) => view.index.edges[e]!.id),
  };
}

/** Notes name at most this many items: a canvas map's view may hold thousands. */
const MAX_NOTED = 80;

function notesFor(view: MapViewState, intro: string | undefined, concepts: readonly ConceptNode[], relations: readonly Relation[]): string {
  const noted = [...concepts.slice(0, MAX_NOTED)];
  const notedRelations = relations.slice(0, Math.max(0, MAX_NOTED - noted.length));
  const left = concepts.length + relations.length - noted.length - notedRelations.length;
  const text = speakerNotes(view.map.references, { ...(intro ? { intro } : {}), concepts: noted, relations: notedRelations, labelOf: (id) => view.labelOf(id) });
  return left > 0 ? `${text}\n\n(and ${left} more in this view: see the live map)` : text;
}

function citationsOf(view: MapViewState, concepts: readonly ConceptNode[], relations: readonly Relation[]): string[] {
  return citedReferences(view.map.references, [...concepts, ...relations]).map(citationLine);
}

interface ViewSlides {
  pages: SlideScene[];
  notes: string;
  name: string;
}

/** The view on screen as a slide (and pages of sources that do not fit on it). */
function viewSlides(source: ExportSource, choices: SlideChoices, measure: TextMeasure): ViewSlides {
  const { view } = source;
  const state = sceneState(view);
  const step = view.currentStep;
  const tour = view.tour;
  const caption = choices.caption.trim() || step?.caption || '';
  const stepLabel = tour && step && !choices.caption.trim() ? `Step ${view.tourStep + 1} of ${tour.steps.length}` : undefined;
  const link = linker(view, source.pageUrl);
  const input: SlideMapInput | undefined = source.frame
    ? { map: view.map, index: view.index, state, positions: source.positions, frame: source.frame }
    : undefined;
  const options = {
    format: choices.format,
    theme: source.theme,
    ...(choices.title ? { title: view.map.title } : {}),
    caption,
    ...(stepLabel ? { step: stepLabel } : {}),
    legend: choices.legend,
    measure,
    link: (id: string) => link({ node: id }),
    ...(source.picture ? { picture: { width: source.picture.width, height: source.picture.height } } : {}),
  };
  // Laid out once to learn what the slide draws, then with the sources of exactly that.
  const first = mapSlides(input, options)[0]!;
  const drawn = drawnIds(first, view, state);
  const all = slideContent(view, drawn.concepts, drawn.relations);
  const everything = { concepts: drawn.concepts.flatMap((id) => view.graph.node(id) ?? []), relations: drawn.relations.flatMap((id) => view.graph.relation(id) ?? []) };
  const pages = choices.citations ? mapSlides(input, { ...options, citations: citationsOf(view, everything.concepts, everything.relations) }) : [first];
  return {
    pages,
    notes: notesFor(view, caption || undefined, all.concepts, all.relations),
    name: exportName(view.map.id, view.toParams(), { format: choices.format }),
  };
}

/** A page's file name: the first is the view's, the pages of sources follow it. */
const pageName = (name: string, i: number) => (i === 0 ? name : `${name}-sources${i > 1 ? `-${i}` : ''}`);

/** A canvas map's view drawn for a slide: as SVG elements, or as pixels at `scale` times its size there. */
async function pictureMarkup(picture: ViewPicture): Promise<string> {
  const group = await picture.vector();
  return new XMLSerializer().serializeToString(group);
}

function picturePng(picture: ViewPicture, scene: SlideScene, scale: number): string {
  const k = scene.picture ? scene.picture.box.width / picture.width : 1;
  return picture.draw(k * scale).toDataURL('image/png');
}

/** The view as SVG: one file a slide, exactly the slide's size. */
export async function exportSvgFiles(source: ExportSource, choices: SlideChoices): Promise<ExportedFile[]> {
  const { pages, name } = viewSlides(source, choices, canvasMeasure());
  const markup = source.picture ? await pictureMarkup(source.picture) : undefined;
  return pages.map((scene, i) => ({
    name: `${pageName(name, i)}.svg`,
    blob: new Blob([slideSvg(scene, { title: `Concept map: ${source.view.map.title}`, ...(i === 0 && markup ? { pictureMarkup: markup } : {}) })], { type: 'image/svg+xml;charset=utf-8' }),
  }));
}

/** A slide's SVG drawn by the browser at `scale` times the slide's size. */
async function rasterise(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const { svgToPng } = await import('../render/export-png.ts');
  return svgToPng(svg, width, height, scale);
}

async function pngOf(source: ExportSource, scene: SlideScene, scale: number, first: boolean): Promise<Blob> {
  const pictureHref = first && source.picture ? picturePng(source.picture, scene, scale) : undefined;
  return rasterise(slideSvg(scene, pictureHref ? { pictureHref } : {}), scene.width, scene.height, scale);
}

/** The view as PNG at `scale` times the slide's size (1920×1080, or 1440×1080 for 4:3). */
export async function exportPngFiles(source: ExportSource, choices: SlideChoices, scale: 1 | 2): Promise<ExportedFile[]> {
  const { pages, name } = viewSlides(source, choices, canvasMeasure());
  const files: ExportedFile[] = [];
  for (const [i, scene] of pages.entries()) files.push({ name: `${pageName(name, i)}.png`, blob: await pngOf(source, scene, scale, i === 0) });
  return files;
}

/**
 * The view's slide as a PNG on the clipboard, for pasting into any slide program. Returns how
 * many pages of sources were left out (they do not fit on one picture).
 */
export async function copySlideImage(source: ExportSource, choices: SlideChoices): Promise<number> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('this browser cannot put pictures on the clipboard: use Export PNG and insert the file');
  }
  const { pages } = viewSlides(source, choices, canvasMeasure());
  // The picture is handed over as a promise, so the browser still counts the click that asked for it.
  const png = pngOf(source, pages[0]!, 1, true);
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  return pages.length - 1;
}

/** The view on screen as a one-slide deck (and slides of sources that do not fit on it). */
export async function exportViewDeck(source: ExportSource, choices: SlideChoices): Promise<ExportedFile> {
  const { pages, notes, name } = viewSlides(source, choices, canvasMeasure());
  const slides: DeckSlide[] = pages.map((scene, i) => ({
    scene,
    ...(i === 0 ? { notes } : {}),
    ...(i === 0 && source.picture ? { picture: picturePng(source.picture, scene, 2) } : {}),
  }));
  const blob = await writePptx({ format: choices.format, title: source.view.map.title, slides }, 'blob');
  return { name: `${name}.pptx`, blob };
}

/**
 * A whole tour as a deck: a title slide, one slide per step (the step's picture, its caption
 * and "Step N of M", its evidence in the notes), and the references of every step.
 */
export function tourDeckSlides(source: ExportSource, tour: Tour, choices: SlideChoices, measure: TextMeasure): DeckSlide[] {
  const { view, positions } = source;
  const link = linker(view, source.pageUrl);
  const page = { format: choices.format, theme: source.theme, measure };
  const slides: DeckSlide[] = [];
  const start = link({ tour: tour.id, step: 1 });
  slides.push({
    scene: titleSlide({ title: view.map.title, subtitle: tour.title, ...(view.map.description ? { description: view.map.description } : {}), ...(start ? { link: start } : {}) }, page),
    notes: `${tour.title}: ${tour.steps.length} steps. ${start ? `The live map: ${start}` : ''}`.trim(),
  });
  // Each step as the tour shows it: a view of its own, so the reader's view is left alone.
  const stepView = new MapViewState(view.map);
  const cited: (ConceptNode | Relation)[] = [];
  tour.steps.forEach((step, i) => {
    stepView.startTour(tour.id, i);
    const state = sceneState(stepView);
    const frame = stepBounds(step.nodes, positions);
    if (!frame) return;
    const [scene] = mapSlides(
      { map: view.map, index: view.index, state, positions, frame },
      {
        ...page,
        ...(choices.title ? { title: tour.title } : {}),
        caption: step.caption,
        step: `Step ${i + 1} of ${tour.steps.length}`,
        legend: choices.legend,
        link: (id) => link({ node: id }),
      },
    );
    const drawn = drawnIds(scene!, stepView, state);
    const content = slideContent(stepView, drawn.concepts, drawn.relations);
    cited.push(...content.concepts, ...content.relations);
    slides.push({ scene: scene!, notes: notesFor(stepView, `Step ${i + 1} of ${tour.steps.length}. ${step.caption}`, content.concepts, content.relations) });
  });
  const references = citedReferences(view.map.references, cited).map(citationLine);
  for (const scene of referencePages(references, { ...page, title: 'References' })) slides.push({ scene, notes: 'The sources of the concepts and relations the tour shows.' });
  return slides;
}

export async function exportTourDeck(source: ExportSource, tour: Tour, choices: SlideChoices): Promise<ExportedFile> {
  const slides = tourDeckSlides(source, tour, choices, canvasMeasure());
  const blob = await writePptx({ format: choices.format, title: `${source.view.map.title}: ${tour.title}`, slides }, 'blob');
  return { name: `${exportName(source.view.map.id, {}, { deck: tour.id, format: choices.format })}.pptx`, blob };
}
