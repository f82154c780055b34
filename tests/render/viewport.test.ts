import { describe, expect, it } from 'vitest';
import { wheelDelta } from '../../src/render/pan-zoom.ts';
import {
  applyTransform,
  fitTransform,
  interpolateZoom,
  invertTransform,
  Viewport,
  zoomAbout,
  type Bounds,
  type Scheduler,
  type ViewportOptions,
} from '../../src/render/viewport.ts';
import { LOOK } from '../../src/render/look.ts';

describe('pan and zoom arithmetic', () => {
  it('zooms about a point that stays where it is on screen', () => {
    const t = { x: 40, y: -20, k: 0.5 };
    const at = { x: 300, y: 200 };
    const next = zoomAbout(t, 2, at);
    const mapPoint = { x: (at.x - t.x) / t.k, y: (at.y - t.y) / t.k };
    expect(next.k).toBe(2);
    expect(mapPoint.x * next.k + next.x).toBeCloseTo(at.x);
    expect(mapPoint.y * next.k + next.y).toBeCloseTo(at.y);
  });

  it('maps to the screen and back', () => {
    const t = { x: 40, y: -20, k: 0.5 };
    expect(applyTransform(t, { x: 100, y: 100 })).toEqual({ x: 90, y: 30 });
    expect(invertTransform(t, applyTransform(t, { x: 7, y: -3 }))).toEqual({ x: 7, y: -3 });
  });

  it('steps the wheel as d3-zoom does', () => {
    expect(wheelDelta({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(0.2);
    expect(wheelDelta({ deltaY: 3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(-0.15);
    expect(wheelDelta({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(0.2);
  });

  it('flies between two views, starting and ending exactly on them', () => {
    const from = [100, 100, 800] as const;
    const to = [900, 400, 200] as const;
    const path = interpolateZoom(from, to);
    expect(path(0)).toEqual([100, 100, 800]);
    path(1).forEach((v, i) => expect(v).toBeCloseTo(to[i]!, 6));
    // Zooms out on the way when the views are far apart.
    expect(interpolateZoom([0, 0, 100], [5000, 0, 100])(0.5)[2]).toBeGreaterThan(100);
    const zoomOnly = interpolateZoom([0, 0, 100], [0, 0, 400]);
    expect(zoomOnly(1)[2]).toBeCloseTo(400);
  });

  it('never magnifies a tiny map beyond the largest fit, still pictures included', () => {
    const tiny: Bounds = { minX: 0, minY: 0, maxX: 40, maxY: 20 };
    const t = fitTransform(tiny, { width: 1280, height: 720 });
    expect(t.k).toBe(LOOK.fit.maxScale);
    // In the middle of the box.
    expect(applyTransform(t, { x: 20, y: 10 })).toEqual({ x: 640, y: 360 });
  });
});

/** Frames and timers run by hand. */
function manualScheduler() {
  let time = 0;
  let frames = new Map<number, (now: number) => void>();
  let timers: { at: number; run: () => void }[] = [];
  let next = 1;
  const scheduler: Scheduler = {
    now: () => time,
    frame: (run) => {
      frames.set(next, run);
      return next++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    after: (ms, run) => {
      const timer = { at: time + ms, run };
      timers.push(timer);
      return timer;
    },
    cancelAfter: (handle) => void (timers = timers.filter((t) => t !== handle)),
  };
  return {
    scheduler,
    /** Advance the clock by `ms`, running frames every 16 ms and timers as they fall due. */
    advance(ms: number) {
      const end = time + ms;
      while (time < end) {
        time = Math.min(end, time + 16);
        const due = frames;
        frames = new Map();
        for (const run of due.values()) run(time);
        for (const timer of timers.filter((t) => t.at <= time)) {
          timers = timers.filter((t) => t !== timer);
          timer.run();
        }
      }
    },
  };
}

const positions = new Map([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 400, y: 200 }],
  ['c', { x: 1000, y: 600 }],
]);
const whole: Bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 600 };

function viewport(options: Partial<ViewportOptions> = {}) {
  const clock = manualScheduler();
  const selection = { open: false };
  const v = new Viewport({
    content: {
      whole: () => whole,
      step: (ids) => ({ minX: Math.min(...ids.map((id) => positions.get(id)!.x)) - 100, minY: -100, maxX: Math.max(...ids.map((id) => positions.get(id)!.x)) + 100, maxY: 300 }),
      position: (id) => positions.get(id),
    },
    scheduler: clock.scheduler,
    selectionOpen: () => selection.open,
    ...options,
  });
  return { v, clock, selection };
}

const round = (t: { x: number; y: number; k: number }) => ({ x: Math.round(t.x), y: Math.round(t.y), k: Math.round(t.k * 1000) / 1000 });

describe('Viewport framing', () => {
  it('fits the whole map once it has a size', () => {
    const { v } = viewport();
    v.resize(1048, 648);
    expect(round(v.transform)).toEqual(round(fitTransform(whole, { width: 1048, height: 648 })));
    expect(v.framing.asked).toEqual({ kind: 'whole' });
  });

  it('opens on a concept to centre: fitted first, for a scale, then centred', () => {
    const { v } = viewport({ centred: 'b', centreHeight: () => 0.22 });
    v.resize(800, 600);
    const fitted = fitTransform(whole, { width: 800, height: 600 });
    expect(v.transform.k).toBeCloseTo(fitted.k);
    expect(v.apply(positions.get('b')!)).toEqual({ x: 400, y: 0.22 * 600 });
    expect(v.framing.asked).toEqual({ kind: 'centred', id: 'b' });
    expect(v.framing.framed).toBe(true);
  });

  it('a still picture is always the whole map, whatever it opened on', () => {
    const { v } = viewport({ centred: 'b', interactive: false });
    v.resize(800, 600);
    v.showStep(['a']);
    expect(round(v.transform)).toEqual(round(fitTransform(whole, { width: 800, height: 600 })));
    v.zoomBy(2);
    expect(round(v.transform)).toEqual(round(fitTransform(whole, { width: 800, height: 600 })));
  });

  it.each<[string, (v: Viewport) => void, Bounds]>([
    ['a fitted map is fitted again', (v) => v.fitWhole(false), whole],
    ['a tour step is framed again', (v) => v.showStep(['a', 'b'], false), { minX: -100, minY: -100, maxX: 500, maxY: 300 }],
  ])('after a resize: %s', (_, setup, framed) => {
    const { v } = viewport();
    v.resize(800, 600);
    setup(v);
    v.resize(600, 600);
    expect(round(v.transform)).toEqual(round(fitTransform(framed, { width: 600, height: 600 })));
  });

  it('after a resize: a concept in the middle stays there, at its scale', () => {
    const { v, selection } = viewport();
    v.resize(800, 600);
    v.fitWhole(false);
    v.centreOnConcept('c', false);
    selection.open = true;
    v.resize(600, 600);
    expect(v.transform.k).toBeCloseTo(fitTransform(whole, { width: 800, height: 600 }).k);
    expect(v.apply(positions.get('c')!)).toEqual({ x: 300, y: 300 });
  });

  it('keeps the scale and the middle when the Details panel opens beside a fitted map', () => {
    const { v, selection } = viewport();
    v.resize(800, 600);
    const before = v.transform;
    const middle = v.invert({ x: 400, y: 300 });
    selection.open = true;
    v.resize(500, 600);
    expect(v.transform.k).toBeCloseTo(before.k);
    expect(v.apply(middle).x).toBeCloseTo(250);
    expect(v.apply(middle).y).toBeCloseTo(300);
  });

  it('keeps the middle of a view the reader moved', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.setTransform({ x: -100, y: -50, k: 2 }, true);
    v.resize(400, 600);
    // (800 / 2 + 100) / 2, (600 / 2 + 50) / 2
    expect(v.invert({ x: 200, y: 300 })).toEqual({ x: 250, y: 175 });
    expect(v.transform.k).toBe(2);
  });

  it('follows the layout until the first one settles, then stays still under a drag', () => {
    const { v } = viewport();
    v.resize(800, 600);
    const moved = v.transform;
    v.setTransform({ ...moved, x: moved.x + 10 }, false);
    v.contentMoved(false);
    expect(round(v.transform)).toEqual(round(moved));
    v.setTransform({ ...moved, x: moved.x + 10 }, false);
    v.contentMoved(true);
    expect(v.transform.x).toBeCloseTo(moved.x + 10);
  });

  it('does not follow the layout once the reader moved the view', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.setTransform({ x: 5, y: 5, k: 1 }, true);
    v.contentMoved(false);
    expect(v.transform).toEqual({ x: 5, y: 5, k: 1 });
  });

  it('centres a concept asked for before it had a place, once the view has a size', () => {
    const { v } = viewport();
    v.centreOnConcept('b');
    expect(v.framing.framed).toBe(false);
    v.resize(800, 600);
    expect(v.apply(positions.get('b')!)).toEqual({ x: 400, y: 300 });
  });

  it('reveals a concept only when it is off screen, panning no further than brings it in', () => {
    const { v, clock } = viewport();
    v.resize(800, 600);
    v.setTransform({ x: 0, y: 0, k: 1 }, true);
    v.reveal('b');
    clock.advance(LOOK.flyMs + 32);
    expect(v.transform).toEqual({ x: 0, y: 0, k: 1 });
    v.reveal('c');
    clock.advance(LOOK.flyMs + 32);
    // c at (1000, 600) comes to 24 px inside the bottom-right corner.
    expect(round(v.transform)).toEqual({ x: -224, y: -24, k: 1 });
  });
});

describe('Viewport: what Details opens on stays in sight', () => {
  // A concept's drawn box: its marker at its position, its label running 150 to the right.
  const box = (id: string) => {
    const p = positions.get(id)!;
    return { minX: p.x - 10, minY: p.y - 10, maxX: p.x + 150, maxY: p.y + 10 };
  };
  it.each<[string, { x: number; y: number; k: number }, string, Partial<{ left: number; bottom: number }>, { x: number; y: number; k: number }]>([
    ['in sight: nothing moves', { x: 0, y: 0, k: 1 }, 'b', {}, { x: 0, y: 0, k: 1 }],
    // b's label ends at 550 + 300 = 850 on screen; it is brought to 800 - 24.
    ['its label past the right edge: the least pan that brings it in', { x: 300, y: 0, k: 1 }, 'b', {}, { x: 226, y: 0, k: 1 }],
    ['above the top: brought down to the margin', { x: 0, y: -200, k: 1 }, 'b', {}, { x: 0, y: -166, k: 1 }],
    // Under a 400 px caption only 200 px of height are in sight: b (at y 200..220) is lifted above it.
    ['under what covers the view: brought into the part in sight', { x: 0, y: 0, k: 1 }, 'b', { bottom: 400 }, { x: 0, y: -34, k: 1 }],
    // At scale 4, b's box is 640 px wide, wider than 800 - 200 - 48: it is centred across
    // the part in sight, and lifted no further than brings it above the bottom margin.
    ['wider than the part in sight: centred in it, at its scale', { x: 0, y: 0, k: 4 }, 'b', { left: 200 }, { x: -1380, y: -264, k: 4 }],
  ])('%s', (_, from, id, insets, expected) => {
    const { v } = viewport({ content: { whole: () => whole, step: () => whole, position: (i) => positions.get(i), conceptBox: box } });
    v.resize(800, 600);
    v.setInsets(insets);
    v.setTransform(from, true);
    v.keepInSight(id, false);
    expect(round(v.transform)).toEqual(expected);
  });

  it('keeps the concept open in Details in sight when the panel narrows the view', () => {
    let selected: string | undefined;
    const { v, selection } = viewport({ selectedConcept: () => selected, content: { whole: () => whole, step: () => whole, position: (i) => positions.get(i), conceptBox: box } });
    v.resize(1200, 600);
    v.setTransform({ x: 0, y: 0, k: 1 }, true);
    // c's marker at x 1000 is in sight; a panel of 400 px opening beside the map would hide it.
    selected = 'c';
    selection.open = true;
    v.resize(800, 600);
    const b = box('c');
    expect(v.apply({ x: b.maxX, y: b.maxY }).x).toBeLessThanOrEqual(800 - 24 + 0.5);
    expect(v.apply({ x: b.minX, y: b.minY }).x).toBeGreaterThanOrEqual(0);
    expect(v.transform.k).toBe(1);
  });
});

describe('Viewport motion', () => {
  it('animates a fit, ending exactly on it, and says when the view starts and stops moving', () => {
    const { v, clock } = viewport();
    v.resize(800, 600);
    clock.advance(LOOK.settleMs + 16);
    const events: string[] = [];
    v.on('start', () => events.push('start'));
    v.on('end', () => events.push('end'));
    let changes = 0;
    v.on('change', () => changes++);
    v.showStep(['c']);
    clock.advance(LOOK.flyMs + 16);
    expect(changes).toBeGreaterThan(5);
    expect(round(v.transform)).toEqual(round(fitTransform({ minX: 900, minY: -100, maxX: 1100, maxY: 300 }, { width: 800, height: 600 })));
    expect(events).toEqual(['start']);
    expect(v.moving).toBe(true);
    clock.advance(LOOK.settleMs + 16);
    expect(events).toEqual(['start', 'end']);
    expect(v.moving).toBe(false);
  });

  it('moves at once under reduced motion', () => {
    const { v } = viewport({ reducedMotion: () => true });
    v.resize(800, 600);
    let changes = 0;
    v.on('change', () => changes++);
    v.showStep(['c']);
    expect(changes).toBe(1);
  });

  it('stops an animation when the reader takes hold of the view', () => {
    const { v, clock } = viewport();
    v.resize(800, 600);
    v.showStep(['c']);
    clock.advance(32);
    v.setTransform({ x: 1, y: 2, k: 1 }, true);
    clock.advance(LOOK.flyMs);
    expect(v.transform).toEqual({ x: 1, y: 2, k: 1 });
  });

  it('zooms about the middle within its scale extent', () => {
    const { v } = viewport({ scaleExtent: [0.5, 2] });
    v.resize(800, 600);
    v.setTransform({ x: 0, y: 0, k: 1 }, true);
    v.zoomBy(10);
    expect(v.transform.k).toBe(2);
    expect(v.invert({ x: 400, y: 300 })).toEqual({ x: 400, y: 300 });
    v.zoomBy(0.01);
    expect(v.transform.k).toBe(0.5);
  });
});

describe('Viewport insets', () => {
  it('frames a tour step in the part of the view a caption does not cover, and again when the caption grows', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.showStep(['b'], false);
    v.setInsets({ bottom: 200 });
    const step = { minX: 300, minY: -100, maxX: 500, maxY: 300 };
    const expected = fitTransform(step, { width: 800, height: 400 });
    expect(round(v.transform)).toEqual(round(expected));
    // Every corner of the step's box is above the caption.
    expect(v.apply({ x: 500, y: 300 }).y).toBeLessThanOrEqual(400 - LOOK.fit.padding + 0.5);
    v.setInsets({ bottom: 300 });
    expect(v.apply({ x: 500, y: 300 }).y).toBeLessThanOrEqual(300 - LOOK.fit.padding + 0.5);
  });

  it('centres a concept in the uncovered part, and leaves a view the reader moved alone', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.setInsets({ left: 200 });
    v.centreOnConcept('b', false);
    expect(v.apply(positions.get('b')!)).toEqual({ x: 500, y: 300 });
    v.setTransform({ x: 3, y: 4, k: 1 }, true);
    v.setInsets({ left: 0 });
    expect(v.transform).toEqual({ x: 3, y: 4, k: 1 });
  });

  it('uses the whole view when what is covered leaves too little', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.setInsets({ bottom: 500 });
    v.fitWhole(false);
    expect(round(v.transform)).toEqual(round(fitTransform(whole, { width: 800, height: 600 })));
  });
});

describe('Viewport: what a picture of the view frames', () => {
  it('a step or the whole map as asked, else the part in sight above the caption', () => {
    const { v } = viewport();
    v.resize(800, 600);
    v.fitWhole(false);
    expect(v.framedBounds()).toEqual(whole);
    v.showStep(['b'], false);
    expect(v.framedBounds()).toEqual({ minX: 300, minY: -100, maxX: 500, maxY: 300 });
    v.setInsets({ bottom: 200 });
    v.setTransform({ x: -100, y: -50, k: 2 }, true);
    // The screen's top left and bottom right above the 200 px caption, in map units.
    expect(v.framedBounds()).toEqual({ minX: 50, minY: 25, maxX: 450, maxY: 225 });
  });
});
