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
  it('stays settled once when a drag moves the layout again (the view must not follow a drag)', async () => {
    vi.useRealTimers();
    const layout = open(saved);
    expect(layout.firstSettled).toBe(true);
    const id = saved.nodes[3]!.id;
    layout.dragMove(id, 500, 400);
    await vi.waitUntil(() => !layout.settled, { timeout: 5000, interval: 5 });
    expect(layout.firstSettled).toBe(true);
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
