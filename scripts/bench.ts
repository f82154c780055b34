/**
 * `npm run bench`: how Pathomap draws large maps, next to Cytoscape.js, in headless Chromium.
 *
 * Builds the app into a temporary folder, writes seeded graphs beside the flagship map
 * (100 / 1,000 / 5,000 / 20,000 concepts with ~1.5 relations each, and a clustered, labelled
 * 3,000-concept map shaped like a real concept map), serves it on loopback and measures each
 * graph, median of several runs, for Pathomap and for the same graph in Cytoscape.js
 * (`bench/peer.html`, given Pathomap's settled positions so both draw the same picture):
 *
 * - firstFrameMs: navigation to the first frame that shows concepts (for the flagship, the map
 *   rendered ahead into the page); liveFrameMs: to the live, interactive map's first frame;
 * - layoutMs: the layout's start to settled; longestTaskMs: the longest main-thread task
 *   (PerformanceObserver "longtask", so 0 means none over 50 ms) that begins meanwhile. The peer's layout
 *   is cose, run last, and only up to 300 concepts (it is quadratic: ~110 s at 1,000);
 * - panZoomP95Ms, dragP95Ms (and means): frame times while the view is panned and zoomed and
 *   the busiest concept dragged, one synthetic input per animation frame;
 * - heapMB: main-thread JS heap after settling, after a garbage collection.
 *
 * Plus the gzipped size of all JavaScript the flagship map loads. Prints a table and writes
 * bench/results.json. Options: --sizes 100,1000 --runs 3 --concept 3000 (0: none)
 * --large-runs 2 --no-peer --out file --flagship-runs 3 --renderer svg|canvas.
 */
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asLoadResult, generateMap, type GraphKind } from './bench-generate.ts';
import type { LoadResult, PathoMap } from '../src/core/model/types.ts';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Figures {
  firstFrameMs: number;
  /** The live, interactive map's first frame (later than firstFrameMs when a picture was rendered ahead). */
  liveFrameMs: number;
  layoutMs: number | null;
  longestTaskMs: number | null;
  panZoomMeanMs: number;
  panZoomP95Ms: number;
  dragMeanMs: number;
  dragP95Ms: number;
  heapMB: number;
}

export interface BenchRun extends Figures {
  graph: string;
  nodes: number;
  edges: number;
  renderer: string;
  runs: number;
  peer: (Figures & { renderer: string }) | null;
}

export interface BenchResults {
  date: string;
  machine: string;
  bundleGzipKB: number;
  bundleFiles: { file: string; gzipKB: number }[];
  /**
   * Navigation to the first paint of a page holding one line of text, same browser and flags
   * (median): how soon this machine paints anything at all, to read firstFrameMs against.
   */
  blankPageFirstPaintMs: number;
  runs: BenchRun[];
}

export interface BenchOptions {
  sizes: number[];
  runs: number;
  /** Size of the concept-map-shaped graph; 0 for none. */
  concept: number;
  peer: boolean;
  flagshipRuns: number;
  /** Runs of graphs of 10,000 concepts or more. */
  largeRuns: number;
  out: string;
  /** Force a renderer (`?renderer=`), to compare SVG and canvas at one size. */
  renderer?: 'svg' | 'canvas';
  log?: (line: string) => void;
}

const BENCH_ARGS = [
  ...CHROMIUM_ARGS,
  // Frame times above the display's rate: otherwise requestAnimationFrame is capped at 60 Hz.
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
  '--enable-precise-memory-info',
];

const VIEWPORT = { width: 1280, height: 720 };
/** Longest wait for a layout to settle. */
const SETTLE_TIMEOUT_MS = 240_000;
/** Frames per gesture, and the longest a gesture may take (a slow peer at 20,000 concepts). */
const GESTURE_FRAMES = 90;
const GESTURE_MAX_MS = 8000;
/** Graphs this large are run fewer times, to keep the whole bench near ten minutes. */
const LARGE_GRAPH = 10_000;
/**
 * The peer's cose layout is quadratic: skipped above this size (at 1,000 concepts one run took
 * about 110 s here, more than the whole bench may).
 */
const PEER_LAYOUT_MAX = 300;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server that remembers which files it served (to add up the JavaScript a page loads). */
function serve(dir: string): Promise<{ server: Server; url: string; served: string[] }> {
  const served: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !(await stat(file)).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    served.push(file);
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      done({ server, url: `http://127.0.0.1:${port}/`, served });
    }),
  );
}

