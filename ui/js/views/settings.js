// Settings and care: starting at login, sync with the user's own server, quiet hours,
// keep-in-touch by circle, the weekly digest and birthday reminders, speaking rate, where the data
// and the log are, and the version.

import { h, replaceChildren } from '../dom.js';
import { syncCard } from './sync.js';

function saved(status, text = 'Saved.') {
  replaceChildren(status, text);
  setTimeout(() => replaceChildren(status), 3000);
}

function failed(status, error) {
  replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message));
}

function startupCard({ settings, call }) {
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const autostart = h('input', {
    id: 'setting-autostart', type: 'checkbox', checked: settings.autostart === true, disabled: settings.autostart === null,
    onchange: async (event) => {
      try {
        event.target.checked = await call('set_autostart', { enabled: event.target.checked });
        saved(status);
      } catch (error) { failed(status, error); }
    },
  });
  const quiet = settings.quietHours;
  const enabled = h('input', { id: 'quiet-enabled', type: 'checkbox', checked: Boolean(quiet) });
  const start = h('input', { id: 'quiet-start', type: 'time', value: quiet?.start ?? '22:00' });
  const end = h('input', { id: 'quiet-end', type: 'time', value: quiet?.end ?? '08:00' });
  const saveQuiet = async () => {
    try {
      await call('set_quiet_hours', { quiet: enabled.checked ? { start: start.value, end: end.value } : null });
      saved(status);
    } catch (error) { failed(status, error); }
  };
  for (const input of [enabled, start, end]) input.addEventListener('change', saveQuiet);
  return h('section', { class: 'card', 'aria-labelledby': 'startup-heading' },
    h('h2', { id: 'startup-heading' }, 'Starting and notifications'),
    h('label', { class: 'check' }, autostart, ' Start Rapport when I log in, in the tray'),
    h('p', { class: 'hint' }, settings.autostart === null
      ? 'Starting at login is not available on this system.'
      : 'Reminders can only reach you while Rapport runs; at login it starts quietly, without its window.'),
    h('div', { class: 'row quiet-hours' },
      h('label', { class: 'check' }, enabled, ' Quiet hours: no notifications from'),
      h('label', { class: 'visually-hidden', for: 'quiet-start' }, 'Quiet from'), start,
      h('span', {}, 'to'),
      h('label', { class: 'visually-hidden', for: 'quiet-end' }, 'Quiet until'), end),
    h('p', { class: 'hint' }, 'What comes due in quiet hours is shown when they end.'),
    status);
}

function cadenceCard({ settings, call }) {
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const rows = settings.circles.map((circle) => {
    const id = `cadence-${circle.id}`;
    const input = h('input', {
      id, type: 'number', min: '1', max: '3650', value: circle.cadenceDays ?? '', placeholder: 'none',
      onchange: async (event) => {
        const value = event.target.value.trim();
        try {
          await call('set_circle_cadence', { circleId: circle.id, cadenceDays: value ? Number(value) : null });
          saved(status, `${circle.name}: saved.`);
        } catch (error) { failed(status, error); }
      },
    });
    return h('li', {}, h('label', { for: id }, circle.name), input, h('span', { class: 'hint' }, 'days'));
  });
  return h('section', { class: 'card', 'aria-labelledby': 'cadence-heading' },
    h('h2', { id: 'cadence-heading' }, 'Keep in touch, by circle'),
    h('p', { class: 'hint' }, 'How often to get back in touch with someone, unless set on their own page. Leave empty for no reminder.'),
    h('ul', { class: 'cadence-list' }, rows),
    status);
}

function coachCard({ settings, call }) {
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const digestOn = h('input', { id: 'digest-enabled', type: 'checkbox', checked: settings.digestTime !== null });
  const digestAt = h('input', { id: 'digest-time', type: 'time', value: settings.digestTime ?? '09:00' });
  const saveDigest = async () => {
    try {
      await call('set_digest_time', { time: digestOn.checked ? digestAt.value : null });
      saved(status);
    } catch (error) { failed(status, error); }
  };
  for (const input of [digestOn, digestAt]) input.addEventListener('change', saveDigest);
  const before = h('input', {
    id: 'birthday-days-before', type: 'number', min: '0', max: '30', value: String(settings.birthdayDaysBefore),
    onchange: async (event) => {
      try {
        await call('set_birthday_days_before', { days: Number(event.target.value) });
        saved(status);
      } catch (error) { failed(status, error); }
    },
  });
  return h('section', { class: 'card', 'aria-labelledby': 'coach-heading' },
    h('h2', { id: 'coach-heading' }, 'The weekly plan and birthdays'),
    h('div', { class: 'row quiet-hours' },
      h('label', { class: 'check' }, digestOn, ' On Mondays, a notification with the week’s plan at'),
      h('label', { class: 'visually-hidden', for: 'digest-time' }, 'Weekly digest time'), digestAt),
    h('div', { class: 'row' }, h('label', { for: 'birthday-days-before' }, 'Birthday reminders'), before, h('span', { class: 'hint' }, 'days before (0: on the day, at 09:00)')),
    status);
}

