// The Network screen. Up to PEOPLE_DRAWN people, the map draws everyone (you, circles, people,
// organizations); beyond, it opens on the network at a glance (bubbles of circles and the
// largest organizations) and choosing a bubble opens it, until few enough people are in sight
// to draw them. Choosing a person shows their neighbourhood, two hops out, with the warm
// introductions to them drawn inside it. A breadcrumb leads back; the filters narrow any map.

import { h, replaceChildren } from '../dom.js';
import { bubbleTable, drawBubbles, peopleText } from './network-bubbles.js';
import { drawPeople } from './network-draw.js';

/** Up to this many people, a map draws them all; beyond, it shows bubbles. */
export const PEOPLE_DRAWN = 300;

const LEGEND = {
  overview: 'Bubbles: your circles (left) and your largest organizations (right), sized by their people; bands: people a circle and an organization share. Choose a bubble to open it.',
  map: '● person   ■ circle   ◆ organization — blue lines: introductions, referrals and other links; dashed: works at. Choose a person to see their neighbourhood; scroll to zoom.',
  neighbourhood: 'Their links (blue), where they work (◆, dashed), and people two hops away; the warm path in orange. Choose someone to move to them; double-click to open their page.',
};

function filterSelect(id, label, options, value, onChange) {
  return h('span', { class: 'field inline' },
    h('label', { for: id }, label),
    h('select', { id, onchange: (event) => onChange(event.target.value || null) },
      h('option', { value: '' }, 'All'),
      options.map((o) => h('option', { value: o, selected: o === value }, o))));
}

/**
 * networkView({ call, place, remember, openPerson }) → element; `await view.start()` once it is
 * in the document. `place` is { filter: { circle, organization, tag }, person: { id, label } };
 * `remember(place)` keeps it for the next visit.
 */
