// The sidebar: everyone grouped by circle, or the search results.

import { h, replaceChildren } from '../dom.js';
import { groupByCircle, initials } from '../format.js';

function row(person, selectedId, onSelect) {
  const detail = [person.title, person.organization].filter(Boolean).join(' · ');
  return h('li', {}, h(
    'button',
    {
      type: 'button',
      class: `person-row${person.id === selectedId ? ' selected' : ''}${person.archived ? ' archived' : ''}`,
      dataset: { personId: String(person.id) },
      'aria-current': person.id === selectedId ? 'true' : null,
      onclick: () => onSelect(person.id),
    },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(person.displayName)),
    h('span', { class: 'person-text' },
      h('span', { class: 'person-name' }, person.displayName),
      detail ? h('span', { class: 'person-detail' }, detail) : null),
    person.archived ? h('span', { class: 'badge' }, 'archived') : null,
  ));
}

/** What the list was last drawn from: redrawing thousands of rows only to move the selection
 * would make every change of view slow, so then only the selection moves. */
const drawn = new WeakMap();

function moveSelection(container, selectedId) {
  for (const button of container.querySelectorAll('.person-row.selected, .person-row[data-person-id="' + selectedId + '"]')) {
    const selected = Number(button.dataset.personId) === selectedId;
    button.classList.toggle('selected', selected);
    if (selected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

export function renderPeopleList(container, { people, query, selectedId, onSelect }) {
  const last = drawn.get(container);
  if (last && last.people === people && last.query === query) {
    moveSelection(container, selectedId);
    return;
  }
  drawn.set(container, { people, query });
  if (query) {
    replaceChildren(
      container,
      h('p', { class: 'list-caption' }, people.length ? `${people.length} found for “${query}”` : `No one matches “${query}”.`),
      h('ul', { class: 'people-rows', 'aria-label': `Found for “${query}”` }, people.map((p) => row(p, selectedId, onSelect))),
    );
    return;
  }
  if (!people.length) {
    replaceChildren(container, h('p', { class: 'empty' }, 'No one yet. Start with the people you already know: family, friends, classmates, professors, coworkers.'));
    return;
  }
  replaceChildren(
    container,
    groupByCircle(people).map((group) =>
      h('section', { class: 'circle-group', 'aria-label': group.circle ?? 'No circle' },
        h('h3', { class: 'circle-name' }, group.circle ?? 'No circle', h('span', { class: 'count-quiet' }, ` ${group.people.length}`)),
        h('ul', { class: 'people-rows' }, group.people.map((p) => row(p, selectedId, onSelect))))),
  );
}
