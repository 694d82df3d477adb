// A person: who they are, what happened with them, what is next.

import { h } from '../dom.js';
import { formatWhen, fromLocalInput, kindLabel, relative, STRENGTH_WORDS, toLocalInput } from '../format.js';
import { actionError, field, formError, submitting } from './forms.js';
import { followupForm, followupRow } from './followups.js';
import { addressesSection, photoControl } from './person-extras.js';
import { personSyncSection } from './sync.js';

const INTERACTION_KINDS = ['meeting', 'call', 'email', 'message', 'event', 'informational_interview', 'job_interview', 'shared_resource', 'note'];

/** `2024-03-12` → "12 Mar 2024"; `--04-15` (no year) → "15 Apr". */
function formatDay(text) {
  const noYear = text.startsWith('--');
  const [year, month, day] = noYear ? [2000, ...text.slice(2).split('-')] : text.split('-');
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  if (Number.isNaN(date.getTime())) return text;
  return date.toLocaleDateString([], noYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}

function facts(person) {
  const rows = [
    ['Email', [person.email, ...(person.otherEmails ?? [])].filter(Boolean).join(', ')],
    ['Phone', [person.phone, ...(person.otherPhones ?? [])].filter(Boolean).join(', ')],
    ['Profile', person.linkedinUrl],
    ['How you met', person.howMet],
    ['Connected on LinkedIn', person.connectedOn ? formatDay(person.connectedOn) : null],
    ['Birthday', person.birthday ? formatDay(person.birthday) : null],
    ['Tags', person.tags.join(', ')],
    ['Closeness', `${STRENGTH_WORDS[person.strength] ?? person.strength} (${person.strength} of 5${person.strengthSet ? '' : ', from their circle and how often you are in touch'})`],
    ['Keep in touch', person.cadenceDays ? `every ${person.cadenceDays} days` : null],
  ].filter(([, v]) => v);
  if (!rows.length) return null;
  return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function interactionForm(personId, onSave) {
  const form = h('form', { class: 'interaction-form', novalidate: true },
    h('div', { class: 'row' },
      field('What', h('select', { name: 'kind' }, INTERACTION_KINDS.map((k) => h('option', { value: k }, kindLabel(k))))),
      field('When', h('input', { type: 'datetime-local', name: 'occurredAt', value: toLocalInput(new Date()) }))),
    field('Summary', h('input', { name: 'summary', placeholder: 'e.g. Coffee chat about UX research', autocomplete: 'off' })),
    field('Notes', h('textarea', { name: 'notes', rows: '3', placeholder: 'Advice, information, referrals…' })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Log it')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    submitting(form, async () => {
      await onSave({
        personIds: [personId],
        kind: String(data.get('kind')),
        occurredAt: fromLocalInput(String(data.get('occurredAt') ?? '')),
        summary: String(data.get('summary') ?? ''),
        notes: String(data.get('notes') ?? ''),
      });
      form.reset();
    });
  });
  return form;
}

/** "If you stumble across an interesting article that reminds you of your mentor - send it to them!" */
function shareForm(personId, onShare) {
  const form = h('form', { class: 'share-form', id: 'share-form', novalidate: true },
    field('Link', h('input', { name: 'url', type: 'url', placeholder: 'https://…', autocomplete: 'off' })),
    field('Why it made you think of them', h('input', { name: 'note', autocomplete: 'off' })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Log it as shared')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    submitting(form, async () => {
      await onShare({ personId, url: String(data.get('url') ?? ''), note: String(data.get('note') ?? '') });
      form.reset();
    });
  });
  return form;
}

function timelineView(timeline, actions) {
  if (!timeline.length) return h('p', { class: 'empty' }, 'Nothing logged yet.');
  const now = new Date();
  return h('ul', { class: 'timeline' }, timeline.map((entry) => {
    if (entry.type === 'followup') {
      if (entry.state === 'pending') return followupRow(entry, actions, { showPerson: false, now });
      return h('li', { class: 'timeline-item closed' },
        h('span', { class: 'timeline-kind' }, entry.state === 'done' ? 'Done' : 'Dismissed'),
        h('span', {}, entry.title),
        h('span', { class: 'timeline-when' }, formatWhen(entry.dueAt, now)));
    }
    return h('li', { class: 'timeline-item' },
      h('span', { class: 'timeline-kind' }, kindLabel(entry.kind)),
      h('div', { class: 'timeline-body' },
        entry.summary ? h('p', { class: 'timeline-summary' }, entry.summary) : null,
        entry.notes ? h('p', { class: 'timeline-notes' }, entry.notes) : null),
      h('span', { class: 'timeline-when', title: new Date(entry.occurredAt).toLocaleString() }, relative(entry.occurredAt, now)));
  }));
}

