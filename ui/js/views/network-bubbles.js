// The network at a glance, for a network too large to draw person by person: your circles in a
// column on the left, your largest organizations (and the others as one bubble) on the right,
// each a bubble sized by its people, with bands between them as wide as the people they share;
// you at the top. The same bubbles as a table, for the keyboard and screen readers.

import cytoscape from '../../vendor/cytoscape/cytoscape.esm.min.js';
import { h } from '../dom.js';
import { colours, labelStyle } from './network-draw.js';
import { keepLabelsReadable } from './network-labels.js';

const count = (n) => n.toLocaleString('en-US');

/** What a bubble's label and the table say of its people. */
export function peopleText(bubble) {
  return `${count(bubble.people)} ${bubble.people === 1 ? 'person' : 'people'}`;
}

function style(c) {
  return [
    { selector: 'node', style: { ...labelStyle(c), 'text-valign': 'center', width: 'data(size)', height: 'data(size)', 'background-color': c.accent, 'border-width': 1, 'border-color': c.panel } },
    { selector: 'node[labelSide = "left"]', style: { 'text-halign': 'left', 'text-justification': 'right' } },
    { selector: 'node[labelSide = "right"]', style: { 'text-halign': 'right', 'text-justification': 'left' } },
    { selector: 'node[kind = "me"]', style: { 'background-color': c.warm, 'font-weight': 'bold' } },
    { selector: 'node[kind = "circle"], node[kind = "no_circle"]', style: { 'background-color': c.muted } },
    { selector: 'node[kind = "other_organizations"]', style: { 'background-color': c.panel, 'border-width': 2, 'border-color': c.muted } },
    // Haystack lines are the cheapest to draw: zooming stays smooth under software rendering.
    { selector: 'edge', style: { width: 'data(width)', 'line-color': c.accent, opacity: 0.22, 'curve-style': 'haystack', 'haystack-radius': 0 } },
    { selector: 'edge[kind = "member"]', style: { 'line-color': c.muted, opacity: 0.25 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': c.focus } },
  ];
}

/** Positions in CSS pixels of a canvas `width` × `height`: drawn at zoom 1, nothing to fit. */
function layout(overview, width, height) {
  const left = overview.bubbles.filter((b) => b.kind === 'circle' || b.kind === 'no_circle');
  const right = overview.bubbles.filter((b) => b.kind === 'organization' || b.kind === 'other_organizations');
  const top = 52;
  const rows = Math.max(left.length, right.length, 1);
  const step = (height - top - 20) / rows;
  const biggest = Math.max(1, ...left.concat(right).map((b) => b.people));
  const largest = Math.max(14, Math.min(46, step - 6));
  const size = (b) => Math.round(10 + (largest - 10) * Math.sqrt(b.people / biggest));
  const column = (list, x, side) => list.map((b, i) => ({
    ...b, x, y: top + step * (i + 0.5) + (rows - list.length) * step / 2, size: size(b), side,
  }));
  const me = overview.bubbles.filter((b) => b.kind === 'me').map((b) => ({ ...b, x: width / 2, y: 22, size: 24, side: 'right' }));
  return [...me, ...column(left, width * 0.36, 'left'), ...column(right, width * 0.64, 'right')];
}

function elements(overview, width, height) {
  const placed = layout(overview, width, height);
  const ids = new Set(placed.map((b) => b.id));
  const nodes = placed.map((b) => ({
    group: 'nodes',
    position: { x: b.x, y: b.y },
    data: { id: b.id, kind: b.kind, recordId: b.recordId, name: b.label, people: b.people, size: b.size, labelSide: b.side, label: b.kind === 'me' ? `You · ${peopleText({ people: overview.people })}` : `${b.label} · ${count(b.people)}` },
  }));
  // Bands between a circle and an organization, and from you to each circle; links between
  // bubbles of one column are in the table (drawn, they would run along the column).
  const shown = overview.ties.filter((t) => t.kind !== 'links' && ids.has(t.source) && ids.has(t.target));
  const heaviest = Math.max(1, ...shown.filter((t) => t.kind === 'works_at').map((t) => t.weight));
  const edges = shown.map((t, i) => ({
    group: 'edges',
    data: { id: `t${i}`, source: t.source, target: t.target, kind: t.kind, weight: t.weight, width: t.kind === 'member' ? 1.5 : Math.max(1, 10 * t.weight / heaviest) },
  }));
  return [...nodes, ...edges];
}

/** Draws the bubbles in `canvas`; `onChoose(bubble)` hears a tap on one. */
export function drawBubbles({ canvas, overview, onChoose }) {
  const base = style(colours());
  const cy = cytoscape({
    container: canvas,
    elements: elements(overview, canvas.clientWidth || 600, canvas.clientHeight || 480),
    style: base,
    layout: { name: 'preset', fit: false },
    zoom: 1,
    pan: { x: 0, y: 0 },
    minZoom: 0.3,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    autoungrabify: true,
  });
  // Every bubble's label counts as much: the order only matters if the canvas is tiny.
  keepLabelsReadable(cy, base, (node) => node.data('people'), canvas, () => cy.nodes(':selected'), 210);
  cy.on('tap', 'node', (event) => {
    const bubble = overview.bubbles.find((b) => b.id === event.target.id());
    if (bubble) onChoose(bubble);
  });
  return { cy };
}

/** The bubbles as a table: circles, then organizations, each with its people (and, for a
 * circle, the links from its people to other circles); a button opens each one that opens. */
export function bubbleTable(overview, onChoose) {
  const opens = (b) => b.kind === 'circle' || b.kind === 'organization' || b.kind === 'other_organizations';
  const links = (b) => overview.ties.filter((t) => t.kind === 'links' && (t.source === b.id || t.target === b.id)).reduce((sum, t) => sum + t.weight, 0);
  const row = (b) => h('tr', { dataset: { kind: b.kind } },
    h('th', { scope: 'row' }, opens(b)
      ? h('button', { type: 'button', class: 'link bubble-open', dataset: { bubble: b.id }, onclick: () => onChoose(b) }, b.label)
      : b.label),
    h('td', { class: 'number' }, count(b.people)),
    h('td', { class: 'number' }, b.kind === 'circle' || b.kind === 'no_circle' ? count(links(b)) : '—'));
  const section = (title, kinds) => {
    const bubbles = overview.bubbles.filter((b) => kinds.includes(b.kind));
    return bubbles.length ? h('tbody', {}, h('tr', {}, h('th', { scope: 'colgroup', colspan: '3', class: 'section' }, title)), bubbles.map(row)) : null;
  };
  return h('table', { class: 'bubble-table', id: 'network-bubbles' },
    h('caption', {}, `The map as a table: ${peopleText({ people: overview.people })}; links out: from a circle's people to other circles`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col', class: 'number' }, 'People'), h('th', { scope: 'col', class: 'number' }, 'Links out'))),
    section('Circles', ['circle', 'no_circle']),
    section('Organizations', ['organization', 'other_organizations']));
}
