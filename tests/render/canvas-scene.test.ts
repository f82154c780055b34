// The canvas map's relations, drawn one pixel wide when many are in view, must stay on the
// rasteriser's hairline path at every zoom: Skia computes in single precision, and a width that
// comes out a hair over one device pixel is stroked as an outline, ~20× slower (long tasks
// while a 5,000-concept layout settled).
import { describe, expect, it } from 'vitest';
import { drawScene, sceneTheme, type Scene, type SceneFrame, type SceneState, type SceneTheme } from '../../src/render/canvas-scene.ts';

interface Stroke {
  /** Device pixels per map unit, as the canvas holds it. */
  scale: number;
  lineWidth: number;
}

/** A 2D context that draws nothing and remembers the width and scale of every stroke. */
function recordingContext(strokes: Stroke[]): CanvasRenderingContext2D {
  const state: Record<string, unknown> = { lineWidth: 1 };
  let scale = 1;
  const methods: Record<string, (...args: number[]) => void> = {
    setTransform: (a) => (scale = a!),
    stroke: () => strokes.push({ scale, lineWidth: state.lineWidth as number }),
  };
  return new Proxy({} as CanvasRenderingContext2D, {
    get: (_, key: string) =>
      key === 'canvas' ? { width: 1280, height: 720 } : key in state ? state[key] : (methods[key] ?? (() => undefined)),
    set: (_, key: string, value) => ((state[key] = value), true),
  });
}

/** `edges` relations between concepts spread over a 12,000 × 8,000 map. */
function sceneOf(edges: number): { scene: Scene; state: SceneState; coords: Float64Array; slots: Int32Array } {
  const n = 200;
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    label: `Concept ${i}`,
    shape: 'circle' as const,
    colour: 0,
    r: 10,
  }));
  const sceneEdges = Array.from({ length: edges }, (_, e) => ({
    id: `e${e}`,
    s: e % n,
    t: (e * 7 + 3) % n,
    dash: [],
    relation: 'is associated with',
    effect: 'associated' as const,
    marks: [],
  }));
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = ((i * 37) % 100) * 120;
    coords[2 * i + 1] = ((i * 53) % 100) * 80;
  }
  const state: SceneState = {
    visible: new Uint8Array(n).fill(1),
    fadedNodes: null,
    fadedEdges: null,
    edges: Int32Array.from(sceneEdges.keys()),
    bends: new Float64Array(edges),
    highlighted: new Uint8Array(edges),
    selected: -1,
    focused: -1,
    ringed: new Set(),
    pinned: new Set(),
    important: [],
    edgeLabels: [],
  };
  return { scene: { nodes, edges: sceneEdges, colours: ['#0072B2'] }, state, coords, slots: Int32Array.from(nodes.keys()) };
}

const theme: SceneTheme = sceneTheme('light', 'sans-serif');

/** Zoom factors from an overview of thousands of concepts to a close-up, and the one that failed. */
const zooms = [0.09541525691747665, ...Array.from({ length: 400 }, (_, i) => 0.02 + i * 0.0025)];

describe('relations drawn one pixel wide', () => {
  it.each([
    ['plain lines while the view moves', 6000, true],
    ['full detail at rest, many relations in view', 600, false],
  ])('%s stay hairlines in single precision at every zoom', (_, edgeCount, moving) => {
    const { scene, state, coords, slots } = sceneOf(edgeCount);
    let thinStrokes = 0;
    for (const k of zooms) {
      const strokes: Stroke[] = [];
      const frame: SceneFrame = { width: 1280, height: 720, dpr: 1, transform: { x: 0, y: 0, k }, moving, coords, slots };
      drawScene(recordingContext(strokes), scene, state, frame, theme);
      for (const { scale, lineWidth } of strokes) {
        // Meant as at most one device pixel: it must be one in float32 arithmetic too.
        if (lineWidth * scale > 1.001) continue;
        thinStrokes++;
        expect(Math.fround(Math.fround(lineWidth) * Math.fround(scale)), `k = ${k}`).toBeLessThanOrEqual(1);
      }
    }
    expect(thinStrokes).toBeGreaterThan(zooms.length / 2);
  });
});
