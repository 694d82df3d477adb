// The people list at the side and the search box that filters it: who is listed (everyone, or
// what a search found), who is selected, the count in its heading and the archived toggle.

import { call } from './api.js';
import { $, search, showFatal } from './page.js';
import { loadPeople, state } from './state.js';
import { renderPeopleList } from './views/people-list.js';

/** The router's `show`, given by `wireSidebar`: the router imports the sidebar, not the reverse. */
let show = async () => {};

export async function runSearch() {
  const query = search.value.trim();
  state.results = query ? await call('search_people', { query }) : null;
  renderSidebar();
}

export function renderSidebar() {
  const query = search.value.trim();
  renderPeopleList($('people-list'), {
    people: state.results ?? state.people,
    complete: state.peopleComplete,
    query: state.results ? query : '',
    selectedId: state.view.name === 'person' ? state.view.id : null,
    onSelect: (id) => show({ name: 'person', id }),
  });
  $('people-heading').textContent = state.peopleComplete ? `People · ${state.people.length}` : 'People';
  document.body.dataset.peopleRendered = 'true';
}

export function focusSearch() {
  search.focus();
  search.select();
}

let searchTimer;

/** Listens to the search box and the archived toggle; `router.show` opens a person's page. */
export function wireSidebar(router) {
  show = router.show;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch().catch(showFatal), 80);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { search.value = ''; runSearch().catch(showFatal); }
    if (event.key === 'Enter') {
      const first = $('people-list').querySelector('.person-row');
      if (first) first.click();
    }
  });
  $('show-archived').addEventListener('change', async (event) => {
    state.includeArchived = event.target.checked;
    await loadPeople();
    renderSidebar();
  });
}
