// Settings' sync card: the user's own CardDAV/CalDAV account, so that the phone's address book
// and calendar carry the network and the follow-ups. Adding an account sends nothing: the card
// says what the first sync will do, and "Sync now" starts it. Conflicts sync kept are explained.

import { h, replaceChildren } from '../dom.js';
import { formatWhen } from '../format.js';

const FIELD_LABELS = {
  displayName: 'name', givenName: 'given name', familyName: 'family name', organization: 'organization',
  title: 'title', emails: 'emails', phones: 'phones', linkedinUrl: 'profile', birthday: 'birthday',
  notes: 'notes', circle: 'circle', tags: 'tags',
};

/** "Ada Lovelace — organization: Rapport kept “A”; alice on … had “B” (today 10:02)". */
export function conflictText(name, change, now = new Date()) {
  const field = FIELD_LABELS[change.field] ?? change.field;
  const value = (v) => (v ? `“${v}”` : 'nothing');
  return `${name} — ${field}: Rapport kept ${value(change.before)}; ${change.account} had ${value(change.after)} (${formatWhen(change.at, now)}).`;
}

/** What a pass did, in a sentence. */
export function reportText(account) {
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
  const syncButton = h('button', { type: 'button', class: account.lastSyncAt ? 'small' : 'primary small' }, account.lastSyncAt ? 'Sync now' : 'Start the first sync');
  syncButton.addEventListener('click', async () => {
    syncButton.disabled = true;
    replaceChildren(status, account.lastSyncAt ? 'Syncing…' : `Sending ${account.peopleToSend.toLocaleString()} people… this takes a moment.`);
    try {
      const report = await call('sync_now');
      const mine = report.accounts.find((a) => a.id === account.id);
      await rerender(mine ? reportText(mine) : 'Synced.');
    } catch (error) {
      syncButton.disabled = false;
      replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message));
    }
  });
  const remove = h('button', {
    type: 'button', class: 'ghost small',
    onclick: async () => {
      if (!confirm(`Forget ${account.user} on ${account.url}? Its password leaves the keyring; the server keeps what it has.`)) return;
      try { await call('remove_account', { id: account.id }); await rerender('Account removed.'); } catch (error) { replaceChildren(status, h('span', { class: 'form-error', role: 'alert' }, error.message)); }
    },
  }, 'Remove');
  const last = account.lastSyncAt ? formatWhen(account.lastSyncAt) : 'never';
  return h('div', { class: 'sync-account', dataset: { accountId: String(account.id) } },
    h('dl', { class: 'facts' },
      h('dt', {}, 'Account'), h('dd', {}, `${account.user} on ${account.url}`),
      h('dt', {}, 'Address book'), h('dd', {}, `${account.addressbook.name} (vCard ${account.cardVersion})`),
      h('dt', {}, 'Calendar'), h('dd', {}, `${account.calendar.name} — follow-ups due in the next 60 days, with an alarm`),
      h('dt', {}, 'Last sync'), h('dd', { class: 'last-sync' }, last)),
    account.lastError
      ? h('p', { class: 'form-error sync-error', role: 'alert' }, `The last sync failed ${formatWhen(account.lastError.at)}: ${account.lastError.message}`)
      : null,
    account.lastSyncAt
      ? h('p', { class: 'hint' }, 'Rapport syncs at start, a few seconds after each change, and every 15 minutes while it runs.')
      : h('p', { class: 'sync-preview' }, `${account.peopleToSend.toLocaleString()} ${account.peopleToSend === 1 ? 'person' : 'people'} will be added to the address book ${account.addressbook.name} on ${account.url}. Nothing is sent until you start the first sync.`),
    h('div', { class: 'buttons' }, syncButton, remove),
    status);
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
