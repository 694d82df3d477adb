// The sidebar: everyone grouped by circle, or the search results.
//
// Everyone can be 30,000 people (LinkedIn's cap), so the grouped list is virtual: it keeps the
// height of all the rows but builds only those in sight (and a few either side), again as it
// scrolls. Rows and circle headings have fixed heights, set in style.css. Faces come with the
// rows drawn: only their thumbnails are fetched (faces.js), never 30,000 photos up front.

import { h, replaceChildren } from '../dom.js';
import { avatar } from '../faces.js';
import { groupByCircle } from '../format.js';

/** Rows built beyond the visible ones, above and below. */
const OVERSCAN = 10;
/** Rows built before the list has a height (hidden, or not laid out yet). */
const UNMEASURED_ROWS = 40;

function row(person, selectedId, onSelect) {
  const detail = [person.title, person.organization].filter(Boolean).join(' · ');
  return h(
    'button',
    {
      type: 'button',
      class: `person-row${person.id === selectedId ? ' selected' : ''}${person.archived ? ' archived' : ''}`,
      dataset: { personId: String(person.id) },
      'aria-current': person.id === selectedId ? 'true' : null,
      onclick: () => onSelect(person.id),
    },
    avatar(person),
    h('span', { class: 'person-text' },
      h('span', { class: 'person-name' }, person.displayName),
      detail ? h('span', { class: 'person-detail' }, detail) : null),
    person.archived ? h('span', { class: 'badge' }, 'archived') : null,
  );
}

/** What each list was last drawn from, and its virtual window. */
const drawn = new WeakMap();

function moveSelection(container, selectedId) {
  for (const button of container.querySelectorAll('.person-row.selected, .person-row[data-person-id="' + selectedId + '"]')) {
    const selected = Number(button.dataset.personId) === selectedId;
    button.classList.toggle('selected', selected);
    if (selected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

/** Headings and people in order, each with its offset from the top. */
export function layoutItems(people, rowHeight, headingHeight, complete = true) {
  const items = [];
  let top = 0;
  for (const group of groupByCircle(people)) {
    // Counted only once everyone is in.
    items.push({ heading: group.circle ?? 'No circle', count: complete ? group.people.length : null, top });
    top += headingHeight;
    for (const person of group.people) {
      items.push({ person, top });
      top += rowHeight;
    }
  }
  return { items, height: top };
}

/** The index of the last item starting at or above `offset`. */
export function itemAt(items, offset) {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (items[middle].top <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function pixels(container, property, fallback) {
  return parseFloat(getComputedStyle(container).getPropertyValue(property)) || fallback;
}

function virtualList(container, people, complete, state) {
  const rowHeight = pixels(container, '--person-row-height', 44);
  const { items, height } = layoutItems(people, rowHeight, pixels(container, '--circle-heading-height', 30), complete);
  const space = h('div', { class: 'people-window', style: { height: `${height}px` } });
  const view = { items, space, first: -1, last: -1 };

  const draw = () => {
    const visible = container.clientHeight;
    const offset = Math.max(0, container.scrollTop - space.offsetTop);
    const first = Math.max(0, itemAt(items, offset) - OVERSCAN);
    const last = visible
      ? Math.min(items.length - 1, itemAt(items, offset + visible) + OVERSCAN)
      : Math.min(items.length - 1, UNMEASURED_ROWS);
    if (first === view.first && last === view.last) return;
    view.first = first;
    view.last = last;
    // The row with the keyboard focus is built again below: give it the focus back.
    const focused = space.contains(document.activeElement) ? document.activeElement.dataset?.personId : null;
    replaceChildren(space, items.slice(first, last + 1).map((item) => {
      const element = item.person
        ? row(item.person, state.selectedId, state.onSelect)
        : h('h3', { class: 'circle-name' }, item.heading, item.count === null ? null : h('span', { class: 'count-quiet' }, ` ${item.count}`));
      element.style.top = `${item.top}px`;
      return element;
    }));
    if (focused) space.querySelector(`.person-row[data-person-id="${focused}"]`)?.focus({ preventScroll: true });
  };

  let pending = false;
  const onScroll = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  };
  // Up and down arrows walk the people, building rows as they come into sight.
  const onKeydown = (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const id = Number(event.target.closest?.('.person-row')?.dataset.personId);
    if (!id) return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    let index = items.findIndex((item) => item.person?.id === id) + step;
    while (items[index] && !items[index].person) index += step;
    const target = items[index];
    if (!target) return;
    event.preventDefault();
    const top = space.offsetTop + target.top;
    if (top < container.scrollTop) container.scrollTop = top;
    else if (top + rowHeight > container.scrollTop + container.clientHeight) container.scrollTop = top + rowHeight - container.clientHeight;
    draw();
    space.querySelector(`.person-row[data-person-id="${target.person.id}"]`)?.focus();
  };
  container.addEventListener('scroll', onScroll, { passive: true });
  container.addEventListener('keydown', onKeydown);
  // A taller window shows more rows.
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : null;
  resized?.observe(container);
  view.detach = () => {
    container.removeEventListener('scroll', onScroll);
    container.removeEventListener('keydown', onKeydown);
    resized?.disconnect();
  };
  view.draw = draw;
  return view;
}

/** `complete` is false while only the first screen of people is loaded. */
export function renderPeopleList(container, { people, complete = true, query, selectedId, onSelect }) {
  const last = drawn.get(container);
  if (last) last.state.selectedId = selectedId;
  if (last && last.people === people && last.query === query) {
    moveSelection(container, selectedId);
    return;
  }
  last?.view?.detach();
  const state = { selectedId, onSelect };
  drawn.set(container, { people, query, state });
  if (query) {
    replaceChildren(
      container,
      h('p', { class: 'list-caption' }, people.length >= 100
        ? `The first ${people.length} for “${query}”: type more to narrow it down.`
        : people.length ? `${people.length} found for “${query}”` : `No one matches “${query}”.`),
      h('ul', { class: 'people-rows', 'aria-label': `Found for “${query}”` }, people.map((p) => h('li', {}, row(p, selectedId, onSelect)))),
    );
    return;
  }
  if (!people.length) {
    replaceChildren(container, h('p', { class: 'empty' }, 'No one yet. Start with the people you already know: family, friends, classmates, professors, coworkers.'));
    return;
  }
  const view = virtualList(container, people, complete, state);
  drawn.get(container).view = view;
  // Where the reader was stays put when the rest of the list arrives.
  if (!last || last.query) container.scrollTop = 0;
  replaceChildren(container, view.space);
  view.draw();
}
