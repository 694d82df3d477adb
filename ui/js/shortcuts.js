// What can be done from anywhere: the keyboard shortcuts (which work even while typing in a
// field) and the command palette (Ctrl+K), which offers every action and then everyone by name.

import { main, showFatal } from './page.js';
import { show } from './router.js';
import { focusSearch } from './sidebar.js';
import { state } from './state.js';
import { openPalette } from './views/palette.js';

/** On a person's page, a follow-up with them; anywhere else, Today's form. */
async function newFollowup() {
  if (state.view.name !== 'person') await show({ name: 'today' });
  const title = main.querySelector('.followup-form input[name="title"]');
  title.scrollIntoView({ block: 'center' });
  title.focus();
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
      person: p,
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

/** Listens for the shortcuts, and for `/` (search) when not typing. */
export function wireShortcuts() {
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
}