/** `actions`: edit(), archive(bool), remove(), logInteraction(input), addFollowup(input),
 * setPhoto(bytes), removePhoto(), saveAddresses(list), sendCardAgain(accountId), plus followup
 * row actions. */
function meetingsSection(meetings, actions) {
  return h('section', { class: 'card', id: 'person-meetings' },
    h('h2', {}, 'Informational interviews'),
    meetings.length
      ? h('ul', { class: 'meeting-list' }, meetings.map((m) => h('li', {},
        h('button', { type: 'button', class: 'meeting-row', onclick: () => actions.openMeeting(m.id) },
          h('span', { class: 'person-name' }, m.title || kindLabel(m.kind)),
          h('span', { class: 'person-detail' }, m.state.replace('_', ' '))))))
      : null,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', id: 'plan-interview', onclick: () => actions.planMeeting('informational_interview') }, 'Plan an informational interview'),
      h('button', { type: 'button', class: 'ghost', onclick: () => actions.planMeeting('job_interview') }, 'Job interview')));
}

export function personPage({ person, timeline, meetings = [], photo = null, addresses = [], sync = { changes: [], removedFrom: [] }, actions }) {
  const { error: pageError, run } = actionError('form-error');
  const guarded = (action) => () => run(action);
  const confirmBox = h('div', { class: 'confirm', hidden: true, role: 'alertdialog', 'aria-label': 'Confirm delete' },
    h('p', {}, `Delete ${person.displayName} and their timeline? You can undo this for a short while.`),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'danger', onclick: guarded(actions.remove) }, 'Delete'),
      h('button', { type: 'button', class: 'ghost', onclick: () => { confirmBox.hidden = true; } }, 'Cancel')));
  const subtitle = [person.title, person.organization].filter(Boolean).join(' at ');

  return h('article', { class: 'person-page', id: 'person-page', dataset: { personId: String(person.id) } },
    h('header', { class: 'person-header' },
      photoControl(person, photo, actions),
      h('div', {},
        h('h1', { class: 'page-title' }, person.displayName),
        subtitle ? h('p', { class: 'subtitle' }, subtitle) : null,
        h('p', { class: 'badges' },
          person.circle ? h('span', { class: 'badge circle' }, person.circle) : null,
          person.archived ? h('span', { class: 'badge' }, 'archived') : null)),
      h('div', { class: 'buttons header-buttons' },
        h('button', { type: 'button', onclick: actions.edit }, 'Edit'),
        h('button', { type: 'button', class: 'ghost', onclick: guarded(() => actions.archive(!person.archived)) }, person.archived ? 'Unarchive' : 'Archive'),
        h('button', { type: 'button', class: 'ghost danger-text', onclick: () => { confirmBox.hidden = false; } }, 'Delete…'))),
    confirmBox,
    pageError,
    facts(person),
    addressesSection(addresses, actions),
    person.notes ? h('section', { class: 'card notes' }, h('h2', {}, 'Notes'), h('p', { class: 'prewrap' }, person.notes)) : null,
    personSyncSection(person, sync, { sendAgain: actions.sendCardAgain }),
    h('div', { class: 'columns' },
      h('section', { class: 'card' }, h('h2', {}, 'Timeline'), timelineView(timeline, actions)),
      h('div', {},
        meetingsSection(meetings, actions),
        h('section', { class: 'card' }, h('h2', {}, 'Add a follow-up'), followupForm({ personId: person.id, onSave: actions.addFollowup })),
        h('section', { class: 'card' }, h('h2', {}, 'Log an interaction'), interactionForm(person.id, actions.logInteraction)),
        h('section', { class: 'card' }, h('h2', {}, 'Share an article'), shareForm(person.id, actions.shareResource)))));
}
