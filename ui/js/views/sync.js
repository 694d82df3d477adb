// Settings' sync card: the user's own CardDAV/CalDAV account, so that the phone's address book
// and calendar carry the network and the follow-ups. Adding an account sends nothing: the card
// says what the first sync will do, and "Sync now" starts it, with its progress. A revoked
// password, or one this computer's keyring lacks, is replaced in place. Conflicts sync kept
// are explained. On the person page: what sync changed, and "send again" after a delete
// elsewhere.

import { progressChannel } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatWhen } from '../format.js';

const FIELD_LABELS = {
  displayName: 'name', givenName: 'given name', familyName: 'family name', organization: 'organization',
  title: 'title', emails: 'emails', phones: 'phones', linkedinUrl: 'profile', birthday: 'birthday',
  notes: 'notes', circle: 'circle', tags: 'tags',
};

const quoted = (v) => (v ? `“${v}”` : 'nothing');

/** "Ada Lovelace — organization: Rapport kept “A”; alice on … had “B” (today 10:02)". */
export function conflictText(name, change, now = new Date()) {
  const field = FIELD_LABELS[change.field] ?? change.field;
  return `${name} — ${field}: Rapport kept ${quoted(change.before)}; ${change.account} had ${quoted(change.after)} (${formatWhen(change.at, now)}).`;
}

/** One line of the person page's sync history: "phones: “A” → “B”, from alice on … (today 10:02)". */
export function changeText(change, now = new Date()) {
  const field = FIELD_LABELS[change.field] ?? change.field;
  const when = formatWhen(change.at, now);
  if (change.conflict) return `${field}: changed on both sides; Rapport kept ${quoted(change.before)} and noted ${quoted(change.after)} from ${change.account} (${when}).`;
  return `${field}: ${quoted(change.before)} → ${quoted(change.after)}, from ${change.account} (${when}).`;
}

const PHASES = { receiving: 'Receiving changes', sending: 'Sending cards', events: 'Checking follow-ups for the calendar' };

