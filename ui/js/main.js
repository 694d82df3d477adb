// Rapport's window: wires the views to the commands and keeps what is shown in step with the store.

import { call, listen } from './api.js';
import { h, replaceChildren } from './dom.js';
import { endOfDay } from './format.js';
import { renderPeopleList } from './views/people-list.js';
import { personForm } from './views/person-form.js';
import { personPage } from './views/person-page.js';
import { dataView } from './views/data.js';
import { openPalette } from './views/palette.js';
import { autostartQuestion, settingsView } from './views/settings.js';
import { todayView } from './views/today.js';
import { showBrainstorm, showMeeting, showMeetings, showOpportunities, showPitches } from './workflow.js';

const $ = (id) => document.getElementById(id);
const main = $('main');
const search = $('search');

const state = {
  circles: [],
  people: [],
  results: null,
  followups: [],
  view: { name: 'today' },
  includeArchived: false,
  mapFilter: {},
  /** The network map on screen, stopped when another view replaces it. */
  network: null,
};

// --- data -------------------------------------------------------------------------------

/** Today lists this many follow-ups after today, and counts the rest. */
const LATER_SHOWN = 20;

/** People drawn before everyone is loaded: more than a tall window shows. */
const FIRST_SCREEN = 100;

/** Everyone, or with `limit` the first few (the list then says so until everyone is in). */
async function loadPeople(limit = null) {
  state.people = await call('list_people_summaries', { filter: { includeArchived: state.includeArchived }, limit });
  state.peopleComplete = limit === null || state.people.length < limit;
}

async function loadFollowups() {
  const ahead = await call('followups_ahead', { until: endOfDay().toISOString(), laterLimit: LATER_SHOWN });
  state.followups = [...ahead.due, ...ahead.later];
  state.laterTotal = ahead.laterTotal;
  const due = ahead.due.length;
  $('due-count').textContent = String(due);
  $('due-count').hidden = due === 0;
}

async function runSearch() {
  const query = search.value.trim();
  state.results = query ? await call('search_people', { query }) : null;
  renderSidebar();
}

// --- rendering --------------------------------------------------------------------------

