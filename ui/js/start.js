// The window's start, in the order that paints the people list first: circles, the first screen
// of people and the follow-ups; the list drawn and the log told once it is painted; then the
// main view, everyone, and what the app may say later (store changes, notifications).

import { call, listen } from './api.js';
import { $, showFatal } from './page.js';
import { focusFollowupFromHash, refresh, renderMain } from './router.js';
import { renderSidebar } from './sidebar.js';
import { FIRST_SCREEN, loadFollowups, loadPeople, state } from './state.js';
import { autostartQuestion } from './views/settings.js';

/** Starts the window; `marks` (when the page reached each step, ms since the epoch) gains this
 * start's steps and goes to the log. */
export async function start(marks) {
  // The first screen of people first: with thousands, loading everyone takes a moment longer.
  [state.circles] = await Promise.all([call('list_circles'), loadPeople(FIRST_SCREEN), loadFollowups()]);
  marks.dataLoaded = Date.now();
  renderSidebar();
  // After the frame holding the people list is painted (a task queued from the frame callback
  // runs after it), the log records how long start-up took.
  marks.sidebarDrawn = Date.now();
  requestAnimationFrame(() => setTimeout(() => call('window_painted', { marks }).catch(() => {}), 0));
  // The main view next, then everyone: Today is what the window opens on, and reading and
  // parsing 30,000 people before it held it back by a fifth of a second.
  await renderMain();
  // Today with its plan of the week, for the log (how much the plan adds after the first data).
  if (state.view.name === 'today') {
    marks.todayDrawn = Date.now();
    requestAnimationFrame(() => setTimeout(() => call('window_painted', { marks, screen: 'today' }).catch(() => {}), 0));
  }
  if (!state.peopleComplete) {
    await loadPeople();
    renderSidebar();
  }
  await listen('store-changed', () => refresh().catch(showFatal));
  // Said once a run: when no notification service exists, or the person turned Rapport's
  // notifications off (macOS asks once), Today and the tray carry the load.
  const showNoNotifications = (why) => {
    if (why === 'refused') {
      $('notice-text').textContent = 'Rapport cannot show notifications: they are turned off for Rapport in the system settings (Notifications). Due follow-ups stay in Today, and the tray shows how many are due.';
    }
    if (!state.noticeDismissed) $('notice-banner').hidden = false;
  };
  $('notice-dismiss').addEventListener('click', () => { state.noticeDismissed = true; $('notice-banner').hidden = true; });
  await listen('notifications-unavailable', (event) => showNoNotifications(event.payload));
  const trouble = await call('notification_trouble');
  if (trouble) showNoNotifications(trouble);
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