export function networkView({ call, place: initial, remember, openPerson }) {
  let place = { filter: { ...(initial?.filter ?? {}) }, person: initial?.person ?? null };
  let options = null;
  let drawing = null;
  let currentMap = null;
  // Each move counts: an answer that arrives after a newer move, or after the view left, is dropped.
  let moves = 0;
  const canvas = h('div', { id: 'network-canvas', class: 'network-canvas', role: 'img', 'aria-label': 'Network map' });
  const side = h('aside', { class: 'network-side card', 'aria-live': 'polite' });
  const crumbs = h('nav', { id: 'network-crumbs', class: 'crumbs', 'aria-label': 'Where you are on the map' });
  const filters = h('div', { class: 'network-filters' });
  const legend = h('p', { class: 'hint legend' });
  const findInput = h('input', { id: 'network-find', type: 'search', list: 'network-names', placeholder: 'Person or organization…', autocomplete: 'off' });
  const names = h('datalist', { id: 'network-names' });
  const finder = h('span', { class: 'field inline' }, h('label', { for: 'network-find' }, 'Warm path to'),
    h('span', { class: 'find-row' }, findInput, names, h('button', { type: 'button', class: 'small', onclick: () => find() }, 'Find')));

  const view = h('div', { id: 'network', class: 'network' },
    h('div', { class: 'network-head' }, h('h1', { class: 'page-title' }, 'Network'), filters), crumbs,
    h('div', { class: 'network-body' }, canvas, side), legend);

  const withFilter = (change) => go({ filter: { ...place.filter, ...change }, person: null });

  function renderHead() {
    const { circle, organization, tag } = place.filter;
    replaceChildren(filters,
      filterSelect('filter-circle', 'Circle', options.circles, circle, (value) => withFilter({ circle: value })),
      filterSelect('filter-organization', 'Organization', options.organizations, organization, (value) => withFilter({ organization: value })),
      filterSelect('filter-tag', 'Tag', options.tags, tag, (value) => withFilter({ tag: value })),
      finder);
    const trail = [{ label: 'Network', place: { filter: { tag }, person: null } }];
    if (circle) trail.push({ label: circle, place: { filter: { circle, tag }, person: null } });
    if (organization) trail.push({ label: organization, place: { filter: { circle, organization, tag }, person: null } });
    if (place.person) trail.push({ label: place.person.label });
    replaceChildren(crumbs, h('ol', {}, trail.map((step, i) => h('li', {},
      i > 0 ? h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '›') : null,
      i === trail.length - 1
        ? h('span', { 'aria-current': 'location' }, step.label)
        : h('button', { type: 'button', class: 'link', onclick: () => go(step.place) }, step.label)))));
  }

  function stopDrawing() {
    if (drawing) drawing.cy.destroy();
    drawing = null;
    currentMap = null;
    delete canvas.dataset.path;
    delete canvas.dataset.labels;
  }

  async function go(next) {
    const started = performance.now();
    const move = ++moves;
    place = { filter: Object.fromEntries(Object.entries(next.filter).filter(([, v]) => v)), person: next.person ?? null };
    remember(place);
    view.dataset.ready = 'false';
    let overview = null;
    let map = null;
    let paths = null;
    if (place.person) {
      const target = { type: 'person', id: place.person.id };
      [map, paths, overview] = await Promise.all([
        call('person_neighbourhood', { personId: place.person.id }),
        call('warm_paths', { target, maxHops: 3, limit: 5 }),
        options ? null : call('network_overview', { filter: {} }),
      ]);
    } else {
      overview = await call('network_overview', { filter: place.filter });
      if (overview.people <= PEOPLE_DRAWN) map = await call('network_map', { filter: place.filter });
    }
    if (move !== moves) return;
    view.dataset.loadedMs = String(Math.round(performance.now() - started));
    if (overview) options = { circles: overview.circles, organizations: overview.organizations, tags: overview.tags };
    stopDrawing();
    renderHead();
    const mode = place.person ? 'neighbourhood' : map ? 'map' : 'overview';
    view.dataset.mode = mode;
    legend.textContent = LEGEND[mode];
    if (map) {
      currentMap = map;
      const people = map.nodes.filter((n) => n.kind === 'person').length;
      canvas.setAttribute('aria-label', place.person ? `Network map: ${place.person.label}'s neighbourhood, ${people} people` : `Network map: ${people} people with their circles and organizations`);
      drawing = drawPeople({ canvas, map, onChoose: choose, onOpen: (node) => openPerson(node.data('recordId')) });
      replaceChildren(names, [...new Set([...map.nodes.filter((n) => n.kind === 'person').map((n) => n.label), ...options.organizations])].map((label) => h('option', { value: label })));
    } else {
      canvas.setAttribute('aria-label', `Network map at a glance: ${peopleText(overview)} in your circles and organizations; the same as a table beside it`);
      drawing = drawBubbles({ canvas, overview, onChoose: chooseBubble });
      replaceChildren(names, options.organizations.map((label) => h('option', { value: label })));
    }
    if (place.person) showPaths(place.person.label, 'person', paths, drawing.cy.getElementById(`p${place.person.id}`));
    else if (map) replaceChildren(side, h('p', { class: 'hint' }, 'Choose a person to see their neighbourhood and the warm introductions to them, or an organization for the introductions there — on the map or by name.'));
    else overviewSide(overview);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      view.dataset.drawnMs = String(Math.round(performance.now() - started));
      view.dataset.ready = 'true';
    }));
  }

  function overviewSide(overview, note = null) {
    replaceChildren(side,
      note,
      h('p', { class: 'hint' }, `${peopleText(overview)} are too many to draw one by one: choose a circle or an organization to open it.`),
      bubbleTable(overview, (bubble) => chooseBubble(bubble, overview)));
    side.overview = overview;
  }

  function chooseBubble(bubble, overview = side.overview) {
    if (bubble.kind === 'circle') withFilter({ circle: bubble.label });
    else if (bubble.kind === 'organization') withFilter({ organization: bubble.label });
    else if (bubble.kind === 'other_organizations') {
      overviewSide(overview, h('div', { class: 'other-organizations' },
        h('h2', {}, bubble.label),
        h('ul', { class: 'plain' }, overview.otherOrganizations.map((o) => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => withFilter({ organization: o.name }) }, o.name),
          h('span', { class: 'hint' }, ` ${peopleText(o)}`)))),
        overview.otherOrganizationCount > overview.otherOrganizations.length
          ? h('p', { class: 'hint' }, `The largest ${overview.otherOrganizations.length} of them; choose any other in the Organization menu.`)
          : null));
    } else if (bubble.kind === 'no_circle') {
      overviewSide(overview, h('p', { class: 'hint' }, `${peopleText(bubble)} are in no circle yet: give them one on their page.`));
    }
  }

  function showPaths(label, kind, paths, node) {
    const list = h('ol', { class: 'path-list', id: 'warm-paths' }, paths.map((path, i) => h('li', {},
      h('button', { type: 'button', class: 'path-row', dataset: { path: String(i) }, onclick: () => drawing.drawPath(path, node) },
        h('span', {}, path.explanation),
        h('span', { class: 'hint' }, ` ${path.hops} ${path.hops === 1 ? 'hop' : 'hops'}`)))));
    const recordId = node.nonempty() ? node.data('recordId') : null;
    replaceChildren(side,
      h('h2', {}, label),
      kind === 'person' ? h('button', { type: 'button', class: 'ghost small', onclick: () => openPerson(place.person.id) }, 'Open their page') : null,
      kind === 'organization' && recordId !== null && place.filter.organization !== label
        ? h('button', { type: 'button', class: 'ghost small', onclick: () => withFilter({ organization: label }) }, 'Show who is there') : null,
      h('h3', {}, 'Warm introductions'),
      paths.length ? list : h('p', { class: 'hint' }, 'No one you know leads there within three introductions yet.'),
      paths.length ? h('button', { type: 'button', class: 'link', onclick: () => drawing.clearPath() }, 'Clear the path') : null);
    if (paths.length) drawing.drawPath(paths[0], node);
  }

  async function choose(node) {
    const kind = node.data('kind');
    if (kind === 'person') {
      if (place.person && place.person.id === node.data('recordId')) return;
      await go({ filter: place.filter, person: { id: node.data('recordId'), label: node.data('label') } });
    } else if (kind === 'organization') {
      drawing.cy.$(':selected').unselect();
      node.select();
      const label = node.data('label');
      replaceChildren(side, h('h2', {}, label), h('p', { class: 'hint' }, 'Looking for warm introductions…'));
      try {
        showPaths(label, kind, await call('warm_paths', { target: { type: 'organization', id: node.data('recordId') }, maxHops: 3, limit: 5 }), node);
      } catch (error) {
        replaceChildren(side, h('h2', {}, label), h('p', { class: 'form-error', role: 'alert' }, error.message));
      }
    } else if (kind === 'circle' && !place.filter.circle) {
      withFilter({ circle: node.data('label') });
    }
  }

  /** "Warm path to": someone or an organization on this map, else anyone by name. */
  async function find() {
    const typed = findInput.value.trim();
    const wanted = typed.toLowerCase();
    if (!wanted) return;
    const onMap = currentMap ? drawing.cy.nodes().filter((n) => ['person', 'organization'].includes(n.data('kind')) && n.data('label').toLowerCase() === wanted).first() : null;
    if (onMap && onMap.nonempty()) return choose(onMap);
    const organization = options.organizations.find((o) => o.toLowerCase() === wanted);
    if (organization) {
      await withFilter({ organization });
      const node = currentMap ? drawing.cy.nodes(`[kind = "organization"]`).filter((n) => n.data('label') === organization).first() : null;
      if (node && node.nonempty()) await choose(node);
      return;
    }
    const found = await call('search_people', { query: typed });
    const person = found.find((p) => p.displayName.toLowerCase() === wanted) ?? found[0];
    if (person) await go({ filter: place.filter, person: { id: person.id, label: person.displayName } });
    else replaceChildren(side, h('p', { class: 'hint' }, `No one called “${typed}” in your network.`));
  }
  findInput.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); find(); } });

  view.start = () => go(place);
  view.stop = () => { moves += 1; stopDrawing(); };
  return view;
}
