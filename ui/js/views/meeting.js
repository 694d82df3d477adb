// An informational interview (or a job interview) from idea to follow-up: its state, the seven
// preparation steps, the meeting request, details, agenda, AIR and reflection.

import { h, replaceChildren } from '../dom.js';
import { formatWhen, fromLocalInput, kindLabel, toLocalInput } from '../format.js';
import { agendaBuilder } from './agenda.js';
import { field, formError, submitting } from './forms.js';

const STATES = [
  ['idea', 'Idea'], ['preparing', 'Preparing'], ['requested', 'Requested'], ['scheduled', 'Scheduled'],
  ['held', 'Held'], ['thanked', 'Thanked'], ['followed_up', 'Followed up'], ['declined', 'Declined'], ['cancelled', 'Cancelled'],
];
const STATE_LABEL = Object.fromEntries(STATES);
const NEXT = { idea: 'preparing', preparing: 'requested', requested: 'scheduled', scheduled: 'held', held: 'thanked', thanked: 'followed_up' };

function stateBar(meeting, actions) {
  const error = h('p', { class: 'row-error', role: 'alert', hidden: true });
  const heldAt = h('input', { type: 'datetime-local', value: toLocalInput(new Date()), 'aria-label': 'When it was held', class: 'held-at' });
  const select = h('select', { 'aria-label': 'Set the state' }, STATES.map(([value, label]) => h('option', { value, selected: value === meeting.state }, label)));
  const go = async (state) => {
    error.hidden = true;
    try {
      await actions.setState(state, state === 'held' ? fromLocalInput(heldAt.value) : null);
    } catch (e) { error.textContent = e.message; error.hidden = false; }
  };
  const next = NEXT[meeting.state];
  return h('div', { class: 'state-bar' },
    h('ol', { class: 'state-steps' }, STATES.slice(0, 7).map(([value, label]) => {
      const reached = meeting.history.some((c) => c.state === value);
      return h('li', { class: `${value === meeting.state ? 'current' : ''}${reached ? ' reached' : ''}` }, label);
    })),
    h('div', { class: 'state-actions' },
      next ? h('button', { type: 'button', class: 'primary', id: 'next-state', onclick: () => go(next) }, next === 'held' ? 'Mark held' : `Mark ${STATE_LABEL[next].toLowerCase()}`) : null,
      next === 'held' ? heldAt : null,
      select,
      h('button', { type: 'button', class: 'ghost', onclick: () => go(select.value) }, 'Set')),
    error);
}

function prepList(meeting, actions) {
  return h('ol', { class: 'prep-steps', role: 'list' }, meeting.prep.map((step) => {
    const note = h('input', { value: step.note, placeholder: 'Notes for this step', 'aria-label': `Notes for step ${step.step}`, onchange: (e) => actions.prep(step.step, step.done, e.target.value) });
    return h('li', { class: step.done ? 'done' : '' },
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', checked: step.done, onchange: (e) => {
          e.target.closest('li').classList.toggle('done', e.target.checked);
          actions.prep(step.step, e.target.checked, note.value);
        } }),
        h('span', {}, `${step.step}. ${step.title}`)),
      note);
  }));
}

/** What was typed into each meeting's request drafter, kept while the app runs so that redrawing
 * the page (after any other change to the meeting) loses none of it. */
const drafterInput = new Map();

