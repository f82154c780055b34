/**
 * The layout worker: a map's force layout off the main thread, so a large map never blocks
 * drawing, panning or typing. See `layout-host.ts` for the messages.
 */
import { createLayoutHost, type ToLayoutHost } from './host.ts';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToLayoutHost>) => void) | null;
};

// A message channel yields to incoming messages without the 4 ms clamp of nested timeouts.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const host = createLayoutHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  later: (run, ms) => {
    if (ms > 0) {
      setTimeout(run, ms);
      return;
    }
    queue.push(run);
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
});

scope.onmessage = (event) => host.handle(event.data);
scope.postMessage({ type: 'ready' }, []);