/** Installed before any page script: long tasks, and frame times during gestures (no loop before). */
function instrument(): void {
  const w = window as unknown as Record<string, unknown>;
  const longTasks: { start: number; duration: number }[] = [];
  w.__longTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
  const frames: number[] = [];
  w.__frames = frames;
  w.__recording = false;
  w.__onFrame = null;
  // Frame times are recorded during gestures only, by a loop that runs just then.
  w.__loop = () => {
    const loop = () => {
      if (!w.__recording) return;
      frames.push(performance.now());
      const hook = w.__onFrame as (() => void) | null;
      if (hook) hook();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
}

/**
 * Runs a gesture inside the page, one synthetic input per animation frame (as a browser sends
 * pointer and mouse events), and returns the frame times.
 */
async function gesture(page: Page, kind: 'pan' | 'zoom' | 'drag', at: { x: number; y: number }, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ kind, at, frames, maxMs }) =>
      new Promise<number[]>((done) => {
        const w = window as unknown as Record<string, unknown>;
        const times = w.__frames as number[];
        times.length = 0;
        let step = 0;
        const started = performance.now();
        let x = at.x;
        let y = at.y;
        const send = (type: 'down' | 'move' | 'up') => {
          const target = (document.elementFromPoint(x, y) ?? document.body) as Element;
          const base = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
          const pointer = { ...base, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: type === 'up' ? 0 : 1 };
          target.dispatchEvent(new PointerEvent(`pointer${type}`, pointer));
          target.dispatchEvent(new MouseEvent(`mouse${type}`, { ...base, buttons: type === 'up' ? 0 : 1 }));
        };
        if (kind !== 'zoom') send('down');
        w.__recording = true;
        (w.__loop as () => void)();
        w.__onFrame = () => {
          step++;
          if (step > frames || performance.now() - started > maxMs) {
            w.__onFrame = null;
            w.__recording = false;
            if (kind !== 'zoom') send('up');
            const deltas = times.slice(1).map((t, i) => t - times[i]!);
            done(deltas);
            return;
          }
          if (kind === 'zoom') {
            const target = document.elementFromPoint(x, y) ?? document.body;
            const deltaY = Math.floor((step - 1) / 15) % 2 === 0 ? -60 : 60;
            target.dispatchEvent(new WheelEvent('wheel', { clientX: x, clientY: y, deltaY, deltaMode: 0, bubbles: true, cancelable: true, composed: true }));
            return;
          }
          // A loop: out and back, so the view (or the node) ends near where it started.
          const angle = (step / frames) * 2 * Math.PI;
          const radius = kind === 'pan' ? 160 : 120;
          x = at.x + radius * Math.sin(angle);
          y = at.y + (radius / 2) * (1 - Math.cos(angle));
          send('move');
        };
      }),
    { kind, at, frames, maxMs: GESTURE_MAX_MS },
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const round = (n: number | null, digits = 1): number | null => (n === null || !Number.isFinite(n) ? n : Math.round(n * 10 ** digits) / 10 ** digits);

/** The busiest concept (a hub): dragging it moves the most. */
function busiest(map: PathoMap): string {
  const degree = new Map<string, number>();
  for (const e of map.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? map.nodes[0]!.id;
}

/** What the drawing element tells tools (see `exposeForTools` in src/ui/map-common.ts). */
interface Debug {
  fit(): void;
  screenPoint(id: string): { x: number; y: number };
  positions(): Record<string, { x: number; y: number }>;
}

interface Measured extends Figures {
  renderer: string;
  positions?: Record<string, { x: number; y: number }>;
}

/** One load of one page, measured. */
async function measure(
  browser: Browser,
  url: string,
  map: PathoMap,
  options: { peer: boolean; wantPositions: boolean },
): Promise<Measured> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // tsx (esbuild) wraps functions in __name(…) calls, which the page must understand too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(instrument);
  const t0 = Date.now();
  const phase = (name: string) => process.env.BENCH_DEBUG && console.log(`    ${name} at ${Date.now() - t0} ms`);
  try {
    await page.goto(url);
    const drawing = page.locator('[aria-roledescription="concept map"]').first();
    // Marked by the page (and the peer's) in the animation frame after the one that drew the
    // concepts, i.e. once that frame has been produced; navigation starts at 0.
    await page.waitForFunction(() => performance.getEntriesByName('pathomap:first-frame').length > 0, null, {
      timeout: 60_000,
      polling: 100,
    });
    // The flagship page carries its map rendered ahead (vite-plugin-first-paint.ts): when the page
    // showed it, the first frame with concepts is the page's first contentful paint. The live
    // map's own first frame is kept too (liveFrameMs).
    const { firstFrameMs, liveFrameMs } = await page.evaluate(() => {
      const live = performance.getEntriesByName('pathomap:first-frame')[0]!.startTime;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const ahead = document.documentElement.hasAttribute('data-first-paint') && paint !== undefined;
      return { firstFrameMs: ahead ? Math.min(paint, live) : live, liveFrameMs: live };
    });
    await drawing.waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('pathomap:layout-settled').length > 0, null, {
      timeout: SETTLE_TIMEOUT_MS,
      polling: 250,
    });
    const layout = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const start = at('pathomap:layout-start');
      const end = at('pathomap:layout-settled')!;
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      // Tasks that begin while the layout runs (the one that starts it, loading the map, is before).
      const during = start === undefined ? [] : tasks.filter((t) => t.start >= start && t.start <= end);
      return {
        layoutMs: start === undefined ? 0 : end - start,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        tasks: during.map((t) => `${Math.round(t.start - start!)}+${Math.round(t.duration)}`).join(' '),
      };
    });
    // Let the last frames of the layout land, then read the heap after a collection.
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    phase('heap');
    const box = (await page.evaluate(() => document.querySelector('[aria-roledescription="concept map"]')!.getBoundingClientRect().toJSON())) as {
      x: number;
      y: number;
      width: number;
      height: number;
    };
    const renderer = options.peer
      ? 'cytoscape'
      : await page.evaluate(() =>
          document.querySelector('[aria-roledescription="concept map"]')?.getAttribute('data-renderer') === 'canvas' ? 'canvas' : 'svg',
        );
    // Pan from a corner (empty after fitting), zoom about the centre, drag the busiest concept.
    phase(`settled; long tasks after the layout's start: ${layout.tasks}`);
    const pan = await gesture(page, 'pan', { x: box.x + 6, y: box.y + 6 }, GESTURE_FRAMES);
    phase('pan');
    const zoom = await gesture(page, 'zoom', { x: box.x + box.width / 2, y: box.y + box.height / 2 }, GESTURE_FRAMES);
    phase('zoom');
    await page.waitForTimeout(200);
    const hub = busiest(map);
    const point = (await page.evaluate((id) => {
      const debug = (document.querySelector('[aria-roledescription="concept map"]') as unknown as { pathomapDebug: Debug }).pathomapDebug;
      debug.fit();
      return debug.screenPoint(id);
    }, hub)) as { x: number; y: number };
    phase('fit');
    phase(`pan+zoom ${pan.length} ${Math.round(mean(pan))} ${zoom.length} ${Math.round(mean(zoom))} max ${Math.round(Math.max(...zoom))}`);
    const drag = await gesture(page, 'drag', point, GESTURE_FRAMES);
    phase('drag');
    let positions: Measured['positions'];
    if (options.wantPositions) {
      positions = (await page.evaluate(() =>
        (document.querySelector('[aria-roledescription="concept map"]') as unknown as { pathomapDebug: Debug }).pathomapDebug.positions(),
      )) as Measured['positions'];
    }
    let peerLayout: { layoutMs: number | null; longestTaskMs: number | null } = { layoutMs: null, longestTaskMs: null };
    if (options.peer && map.nodes.length <= PEER_LAYOUT_MAX) {
      peerLayout = await page.evaluate(async () => {
        const w = window as unknown as { runPeerLayout(): Promise<number>; __longTasks: { start: number; duration: number }[] };
        const from = performance.now();
        const layoutMs = await w.runPeerLayout();
        await new Promise((r) => setTimeout(r, 100));
        const tasks = w.__longTasks.filter((t) => t.start + t.duration >= from);
        return { layoutMs, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
      });
    }
    phase('peer layout');
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const panZoom = [...pan, ...zoom];
    return {
      renderer,
      firstFrameMs,
      liveFrameMs,
      layoutMs: options.peer ? peerLayout.layoutMs : layout.layoutMs,
      longestTaskMs: options.peer ? peerLayout.longestTaskMs : layout.longestTaskMs,
      panZoomMeanMs: mean(panZoom),
      panZoomP95Ms: percentile(panZoom, 95),
      dragMeanMs: mean(drag),
      dragP95Ms: percentile(drag, 95),
      heapMB: heap.usedSize / 1_048_576,
      ...(positions ? { positions } : {}),
    };
  } finally {
    await context.close();
  }
}

