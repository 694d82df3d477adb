// The network map: you at the centre, your circles, the people in them and where they work,
// drawn with cytoscape.js. Choosing a person or an organization shows the warm paths to them.

import cytoscape from '../../vendor/cytoscape/cytoscape.esm.min.js';
import { h, replaceChildren } from '../dom.js';

/** Rings from the centre: you, circles, people, organizations. */
const RING = { me: 4, circle: 3, person: 2, organization: 1 };

/** Above this many nodes, drawing shortcuts keep panning and zooming fluid. */
const LARGE = 600;

function colours() {
  const css = getComputedStyle(document.documentElement);
  const value = (name) => css.getPropertyValue(name).trim();
  return { text: value('--text'), muted: value('--muted'), line: value('--line'), accent: value('--accent'), warm: value('--warm'), panel: value('--panel'), focus: value('--focus') };
}

function style(c, large) {
  // On a large map a person's name shows when they are chosen or on a path (thousands of
  // labels make every frame slow); circles and organizations keep theirs.
  return [
    { selector: 'node', style: { width: 14, height: 14, 'background-color': c.accent } },
    { selector: large ? 'node[kind != "person"], node.on-path, node:selected' : 'node', style: { label: 'data(label)', 'font-size': 11, color: c.text, 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7 } },
    { selector: 'node[kind = "me"]', style: { width: 34, height: 34, 'background-color': c.warm, 'font-weight': 'bold', 'font-size': 14 } },
    { selector: 'node[kind = "circle"]', style: { shape: 'round-rectangle', width: 22, height: 22, 'background-color': c.muted, 'font-weight': 'bold', 'font-size': 12 } },
    { selector: 'node[kind = "organization"]', style: { shape: 'diamond', width: 16, height: 16, 'background-color': c.panel, 'border-width': 2, 'border-color': c.muted } },
    { selector: 'edge', style: { width: 1, 'line-color': c.line, 'curve-style': 'haystack' } },
    // Dashed lines are slow to draw by the thousand: on a large map they are plain.
    { selector: 'edge[kind = "works_at"]', style: { 'line-style': large ? 'solid' : 'dashed' } },
    // Links and path edges are straight (haystack, the cheapest, cannot be restyled as a path).
    { selector: 'edge[kind = "link"], edge[kind = "path"]', style: { width: 1.5, 'line-color': c.accent, opacity: 0.7, 'curve-style': 'straight' } },
    { selector: '.dim', style: { opacity: 0.12 } },
    { selector: 'node.on-path', style: { 'background-color': c.warm, 'border-width': 3, 'border-color': c.focus, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': c.warm, opacity: 1, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': c.focus } },
  ];
}

/** For a large map, people are grouped on the rings by circle and their member edges (implied
 * by the grouping) are left out: thousands of edges cost more to draw than anything else. */
function elements(map, large) {
  const nodes = [...map.nodes]
    .sort((a, b) => (a.parent ?? '').localeCompare(b.parent ?? '') || a.label.localeCompare(b.label))
    .map((node) => ({ group: 'nodes', data: { id: node.id, label: node.label, kind: node.kind, recordId: node.recordId } }));
  const edges = map.edges
    .map((edge, i) => ({ group: 'edges', data: { id: `e${i}`, source: edge.source, target: edge.target, kind: edge.kind, linkKind: edge.linkKind } }))
    .filter((edge) => !large || edge.data.kind !== 'member' || edge.data.source === 'me');
  return [...nodes, ...edges];
}

/** Positions for a large map: you at the centre, your circles around you, people filling a
 * disc outwards in circle order (the sunflower's spiral spaces them evenly whatever their
 * number), and organizations on a ring outside. A ring of thousands would be too thin to see. */
function sunflower(map) {
  const positions = {};
  const golden = Math.PI * (3 - Math.sqrt(5));
  const byKind = (kind) => map.nodes.filter((n) => n.kind === kind);
  positions.me = { x: 0, y: 0 };
  const circles = byKind('circle');
  circles.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(circles.length, 1);
    positions[n.id] = { x: 70 * Math.cos(angle), y: 70 * Math.sin(angle) };
  });
  const people = byKind('person').sort((a, b) => (a.parent ?? '').localeCompare(b.parent ?? ''));
  const spacing = 16;
  people.forEach((n, i) => {
    const r = 130 + spacing * Math.sqrt(i + 1) * 1.2;
    positions[n.id] = { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) };
  });
  const outer = 130 + spacing * Math.sqrt(people.length + 1) * 1.2 + 120;
  const organizations = byKind('organization');
  organizations.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(organizations.length, 1);
    positions[n.id] = { x: outer * Math.cos(angle), y: outer * Math.sin(angle) };
  });
  return positions;
}

function filterSelect(id, label, options, value, onChange) {
  return h('span', { class: 'field inline' },
    h('label', { for: id }, label),
    h('select', { id, onchange: (event) => onChange(event.target.value || null) },
      h('option', { value: '' }, 'All'),
      options.map((o) => h('option', { value: o, selected: o === value }, o))));
}

/**
 * networkView({ map, filter, onFilter, findPaths, openPerson }) → element; call `.start()` on
 * the returned element once it is in the document (cytoscape needs its size).
 */
