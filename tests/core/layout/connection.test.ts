// How the main thread talks to the layout: a worker when one starts, the in-process host when
// none does, and what was sent to a worker that failed to start is not lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLayout, prewarmLayoutWorker, type ConnectOptions, type LayoutConnection, type WorkerLike } from '../../../src/core/layout/connection.ts';
import type { FromLayoutHost, LayoutPositionsMessage, ToLayoutHost } from '../../../src/core/layout/host.ts';

class FakeWorker implements WorkerLike {
  posted: ToLayoutHost[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  postMessage(message: ToLayoutHost) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker answers. */
  say(message: LayoutPositionsMessage) {
    this.onmessage?.({ data: message } as MessageEvent<LayoutPositionsMessage>);
  }
  /** The worker's script has loaded. */
  sayReady() {
    this.onmessage?.({ data: { type: 'ready' } } as MessageEvent<FromLayoutHost>);
  }
  /** The worker fails to start; returns whether the failure was handled (default prevented). */
  fail(): boolean {
    let prevented = false;
    this.onerror?.({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

/** An in-process host that records what it is sent. */
function recordingHost() {
  const received: ToLayoutHost[] = [];
  let closed = false;
  const host = (): LayoutConnection => ({ send: (m) => void received.push(m), close: () => void (closed = true) });
  return { host, received, closed: () => closed };
}

const init: ToLayoutHost = { type: 'stop' };
const drag: ToLayoutHost = { type: 'settle', pins: { a: { x: 1, y: 2 } }, animate: false };
const positions = { type: 'positions', ids: ['a'], coords: new Float64Array([1, 2]), settled: true, ticks: 1 } as LayoutPositionsMessage;

describe('connectLayout', () => {
  it('sends to a worker and passes on what it says', () => {
    const worker = new FakeWorker();
    const heard: LayoutPositionsMessage[] = [];
    const inProcess = recordingHost();
    const connection = connectLayout((m) => heard.push(m), { createWorker: () => worker, inProcess: inProcess.host });
    connection.send(init);
    worker.say(positions);
    connection.send(drag);
    expect(worker.posted).toEqual([init, drag]);
    expect(heard).toEqual([positions]);
    expect(inProcess.received).toEqual([]);
    connection.close();
    expect(worker.terminated).toBe(true);
  });

  it('moves to the in-process host when the worker fails before it said anything, sending it all again', () => {
    const worker = new FakeWorker();
    const inProcess = recordingHost();
    const connection = connectLayout(() => {}, { createWorker: () => worker, inProcess: inProcess.host });
    connection.send(init);
    connection.send(drag);
    expect(worker.fail()).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(inProcess.received).toEqual([init, drag]);
    connection.send(init);
    expect(inProcess.received).toEqual([init, drag, init]);
    expect(worker.posted).toEqual([init, drag]);
    connection.close();
    expect(inProcess.closed()).toBe(true);
  });

  it('leaves an error after the worker has spoken to the worker (not a failure to start)', () => {
    const worker = new FakeWorker();
    const inProcess = recordingHost();
    const connection = connectLayout(() => {}, { createWorker: () => worker, inProcess: inProcess.host });
    connection.send(init);
    worker.say(positions);
    expect(worker.fail()).toBe(false);
    connection.send(drag);
    expect(worker.posted).toEqual([init, drag]);
    expect(inProcess.received).toEqual([]);
  });

  it('keeps to itself the worker\'s word that it has loaded, which counts as having spoken', () => {
    const worker = new FakeWorker();
    const heard: LayoutPositionsMessage[] = [];
    const inProcess = recordingHost();
    const connection = connectLayout((m) => heard.push(m), { createWorker: () => worker, inProcess: inProcess.host });
    connection.send(init);
    worker.sayReady();
    expect(heard).toEqual([]);
    expect(worker.fail()).toBe(false);
    expect(inProcess.received).toEqual([]);
  });

  it.each<[string, ConnectOptions]>([
    ['no worker can start', { createWorker: () => undefined }],
    ['workers are turned off', { worker: 'never', createWorker: () => new FakeWorker() }],
  ])('runs in-process when %s', (_, options) => {
    const inProcess = recordingHost();
    const connection = connectLayout(() => {}, { ...options, inProcess: inProcess.host });
    connection.send(init);
    expect(inProcess.received).toEqual([init]);
  });
});

describe('a layout worker started ahead of need', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the one the next layout takes, and only that one', () => {
    const started = stubWorkers();
    prewarmLayoutWorker();
    prewarmLayoutWorker();
    expect(started).toHaveLength(1);
    const first = connectLayout(() => {});
    first.send({ type: 'settle', pins: {}, animate: false });
    expect(started).toHaveLength(1);
    expect(started[0]!.posted).toHaveLength(1);
    // The next layout starts a worker of its own.
    connectLayout(() => {});
    expect(started).toHaveLength(2);
  });

  /** Worker stands in for the browser's, recording each one started. */
  function stubWorkers(): FakeWorker[] {
    const started: FakeWorker[] = [];
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor() {
          super();
          started.push(this);
        }
      },
    );
    return started;
  }

  it('is spoken to once it has loaded, and says it is ready after that, so the page opens the map then', async () => {
    const started = stubWorkers();
    let ready = false;
    void prewarmLayoutWorker().then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    started[0]!.sayReady();
    // Spoken to at once (its first message is slow to arrive), and ready once that is on its way.
    expect(started[0]!.posted).toEqual([{ type: 'hello' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ready).toBe(true);
    // Asked again before a layout took it: the same worker, already ready.
    await prewarmLayoutWorker();
    expect(started).toHaveLength(1);
    connectLayout(() => {});
    expect(started).toHaveLength(1);
  });

  it('is dropped when it fails to start, and the page does not wait for it: the layout starts another', async () => {
    const started = stubWorkers();
    const ready = prewarmLayoutWorker();
    expect(started[0]!.fail()).toBe(true);
    expect(started[0]!.terminated).toBe(true);
    await ready;
    const inProcess = recordingHost();
    const connection = connectLayout(() => {}, { inProcess: inProcess.host });
    expect(started).toHaveLength(2);
    connection.send(init);
    expect(started[1]!.posted).toEqual([init]);
  });

  it('is stopped when no layout takes it (the map came laid out)', () => {
    vi.useFakeTimers();
    try {
      const started: FakeWorker[] = [];
      vi.stubGlobal(
        'Worker',
        class extends FakeWorker {
          constructor() {
            super();
            started.push(this);
          }
        },
      );
      prewarmLayoutWorker();
      vi.advanceTimersByTime(9_999);
      expect(started[0]!.terminated).toBe(false);
      vi.advanceTimersByTime(1);
      expect(started[0]!.terminated).toBe(true);
      // A layout after that starts a fresh one.
      connectLayout(() => {});
      expect(started).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