function requestDrafter(meeting, me, actions) {
  const out = h('div', { class: 'draft-output' });
  const form = h('form', { class: 'drafter', id: 'request-drafter', novalidate: true },
    h('div', { class: 'row' },
      field('Medium', h('select', { name: 'medium' }, [['email', 'Email'], ['linkedin', 'LinkedIn message'], ['phone', 'Phone script']].map(([v, l]) => h('option', { value: v }, l)))),
      field('Your name', h('input', { name: 'myName', value: me.displayName === 'Me' ? '' : me.displayName, autocomplete: 'name' }))),
    field('Who you are', h('input', { name: 'whoIAm', placeholder: 'e.g. a junior studying economics at Simmons' })),
    field('Why your interests connect', h('input', { name: 'connection', placeholder: 'e.g. Ada suggested I reach out; we both care about accessible design' })),
    field('Why you want to learn from them', h('input', { name: 'whyThem', placeholder: 'e.g. your move from research into UX' })),
    field('A few times you are free (one per line)', h('textarea', { name: 'slots', rows: '3', placeholder: 'Tuesday 3 March, 2-5 pm\nThursday 5 March, morning' })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Draft the request')),
    out);
  for (const [name, value] of Object.entries(drafterInput.get(meeting.id) ?? {})) {
    const control = form.elements.namedItem(name);
    if (control && value) control.value = value;
  }
  form.addEventListener('input', () => drafterInput.set(meeting.id, Object.fromEntries(new FormData(form))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k) => String(data.get(k) ?? '');
    submitting(form, async () => {
      const draft = await actions.draftRequest({
        myName: text('myName'), whoIAm: text('whoIAm'), theirName: meeting.person.displayName,
        connection: text('connection'), whyThem: text('whyThem'),
        slots: text('slots').split('\n').map((s) => s.trim()).filter(Boolean), medium: text('medium'),
      });
      const full = [draft.subject ? `Subject: ${draft.subject}` : null, draft.body].filter(Boolean).join('\n\n');
      const copy = h('button', { type: 'button', class: 'ghost small', onclick: async () => {
        try { await navigator.clipboard.writeText(full); copy.textContent = 'Copied'; } catch { copy.textContent = 'Select the text and copy it'; }
      } }, 'Copy');
      replaceChildren(out,
        h('pre', { class: 'draft', id: 'request-draft', tabindex: '0' }, full),
        h('p', { class: 'hint' }, `${draft.words} words`),
        draft.warnings.map((w) => h('p', { class: 'warning' }, w)),
        copy);
    });
  });
  return form;
}

function detailsForm(meeting, actions) {
  const input = (name, attrs = {}) => h('input', { name, ...attrs });
  const area = (name, value, rows = 3) => h('textarea', { name, rows: String(rows), value });
  const form = h('form', { class: 'meeting-details', novalidate: true },
    field('Title', input('title', { value: meeting.title, placeholder: `${kindLabel(meeting.kind)} with ${meeting.person.displayName}` })),
    h('div', { class: 'row' },
      field('When', input('scheduledAt', { type: 'datetime-local', value: meeting.scheduledAt ? toLocalInput(meeting.scheduledAt) : '' })),
      field('Minutes', input('durationMinutes', { type: 'number', min: '5', max: '240', value: String(meeting.durationMinutes) }))),
    h('div', { class: 'row' },
      field('Where', input('location', { value: meeting.location, placeholder: 'Café, office, phone (who calls whom, which number)…' })),
      field('Medium they use', h('select', { name: 'medium' }, [['', '—'], ['email', 'Email'], ['linkedin', 'LinkedIn'], ['text', 'Text message'], ['phone', 'Phone'], ['card', 'Handwritten card']].map(([v, l]) => h('option', { value: v, selected: (meeting.medium ?? '') === v }, l))))),
    field('Follow up on', input('followUpOn', { type: 'datetime-local', value: meeting.followUpOn ? toLocalInput(meeting.followUpOn) : '' }), { hint: 'If they seemed to genuinely want to help, plan a follow-up call or email.' }),
    field('Notes', area('notes', meeting.notes, 4)),
    h('h3', {}, 'Reflection'),
    field('What I learned', area('learned', meeting.learned)),
    field('What I still need to know', area('stillToLearn', meeting.stillToLearn)),
    field('Next steps', area('nextSteps', meeting.nextSteps)),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k) => String(data.get(k) ?? '');
    submitting(form, () => actions.saveDetails({
      title: text('title'), scheduledAt: fromLocalInput(text('scheduledAt')), durationMinutes: Number(text('durationMinutes')) || 30,
      location: text('location'), medium: text('medium') || null, followUpOn: fromLocalInput(text('followUpOn')),
      notes: text('notes'), learned: text('learned'), stillToLearn: text('stillToLearn'), nextSteps: text('nextSteps'),
    }));
  });
  return form;
}