export function networkView({ map, filter, onFilter, findPaths, openPerson }) {
  const canvas = h('div', { id: 'network-canvas', class: 'network-canvas', role: 'img', 'aria-label': `Network map: ${map.nodes.length - 1} people, circles and organizations` });
  const side = h('aside', { class: 'network-side card', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, 'Choose a person or an organization — on the map or by name — to see the warm introductions to them.'));
  const findInput = h('input', { id: 'network-find', type: 'search', list: 'network-names', placeholder: 'Person or organization…', autocomplete: 'off' });
  const names = h('datalist', { id: 'network-names' },
    map.nodes.filter((n) => n.kind === 'person' || n.kind === 'organization').map((n) => h('option', { value: n.label })));
  let cy = null;

  function clearPath() {
    if (!cy) return;
    cy.elements().removeClass('dim on-path');
    cy.remove('edge.path-edge');
    delete canvas.dataset.path;
  }

  function highlight(path, targetNode) {
    clearPath();
    const chain = ['me', ...path.steps.map((s) => `p${s.person.id}`)];
    if (targetNode && targetNode.data('kind') === 'organization') chain.push(targetNode.id());
    cy.elements().addClass('dim');
    // Someone on the path may be hidden by the filters: the path is drawn through who is shown.
    const shown = chain.filter((id) => cy.getElementById(id).nonempty());
    shown.forEach((id, i) => {
      const node = cy.getElementById(id);
      node.removeClass('dim').addClass('on-path');
      if (i === 0) return;
      // The tie may be a link on the map, or a shared interaction the map does not draw.
      const existing = node.edgesWith(cy.getElementById(shown[i - 1]));
      if (existing.length) existing.removeClass('dim').addClass('on-path');
      else cy.add({ group: 'edges', classes: 'path-edge on-path', data: { id: `path-${i}`, source: shown[i - 1], target: id, kind: 'path' } });
    });
    canvas.dataset.path = shown.map((id) => cy.getElementById(id).data('label')).join(' → ');
    cy.animate({ fit: { eles: cy.elements('.on-path'), padding: 60 } }, { duration: 250 });
  }

  async function choose(node) {
    const kind = node.data('kind');
    if (kind !== 'person' && kind !== 'organization') return;
    cy.$(':selected').unselect();
    node.select();
    const label = node.data('label');
    replaceChildren(side, h('h2', {}, label), h('p', { class: 'hint' }, 'Looking for warm introductions…'));
    let paths;
    try {
      paths = await findPaths({ type: kind, id: node.data('recordId') });
    } catch (error) {
      replaceChildren(side, h('h2', {}, label), h('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    const list = h('ol', { class: 'path-list', id: 'warm-paths' }, paths.map((path, i) => h('li', {},
      h('button', { type: 'button', class: 'path-row', dataset: { path: String(i) }, onclick: () => highlight(path, node) },
        h('span', {}, path.explanation),
        h('span', { class: 'hint' }, ` ${path.hops} ${path.hops === 1 ? 'hop' : 'hops'}`)))));
    replaceChildren(side,
      h('h2', {}, label),
      kind === 'person' ? h('button', { type: 'button', class: 'ghost small', onclick: () => openPerson(node.data('recordId')) }, 'Open their page') : null,
      h('h3', {}, 'Warm introductions'),
      paths.length ? list : h('p', { class: 'hint' }, 'No one you know leads there within three introductions yet.'),
      paths.length ? h('button', { type: 'button', class: 'link', onclick: clearPath }, 'Show the whole map') : null);
    if (paths.length) highlight(paths[0], node);
  }

  function find() {
    const wanted = findInput.value.trim().toLowerCase();
    if (!wanted || !cy) return;
    const node = cy.nodes().filter((n) => ['person', 'organization'].includes(n.data('kind')) && n.data('label').toLowerCase() === wanted).first();
    const fallback = node.length ? node : cy.nodes().filter((n) => ['person', 'organization'].includes(n.data('kind')) && n.data('label').toLowerCase().includes(wanted)).first();
    if (fallback.length) choose(fallback);
    else replaceChildren(side, h('p', { class: 'hint' }, `No one called “${findInput.value}” on this map.`));
  }
  findInput.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); find(); } });

  const view = h('div', { id: 'network', class: 'network' },
    h('div', { class: 'network-head' },
      h('h1', { class: 'page-title' }, 'Network'),
      h('div', { class: 'network-filters' },
        filterSelect('filter-circle', 'Circle', map.circles, filter.circle, (circle) => onFilter({ ...filter, circle })),
        filterSelect('filter-organization', 'Organization', map.organizations, filter.organization, (organization) => onFilter({ ...filter, organization })),
        filterSelect('filter-tag', 'Tag', map.tags, filter.tag, (tag) => onFilter({ ...filter, tag })),
        h('span', { class: 'field inline' }, h('label', { for: 'network-find' }, 'Warm path to'),
          h('span', { class: 'find-row' }, findInput, names, h('button', { type: 'button', class: 'small', onclick: find }, 'Find'))))),
    h('div', { class: 'network-body' }, canvas, side),
    h('p', { class: 'hint legend' }, '● person   ■ circle   ◆ organization   — blue lines: introductions, referrals and other links; grey lines: works at. Scroll to zoom, drag to move, double-click a person to open them.'));

  view.start = () => {
    const large = map.nodes.length > LARGE;
    cy = cytoscape({
      container: canvas,
      elements: elements(map, large),
      style: style(colours(), large),
      layout: large
        ? { name: 'preset', positions: sunflower(map) }
        : { name: 'concentric', concentric: (node) => RING[node.data('kind')], levelWidth: () => 1, minNodeSpacing: 18, animate: false },
      minZoom: 0.05,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
    });
    cy.on('tap', 'node', (event) => choose(event.target));
    cy.on('dbltap', 'node[kind = "person"]', (event) => openPerson(event.target.data('recordId')));
    view.dataset.ready = 'true';
  };
  view.stop = () => { if (cy) cy.destroy(); cy = null; };
  return view;
}
