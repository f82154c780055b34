// The SVG recorder stands in for a canvas so a canvas map can be exported as SVG: what it
// writes must draw what the canvas would, and a whole scene drawn into it must keep what the
// reader sees (shapes and colours by category, evidence patterns, arrowheads, haloed labels).
import { describe, expect, it } from 'vitest';
import { EFFECT_LOOK } from '../../src/render/relation-look.ts';
import { drawScene, sceneTheme, type Scene, type SceneFrame, type SceneState, type SceneTheme } from '../../src/render/canvas-scene.ts';
import { parseCanvasFont, SvgRecorder } from '../../src/render/svg-recorder.ts';

const record = (draw: (ctx: SvgRecorder) => void): string[] => {
  const ctx = new SvgRecorder(document, 100, 100);
  draw(ctx);
  return [...ctx.group.children].map((e) => e.outerHTML);
};

describe('SvgRecorder', () => {
  it.each<[string, (ctx: SvgRecorder) => void, string[]]>([
    [
      'a filled triangle',
      (c) => {
        c.fillStyle = '#0072B2';
        c.beginPath();
        c.moveTo(0, 0);
        c.lineTo(10, 0);
        c.lineTo(5, 8);
        c.closePath();
        c.fill();
      },
      ['<path d="M0 0L10 0L5 8Z" fill="#0072B2"></path>'],
    ],
    [
      'a dashed, scaled, translucent stroke (widths and dashes scale with the transform)',
      (c) => {
        c.setTransform(2, 0, 0, 2, 10, 20);
        c.globalAlpha = 0.5;
        c.strokeStyle = '#6b7380';
        c.lineWidth = 1.5;
        c.setLineDash([10, 4, 2, 4]);
        c.beginPath();
        c.moveTo(1, 1);
        c.quadraticCurveTo(5, 0, 9, 1);
        c.stroke();
      },
      [
        '<path d="M12 22Q20 20 28 22" fill="none" stroke="#6b7380" stroke-opacity="0.5" stroke-width="3" stroke-miterlimit="10" stroke-dasharray="20 8 4 8"></path>',
      ],
    ],
    [
      'a whole circle, as two half arcs from where the canvas starts it',
      (c) => {
        c.beginPath();
        c.arc(50, 50, 10, 0, 2 * Math.PI);
        c.fill();
      },
      ['<path d="M60 50A10 10 0 0 1 40 50A10 10 0 0 1 60 50" fill="#000000"></path>'],
    ],
    [
      'a circle traced from its start point (as node shapes are): no zero-length line first',
      (c) => {
        c.beginPath();
        c.moveTo(60, 50);
        c.arc(50, 50, 10, 0, 2 * Math.PI);
        c.fill();
      },
      ['<path d="M60 50A10 10 0 0 1 40 50A10 10 0 0 1 60 50" fill="#000000"></path>'],
    ],
    [
      'a quarter arc joined to the point before it',
      (c) => {
        c.beginPath();
        c.moveTo(0, 0);
        c.arc(0, 0, 10, 0, Math.PI / 2);
        c.lineCap = 'round';
        c.stroke();
      },
      ['<path d="M0 0L10 0A10 10 0 0 1 0 10" fill="none" stroke="#000000" stroke-width="1" stroke-miterlimit="10" stroke-linecap="round"></path>'],
    ],
    [
      'squares in device pixels, restored to the map transform after',
      (c) => {
        c.setTransform(3, 0, 0, 3, 0, 0);
        c.save();
        c.setTransform(1, 0, 0, 1, 0, 0);
        c.beginPath();
        c.rect(10, 10, 4, 4);
        c.rect(20, 10, 4, 4);
        c.fill();
        c.restore();
        c.beginPath();
        c.rect(1, 1, 2, 2);
        c.fill();
      },
      ['<path d="M10 10h4v4h-4ZM20 10h4v4h-4Z" fill="#000000"></path>', '<path d="M3 3h6v6h-6Z" fill="#000000"></path>'],
    ],
    [
      'a label with its halo: the stroked text under the filled one, the text as text',
      (c) => {
        c.font = '700 14px system-ui, "Segoe UI", sans-serif';
        c.textAlign = 'center';
        c.lineJoin = 'round';
        c.strokeStyle = '#ffffff';
        c.lineWidth = 4;
        c.fillStyle = '#1b1e23';
        c.strokeText('<b>Fetuin-A</b> & co', 30, 40);
        c.fillText('<b>Fetuin-A</b> & co', 30, 40);
      },
      [
        `<text x="30" y="40" font-family="system-ui, 'Segoe UI', sans-serif" font-size="14" font-weight="bold" text-anchor="middle" fill="none" stroke="#ffffff" stroke-width="4" stroke-linejoin="round">&lt;b&gt;Fetuin-A&lt;/b&gt; &amp; co</text>`,
        `<text x="30" y="40" font-family="system-ui, 'Segoe UI', sans-serif" font-size="14" font-weight="bold" text-anchor="middle" stroke="none" fill="#1b1e23">&lt;b&gt;Fetuin-A&lt;/b&gt; &amp; co</text>`,
      ],
    ],
    ['nothing for an empty path or empty text', (c) => (c.beginPath(), c.fill(), c.stroke(), c.fillText('', 1, 1)), []],
  ])('%s', (_, draw, expected) => {
    expect(record(draw)).toEqual(expected);
  });

  it.each([
    ['rotated', [0, 1, -1, 0, 0, 0]],
    ['stretched', [2, 0, 0, 1, 0, 0]],
    ['flipped', [-1, 0, 0, -1, 0, 0]],
  ])('refuses a %s transform rather than drawing it wrong', (_, m) => {
    const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
    expect(() => new SvgRecorder(document, 10, 10).setTransform(a, b, c, d, e, f)).toThrow(/uniform positive scales/);
  });

  it('fails with the font named rather than leaving labels out', () => {
    const ctx = new SvgRecorder(document, 10, 10);
    ctx.font = 'bold 1.2em serif';
    expect(() => ctx.fillText('Fetuin-A', 1, 1)).toThrow(/cannot read the font "bold 1.2em serif"/);
  });

  it.each([
    ['14px sans-serif', { size: 14, family: 'sans-serif' }],
    ['700 16.5px system-ui, sans-serif', { weight: 'bold', size: 16.5, family: 'system-ui, sans-serif' }],
    ['italic 12px "Noto Sans"', { style: 'italic', size: 12, family: "'Noto Sans'" }],
    ['12pt serif', undefined],
  ])('reads the canvas font %j', (font, expected) => {
    expect(parseCanvasFont(font)).toEqual(expected);
  });
});

