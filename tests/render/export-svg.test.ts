import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exportSvg } from '../../src/render/export-svg.ts';

/** A drawing like MapView's, in a document without layout (jsdom): sizes come from the options. */
function drawing(): SVGSVGElement {
  document.body.innerHTML = `
    <style>.line { stroke: rgb(107, 115, 128); stroke-width: 1.5px; fill: none } .hit { stroke: transparent }</style>
    <svg class="map" role="group" aria-label="Concept map: Test">
      <defs><marker id="pm-arrow"><path class="arrow" d="M0,1L10,5L0,9Z" fill="#6b7380"/></marker></defs>
      <g transform="translate(10,20) scale(2)">
        <g class="edge" data-edge-id="a-b">
          <path class="line" d="M0,0L50,0" marker-end="url(#pm-arrow)" />
          <path class="hit" d="M0,0L50,0" aria-hidden="true" />
        </g>
        <g class="node" role="button" tabindex="0" aria-label="Alpha &amp; beta" data-node-id="a" onclick="void 0">
          <text y="20"><tspan x="0" dy="0">Alpha &amp;</tspan><tspan x="0" dy="1em">beta</tspan></text>
        </g>
        <!-- a comment -->
      </g>
    </svg>`;
  return document.querySelector('svg')!;
}

// jsdom has no canvas to measure text with: the exporter then estimates widths (quietly).
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('exportSvg without layout', () => {
  it('keeps the drawing, drops what serves only the page, and sizes to the options', () => {
    const text = exportSvg(drawing(), { width: 400, height: 300, background: '#ffffff' });
    const doc = parse(text);
    const root = doc.documentElement;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual([
      '400',
      '300',
      '0 0 400 300',
    ]);
    expect(text).not.toMatch(/\s(class|role|tabindex|aria-[a-z-]+|data-[a-z-]+|onclick)=/);
    expect(text).not.toMatch(/<!--|<style/);
    expect(doc.querySelectorAll('path[d="M0,0L50,0"]')).toHaveLength(1);
    expect(doc.querySelector('marker#pm-arrow path')).not.toBeNull();
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(doc.querySelector('title')?.textContent).toBe('Concept map: Test');
    const tspans = [...doc.querySelectorAll('text tspan')].map((t) => t.textContent);
    expect(tspans).toEqual(['Alpha &', 'beta']);
  });

  it('sets the caption and sources under the view, clipped apart from the drawing', () => {
    const text = exportSvg(drawing(), {
      width: 400,
      height: 300,
      background: 'rgb(20, 23, 28)',
      caption: 'Calcinosis <in> SSc',
      citations: ['Valenzuela A, Chung L. Calcinosis. 2015', '  '],
    });
    const doc = parse(text);
    const root = doc.documentElement;
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(300 + 16 * 1.3 + 12 * 1.3 * 2);
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#14171c');
    expect(doc.querySelector('clipPath rect')?.getAttribute('height')).toBe('300');
    const lines = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(lines).toEqual(['Calcinosis <in> SSc', 'Sources:', 'Valenzuela A, Chung L. Calcinosis. 2015']);
    for (const t of root.querySelectorAll(':scope > text tspan')) expect(Number(t.getAttribute('y'))).toBeGreaterThan(300);
  });

  it('wraps long sources to the width', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const doc = parse(exportSvg(drawing(), { width: 300, height: 200, background: 'transparent', citations: [long] }));
    const spans = [...doc.documentElement.querySelectorAll(':scope > text:last-of-type tspan')];
    expect(spans.length).toBeGreaterThan(3);
    expect(spans.map((s) => s.textContent).join(' ')).toBe(long);
    // Transparent: no background rectangle outside the clip path.
    expect(doc.documentElement.querySelector(':scope > rect')).toBeNull();
  });
});
