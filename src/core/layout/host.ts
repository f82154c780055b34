/**
 * Runs a map's force layout and reports positions as messages: the body of the layout worker,
 * and the same code in-process where no worker can start (a page opened from file://, tests).
 *
 * The first layout runs unpaced, in slices of a few tens of milliseconds so that messages (a
 * drag, a stop) are heard in between; a large map reports progress every so often, a small one
 * only its settled picture, so that it is drawn once, settled. After the reader drags or unpins
 * a concept the layout animates at a steady pace (two steps per 60 Hz frame, as before) until it
 * settles again. Ticks happen in the same order whatever the slicing, so the picture is the same
 * with or without a worker.
 */
import { createLayout, type ForceLayout } from './force-layout.ts';
import { MAX_SETTLE_TICKS, planLayout, type LayoutPlan } from './plan.ts';
import type { PathoMap, Point } from '../model/types.ts';

export type ToLayoutHost =
  | { type: 'init'; plan: LayoutPlan; progressive: boolean }
  | { type: 'drag'; id: string; x: number; y: number }
  | { type: 'dragEnd'; animate: boolean }
  | { type: 'unpin'; ids: string[]; animate: boolean }
  | { type: 'stop' };

export interface LayoutPositionsMessage {
  type: 'positions';
  /** Sent with the first message only: the order of `coords`. */
  ids?: string[];
  /** x0, y0, x1, y1, … */
  coords: Float64Array;
  /** Nothing will move until the reader does something. */
  settled: boolean;
  /** Steps run since init. */
  ticks: number;
}

export type FromLayoutHost = LayoutPositionsMessage;

export interface LayoutHostEnv {
  post(message: FromLayoutHost, transfer: Transferable[]): void;
  later(run: () => void, ms: number): void;
  now(): number;
}

/** Longest stretch of unpaced steps before messages are heard. */
const SLICE_MS = 24;
/** How often a large map's first layout shows its progress. */
const PROGRESS_MS = 200;
/** Animation pace after an interaction: two steps per 60 Hz frame. */
const TICKS_PER_SECOND = 120;
const FRAME_MS = 16;

export interface LayoutHost {
  handle(message: ToLayoutHost): void;
}

export function createLayoutHost(env: LayoutHostEnv): LayoutHost {
  let layout: ForceLayout | undefined;
  let hold: string[] = [];
  let phase: 'idle' | 'settling' | 'animating' = 'idle';
  let progressive = false;
  let paced = true;
  let warm = false;
  let ticks = 0;
  let settleTicks = 0;
  let scheduled = false;
  let lastPost = 0;
  let sentIds = false;
  let clock = { start: 0, ticks: 0 };

  function post(settled: boolean) {
    if (!layout) return;
    const coords = layout.coordinates();
    const message: FromLayoutHost = { type: 'positions', coords, settled, ticks };
    if (!sentIds) {
      message.ids = [...layout.ids];
      sentIds = true;
    }
    lastPost = env.now();
    env.post(message, [coords.buffer]);
  }

  function schedule(ms: number) {
    if (scheduled) return;
    scheduled = true;
    env.later(() => {
      scheduled = false;
      step();
    }, ms);
  }

  function endSettling() {
    for (const id of hold) layout!.unpin(id);
    hold = [];
  }

  function step() {
    if (!layout) return;
    if (phase === 'settling') {
      const until = env.now() + SLICE_MS;
      do {
        layout.tick(1);
        ticks++;
        settleTicks++;
      } while (!layout.settled && settleTicks < MAX_SETTLE_TICKS && env.now() < until);
      if (layout.settled || settleTicks >= MAX_SETTLE_TICKS) {
        endSettling();
        layout.stop();
        phase = 'idle';
        post(true);
        return;
      }
      if (progressive && env.now() - lastPost >= PROGRESS_MS) post(false);
      schedule(0);
      return;
    }
    if (phase !== 'animating') return;
    const started = env.now();
    if (paced) {
      const due = Math.floor(((started - clock.start) * TICKS_PER_SECOND) / 1000) - clock.ticks;
      const count = Math.max(1, Math.min(4, due));
      layout.tick(count);
      clock.ticks += count;
      ticks += count;
    } else {
      const until = started + SLICE_MS;
      do {
        layout.tick(1);
        ticks++;
      } while (!layout.settled && env.now() < until);
    }
    const done = layout.settled && !warm;
    // Unpaced (reduced motion), only the settled picture is shown.
    if (paced || done) post(done);
    if (done) {
      phase = 'idle';
      return;
    }
    schedule(paced ? Math.max(0, FRAME_MS - (env.now() - started)) : 0);
  }

  function animate(withMotion: boolean) {
    if (phase === 'settling') endSettling();
    if (phase !== 'animating' || paced !== withMotion) clock = { start: env.now(), ticks: 0 };
    phase = 'animating';
    paced = withMotion;
    schedule(0);
  }

  return {
    handle(message) {
      if (message.type === 'init') {
        layout = createLayout(message.plan.input, message.plan.options);
        progressive = message.progressive;
        if (!message.plan.settle) {
          layout.stop();
          post(true);
          return;
        }
        hold = holdSaved(layout, message.plan);
        phase = 'settling';
        if (progressive) post(false);
        schedule(0);
        return;
      }
      if (!layout) return;
      switch (message.type) {
        case 'drag':
          if (!layout.pin(message.id, message.x, message.y)) return;
          if (!warm) {
            warm = true;
            layout.keepWarm(true);
          }
          // While dragging the neighbours always move, reduced motion or not: they make room.
          if (phase !== 'animating' || !paced) animate(true);
          return;
        case 'dragEnd':
          if (!warm) return;
          warm = false;
          layout.keepWarm(false);
          animate(message.animate);
          return;
        case 'unpin':
          for (const id of message.ids) layout.unpin(id);
          layout.reheat();
          animate(message.animate);
          return;
        case 'stop':
          layout.stop();
          phase = 'idle';
          return;
      }
    },
  };
}

/** Pins the concepts with a saved place there; returns their ids. */
function holdSaved(layout: ForceLayout, plan: LayoutPlan): string[] {
  const initial = new Map(plan.input.nodes.map((n) => [n.id, n.initial]));
  return plan.hold.filter((id) => {
    const p = initial.get(id);
    return p !== undefined && layout.pin(id, p.x, p.y);
  });
}

/**
 * The settled picture of `map`, computed at once: the same positions the app shows on first
 * paint. For a build step that ships positions with the map, so the app need not lay it out.
 */
export function settledPositions(map: PathoMap): Map<string, Point> {
  const plan = planLayout(map);
  const layout = createLayout(plan.input, plan.options);
  if (plan.settle) {
    const held = holdSaved(layout, plan);
    layout.runToSettled(MAX_SETTLE_TICKS);
    for (const id of held) layout.unpin(id);
  }
  layout.stop();
  return layout.positions();
}