describe('a scene drawn into the recorder', () => {
  const scene: Scene = {
    nodes: [
      { id: 'a', label: 'Systemic sclerosis', shape: 'circle', colour: 0, r: 12 },
      { id: 'b', label: 'Calcinosis cutis', shape: 'diamond', colour: 1, r: 10 },
      { id: 'c', label: 'Far away', shape: 'square', colour: 1, r: 10 },
    ],
    edges: [
      { id: 'a->b', s: 0, t: 1, dash: [], relation: 'leads to', effect: 'promotes', marks: [] },
      { id: 'b->a', s: 1, t: 0, dash: [6, 4], relation: 'feeds back on', effect: 'promotes', marks: [] },
    ],
    colours: ['#0072B2', '#D55E00'],
  };
  const state: SceneState = {
    visible: Uint8Array.of(1, 1, 1),
    fadedNodes: null,
    fadedEdges: null,
    edges: Int32Array.of(0, 1),
    bends: Float64Array.of(0, 0),
    highlighted: Uint8Array.of(0, 0),
    selected: 1,
    focused: -1,
    ringed: new Set(),
    pinned: new Set(),
    important: [],
    edgeLabels: [],
  };
  const theme: SceneTheme = sceneTheme('light', 'sans-serif');
  const frame: SceneFrame = {
    width: 400,
    height: 300,
    dpr: 1,
    transform: { k: 1, x: 0, y: 0 },
    moving: false,
    coords: Float64Array.of(100, 100, 300, 150, 5000, 5000),
    slots: Int32Array.of(0, 1, 2),
  };

  it('keeps what the reader sees and leaves out what is off screen', () => {
    const ctx = new SvgRecorder(document, 400, 300);
    drawScene(ctx, scene, state, frame, theme);
    const g = ctx.group;
    const texts = [...g.querySelectorAll('text')];
    // Two concepts in view, each a halo and its letters; the one far away is not drawn.
    expect(texts.map((t) => [t.textContent, t.getAttribute('fill')])).toEqual([
      ['Systemic sclerosis', 'none'],
      ['Systemic sclerosis', '#1b1e23'],
      ['Calcinosis cutis', 'none'],
      ['Calcinosis cutis', '#1b1e23'],
    ]);
    // The selected concept's label is bold.
    expect(texts[3]!.getAttribute('font-weight')).toBe('bold');
    const fills = [...g.querySelectorAll('path')].map((p) => p.getAttribute('fill'));
    expect(fills).toContain('#0072B2');
    expect(fills).toContain('#D55E00');
    // The relation of the second kind keeps its line pattern; both have arrowheads, in the colour of what they say.
    const promotes = EFFECT_LOOK.promotes.colour.light;
    const strokes = [...g.querySelectorAll(`path[stroke="${promotes}"][stroke-width="1.5"]`)];
    expect(strokes.map((p) => p.getAttribute('stroke-dasharray'))).toEqual([null, '6 4']);
    const arrows = [...g.querySelectorAll(`path[fill="${promotes}"]`)];
    expect(arrows.flatMap((p) => p.getAttribute('d')!.match(/Z/g) ?? []).length).toBe(2);
    // Nothing drawn lies far outside the view (the square at 5000, 5000 would).
    const numbers = [...g.querySelectorAll('path')].flatMap((p) => (p.getAttribute('d')!.match(/-?[\d.]+/g) ?? []).map(Number));
    expect(Math.max(...numbers)).toBeLessThan(500);
  });

  it('marks a concept imported without evidence "no source", in words and with a dashed, paler marker, as the SVG map does', () => {
    const imported: Scene = { ...scene, nodes: scene.nodes.map((n) => (n.id === 'a' ? { ...n, unsourced: true } : n)) };
    const ctx = new SvgRecorder(document, 400, 300);
    drawScene(ctx, imported, state, frame, theme);
    const texts = [...ctx.group.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts.filter((t) => t === 'no source')).toHaveLength(2);
    const marker = [...ctx.group.querySelectorAll('path[fill="#0072B2"]')];
    expect(marker).toHaveLength(1);
    expect(Number(marker[0]!.getAttribute('fill-opacity') ?? marker[0]!.getAttribute('opacity'))).toBeCloseTo(0.45);
    expect([...ctx.group.querySelectorAll('path[stroke-dasharray="3 2"]')]).toHaveLength(1);
    // The concept with evidence says nothing of the kind.
    const plain = new SvgRecorder(document, 400, 300);
    drawScene(plain, scene, state, frame, theme);
    expect([...plain.group.querySelectorAll('text')].map((t) => t.textContent)).not.toContain('no source');
  });
});
