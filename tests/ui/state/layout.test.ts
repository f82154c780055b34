// When the layout of a map begins: a small map's at once; a large map's once its first picture
// is drawn (so the two do not compete for the CPU), or after a second if no renderer says so;
// a saved arrangement's not until a concept is dragged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateMap } from '../../../scripts/bench-generate.ts';
import { LayoutState, MARK_LAYOUT_START, PROGRESSIVE_LAYOUT } from '../../../src/ui/state/layout.svelte.ts';

const started = () => performance.getEntriesByName(MARK_LAYOUT_START).length > 0;
const large = generateMap({ nodes: PROGRESSIVE_LAYOUT });
const small = generateMap({ nodes: 20 });
const saved = { ...small, nodes: small.nodes.map((n, i) => ({ ...n, position: { x: 40 * i, y: 0 } })) };

let layouts: LayoutState[] = [];
const open = (map: typeof large) => {
  const layout = new LayoutState(map, () => false, { worker: 'never' });
  layouts.push(layout);
  return layout;
};

beforeEach(() => {
  performance.clearMarks();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  for (const layout of layouts) layout.destroy();
  layouts = [];
  vi.useRealTimers();
});

describe('LayoutState: when the layout begins', () => {
  it('shows a large map where its layout starts, and begins the layout when the picture is drawn', () => {
    const layout = open(large);
    expect(layout.positions.size).toBe(large.nodes.length);
    expect(layout.settled).toBe(false);
    expect(started()).toBe(false);
    layout.shown();
    expect(started()).toBe(true);
  });

  it('begins a large map’s layout after a second when no renderer says its picture is drawn', () => {
    open(large);
    vi.advanceTimersByTime(999);
    expect(started()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(started()).toBe(true);
  });

  it('begins a small map’s layout at once', () => {
    open(small);
    expect(started()).toBe(true);
  });

  it('keeps a saved arrangement still when its picture is drawn', () => {
    const layout = open(saved);
    layout.shown();
    vi.advanceTimersByTime(2000);
    expect(started()).toBe(false);
    expect(layout.settled).toBe(true);
    expect(layout.position(saved.nodes[3]!.id)).toEqual({ x: 120, y: 0 });
  });
});

describe('LayoutState: settled once', () => {
  it('stays settled once while a concept is dragged (the view must not follow a drag)', () => {
    const layout = open(saved);
    expect(layout.firstSettled).toBe(true);
    const id = saved.nodes[3]!.id;
    layout.dragMove(id, 500, 400);
    expect(layout.firstSettled).toBe(true);
    expect(layout.settled).toBe(true);
  });

  it('has not settled once while a large map’s first layout runs', () => {
    const layout = open(large);
    layout.shown();
    expect(layout.firstSettled).toBe(false);
  });
});

describe('LayoutState: a large map settling', () => {
  // The layout runs in-process here (no worker), in slices between timers, reporting progress.
  const settle = async (reducedMotion: boolean) => {
    vi.useRealTimers();
    const layout = new LayoutState(generateMap({ nodes: 1000 }), () => reducedMotion, { worker: 'never' });
    layouts.push(layout);
    const start = layout.positions;
    let shownMoving = 0;
    layout.shown();
    await vi.waitUntil(
      () => {
        if (!layout.settled && layout.positions !== start) shownMoving++;
        return layout.settled;
      },
      { timeout: 60_000, interval: 5 },
    );
    return { start, end: layout.positions, shownMoving };
  };

  it('shows the layout moving on its way to settling', async () => {
    const { start, end, shownMoving } = await settle(false);
    expect(shownMoving).toBeGreaterThan(0);
    expect(end).not.toBe(start);
  }, 60_000);

  it('under reduced motion shows only where it starts and where it settles', async () => {
    const { start, end, shownMoving } = await settle(true);
    expect(shownMoving).toBe(0);
    expect(end).not.toBe(start);
  }, 60_000);
});

describe('LayoutState: a presenter’s arrangement stays as they make it', () => {
  const group = {
    ...small,
    nodes: small.nodes.map((n, i) => ({ ...n, position: { x: 40 * i, y: 10 * i }, ...(i >= 1 && i <= 3 ? { parent: small.nodes[0]!.id } : {}) })),
  };
  const everyPosition = (layout: LayoutState) => new Map([...layout.positions].map(([id, p]) => [id, { ...p }]));

  it('moves only the dragged concept: every other stays exactly where it was', () => {
    const layout = open(saved);
    const before = everyPosition(layout);
    const id = saved.nodes[5]!.id;
    layout.dragMove(id, 900, 700);
    layout.dragMove(id, 950, 720);
    layout.dragEnd(id, true);
    for (const [other, p] of before) if (other !== id) expect(layout.position(other)).toEqual(p);
    expect(layout.position(id)).toEqual({ x: 950, y: 720 });
    expect(layout.pinned).toEqual(new Set([id]));
    expect(layout.rearranged).toBe(true);
  });

  it('drags a group with its members, pins them all where dropped, and leaves them there when unpinned', () => {
    const layout = open(group);
    const before = everyPosition(layout);
    const [head, ...rest] = group.nodes;
    layout.dragMove(head!.id, before.get(head!.id)!.x + 100, before.get(head!.id)!.y + 50);
    layout.dragEnd(head!.id, true);
    for (const member of rest.slice(0, 3)) {
      const was = before.get(member.id)!;
      expect(layout.position(member.id)).toEqual({ x: was.x + 100, y: was.y + 50 });
    }
    // Not in the group: not moved.
    for (const other of rest.slice(3)) expect(layout.position(other.id)).toEqual(before.get(other.id));
    expect([...layout.pinned].sort()).toEqual([head!.id, ...rest.slice(0, 3).map((m) => m.id)].sort());
    const placed = everyPosition(layout);
    layout.unpin(head!.id);
    expect(layout.pinned.size).toBe(0);
    expect(everyPosition(layout)).toEqual(placed);
  });

  it('moves only a member dragged out of its box: its group and the other members stay where they were', () => {
    const layout = open(group);
    const before = everyPosition(layout);
    const member = group.nodes[1]!.id;
    layout.dragMove(member, -600, -600);
    layout.dragEnd(member, true);
    expect(layout.position(member)).toEqual({ x: -600, y: -600 });
    for (const [other, p] of before) if (other !== member) expect(layout.position(other)).toEqual(p);
    expect(layout.pinned).toEqual(new Set([member]));
  });
});
