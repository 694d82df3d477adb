// Follow-ups: a row with its actions (done, snooze, dismiss), and the form to add one.

import { h } from '../dom.js';
import { dueBucket, dueSuggestions, formatWhen, fromLocalInput, kindLabel, toLocalInput } from '../format.js';
import { actionError, field, formError, submitting } from './forms.js';
import { personPicker } from './person-picker.js';

const SNOOZES = [
  { label: '1 hour', snooze: { preset: 'oneHour' } },
  { label: 'Tomorrow morning', snooze: { preset: 'tomorrowMorning' } },
  { label: 'Next week', snooze: { preset: 'nextWeek' } },
];

/** One follow-up with its actions. `actions`: done(id), dismiss(id), snooze(id, snooze), openPerson(id). */
export function followupRow(followup, actions, { showPerson = true, now = new Date() } = {}) {
  const { error, run } = actionError();
  // Red "overdue" is for an earlier day; due earlier today reads "due since".
  const bucket = dueBucket(followup.dueAt, now);
  const overdue = bucket === 'overdue';
  const dueLabel = overdue ? `overdue · ${formatWhen(followup.dueAt, now)}` : bucket === 'now' ? `due since ${formatWhen(followup.dueAt, now)}` : formatWhen(followup.dueAt, now);
  const datePicker = h('input', { type: 'datetime-local', class: 'snooze-date', 'aria-label': 'Snooze until', value: toLocalInput(new Date(now.getTime() + 86400000)) });
  const menu = h('div', { class: 'snooze-menu', hidden: true, role: 'group', 'aria-label': 'Snooze' },
    SNOOZES.map(({ label, snooze }) =>
      h('button', { type: 'button', class: 'ghost small', onclick: () => run(() => actions.snooze(followup.id, snooze)) }, label)),
    datePicker,
    h('button', {
      type: 'button',
      class: 'ghost small',
      onclick: () => {
        const at = fromLocalInput(datePicker.value);
        run(() => (at ? actions.snooze(followup.id, { preset: 'until', at }) : Promise.reject(new Error('Pick a date and time.'))));
      },
    }, 'Snooze to date'));
  const snoozeButton = h('button', {
    type: 'button',
    class: 'ghost small',
    'aria-expanded': 'false',
    onclick: () => {
      menu.hidden = !menu.hidden;
      snoozeButton.setAttribute('aria-expanded', String(!menu.hidden));
    },
  }, 'Snooze…');

  // One key per action when the row has focus: d done, s snooze to tomorrow morning, o open.
  const onKey = (event) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'd') run(() => actions.done(followup.id));
    else if (key === 's') run(() => actions.snooze(followup.id, { preset: 'tomorrowMorning' }));
    else if (key === 'o' && followup.person) actions.openPerson(followup.person.id);
    else return;
    event.preventDefault();
  };
  const drafter = NOTES[followup.kind] && followup.person && actions.draftNote ? noteDrafter(followup, actions) : null;
  return h('li', {
    class: `followup${overdue ? ' overdue' : ''}`,
    tabindex: '0',
    'aria-label': `${followup.title}. Keys: d done, s snooze to tomorrow, o open`,
    dataset: { followupId: String(followup.id) },
    onkeydown: onKey,
  },
    h('div', { class: 'followup-main' },
      h('span', { class: 'followup-title' }, followup.title),
      h('span', { class: 'followup-meta' },
        h('span', { class: `due${overdue ? ' is-overdue' : bucket === 'now' ? ' is-due' : ''}` }, dueLabel),
        followup.kind !== 'custom' ? ` · ${kindLabel(followup.kind)}` : '',
        showPerson && followup.person
          ? [' · ', h('button', { type: 'button', class: 'link', onclick: () => actions.openPerson(followup.person.id) }, followup.person.displayName)]
          : ''),
    ),
    h('div', { class: 'followup-actions' },
      h('button', { type: 'button', class: 'small', onclick: () => run(() => actions.done(followup.id)) }, 'Done'),
      snoozeButton,
      h('button', { type: 'button', class: 'ghost small', onclick: () => run(() => actions.dismiss(followup.id)) }, 'Dismiss')),
    menu,
    drafter,
    error);
}

