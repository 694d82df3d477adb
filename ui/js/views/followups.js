// Follow-ups: a row with its actions (done, snooze, dismiss), and the form to add one.

import { h } from '../dom.js';
import { dueSuggestions, formatWhen, fromLocalInput, kindLabel, toLocalInput } from '../format.js';
import { field, formError, submitting } from './forms.js';

const SNOOZES = [
  { label: '1 hour', snooze: { preset: 'oneHour' } },
  { label: 'Tomorrow morning', snooze: { preset: 'tomorrowMorning' } },
  { label: 'Next week', snooze: { preset: 'nextWeek' } },
];

/** One follow-up with its actions. `actions`: done(id), dismiss(id), snooze(id, snooze), openPerson(id). */
export function followupRow(followup, actions, { showPerson = true, now = new Date() } = {}) {
  const error = h('p', { class: 'row-error', role: 'alert', hidden: true });
  const run = async (action) => {
    error.hidden = true;
    try {
      await action();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  };
  const overdue = new Date(followup.dueAt) < now;
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
  const drafter = followup.kind === 'thank_you' && followup.person && actions.draftThankYou ? thankYouDrafter(followup, actions) : null;
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
        h('span', { class: `due${overdue ? ' is-overdue' : ''}` }, overdue ? `overdue · ${formatWhen(followup.dueAt, now)}` : formatWhen(followup.dueAt, now)),
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

/** "Send a thank you note … mentioning what was particularly beneficial", in their medium. */
function thankYouDrafter(followup, actions) {
  const out = h('div', { class: 'draft-output' });
  const medium = h('select', { 'aria-label': 'Medium' }, [['email', 'Email'], ['handwritten_card', 'Handwritten card'], ['linkedin', 'LinkedIn'], ['text', 'Text message']].map(([v, l]) =>
    h('option', { value: v, selected: followup.title.includes(`(${l.toLowerCase()})`) || followup.title.includes(`(${v.replace('_', ' ')})`) }, l)));
  const helped = h('input', { placeholder: 'What was particularly helpful?', 'aria-label': 'What was particularly helpful' });
  const details = h('details', { class: 'thank-you-drafter' },
    h('summary', {}, 'Draft the thank-you'),
    h('div', { class: 'row' }, medium, helped,
      h('button', { type: 'button', class: 'small', onclick: async () => {
        try {
          const draft = await actions.draftThankYou({ theirName: followup.person.displayName, whatHelped: helped.value, medium: medium.value });
          out.replaceChildren(h('pre', { class: 'draft' }, draft.body), ...draft.warnings.map((w) => h('p', { class: 'warning' }, w)));
        } catch (e) {
          out.replaceChildren(h('p', { class: 'row-error' }, e.message));
        }
      } }, 'Draft')),
    out);
  return details;
}

/**
 * Form for a new follow-up. With `personId` it is for that person; otherwise a person is
 * picked from `people`.
 */
export function followupForm({ personId = null, people = [], onSave }) {
  const due = h('input', { type: 'datetime-local', name: 'due', value: toLocalInput(dueSuggestions()[0].at) });
  const suggestions = h('div', { class: 'chips' },
    dueSuggestions().map((s) => h('button', { type: 'button', class: 'chip', onclick: () => { due.value = toLocalInput(s.at); } }, s.label)));
  const personSelect = personId === null
    ? field('With', h('select', { name: 'personId' },
      h('option', { value: '' }, '— nobody in particular —'),
      people.map((p) => h('option', { value: String(p.id) }, p.displayName))))
    : null;
  const form = h('form', { class: 'followup-form', novalidate: true },
    field('Follow-up', h('input', { name: 'title', placeholder: 'e.g. Send Ada the article on accessibility', autocomplete: 'off' })),
    h('div', { class: 'row' }, personSelect, field('Due', due)),
    suggestions,
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Add follow-up')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = personId ?? (data.get('personId') ? Number(data.get('personId')) : null);
    const dueAt = fromLocalInput(String(data.get('due') ?? ''));
    submitting(form, async () => {
      if (!dueAt) throw Object.assign(new Error('Pick when it is due.'), { field: 'due' });
      await onSave({ personId: chosen, title: String(data.get('title') ?? ''), dueAt });
      form.reset();
      due.value = toLocalInput(dueSuggestions()[0].at);
    });
  });
  return form;
}
