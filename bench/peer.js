// The benchmark's peer: the same map drawn by Cytoscape.js with a style close to Pathomap's
// (shapes and colours per category, labels with a halo, arrowheads, dashes by evidence), and
// otherwise Cytoscape's defaults. Given the positions Pathomap settled on, so both draw the
// same picture; its own layout (cose) is timed separately, on request, at the end.
/* global cytoscape */
(async () => {
  const params = new URLSearchParams(location.search);
  const id = params.get('map');
  const result = await (await fetch(`maps/${id}.json`)).json();
  const positions = await (await fetch(`maps/${id}.positions.json`)).json();
  const map = result.map;
  const shapes = { circle: 'ellipse', square: 'rectangle', diamond: 'diamond', triangle: 'triangle', 'triangle-down': 'vee', hexagon: 'hexagon', pentagon: 'pentagon', star: 'star' };
  const dashed = { review: 'dashed', 'case-series': 'dashed', 'animal-model': 'dashed', 'case-report': 'dotted', 'expert-opinion': 'dotted' };
  const category = new Map(map.categories.map((c) => [c.id, c]));
  const elements = [
    ...map.nodes.map((n) => ({
      data: { id: n.id, label: n.label, color: category.get(n.category)?.color ?? '#888', shape: shapes[category.get(n.category)?.shape] ?? 'ellipse' },
      position: positions[n.id] ?? { x: 0, y: 0 },
    })),
    ...map.edges.map((e) => ({ data: { id: `edge:${e.id}`, source: e.source, target: e.target, line: dashed[e.level] ?? 'solid' } })),
  ];
  const container = document.getElementById('cy');
  const cy = cytoscape({
    container,
    elements,
    layout: { name: 'preset', fit: true, padding: 24 },
    minZoom: 0.005,
    maxZoom: 8,
    style: [
      { selector: 'node', style: { width: 20, height: 20, 'background-color': 'data(color)', shape: 'data(shape)', 'border-width': 1.25, 'border-color': '#1b1e23', label: 'data(label)', 'font-size': 14, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-outline-color': '#ffffff', 'text-outline-width': 2, color: '#1b1e23', 'text-wrap': 'wrap', 'text-max-width': 160 } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#6b7380', 'line-style': 'data(line)', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#6b7380', 'arrow-scale': 0.8 } },
    ],
  });
  window.cy = cy;
  performance.mark('pathomap:layout-start');
  performance.mark('pathomap:layout-settled');
  cy.one('render', () => {
    performance.mark('pathomap:nodes-drawn');
    // Rendered in an animation frame; the next one begins once it is on screen.
    requestAnimationFrame(() => performance.mark('pathomap:first-frame'));
  });
  container.pathomapDebug = {
    screenPoint: (nodeId) => {
      const p = cy.getElementById(nodeId).renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    settled: () => true,
    fit: () => cy.fit(undefined, 24),
  };
  // Cytoscape's own layout, timed when the bench asks (it moves every node).
  window.runPeerLayout = () =>
    new Promise((done) => {
      performance.mark('peer:cose-start');
      const layout = cy.layout({ name: 'cose', animate: false, randomize: true, fit: true });
      layout.one('layoutstop', () => {
        performance.mark('peer:cose-stop');
        done(performance.measure('peer:cose', 'peer:cose-start', 'peer:cose-stop').duration);
      });
      layout.run();
    });
})();