function renderSidebar() {
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

async function showNetwork() {
  // The map's graph library is large: loaded the first time the map is opened, not at start.
  const [map, { networkView }] = await Promise.all([call('network_map', { filter: state.mapFilter }), import('./views/network.js')]);
  const view = networkView({
    map,
    filter: state.mapFilter,
    onFilter: (filter) => { state.mapFilter = filter; renderMain().catch(showFatal); },
    findPaths: (target) => call('warm_paths', { target, maxHops: 3, limit: 5 }),
    openPerson: (id) => show({ name: 'person', id }),
  });
  replaceChildren(main, view);
  view.start();
  state.network = view;
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

async function renderMain() {
  const view = state.view;
  if (state.network) { state.network.stop(); state.network = null; }
  if (view.name === 'today') {
    const [overview, opportunities] = await Promise.all([call('today_overview'), call('list_opportunities', { includeClosed: false })]);
    replaceChildren(main, todayView({
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
      const [person, timeline, meetings] = await Promise.all([
        call('get_person', { id: view.id }), call('person_timeline', { id: view.id }), call('list_meetings', { personId: view.id }),
      ]);
      replaceChildren(main, personPage({ person, timeline, meetings, actions: personActions(person) }));
    } catch (error) {
      if (error.code !== 'not_found') throw error;
      state.view = { name: 'today' };
      return renderMain();
    }
  }
  for (const [button, names] of [['show-today', ['today']], ['show-brainstorm', ['brainstorm']], ['show-meetings', ['meetings', 'meeting']], ['show-pitches', ['pitches']], ['show-opportunities', ['opportunities']], ['show-network', ['network']], ['show-data', ['data']], ['show-settings', ['settings']]]) {
    $(button).setAttribute('aria-current', names.includes(view.name) ? 'page' : 'false');
  }
}

async function show(view) {
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
const REDRAWN_ON_CHANGE = new Set(['today', 'meetings', 'opportunities']);

/** Reloads from the store after changes elsewhere (the CLI, a notification going out). */
async function refresh() {
  await Promise.all([loadPeople(), loadFollowups()]);
  if (search.value.trim()) await runSearch();
  else renderSidebar();
  if (REDRAWN_ON_CHANGE.has(state.view.name) && !main.contains(document.activeElement)) await renderMain();
}

function toast(message, action) {
  const element = $('toast');
  replaceChildren(element, h('span', {}, message), action ? h('button', { type: 'button', class: 'link', onclick: async () => { element.hidden = true; await action.run(); } }, action.label) : null);
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 8000);
}

// --- actions ----------------------------------------------------------------------------

async function addPerson(input) {
  const person = await call('add_person', { input });
  await loadPeople();
  search.value = '';
  state.results = null;
  await show({ name: 'person', id: person.id });
  toast(`Added ${person.displayName}.`);
}

async function addCircle(name) {
  const circle = await call('add_circle', { name });
  state.circles = await call('list_circles');
  return circle;
}

async function updatePerson(id, input) {
  await call('update_person', { id, input });
  await loadPeople();
  await show({ name: 'person', id });
}

function followupActions() {
  const after = async () => { await loadFollowups(); await renderMain(); };
  return {
    done: async (id) => {
      const followup = await call('complete_followup', { id });
      await after();
      toast(`Done: ${followup.title}`, { label: 'Undo', run: async () => { await call('reopen_followup', { id }); await after(); } });
    },
    dismiss: async (id) => {
      const followup = await call('dismiss_followup', { id });
      await after();
      toast(`Dismissed: ${followup.title}`, { label: 'Undo', run: async () => { await call('reopen_followup', { id }); await after(); } });
    },
    snooze: async (id, snooze) => {
      const followup = await call('snooze_followup', { id, snooze });
      await after();
      toast(`Snoozed until ${new Date(followup.dueAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}.`);
    },
    add: async (input) => {
      await call('add_followup', { input });
      await after();
    },
    openPerson: (id) => show({ name: 'person', id }),
    draftNote: async (kind, { theirName, medium, ...asked }) => {
      const me = await call('get_me');
      const myName = me.displayName === 'Me' ? '' : me.displayName;
      if (kind === 'thank_you') return call('draft_thank_you', { theirName, myName, whatHelped: asked.whatHelped, medium, formalInterview: false });
      if (kind === 'follow_up') return call('draft_follow_up', { theirName, myName, update: asked.update, medium });
      return call('draft_referrer_update', { referrerName: theirName, myName, referredName: asked.referredName, howItHelped: asked.howItHelped, medium });
    },
  };
}

function personActions(person) {
  const reload = async () => { await Promise.all([loadPeople(), loadFollowups()]); renderSidebar(); await renderMain(); };
  return {
    ...followupActions(),
    edit: () => show({ name: 'edit-person', id: person.id }),
    archive: async (archived) => {
      await call('set_person_archived', { id: person.id, archived });
      await reload();
      toast(archived ? `Archived ${person.displayName}.` : `${person.displayName} is back in your list.`);
    },
    remove: async () => {
      await call('delete_person', { id: person.id });
      await Promise.all([loadPeople(), loadFollowups()]);
      await show({ name: 'today' });
      toast(`Deleted ${person.displayName}.`, {
        label: 'Undo',
        run: async () => {
          await call('restore_person', { id: person.id });
          await loadPeople();
          await loadFollowups();
          await show({ name: 'person', id: person.id });
        },
      });
    },
    logInteraction: async (input) => { await call('log_interaction', { input }); await loadFollowups(); await renderMain(); },
    shareResource: async (input) => { await call('share_resource', { input }); await loadFollowups(); await renderMain(); toast('Shared: logged on their timeline.'); },
    planMeeting: async (kind) => {
      const meeting = await call('plan_meeting', { input: { personId: person.id, kind } });
      await show({ name: 'meeting', id: meeting.id });
    },
    openMeeting: (id) => show({ name: 'meeting', id }),
    addFollowup: async (input) => { await call('add_followup', { input }); await loadFollowups(); await renderMain(); },
  };
}

/** What the workflow screens may use. */
const context = {
  call,
  main,
  show,
  toast,
  reloadPeople: async () => { await loadPeople(); renderSidebar(); },
  followupsChanged: loadFollowups,
};

// --- wiring -----------------------------------------------------------------------------

let searchTimer;
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
$('add-person').addEventListener('click', () => show({ name: 'new-person' }));
$('show-today').addEventListener('click', () => show({ name: 'today' }));
$('show-brainstorm').addEventListener('click', () => show({ name: 'brainstorm' }));
$('show-meetings').addEventListener('click', () => show({ name: 'meetings' }));
$('show-pitches').addEventListener('click', () => show({ name: 'pitches' }));
$('show-opportunities').addEventListener('click', () => show({ name: 'opportunities' }));
$('show-network').addEventListener('click', () => show({ name: 'network' }));
$('show-data').addEventListener('click', () => show({ name: 'data' }));
$('show-settings').addEventListener('click', () => show({ name: 'settings' }));
$('show-archived').addEventListener('change', async (event) => {
  state.includeArchived = event.target.checked;
  await loadPeople();
  renderSidebar();
});
/** On a person's page, a follow-up with them; anywhere else, Today's form. */
async function newFollowup() {
  if (state.view.name !== 'person') await show({ name: 'today' });
  const title = main.querySelector('.followup-form input[name="title"]');
  title.scrollIntoView({ block: 'center' });
  title.focus();
}

function focusSearch() {
  search.focus();
  search.select();
}

/** What the palette offers: every action (with its shortcut), then everyone by name. */
function paletteItems() {
  const go = (name) => () => show({ name }).catch(showFatal);
  return [
    { label: 'New person', keys: 'Ctrl+N', run: go('new-person') },
    { label: 'New follow-up', keys: 'Ctrl+Shift+N', run: () => newFollowup().catch(showFatal) },
    { label: 'Search people', keys: 'Ctrl+F', run: focusSearch },
    { label: 'Go to Today', keys: 'Ctrl+T', run: go('today') },
    { label: 'Go to Brainstorm', run: go('brainstorm') },
    { label: 'Go to Interviews', run: go('meetings') },
    { label: 'Go to Pitches', run: go('pitches') },
    { label: 'Go to Opportunities', run: go('opportunities') },
    { label: 'Go to Network map', run: go('network') },
    { label: 'Go to Import, export and backups', run: go('data') },
    { label: 'Go to Settings', run: go('settings') },
    ...state.people.map((p) => ({
      label: `Open ${p.displayName}`,
      hint: [p.title, p.organization].filter(Boolean).join(' · '),
      run: () => show({ name: 'person', id: p.id }).catch(showFatal),
    })),
  ];
}

/** Whether leaving the view would lose something typed into one of its forms. */
function unsavedInput() {
  return [...main.querySelectorAll('form input, form textarea')].some((field) =>
    !['checkbox', 'radio', 'hidden', 'file'].includes(field.type) && field.value !== field.defaultValue);
}

/** Runs `go` unless it would throw away typing the user does not want to lose. */
function leaveView(go) {
  return () => {
    if (unsavedInput() && !window.confirm('Leave this screen? What you typed has not been saved.')) return;
    go();
  };
}

/** Shortcuts that work anywhere, even while typing in a field. */
const SHORTCUTS = {
  'ctrl+k': () => { if (!document.getElementById('palette')) openPalette(paletteItems()); },
  'ctrl+n': leaveView(() => show({ name: 'new-person' }).catch(showFatal)),
  'ctrl+shift+n': leaveView(() => newFollowup().catch(showFatal)),
  'ctrl+f': focusSearch,
  'ctrl+t': leaveView(() => show({ name: 'today' }).catch(showFatal)),
};

document.addEventListener('keydown', (event) => {
  const combo = `${event.ctrlKey || event.metaKey ? 'ctrl+' : ''}${event.shiftKey ? 'shift+' : ''}${event.key.toLowerCase()}`;
  const shortcut = SHORTCUTS[combo];
  if (shortcut && !event.altKey) {
    event.preventDefault();
    shortcut();
    return;
  }
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
  if (event.key === '/' && !typing) {
    event.preventDefault();
    focusSearch();
  }
});

function showFatal(error) {
  replaceChildren(main, h('div', { class: 'card error-card', role: 'alert' }, h('h2', {}, 'Something went wrong'), h('p', {}, error.message)));
}

function focusFollowupFromHash() {
  const match = /followup=(\d+)/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, '', window.location.pathname);
  show({ name: 'today' }).then(() => {
    const row = main.querySelector(`[data-followup-id="${match[1]}"]`);
    if (row) { row.classList.add('highlight'); row.scrollIntoView({ block: 'center' }); }
  });
}

/** When the page reached each step of its start (ms since the epoch), for the log. */
const marks = { pageOpened: performance.timeOrigin, scriptStarted: Date.now() };

async function start() {
  // The first screen of people first: with thousands, loading everyone takes a moment longer.
  [state.circles] = await Promise.all([call('list_circles'), loadPeople(FIRST_SCREEN), loadFollowups()]);
  marks.dataLoaded = Date.now();
  renderSidebar();
  // After the frame holding the people list is painted (a task queued from the frame callback
  // runs after it), the log records how long start-up took.
  marks.sidebarDrawn = Date.now();
  requestAnimationFrame(() => setTimeout(() => call('window_painted', { marks }).catch(() => {}), 0));
  if (!state.peopleComplete) {
    await loadPeople();
    renderSidebar();
  }
  await renderMain();
  await listen('store-changed', () => refresh().catch(showFatal));
  // Said once a run: when no notification service exists, Today and the tray carry the load.
  const showNoNotifications = () => { if (!state.noticeDismissed) $('notice-banner').hidden = false; };
  $('notice-dismiss').addEventListener('click', () => { state.noticeDismissed = true; $('notice-banner').hidden = true; });
  await listen('notifications-unavailable', showNoNotifications);
  if (!(await call('notifications_available'))) showNoNotifications();
  const settings = await call('get_settings');
  if (!settings.autostartAsked && settings.autostart !== null) {
    const question = autostartQuestion({ call, onDone: () => question.remove() });
    document.querySelector('.layout').before(question);
  }
  document.body.dataset.started = 'true';
  await listen('show-followup', (event) => { window.location.hash = `followup=${event.payload}`; });
  window.addEventListener('hashchange', focusFollowupFromHash);
  focusFollowupFromHash();
}

start().catch(showFatal);