/** "Sending cards: 1,200 of 3,012". */
export function progressText(progress) {
  return `${PHASES[progress.phase] ?? progress.phase}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
}

/** What Settings says about the last failure; a password problem is fixed here, not in a terminal. */
function failureText(account) {
  const { code, message, at } = account.lastError;
  if (code === 'no_password') return `This computer’s keyring has no password for ${account.user} (a data folder restored from another computer?). Enter it below to sync again.`;
  if (code === 'credentials_refused') return `${account.url} refused the password ${formatWhen(at)}: it may have been revoked. Enter a new app password below.`;
  return `The last sync failed ${formatWhen(at)}: ${message}`;
}

const PASSWORD_TROUBLE = new Set(['no_password', 'credentials_refused']);

/** What a pass did, in a sentence. */
export function reportText(account) {
  // The card says what the password trouble is, with the form to fix it; the CLI's wording
  // ("set it with `rapport accounts set-password`") is not for the window.
  if (PASSWORD_TROUBLE.has(account.error?.code)) return 'Not synced: the account needs its password.';
  if (account.error) return `Not synced: ${account.error.message}`;
  const c = account.contacts;
  const e = account.events;
  const parts = [
    [c.sent, 'card sent', 'cards sent'], [c.received, 'contact received', 'contacts received'],
    [c.updated, 'person updated', 'people updated'], [c.conflicts, 'conflict kept', 'conflicts kept'],
    [c.removedElsewhere, 'removed elsewhere', 'removed elsewhere'], [e.sent, 'event sent', 'events sent'],
    [e.removed, 'event removed', 'events removed'],
  ].filter(([n]) => n > 0).map(([n, one, many]) => `${n.toLocaleString()} ${n === 1 ? one : many}`);
  return parts.length ? `Synced: ${parts.join(', ')}.` : 'Synced: nothing had changed.';
}

function accountBlock(account, { call, rerender }) {
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const progress = h('progress', { max: '1', value: '0', hidden: true, class: 'sync-progress', 'aria-label': 'Sync progress' });
  const fail = (error) => replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message));
  const syncButton = h('button', { type: 'button', class: account.lastSyncAt ? 'small' : 'primary small' }, account.lastSyncAt ? 'Sync now' : 'Start the first sync');
  const syncNow = async () => {
    syncButton.disabled = true;
    replaceChildren(status, account.lastSyncAt ? 'Syncing…' : `Sending ${account.peopleToSend.toLocaleString()} people… this takes a moment.`);
    // The bar follows every step; the spoken status line only a new phase and each tenth, so
    // that a screen reader is not queued hundreds of counts.
    let said = { phase: null, tenth: -1 };
    const onProgress = progressChannel((p) => {
      if (p.accountId !== account.id || !p.total) return;
      progress.hidden = false;
      progress.max = String(p.total);
      progress.value = String(p.done);
      const text = progressText(p);
      progress.setAttribute('aria-valuetext', text);
      const tenth = Math.floor((10 * p.done) / p.total);
      if (p.phase !== said.phase || tenth !== said.tenth) {
        said = { phase: p.phase, tenth };
        replaceChildren(status, `${text}…`);
      }
    });
    try {
      const report = await call('sync_now', { accountId: account.id, onProgress });
      const mine = report.accounts.find((a) => a.id === account.id);
      await rerender(mine ? reportText(mine) : 'Synced.');
    } catch (error) {
      syncButton.disabled = false;
      progress.hidden = true;
      fail(error);
    }
  };
  syncButton.addEventListener('click', syncNow);
  const passwordForm = passwordBlock(account, {
    call,
    saved: async () => {
      // The password is in the keyring now: what said it was missing goes, then the sync runs.
      replacePassword.setAttribute('aria-expanded', 'false');
      block.querySelector('.sync-error')?.remove();
      replaceChildren(status, 'Password saved.');
      await syncNow();
    },
  });
  const remove = h('button', {
    type: 'button', class: 'ghost small',
    onclick: async () => {
      if (!confirm(`Forget ${account.user} on ${account.url}? Its password leaves the keyring; the server keeps what it has.`)) return;
      try { await call('remove_account', { id: account.id }); await rerender('Account removed.'); } catch (error) { fail(error); }
    },
  }, 'Remove');
  const replacePassword = h('button', {
    type: 'button', class: 'ghost small', 'aria-expanded': String(!passwordForm.hidden), 'aria-controls': passwordForm.id,
    onclick: () => {
      passwordForm.hidden = !passwordForm.hidden;
      replacePassword.setAttribute('aria-expanded', String(!passwordForm.hidden));
      if (!passwordForm.hidden) passwordForm.querySelector('input').focus();
    },
  }, 'Replace the password…');
  const last = account.lastSyncAt ? formatWhen(account.lastSyncAt) : 'never';
  const block = h('div', { class: 'sync-account', dataset: { accountId: String(account.id) } },
    h('dl', { class: 'facts' },
      h('dt', {}, 'Account'), h('dd', {}, `${account.user} on ${account.url}`),
      h('dt', {}, 'Address book'), h('dd', {}, `${account.addressbook.name} (vCard ${account.cardVersion})`),
      h('dt', {}, 'Calendar'), h('dd', {}, `${account.calendar.name} — follow-ups due in the next 60 days, with an alarm`),
      h('dt', {}, 'Last sync'), h('dd', { class: 'last-sync' }, last)),
    account.lastError ? h('p', { class: 'form-error sync-error', role: 'alert' }, failureText(account)) : null,
    account.lastSyncAt
      ? h('p', { class: 'hint' }, 'Rapport syncs at start, a few seconds after each change, and every 15 minutes while it runs.')
      : h('p', { class: 'sync-preview' }, `${account.peopleToSend.toLocaleString()} ${account.peopleToSend === 1 ? 'person' : 'people'} will be added to the address book ${account.addressbook.name} on ${account.url}. Nothing is sent until you start the first sync.`),
    passwordForm,
    h('div', { class: 'buttons' }, syncButton, replacePassword, remove),
    progress,
    status);
  return block;
}

/** The password form: open when the keyring lacks the password or the server refused it. */
function passwordBlock(account, { call, saved }) {
  const id = `sync-password-${account.id}`;
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const input = h('input', { id, type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const save = h('button', { type: 'submit', class: 'primary small' }, 'Save the password');
  const form = h('form', {
    class: 'sync-add sync-password', id: `${id}-form`, 'aria-label': `Password for ${account.user}`,
    hidden: !PASSWORD_TROUBLE.has(account.lastError?.code),
  },
  h('div', { class: 'field' }, h('label', { for: id }, `App password for ${account.user} (checked with the server, then kept in the system keyring)`), input),
  error, h('div', { class: 'buttons' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    error.hidden = true;
    try {
      await call('set_account_password', { id: account.id, password: input.value });
      input.value = '';
      form.hidden = true;
      await saved();
    } catch (e) {
      error.textContent = e.code === 'credentials_refused'
        ? `${account.url} refused this password. Check it: iCloud, Fastmail and most Nextclouds need an app password, not your sign-in password.`
        : e.message;
      error.hidden = false;
      input.focus();
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function addForm({ call, rerender }) {
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const field = (id, label, attributes) => h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, autocomplete: 'off', spellcheck: 'false', ...attributes }));
  const url = field('sync-url', 'Server (https://…; Nextcloud: …/remote.php/dav; iCloud: https://contacts.icloud.com)', { type: 'url', placeholder: 'https://dav.example.com' });
  const user = field('sync-user', 'User name', { type: 'text' });
  const password = field('sync-password', 'App password (kept in the system keyring, never in Rapport’s files)', { type: 'password' });
  const add = h('button', { type: 'submit', class: 'primary small' }, 'Add the account');
  const form = h('form', { class: 'sync-add', 'aria-label': 'Add a sync account' }, url, user, password, h('div', { class: 'buttons' }, add), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    add.disabled = true;
    replaceChildren(status, 'Asking the server…');
    try {
      const value = (el) => el.querySelector('input').value;
      await call('add_account', { form: { url: value(url), user: value(user), password: value(password), addressbook: null, calendar: null } });
      await rerender('Account added.');
    } catch (error) {
      add.disabled = false;
      replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message));
    }
  });
  return form;
}

/** The card; it fills itself from the store. */
export function syncCard({ call }) {
  const body = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  const said = h('p', { class: 'hint', 'aria-live': 'polite' });
  const render = async (message) => {
    const [accounts, conflicts] = await Promise.all([call('list_accounts'), call('sync_conflicts')]);
    const rerender = (text) => render(text);
    replaceChildren(body,
      accounts.map((account) => accountBlock(account, { call, rerender })),
      accounts.length ? null : addForm({ call, rerender }),
      conflicts.length
        ? h('div', { class: 'sync-conflicts' },
          h('h3', {}, 'Conflicts kept'),
          h('p', { class: 'hint' }, 'Both sides changed these since the last sync. Rapport kept its value and noted the other on the person, so nothing is lost; edit the person to choose.'),
          h('ul', {}, conflicts.map(([name, change]) => h('li', {}, conflictText(name, change)))))
        : null);
    replaceChildren(said, message ?? '');
  };
  render().catch((error) => replaceChildren(body, h('p', { class: 'form-error', role: 'alert' }, error.message)));
  return h('section', { class: 'card', 'aria-labelledby': 'sync-heading', id: 'sync-card' },
    h('h2', { id: 'sync-heading' }, 'On your phone and other computers'),
    h('p', { class: 'hint' }, 'Your network and follow-ups in the address book and calendar of your own CardDAV/CalDAV account (Nextcloud, Fastmail, iCloud, Radicale…). Google is not supported yet: it needs a sign-in Rapport does not do.'),
    body, said);
}

/**
 * The person page's sync card, shown once sync touched the person: a card deleted elsewhere
 * (kept here, sent again only if the user says so) and what sync changed, conflicts included.
 * `sendAgain(accountId)` resolves once the card is queued for the next pass.
 */
export function personSyncSection(person, { changes, removedFrom }, { sendAgain }) {
  if (!changes.length && !removedFrom.length) return null;
  const now = new Date();
  const removed = removedFrom.map((account) => {
    const status = h('span', { class: 'hint', 'aria-live': 'polite' });
    const again = h('button', { type: 'button', class: 'small' }, 'Send again');
    again.addEventListener('click', async () => {
      again.disabled = true;
      try {
        await sendAgain(account.id);
        replaceChildren(status, 'They go back to the address book at the next sync.');
      } catch (error) {
        again.disabled = false;
        replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message));
      }
    });
    return h('div', { class: 'sync-removed', dataset: { accountId: String(account.id) } },
      h('p', {}, `Removed from the address book ${account.addressbook.name} on ${account.url} by another device. Rapport keeps ${person.displayName} and does not send them there again unless you choose.`),
      h('div', { class: 'buttons' }, again, status));
  });
  return h('section', { class: 'card', id: 'person-sync', 'aria-labelledby': 'person-sync-heading' },
    h('h2', { id: 'person-sync-heading' }, 'Sync'),
    removed,
    changes.length
      ? h('div', {},
        h('h3', {}, 'What sync changed'),
        h('ul', { class: 'sync-changes' }, changes.map((change) => h('li', { class: change.conflict ? 'conflict' : null }, changeText(change, now)))))
      : null);
}
