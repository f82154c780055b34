/**
 * How the main thread talks to a map's layout: through a Web Worker (`worker.ts`) when one
 * starts, else with the same host run in-process (a page opened from file://, tests). A worker
 * that cannot start fails before it says anything; what was sent to it until then is sent again
 * to the in-process host, so nothing is lost. No DOM: the worker is made by a factory, which
 * tests replace with a stand-in.
 */
import type { FromLayoutHost, LayoutHostEnv, LayoutPositionsMessage, ToLayoutHost } from './host.ts';

export interface LayoutConnection {
  send(message: ToLayoutHost): void;
  close(): void;
}

/** What a worker must offer (the browser's `Worker`, or a test's stand-in). */
export interface WorkerLike {
  postMessage(message: ToLayoutHost): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromLayoutHost>) => void) | null;
  onerror: ((event: { preventDefault(): void }) => void) | null;
}

export interface ConnectOptions {
  /** 'never': run the layout on the main thread. Default 'auto'. */
  worker?: 'auto' | 'never';
  /** Makes the worker; the default starts `worker.ts`. Returns undefined when none can start. */
  createWorker?: () => WorkerLike | undefined;
  /** The in-process host, for where no worker starts (default: the real one, loaded on demand). */
  inProcess?: (receive: (message: LayoutPositionsMessage) => void) => LayoutConnection;
}

function browserWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
  } catch {
    return undefined;
  }
}

let spare: { worker: WorkerLike; ready: Promise<void> } | undefined;
let spareTimer: ReturnType<typeof setTimeout> | undefined;

/** A worker started ahead that no layout takes by then (the map came laid out) is stopped. */
const SPARE_WORKER_MS = 10_000;

/**
 * Starts a layout worker ahead of need, while a map that will need laying out is still on its
 * way (the worker's script loads meanwhile, not after the map): the next layout takes it.
 *
 * Resolves once the worker has loaded and been spoken to (at once if none can start; if it
 * fails, when it does). Measured in Chromium: the page's first message to a worker reaches it
 * only once the page is next idle, which for a map opened at once was after the long task that
 * draws it (the layout began 60–90 ms late); a word sent while the page waits goes that way
 * instead, and the layout's own message is heard at once. So a caller waits for this before it
 * opens the map.
 */
export function prewarmLayoutWorker(): Promise<void> {
  if (spare) return spare.ready;
  const worker = browserWorker();
  if (!worker) return Promise.resolve();
  const ready = new Promise<void>((resolve) => {
    worker.onmessage = () => {
      worker.postMessage({ type: 'hello' });
      setTimeout(resolve, 0);
    };
    // One that fails to start is dropped: the layout then tries afresh (and falls back in-process).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (spare?.worker === worker) {
        clearTimeout(spareTimer);
        spare = undefined;
      }
      resolve();
    };
  });
  spare = { worker, ready };
  spareTimer = setTimeout(() => {
    worker.terminate();
    if (spare?.worker === worker) spare = undefined;
  }, SPARE_WORKER_MS);
  return ready;
}

function takeWorker(): WorkerLike | undefined {
  clearTimeout(spareTimer);
  const worker = spare?.worker ?? browserWorker();
  spare = undefined;
  return worker;
}

export function connectLayout(receive: (message: LayoutPositionsMessage) => void, options: ConnectOptions = {}): LayoutConnection {
  const inProcess = options.inProcess ?? inProcessHost;
  const worker = options.worker === 'never' ? undefined : (options.createWorker ?? takeWorker)();
  if (!worker) return inProcess(receive);
  let current: LayoutConnection | undefined;
  let heard = false;
  const sent: ToLayoutHost[] = [];
  worker.onmessage = (event) => {
    heard = true;
    sent.length = 0;
    if (event.data.type !== 'ready') receive(event.data);
  };
  worker.onerror = (event) => {
    if (heard) return;
    event.preventDefault();
    worker.terminate();
    current = inProcess(receive);
    for (const message of sent.splice(0)) current.send(message);
  };
  return {
    send: (message) => {
      if (current) return current.send(message);
      if (!heard) sent.push(message);
      worker.postMessage(message);
    },
    close: () => (current ? current.close() : worker.terminate()),
  };
}

/** The layout host on the main thread, for where no worker starts. */
export function inProcessHost(receive: (message: LayoutPositionsMessage) => void): LayoutConnection {
  let host: { handle(message: ToLayoutHost): void } | undefined;
  let closed = false;
  const queue: ToLayoutHost[] = [];
  const env: LayoutHostEnv = {
    post: (message) => {
      if (!closed) receive(message);
    },
    later: (run, ms) => setTimeout(() => !closed && run(), ms),
    now: () => performance.now(),
  };
  // Loaded on demand: d3-force is only needed once a layout has to be computed.
  void import('./host.ts').then(({ createLayoutHost }) => {
    if (closed) return;
    host = createLayoutHost(env);
    for (const message of queue.splice(0)) host.handle(message);
  });
  return {
    send: (message) => (host ? host.handle(message) : queue.push(message)),
    close: () => {
      closed = true;
    },
  };
}
