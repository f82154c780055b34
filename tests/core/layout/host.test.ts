// The layout as the worker runs it: sliced, reporting progress, driven by messages. It must draw
// exactly the picture of the layout run at once (same map, same positions, with or without a
// worker), and follow drags, drops and unpins.
import { describe, expect, it } from 'vitest';
import { createLayout } from '../../../src/core/layout/force-layout.ts';
import { createLayoutHost, settledPositions, type LayoutPositionsMessage, type ToLayoutHost } from '../../../src/core/layout/host.ts';
import { planLayout } from '../../../src/core/layout/plan.ts';
import type { PathoMap } from '../../../src/core/model/types.ts';
import { generateMap } from '../../../scripts/bench-generate.ts';

/** A host on a fake clock: each step costs `stepMs`; `run` plays scheduled work until idle. */
function fakeHost(stepMs = 3) {
  let clock = 0;
  const queue: { at: number; run: () => void }[] = [];
  const messages: LayoutPositionsMessage[] = [];
  const host = createLayoutHost({
    post: (message) => messages.push({ ...message, coords: message.coords.slice() }),
    later: (run, ms) => queue.push({ at: clock + ms, run }),
    now: () => (clock += stepMs),
  });
  return {
    host,
    messages,
    send: (message: ToLayoutHost) => host.handle(message),
    run(limit = 100_000) {
      for (let i = 0; i < limit && queue.length > 0; i++) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue.shift()!;
        clock = Math.max(clock, next.at);
        next.run();
      }
    },
  };
}

function positionsOf(messages: LayoutPositionsMessage[]) {
  const ids = messages.find((m) => m.ids)!.ids!;
  const last = messages.at(-1)!;
  return new Map(ids.map((id, i) => [id, { x: last.coords[2 * i]!, y: last.coords[2 * i + 1]! }]));
}

/** The picture as LayoutState drew it before the worker: settled at once, on the main thread. */
function atOnce(map: PathoMap) {
  const plan = planLayout(map);
  const layout = createLayout(plan.input, plan.options);
  layout.runToSettled(600);
  layout.stop();
  return layout.positions();
}

describe('the layout host (worker body)', () => {
  it.each([
    ['a map of a thousand concepts, settled then sent once', 1000, false],
    ['a large map, showing its progress', 1200, true],
  ] as const)('%s: the same positions as the layout run at once', (_, n, progressive) => {
    const map = generateMap({ nodes: n, kind: 'concept', id: `host-${n}` });
    const { send, run, messages } = fakeHost();
    send({ type: 'init', plan: planLayout(map), progressive });
    run();
    const settled = messages.filter((m) => m.settled);
    expect(settled).toHaveLength(1);
    expect(messages.at(-1)!.settled).toBe(true);
    if (progressive) expect(messages.length).toBeGreaterThan(2);
    else expect(messages).toHaveLength(1);
    expect(positionsOf(messages)).toEqual(atOnce(map));
    expect(positionsOf(messages)).toEqual(settledPositions(map));
  }, 60_000);

  it('shows a map whose concepts all have places as they are, without running', () => {
    const map = generateMap({ nodes: 700, id: 'saved' });
    map.nodes.forEach((node, i) => (node.position = { x: i * 10, y: 5 }));
    const { send, run, messages } = fakeHost();
    send({ type: 'init', plan: planLayout(map), progressive: false });
    run();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ticks).toBe(0);
    expect(positionsOf(messages).get('c7')).toEqual({ x: 70, y: 5 });
  });

  it('tidies up on request: concepts not pinned settle around the pinned ones, which stay where they are', () => {
    const map = generateMap({ nodes: 1200, kind: 'concept', id: 'tidy' });
    const { send, run, messages } = fakeHost();
    send({ type: 'init', plan: planLayout(map), progressive: false });
    run();
    const before = positionsOf(messages);
    messages.length = 0;
    send({ type: 'settle', pins: { c3: { x: 5000, y: 5000 } }, animate: false });
    run();
    // Under reduced motion only the settled picture is sent.
    expect(messages).toHaveLength(1);
    expect(messages[0]!.settled).toBe(true);
    const after = positionsOf([{ ...messages[0]!, ids: [...before.keys()] }]);
    expect(after.get('c3')).toEqual({ x: 5000, y: 5000 });
    // Its neighbours made room for it where it was put.
    const moved = [...before].filter(([id, p]) => Math.hypot(after.get(id)!.x - p.x, after.get(id)!.y - p.y) > 2);
    expect(moved.length).toBeGreaterThan(0);
  }, 60_000);

  it('lays out a small map as a story at once, and tidies it up around the concepts pinned', () => {
    const map = generateMap({ nodes: 60, id: 'story' });
    const { send, run, messages } = fakeHost();
    const plan = planLayout(map);
    expect(plan.story).toBeDefined();
    send({ type: 'init', plan, progressive: false });
    run();
    expect(messages).toHaveLength(1);
    expect(positionsOf(messages)).toEqual(settledPositions(map));
    messages.length = 0;
    send({ type: 'settle', pins: { c3: { x: -400, y: 7 } }, animate: true });
    run();
    const after = positionsOf(messages);
    expect(after.get('c3')).toEqual({ x: -400, y: 7 });
    const story = settledPositions(map);
    for (const [id, p] of after) if (id !== 'c3') expect(p).toEqual(story.get(id));
  });
});

describe('startingPositions (a large map shown before the worker has loaded)', () => {
  it('gives exactly the spots the layout starts from, saved places included', async () => {
    const { startingPositions } = await import('../../../src/core/layout/start.ts');
    const map = generateMap({ nodes: 1500, kind: 'concept', id: 'start' });
    map.nodes[3]!.position = { x: 12, y: 34 };
    const plan = planLayout(map);
    const layout = createLayout(plan.input, plan.options);
    const start = startingPositions(plan.input, plan.options);
    expect(start.ids).toEqual(layout.ids);
    expect([...start.coords]).toEqual([...layout.coordinates()]);
    expect(start.coords[6]).toBe(12);
  });
});
