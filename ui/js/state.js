// What the window has loaded from the store and shares between its views (people, follow-ups,
// circles, the view on screen), and how people and follow-ups are loaded again.

import { call } from './api.js';
import { endOfDay } from './format.js';
import { $ } from './page.js';

export const state = {
  circles: [],
  people: [],
  results: null,
  followups: [],
  view: { name: 'today' },
  includeArchived: false,
  /** Where the network map was left: its filters and the person whose neighbourhood it shows. */
  mapPlace: { filter: {}, person: null },
  /** The network map on screen, stopped when another view replaces it. */
  network: null,
};

/** Today lists this many follow-ups after today, and counts the rest. */
const LATER_SHOWN = 20;

/** People drawn before everyone is loaded: more than a tall window shows. */
export const FIRST_SCREEN = 100;

/** Everyone, or with `limit` the first few (the list then says so until everyone is in). */
export async function loadPeople(limit = null) {
  state.people = await call('list_people_summaries', { filter: { includeArchived: state.includeArchived }, limit });
  state.peopleComplete = limit === null || state.people.length < limit;
}

export async function loadFollowups() {
  const ahead = await call('followups_ahead', { until: endOfDay().toISOString(), laterLimit: LATER_SHOWN });
  state.followups = [...ahead.due, ...ahead.later];
  state.laterTotal = ahead.laterTotal;
  const due = ahead.due.length;
  $('due-count').textContent = String(due);
  $('due-count').hidden = due === 0;
}
