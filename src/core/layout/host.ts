/**
 * Runs a map's force layout and reports positions as messages: the body of the layout worker,
 * and the same code in-process where no worker can start (a page opened from file://, tests).
 *
 * A map of up to a few hundred concepts is laid out as a story (`story-layout.ts`) at once. A
 * larger one takes the force layout, run unpaced, in slices of a few tens of milliseconds so that
 * messages are heard in between; it reports progress every so often. Ticks happen in the same
 * order whatever the slicing, so the picture is the same with or without a worker.
 *
 * Nothing moves on its own once laid out: a concept the reader drags moves alone (LayoutState
 * does it, without asking here). Only when the reader asks to tidy up (`settle`) do the concepts
 * they have not placed settle again around the ones they have: a story is laid out again, a
 * force layout animated at a steady pace (two steps per 60 Hz frame) until it comes to rest.
 */
import { createLayout, type ForceLayout } from './force-layout.ts';
import { MAX_SETTLE_TICKS, planLayout, type LayoutPlan } from './plan.ts';
import { storyPositions } from './story-layout.ts';
import type { PathoMap, Point } from '../model/types.ts';

export type ToLayoutHost =
  | { type: 'init'; plan: LayoutPlan; progressive: boolean }
  /** Lay out again the concepts not in `pins`, which stay where they are. */
  | { type: 'settle'; pins: Record<string, Point>; animate: boolean }
  | { type: 'stop' }
  /** Nothing to do: the page's first word to a worker started ahead (see `prewarmLayoutWorker`). */
  | { type: 'hello' };

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

/** Said by a worker once its script has loaded: it hears messages from now on. */
export interface LayoutReadyMessage {
  type: 'ready';
}

export type FromLayoutHost = LayoutPositionsMessage | LayoutReadyMessage;

export interface LayoutHostEnv {
  post(message: LayoutPositionsMessage, transfer: Transferable[]): void;
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
  let plan: LayoutPlan | undefined;
  let progressive = false;
  let paced = true;
  let ticks = 0;
  let settleTicks = 0;
  let scheduled = false;
  let lastPost = 0;
  let sentIds = false;
  let clock = { start: 0, ticks: 0 };

  function post(settled: boolean) {
    if (!layout) return;
    const coords = layout.coordinates();
    const message: LayoutPositionsMessage = { type: 'positions', coords, settled, ticks };
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
    const done = layout.settled;
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

  /** A story, laid out at once: the concepts in `pins` where they are, the others in their places. */
  function postStory(storyPlan: LayoutPlan, pins: Record<string, Point>) {
    const positions = storyPositions(storyPlan, pins);
    const ids = [...positions.keys()];
    const coords = new Float64Array(ids.length * 2);
    ids.forEach((id, i) => {
      const p = positions.get(id)!;
      coords[2 * i] = p.x;
      coords[2 * i + 1] = p.y;
    });
    const message: LayoutPositionsMessage = { type: 'positions', coords, settled: true, ticks: 0, ids };
    lastPost = env.now();
    env.post(message, [coords.buffer]);
  }

  return {
    handle(message) {
      if (message.type === 'hello') return;
      if (message.type === 'init') {
        plan = message.plan;
        if (plan.story) {
          postStory(plan, {});
          return;
        }
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
      if (message.type === 'settle' && plan?.story) {
        postStory(plan, message.pins);
        return;
      }
      if (!layout) return;
      switch (message.type) {
        case 'settle':
          for (const id of layout.ids) {
            const pin = message.pins[id];
            if (pin) layout.pin(id, pin.x, pin.y);
            else layout.unpin(id);
          }
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
  if (plan.story) return storyPositions(plan);
  const layout = createLayout(plan.input, plan.options);
  if (plan.settle) {
    const held = holdSaved(layout, plan);
    layout.runToSettled(MAX_SETTLE_TICKS);
    for (const id of held) layout.unpin(id);
  }
  layout.stop();
  return layout.positions();
}
