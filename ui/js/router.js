// Which view the main pane shows: drawing each one from what it loads, going from one to another
// (and the top bar's buttons for that), redrawing after changes made elsewhere, and a follow-up
// opened from a notification's link.

import { viewActions } from './actions.js';
import { call } from './api.js';
import { replaceChildren } from './dom.js';
import { $, main, search, showFatal, toast } from './page.js';
import { renderSidebar, runSearch } from './sidebar.js';
import { loadFollowups, loadPeople, state } from './state.js';
import { dataView } from './views/data.js';
import { personForm } from './views/person-form.js';
import { personPage } from './views/person-page.js';
import { settingsView } from './views/settings.js';
import { todayView } from './views/today.js';
import { showBrainstorm, showMeeting, showMeetings, showOpportunities, showPitchBuilder, showPitches, showProgress } from './workflow.js';

const { addPerson, addCircle, updatePerson, followupActions, personActions, planActions, context } = viewActions({ show, renderMain });

async function showNetwork() {
  // The map's graph library is large: loaded the first time the map is opened, not at start.
  const { networkView } = await import('./views/network.js');
  const view = networkView({
    call,
    place: state.mapPlace,
    remember: (place) => { state.mapPlace = place; },
    openPerson: (id) => show({ name: 'person', id }),
  });
  replaceChildren(main, view);
  state.network = view;
  await view.start();
}

async function showData() {
  // A backup folder that is gone (an unplugged drive) must not keep import and export away.
  const [backups, duplicates] = await Promise.all([
    call('list_backups').catch((error) => ({ error: error.message })),
    call('likely_duplicates'),
  ]);
  const changed = async () => { await Promise.all([loadPeople(), loadFollowups()]); renderSidebar(); };
  replaceChildren(main, dataView({ call, backups, duplicates, onImported: changed, onChanged: changed, toast }));
}

async function showSettings() {
  const settings = await call('get_settings');
  replaceChildren(main, settingsView({ settings, call, openData: () => show({ name: 'data' }) }));
}

export async function renderMain() {
  const view = state.view;
  if (state.network) { state.network.stop(); state.network = null; }
  if (view.name === 'today') {
    const [overview, opportunities, plan] = await Promise.all([call('today_overview'), call('list_opportunities', { includeClosed: false }), call('weekly_plan')]);
    replaceChildren(main, todayView({
      plan,
      planActions: planActions(),
      followups: state.followups,
      laterTotal: state.laterTotal,
      searchPeople: (query) => call('search_people', { query }),
      overview,
      opportunities,
      actions: {
        ...followupActions(),
        openMeeting: (id) => show({ name: 'meeting', id }),
        openBrainstorm: () => show({ name: 'brainstorm' }),
        openOpportunities: () => show({ name: 'opportunities' }),
      },
    }));
  } else if (view.name === 'new-person') {
    replaceChildren(main, personForm({ circles: state.circles, onSave: addPerson, onAddCircle: addCircle, onCancel: () => show({ name: 'today' }) }));
  } else if (view.name === 'edit-person') {
    const person = await call('get_person', { id: view.id });
    replaceChildren(main, personForm({ person, circles: state.circles, onSave: (input) => updatePerson(person.id, input), onAddCircle: addCircle, onCancel: () => show({ name: 'person', id: person.id }) }));
  } else if (view.name === 'brainstorm') {
    await showBrainstorm(context);
  } else if (view.name === 'meetings') {
    await showMeetings(context);
  } else if (view.name === 'meeting') {
    await showMeeting(context, view.id);
  } else if (view.name === 'pitches') {
    await showPitches(context);
  } else if (view.name === 'pitch-builder') {
    await showPitchBuilder(context);
  } else if (view.name === 'progress') {
    await showProgress(context);
  } else if (view.name === 'opportunities') {
    await showOpportunities(context);
  } else if (view.name === 'network') {
    await showNetwork();
  } else if (view.name === 'data') {
    await showData();
  } else if (view.name === 'settings') {
    await showSettings();
  } else if (view.name === 'person') {
    try {
      const [person, timeline, meetings, photo, addresses, sync] = await Promise.all([
        call('get_person', { id: view.id }), call('person_timeline', { id: view.id }), call('list_meetings', { personId: view.id }),
        call('person_photo', { id: view.id }), call('person_addresses', { id: view.id }),
        // What sync did is a side note: trouble reading it leaves the page as it was without it.
        call('person_sync', { id: view.id }).catch(() => ({ changes: [], removedFrom: [] })),
      ]);
      replaceChildren(main, personPage({ person, timeline, meetings, photo, addresses, sync, actions: personActions(person) }));
    } catch (error) {
      if (error.code !== 'not_found') throw error;
      state.view = { name: 'today' };
      return renderMain();
    }
  }
  for (const [button, names] of [['show-today', ['today']], ['show-brainstorm', ['brainstorm']], ['show-meetings', ['meetings', 'meeting']], ['show-pitches', ['pitches', 'pitch-builder']], ['show-progress', ['progress']], ['show-opportunities', ['opportunities']], ['show-network', ['network']], ['show-data', ['data']], ['show-settings', ['settings']]]) {
    $(button).setAttribute('aria-current', names.includes(view.name) ? 'page' : 'false');
  }
}

export async function show(view) {
  $('toast').hidden = true;
  state.view = view;
  renderSidebar();
  await renderMain();
  main.scrollTop = 0;
  // A view that focused its own first field (a form) keeps it; otherwise the view itself.
  if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

/** Views that only show data, safe to redraw when the store changes elsewhere. Forms, run mode
 * and rehearsal are left alone so that nothing typed or timed is lost. */
const REDRAWN_ON_CHANGE = new Set(['today', 'meetings', 'opportunities', 'progress']);

/** Reloads from the store after changes elsewhere (the CLI, a notification going out). */
export async function refresh() {
  await Promise.all([loadPeople(), loadFollowups()]);
  if (search.value.trim()) await runSearch();
  else renderSidebar();
  if (REDRAWN_ON_CHANGE.has(state.view.name) && !main.contains(document.activeElement)) await renderMain();
}

/** The top bar's buttons, each going to its view. */
export function wireNavigation() {
  $('add-person').addEventListener('click', () => show({ name: 'new-person' }));
  $('show-today').addEventListener('click', () => show({ name: 'today' }));
  $('show-brainstorm').addEventListener('click', () => show({ name: 'brainstorm' }));
  $('show-meetings').addEventListener('click', () => show({ name: 'meetings' }));
  $('show-pitches').addEventListener('click', () => show({ name: 'pitches' }));
  $('show-progress').addEventListener('click', () => show({ name: 'progress' }));
  $('show-opportunities').addEventListener('click', () => show({ name: 'opportunities' }));
  $('show-network').addEventListener('click', () => show({ name: 'network' }));
  $('show-data').addEventListener('click', () => show({ name: 'data' }));
  $('show-settings').addEventListener('click', () => show({ name: 'settings' }));
}

export function focusFollowupFromHash() {
  const match = /followup=(\d+)/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, '', window.location.pathname);
  show({ name: 'today' }).then(() => {
    const row = main.querySelector(`[data-followup-id="${match[1]}"]`);
    if (row) { row.classList.add('highlight'); row.scrollIntoView({ block: 'center' }); }
  });
}
