// Drawing people on the network map with cytoscape.js: a whole (small) network or one bubble
// of a large one (you, circles, people, organizations on rings), or a person's neighbourhood
// (them at the centre, then you, the people one link away, where they work, two hops away);
// and a warm path drawn through it, with the people on it added if they were not shown.

import cytoscape from '../../vendor/cytoscape/cytoscape.esm.min.js';
import { thumbnailsOf } from '../faces.js';
import { keepLabelsReadable, placeLabels, scaleLabels } from './network-labels.js';

export function colours() {
  const css = getComputedStyle(document.documentElement);
  const value = (name) => css.getPropertyValue(name).trim();
  return { text: value('--text'), muted: value('--muted'), line: value('--line'), accent: value('--accent'), warm: value('--warm'), panel: value('--panel'), focus: value('--focus') };
}

/** The label background keeps names legible over lines. */
export function labelStyle(c) {
  return { label: 'data(label)', color: c.text, 'text-valign': 'bottom', 'text-wrap': 'ellipsis', 'text-background-color': c.panel, 'text-background-opacity': 0.85, 'text-background-shape': 'round-rectangle' };
}

function style(c, crowded) {
  return [
    { selector: 'node', style: { width: 14, height: 14, 'background-color': c.accent, ...labelStyle(c) } },
    { selector: 'node[kind = "me"]', style: { width: 30, height: 30, 'background-color': c.warm, 'font-weight': 'bold' } },
    { selector: 'node[kind = "circle"]', style: { shape: 'round-rectangle', width: 22, height: 22, 'background-color': c.muted, 'font-weight': 'bold' } },
    { selector: 'node[kind = "organization"]', style: { shape: 'diamond', width: 16, height: 16, 'background-color': c.panel, 'border-width': 2, 'border-color': c.muted } },
    { selector: 'node.focus', style: { width: 26, height: 26, 'border-width': 3, 'border-color': c.focus, 'font-weight': 'bold' } },
    { selector: 'edge', style: { width: 1, 'line-color': c.line, 'curve-style': 'haystack' } },
    { selector: 'edge[kind = "works_at"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "link"], edge[kind = "path"]', style: { width: 1.5, 'line-color': c.accent, opacity: crowded ? 0.3 : 0.7, 'curve-style': 'straight' } },
    { selector: '.dim', style: { opacity: 0.4 } },
    { selector: 'edge.dim', style: { opacity: 0.12 } },
    { selector: 'node.on-path', style: { 'background-color': c.warm, 'border-width': 3, 'border-color': c.focus, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': c.warm, opacity: 1, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': c.focus } },
    { selector: 'node.face', style: { 'background-fit': 'cover', 'background-clip': 'node', 'border-width': 1.5, 'border-color': c.panel } },
    { selector: 'node.face.on-path, node.face.focus', style: { 'border-width': 3, 'border-color': c.focus } },
  ];
}

/** Rings from the centre of a whole map: you, circles, people (the most tied inward, on a few
 * rings rather than one too thin to see), organizations outside. */
function ring(node) {
  const kind = node.data('kind');
  if (kind === 'me') return 1000;
  if (kind === 'circle') return 900;
  if (kind === 'organization') return 0;
  return 10 + node.degree(false);
}

/** Rings of a neighbourhood: the person, you, one link away, organizations, two hops away. */
function neighbourhoodRing(node, focus) {
  const id = node.id();
  if (id === focus) return 6;
  if (id === 'me') return 5;
  const from = node.data('from');
  if (node.data('kind') === 'organization') return 3;
  return from === focus ? 4 : 2;
}

function elements(map) {
  const nodes = [...map.nodes]
    .sort((a, b) => (a.parent ?? '').localeCompare(b.parent ?? '') || a.label.localeCompare(b.label))
    .map((node) => ({ group: 'nodes', classes: node.id === map.focus ? 'focus' : '', data: { id: node.id, label: node.label, kind: node.kind, recordId: node.recordId, from: node.parent, photo: node.photo } }));
  const edges = map.edges.map((edge, i) => ({ group: 'edges', data: { id: `e${i}`, source: edge.source, target: edge.target, kind: edge.kind, linkKind: edge.linkKind } }));
  return [...nodes, ...edges];
}

/** Draws the faces of the people on the map who have a photo, once their thumbnails arrive. */
async function showFaces(cy) {
  const container = cy.container();
  // How many faces are drawn, for the end-to-end test (the canvas cannot be read back).
  container.dataset.faces = '0';
  const withPhoto = cy.nodes().filter((node) => node.data('photo') != null);
  if (withPhoto.empty()) return;
  const faces = await thumbnailsOf(withPhoto.map((node) => node.data('photo')));
  if (cy.destroyed()) return;
  const shown = withPhoto.filter((node) => faces.has(node.data('photo')));
  cy.batch(() => shown.forEach((node) => node.addClass('face').style('background-image', faces.get(node.data('photo')))));
  container.dataset.faces = String(shown.length);
}