const THANK_MEDIA = [['email', 'Email'], ['handwritten_card', 'Handwritten card'], ['linkedin', 'LinkedIn'], ['text', 'Text message']];
const CALL_MEDIA = [['email', 'Email'], ['linkedin', 'LinkedIn message'], ['phone', 'Phone script']];

/** What each drafted note asks for, by follow-up kind. */
const NOTES = {
  thank_you: { summary: 'Draft the thank-you', media: THANK_MEDIA, asks: [['whatHelped', 'What was particularly helpful?']] },
  follow_up: { summary: 'Draft the follow-up', media: CALL_MEDIA, asks: [['update', 'What you have done since you spoke']] },
  inform_referrer: {
    summary: 'Draft the note to your referrer',
    media: THANK_MEDIA,
    asks: [['referredName', 'Who they referred you to'], ['howItHelped', 'How it helped']],
  },
};

/** A note for the follow-up in the contact's medium: the guide's thank-you, follow-up, or "tell the referrer". */
function noteDrafter(followup, actions) {
  const note = NOTES[followup.kind];
  const out = h('div', { class: 'draft-output' });
  const medium = h('select', { 'aria-label': 'Medium' }, note.media.map(([v, l]) =>
    h('option', { value: v, selected: followup.title.toLowerCase().includes(`(${v.replace('_', ' ')})`) }, l)));
  const inputs = Object.fromEntries(note.asks.map(([key, label]) => [key, h('input', { placeholder: label, 'aria-label': label })]));
  return h('details', { class: 'thank-you-drafter' },
    h('summary', {}, note.summary),
    h('div', { class: 'row' }, medium, Object.values(inputs),
      h('button', { type: 'button', class: 'small', onclick: async () => {
        try {
          const values = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value]));
          const draft = await actions.draftNote(followup.kind, { theirName: followup.person.displayName, medium: medium.value, ...values });
          const text = [draft.subject ? `Subject: ${draft.subject}` : null, draft.body].filter(Boolean).join('\n\n');
          out.replaceChildren(h('pre', { class: 'draft' }, text), ...draft.warnings.map((w) => h('p', { class: 'warning' }, w)));
        } catch (e) {
          out.replaceChildren(h('p', { class: 'row-error' }, e.message));
        }
      } }, 'Draft')),
    out);
}

/**
 * Form for a new follow-up. With `personId` it is for that person; otherwise a person is
 * picked from `people`.
 */
export function followupForm({ personId = null, searchPeople, onSave }) {
  const due = h('input', { type: 'datetime-local', name: 'due', value: toLocalInput(dueSuggestions()[0].at) });
  const suggestions = h('div', { class: 'chips' },
    dueSuggestions().map((s) => h('button', { type: 'button', class: 'chip', onclick: () => { due.value = toLocalInput(s.at); } }, s.label)));
  const picker = personId === null ? personPicker({ name: 'personId', search: searchPeople }) : null;
  const personField = picker ? field('With', picker.input, { within: picker.element }) : null;
  const form = h('form', { class: 'followup-form', novalidate: true },
    field('Follow-up', h('input', { name: 'title', placeholder: 'e.g. Send Ada the article on accessibility', autocomplete: 'off' })),
    h('div', { class: 'row' }, personField, field('Due', due)),
    suggestions,
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Add follow-up')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = personId ?? (data.get('personId') ? Number(data.get('personId')) : null);
    const dueAt = fromLocalInput(String(data.get('due') ?? ''));
    submitting(form, async () => {
      if (picker?.unresolved()) throw new Error('Pick who it is with from the list (type part of their name), or clear the name.');
      if (!dueAt) throw Object.assign(new Error('Pick when it is due.'), { field: 'due' });
      await onSave({ personId: chosen, title: String(data.get('title') ?? ''), dueAt });
      form.reset();
      picker?.input.dispatchEvent(new Event('reset-picker'));
      due.value = toLocalInput(dueSuggestions()[0].at);
    });
  });
  return form;
}