function airSection(meeting, people, actions) {
  // Only this section is redrawn after a change, so nothing typed elsewhere on the page is lost.
  const redraw = (updated) => section.replaceWith(airSection(updated, people, actions));
  const referred = field('Referred to', h('input', { name: 'referredName', placeholder: 'Their name: someone listed or someone new', autocomplete: 'off', list: 'air-people' }));
  referred.hidden = true;
  const kind = h('select', { name: 'kind', onchange: () => { referred.hidden = kind.value !== 'referral'; } },
    h('option', { value: 'advice' }, 'Advice'), h('option', { value: 'information' }, 'Information'), h('option', { value: 'referral' }, 'Referral'));
  const form = h('form', { class: 'air-form', id: 'air-form', novalidate: true },
    h('div', { class: 'row' }, field('Kind', kind), referred),
    field('What', h('input', { name: 'text', placeholder: 'e.g. Join the regional UX meetup', autocomplete: 'off' })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Add')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const name = String(data.get('referredName') ?? '').trim();
    // A name that is exactly one person already listed refers to them; any other creates someone new.
    const known = people.filter((p) => p.displayName.toLowerCase() === name.toLowerCase());
    submitting(form, async () => {
      redraw(await actions.addAir({
        kind: String(data.get('kind')),
        text: String(data.get('text') ?? ''),
        referredPersonId: known.length === 1 ? known[0].id : null,
        referredName: known.length === 1 ? null : name || null,
      }));
    });
  });
  const label = { advice: 'Advice', information: 'Information', referral: 'Referral' };
  const section = h('div', { class: 'air-section' },
    h('datalist', { id: 'air-people' }, people.filter((p) => p.id !== meeting.person.id).map((p) => h('option', { value: p.displayName }))),
    meeting.air.length
      ? h('ul', { class: 'air-list' }, meeting.air.map((item) => h('li', { class: `air ${item.kind}` },
        h('span', { class: 'air-kind' }, label[item.kind]),
        h('span', {}, item.referredPerson ? [h('button', { type: 'button', class: 'link', onclick: () => actions.openPerson(item.referredPerson.id) }, item.referredPerson.displayName), item.text ? ` — ${item.text}` : ''] : item.text),
        item.closedAt ? h('span', { class: 'badge' }, 'met') : null,
        h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Remove', onclick: async () => redraw(await actions.removeAir(item.id)) }, '✕'))))
      : h('p', { class: 'empty' }, 'Nothing yet. Ask for advice, information and referrals: who else should I talk to?'),
    form);
  return section;
}

function calendarExport(meeting, actions) {
  const result = h('span', { class: 'hint', role: 'status' });
  return h('p', { class: 'calendar-export' },
    h('button', { type: 'button', class: 'ghost small', id: 'export-ics', onclick: async () => {
      try {
        result.textContent = `Saved to ${await actions.exportIcs()}: open it to add the meeting to your calendar.`;
      } catch (e) {
        result.textContent = e.message;
      }
    } }, 'Add to calendar (.ics)'), ' ', result);
}

/** `actions`: setState, prep, saveDetails, saveAgenda, suggestAgenda, run, addAir, removeAir, draftRequest, openPerson. */
export function meetingView({ meeting, me, bank, people, pitch = null, actions }) {
  const when = meeting.scheduledAt ? formatWhen(meeting.scheduledAt) : 'not scheduled yet';
  return h('article', { class: 'meeting', id: 'meeting', dataset: { meetingId: String(meeting.id), state: meeting.state } },
    h('header', { class: 'meeting-header' },
      h('p', { class: 'eyebrow' }, kindLabel(meeting.kind)),
      h('h1', { class: 'page-title' }, meeting.title || `${kindLabel(meeting.kind)} with `, meeting.title ? null : h('button', { type: 'button', class: 'link big', onclick: () => actions.openPerson(meeting.person.id) }, meeting.person.displayName)),
      h('p', { class: 'subtitle' }, `${STATE_LABEL[meeting.state]} · ${when} · ${meeting.durationMinutes} min`),
      calendarExport(meeting, actions)),
    stateBar(meeting, actions),
    h('div', { class: 'columns' },
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, 'Agenda'),
          agendaBuilder({ items: meeting.agenda, bank, pitch, onSave: actions.saveAgenda, onRun: actions.run, onSuggest: actions.suggestAgenda })),
        h('section', { class: 'card' }, h('h2', {}, 'AIR: advice, information, referrals'), airSection(meeting, people, actions)),
        h('section', { class: 'card' }, h('h2', {}, 'Details, notes and reflection'), detailsForm(meeting, actions))),
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, 'Prepare: 7 steps'), prepList(meeting, actions)),
        h('section', { class: 'card' }, h('h2', {}, 'Request the meeting'), requestDrafter(meeting, me, actions)))));
}