/** Which labels win a place first: you, the person in focus, a path, circles, then by ties. */
function rank(node) {
  if (node.id() === 'me' || node.hasClass('focus')) return 1000;
  if (node.hasClass('on-path') || node.selected()) return 900;
  const kind = node.data('kind');
  return (kind === 'circle' ? 500 : kind === 'person' ? 200 : 100) + node.degree(false);
}

/**
 * Draws `map` in `canvas` (`map.focus` set: a neighbourhood). Returns { cy, drawPath(path,
 * target), clearPath() }; `onChoose(node)` and `onOpen(node)` hear a tap and a double tap.
 */
export function drawPeople({ canvas, map, onChoose, onOpen }) {
  // Many lines over the names: lighter, so that the names stay legible.
  const base = style(colours(), map.edges.length > 150);
  const focus = map.focus;
  const cy = cytoscape({
    container: canvas,
    elements: elements(map),
    style: base,
    layout: {
      name: 'concentric',
      concentric: focus ? (node) => neighbourhoodRing(node, focus) : ring,
      levelWidth: focus ? () => 1 : (nodes) => Math.max(1, (nodes.filter('[kind = "person"]').maxDegree(false) - 1) / 3),
      minNodeSpacing: focus ? 34 : 22,
      animate: false,
      padding: 24,
    },
    minZoom: 0.05,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    pixelRatio: 'auto',
  });
  if (focus) {
    // You above the neighbourhood, so that a warm path runs from the top down to the person.
    const centre = cy.getElementById(focus).position();
    const reach = Math.max(60, ...cy.nodes().map((n) => Math.hypot(n.position('x') - centre.x, n.position('y') - centre.y)));
    cy.getElementById('me').position({ x: centre.x, y: centre.y - reach - 50 });
    cy.fit(undefined, 24);
  }
  const keep = () => cy.nodes('.on-path, :selected');
  // Dots stay visible when a large map is fitted: never under 8 pixels on screen.
  const sized = () => {
    const zoom = cy.zoom();
    const at = (px, model) => Math.max(model, px / zoom);
    return [...base,
      { selector: 'node[kind = "person"]', style: { width: at(6, 14), height: at(6, 14) } },
      { selector: 'node[kind = "organization"]', style: { width: at(10, 16), height: at(10, 16), 'border-width': at(1.5, 2) } },
      { selector: 'node.focus', style: { width: at(20, 26), height: at(20, 26) } },
      { selector: 'edge[kind = "link"], edge[kind = "path"]', style: { width: at(1, 1.5) } },
      { selector: 'edge.on-path', style: { width: at(3, 4) } }];
  };
  keepLabelsReadable(cy, sized, rank, canvas, keep);
  showFaces(cy);
  cy.on('tap', 'node', (event) => onChoose(event.target));
  cy.on('dbltap', 'node[kind = "person"]', (event) => onOpen(event.target));

  function clearPath() {
    cy.elements().removeClass('dim on-path');
    cy.remove('.path-extra');
    delete canvas.dataset.path;
  }

  /** Draws `path` (steps from the first person to the target; you implied) and fits it. */
  function drawPath(path, targetNode) {
    clearPath();
    const chain = ['me', ...path.steps.map((s) => `p${s.person.id}`)];
    if (targetNode && targetNode.data('kind') === 'organization') chain.push(targetNode.id());
    // Someone on the path who is not on this map is added, between their neighbours on it.
    const labels = new Map(path.steps.map((s) => [`p${s.person.id}`, s.person.displayName]));
    const known = chain.map((id) => cy.getElementById(id).nonempty());
    chain.forEach((id, i) => {
      if (known[i]) return;
      const before = cy.getElementById(chain[i - 1]).position();
      const after = chain.slice(i + 1).map((next) => cy.getElementById(next)).find((n) => n.nonempty());
      const to = after ? after.position() : { x: before.x + 80, y: before.y };
      cy.add({ group: 'nodes', classes: 'path-extra', data: { id, label: labels.get(id) ?? id, kind: 'person', recordId: Number(id.slice(1)) }, position: { x: (before.x + to.x) / 2 + 40, y: (before.y + to.y) / 2 } });
    });
    cy.elements().addClass('dim');
    chain.forEach((id, i) => {
      const node = cy.getElementById(id);
      node.removeClass('dim').addClass('on-path');
      if (i === 0) return;
      // The tie may be a link on the map, or a shared interaction the map does not draw.
      const existing = node.edgesWith(cy.getElementById(chain[i - 1]));
      if (existing.length) existing.removeClass('dim').addClass('on-path');
      else cy.add({ group: 'edges', classes: 'path-extra on-path', data: { id: `path-${i}`, source: chain[i - 1], target: id, kind: 'path' } });
    });
    canvas.dataset.path = chain.map((id) => cy.getElementById(id).data('label')).join(' → ');
    // In a neighbourhood the view stays as it is (the path is inside it); on a map, it is fitted.
    if (!focus) cy.fit(cy.elements('.on-path'), 60);
    scaleLabels(cy, sized());
    placeLabels(cy, rank, canvas, keep());
  }

  return { cy, drawPath, clearPath };
}