function summarise(results: Measured[]): Figures & { renderer: string } {
  const pick = (key: keyof Figures) => {
    const values = results.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    return values.length === 0 ? null : round(median(values));
  };
  return {
    renderer: results[0]!.renderer,
    firstFrameMs: pick('firstFrameMs')!,
    liveFrameMs: pick('liveFrameMs')!,
    layoutMs: pick('layoutMs'),
    longestTaskMs: pick('longestTaskMs'),
    panZoomMeanMs: pick('panZoomMeanMs')!,
    panZoomP95Ms: pick('panZoomP95Ms')!,
    dragMeanMs: pick('dragMeanMs')!,
    dragP95Ms: pick('dragP95Ms')!,
    heapMB: pick('heapMB')!,
  };
}

async function buildApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const work = await mkdtemp(join(tmpdir(), 'pathomap-bench-'));
  const site = join(work, 'site');
  let served: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  try {
    log('Building the app…');
    await buildApp(site);
    await mkdir(join(site, 'maps'), { recursive: true });
    await cp(join(root, 'bench/peer.html'), join(site, 'peer.html'));
    await cp(join(root, 'bench/peer.js'), join(site, 'peer.js'));
    await cp(join(root, 'node_modules/cytoscape/dist/cytoscape.min.js'), join(site, 'cytoscape.min.js'));

    const graphs: { name: string; map: PathoMap }[] = [];
    const flagship = JSON.parse(await readFile(join(site, 'maps/calcinosis-ssc.json'), 'utf8')) as LoadResult;
    if (options.flagshipRuns > 0 && flagship.map) {
      graphs.push({ name: 'flagship', map: flagship.map });
    }
    const kinds: [number, GraphKind][] = [
      ...options.sizes.map((n) => [n, 'uniform'] as [number, GraphKind]),
      ...(options.concept > 0 ? [[options.concept, 'concept'] as [number, GraphKind]] : []),
    ];
    for (const [n, kind] of kinds) {
      const map = generateMap({ nodes: n, kind });
      await writeFile(join(site, `maps/${map.id}.json`), JSON.stringify(asLoadResult(map)));
      graphs.push({ name: kind === 'concept' ? `concept-${n}` : `uniform-${n}`, map });
    }

    served = await serve(site);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: BENCH_ARGS });

    // All the JavaScript the flagship map loads (the search index only loads on a query).
    const server = served;
    const loadedJs = async (query: string) => {
      server.served.length = 0;
      const context = await browser!.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(server.url + query);
      await page.locator('[data-node-id]').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await context.close();
      const files = [...new Set(server.served.filter((f) => /\.m?js$/.test(f)))];
      return Promise.all(
        files.map(async (f) => ({ file: f.slice(site.length + 1), gzipKB: gzipSync(await readFile(f), { level: 9 }).length / 1000 })),
      );
    };
    const total = (files: { gzipKB: number }[]) => round(files.reduce((sum, f) => sum + f.gzipKB, 0), 2)!;
    const bundleFiles = await loadedJs('');
    const bundleGzipKB = total(bundleFiles);

    await writeFile(join(site, 'one-line.html'), '<!doctype html><html lang="en"><title>-</title><p>One line of text.</p></html>\n');
    const blankPaints: number[] = [];
    for (let i = 0; i < Math.max(3, options.flagshipRuns); i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(`${served.url}one-line.html`);
      const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
      blankPaints.push((await handle.jsonValue()) as number);
      await context.close();
    }
    const blankPageFirstPaintMs = round(median(blankPaints))!;
    log(`A page of one line of text first paints after ${blankPageFirstPaintMs} ms here (median of ${blankPaints.length}).`);
    log(`JavaScript the flagship loads: ${bundleGzipKB} kB gzipped (${bundleFiles.map((f) => `${f.file} ${f.gzipKB.toFixed(1)}`).join(', ')})`);

    const runs: BenchRun[] = [];
    for (const { name, map } of graphs) {
      const count = name.startsWith('flagship')
        ? options.flagshipRuns
        : map.nodes.length >= LARGE_GRAPH
          ? Math.min(options.runs, options.largeRuns)
          : options.runs;
      const params = new URLSearchParams(name === 'flagship' ? {} : { map: map.id });
      if (options.renderer) params.set('renderer', options.renderer);
      const query = params.size > 0 ? `?${params}` : '';
      const ours: Measured[] = [];
      for (let i = 0; i < count; i++) {
        const started = Date.now();
        ours.push(await measure(browser, served.url + query, map, { peer: false, wantPositions: i === 0 }));
        log(`  ${name} pathomap run ${i + 1}/${count}: ${Math.round((Date.now() - started) / 1000)} s`);
      }
      let peer: BenchRun['peer'] = null;
      if (options.peer) {
        await writeFile(join(site, `maps/${map.id}.positions.json`), JSON.stringify(ours[0]!.positions));
        const theirs: Measured[] = [];
        for (let i = 0; i < count; i++) {
          const started = Date.now();
          theirs.push(await measure(browser, `${served.url}peer.html?map=${encodeURIComponent(map.id)}`, map, { peer: true, wantPositions: false }));
          log(`  ${name} cytoscape run ${i + 1}/${count}: ${Math.round((Date.now() - started) / 1000)} s`);
        }
        peer = summarise(theirs);
      }
      runs.push({ graph: name, nodes: map.nodes.length, edges: map.edges.length, runs: count, ...summarise(ours), peer });
      log(formatRow(runs.at(-1)!));
    }

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1_073_741_824)} GB, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join('/')}, Chromium ${browser.version()} headless, no GPU`,
      bundleGzipKB,
      bundleFiles,
      blankPageFirstPaintMs,
      runs,
    };
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log(formatTable(results));
    log(`\nWritten to ${options.out}`);
    return results;
  } finally {
    await browser?.close();
    served?.server.close();
    await rm(work, { recursive: true, force: true });
  }
}

const FIELDS: [keyof Figures, string][] = [
  ['firstFrameMs', 'first frame'],
  ['liveFrameMs', 'live map frame'],
  ['layoutMs', 'layout'],
  ['longestTaskMs', 'longest task'],
  ['panZoomP95Ms', 'pan/zoom p95'],
  ['dragP95Ms', 'drag p95'],
  ['heapMB', 'heap MB'],
];

const show = (n: number | null) => (n === null ? '—' : n >= 100 ? String(Math.round(n)) : n.toFixed(1));

function formatRow(run: BenchRun): string {
  return `${run.graph} (${run.renderer}): ${FIELDS.map(([key, label]) => `${label} ${show(run[key])}${run.peer ? ` / ${show(run.peer[key])}` : ''}`).join(', ')}`;
}

/** One line per graph and figure: ours, Cytoscape.js's, ours ÷ theirs. */
export function formatTable(results: BenchResults): string {
  const rows: string[][] = [['graph', 'nodes', 'renderer', 'figure', 'pathomap', 'cytoscape', 'ratio']];
  for (const run of results.runs) {
    for (const [key, label] of FIELDS) {
      const ours = run[key];
      const theirs = run.peer?.[key] ?? null;
      const ratio = ours !== null && theirs !== null && theirs > 0 ? (ours / theirs).toFixed(2) : '—';
      rows.push([run.graph, String(run.nodes), run.renderer, `${label}${key === 'heapMB' ? '' : ' ms'}`, show(ours), show(theirs), ratio]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `JavaScript the flagship map loads: ${results.bundleGzipKB} kB gzipped`,
    `A page of one line of text first paints after: ${results.blankPageFirstPaintMs} ms`,
    line(rows[0]!),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string', default: '100,1000,5000,20000' },
      runs: { type: 'string', default: '3' },
      concept: { type: 'string', default: '3000' },
      'flagship-runs': { type: 'string', default: '3' },
      'large-runs': { type: 'string', default: '2' },
      'no-peer': { type: 'boolean', default: false },
      renderer: { type: 'string' },
      out: { type: 'string', default: join(root, 'bench/results.json') },
    },
  });
  return {
    sizes: values.sizes.split(',').filter(Boolean).map(Number),
    runs: Number(values.runs),
    concept: Number(values.concept),
    peer: !values['no-peer'],
    flagshipRuns: Number(values['flagship-runs']),
    largeRuns: Number(values['large-runs']),
    ...(values.renderer ? { renderer: values.renderer === 'canvas' ? ('canvas' as const) : ('svg' as const) } : {}),
    out: resolve(values.out),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench(benchOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