function pitchCard({ settings, call }) {
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const rate = h('input', {
    id: 'setting-rate', type: 'number', min: '80', max: '250', value: String(settings.speakingRate),
    onchange: async (event) => {
      try {
        await call('set_speaking_rate', { wordsPerMinute: Number(event.target.value) });
        saved(status);
      } catch (error) { failed(status, error); }
    },
  });
  return h('section', { class: 'card', 'aria-labelledby': 'pitch-heading' },
    h('h2', { id: 'pitch-heading' }, 'Pitches'),
    h('div', { class: 'row' }, h('label', { for: 'setting-rate' }, 'Speaking rate'), rate, h('span', { class: 'hint' }, 'words a minute (most people speak 130-160)')),
    status);
}

function dataCard({ settings, call, openData }) {
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const path = (label, value) => [h('dt', {}, label), h('dd', { class: 'path' }, value ?? '—')];
  const backupInput = h('input', { id: 'backup-dir', type: 'text', value: settings.backupsDirChosen ? settings.backupsDir : '', placeholder: settings.backupsDir ?? '', autocomplete: 'off', spellcheck: 'false' });
  const saveBackupDir = async (dir) => {
    try {
      await call('set_backup_dir', { dir });
      saved(status, dir ? `Backups now go to ${dir}.` : 'Backups go to the data folder again.');
    } catch (error) { failed(status, error); }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'data-heading' },
    h('h2', { id: 'data-heading' }, 'Your data'),
    h('dl', { class: 'facts' },
      path('Data folder', settings.dataDir),
      path('Today’s log (attach it to a bug report)', settings.logFile)),
    h('div', { class: 'field' },
      h('label', { for: 'backup-dir' }, 'Backup folder (daily copies and “Back up now”; empty: the data folder)'),
      h('div', { class: 'find-row' }, backupInput,
        h('button', { type: 'button', class: 'small', onclick: () => saveBackupDir(backupInput.value.trim() || null) }, 'Save'),
        h('button', { type: 'button', class: 'small ghost', onclick: () => { backupInput.value = ''; saveBackupDir(null); } }, 'Use the default'))),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'ghost', onclick: async () => { try { await call('open_data_folder'); } catch (error) { failed(status, error); } } }, 'Open the data folder'),
      h('button', { type: 'button', class: 'ghost', onclick: openData }, 'Import, export and backups')),
    status);
}

export function settingsView({ settings, call, openData }) {
  return h('div', { id: 'settings' },
    h('h1', { class: 'page-title' }, 'Settings'),
    startupCard({ settings, call }),
    syncCard({ call }),
    cadenceCard({ settings, call }),
    coachCard({ settings, call }),
    pitchCard({ settings, call }),
    dataCard({ settings, call, openData }),
    h('section', { class: 'card', 'aria-labelledby': 'about-heading' },
      h('h2', { id: 'about-heading' }, 'About'),
      h('p', {}, `Rapport ${settings.version} — build and keep your professional network. MIT licence.`),
      h('p', { class: 'hint' }, 'Your data stays on this computer, in one file you can back up, export and take with you.')));
}

/** Asked once, at first start: reminders need Rapport running, so offer to start at login. */
export function autostartQuestion({ call, onDone }) {
  const answer = async (enabled) => {
    try { await call('set_autostart', { enabled }); } finally { onDone(); }
  };
  return h('div', { class: 'notice-banner', id: 'autostart-question', role: 'region', 'aria-label': 'Start at login' },
    h('span', {}, 'Start Rapport when you log in? Reminders only reach you while it runs; it starts quietly in the tray.'),
    h('button', { type: 'button', class: 'primary small', onclick: () => answer(true) }, 'Start at login'),
    h('button', { type: 'button', class: 'ghost small', onclick: () => answer(false) }, 'Not now'));
}
