// How a map drawing frames its view again (reframe, reframeAfterResize): what each kind of
// framing asks of the drawing, recorded from a stand-in drawing.
import { describe, expect, it } from 'vitest';
import { ViewFraming } from '../../src/render/framing.ts';
import type { ZoomController } from '../../src/render/zoom.ts';
import { reframe, reframeAfterResize, type Framer } from '../../src/ui/map-common.ts';

/** A drawing that records what it was asked to do, framing as the real ones do. */
function drawing(framing: ViewFraming, withZoom = true): { map: Framer; calls: string[] } {
  const calls: string[] = [];
  const zoom = { centreOn: (p: { x: number; y: number }) => calls.push(`keep-middle ${p.x},${p.y}`) } as unknown as ZoomController;
  const map: Framer = {
    fit: () => {
      calls.push('fit');
      framing.fitted();
    },
    fitNodes: (ids) => {
      calls.push(`fitNodes ${ids.join(',')}`);
      framing.stepped(ids, true);
    },
    centreOn: (id) => {
      calls.push(`centreOn ${id}`);
      framing.centred(id);
    },
    zoom: withZoom ? zoom : undefined,
    transform: { k: 2, x: -100, y: -50 },
  };
  return { map, calls };
}

type Setup = (f: ViewFraming) => void;

describe('reframe', () => {
  it.each<[string, ViewFraming, Setup, string[]]>([
    ['the whole map is fitted', new ViewFraming(), () => {}, ['fit']],
    ['a tour step is fitted', new ViewFraming(), (f) => f.stepped(['a', 'b'], true), ['fitNodes a,b']],
    ['a concept to centre as the map opens: fitted first, for a scale, then centred', new ViewFraming('a'), () => {}, ['fit', 'centreOn a']],
    ['a concept already centred is centred again, at the scale it has', new ViewFraming(), (f) => (f.fitted(), f.centred('a')), ['centreOn a']],
  ])('%s', (_, framing, setup, expected) => {
    setup(framing);
    const { map, calls } = drawing(framing);
    reframe(framing, map);
    expect(calls).toEqual(expected);
  });

  it('leaves the concept asked for as the one framed', () => {
    const framing = new ViewFraming('a');
    reframe(framing, drawing(framing).map);
    expect(framing.asked).toEqual({ kind: 'centred', id: 'a' });
    expect(framing.framed).toBe(true);
  });
});

describe('reframeAfterResize', () => {
  const size = { width: 800, height: 600 };
  it.each<[string, ViewFraming, Setup, boolean, { width: number; height: number }, boolean, string[]]>([
    ['a map with no size before is framed as asked', new ViewFraming('a'), () => {}, false, { width: 0, height: 0 }, true, ['fit', 'centreOn a']],
    ['a fitted map is fitted again', new ViewFraming(), (f) => f.fitted(), false, size, true, ['fit']],
    // (800 / 2 + 100) / 2, (600 / 2 + 50) / 2
    ['a fitted map with Details open keeps its middle', new ViewFraming(), (f) => f.fitted(), true, size, true, ['keep-middle 250,175']],
    ['a concept in the middle stays there', new ViewFraming(), (f) => (f.fitted(), f.centred('a')), true, size, true, ['centreOn a']],
    ['a tour step is framed again', new ViewFraming(), (f) => f.stepped(['a'], true), true, size, true, ['fitNodes a']],
    ['a still map (no zoom) is fitted', new ViewFraming(), (f) => (f.fitted(), f.moved()), false, size, false, ['fit']],
  ])('%s', (_, framing, setup, selection, previous, withZoom, expected) => {
    setup(framing);
    const { map, calls } = drawing(framing, withZoom);
    reframeAfterResize(framing, selection, previous, map);
    expect(calls).toEqual(expected);
  });
});
