// The hidden job market: leads heard of through the network, tied to who told you, moving from
// heard-of to offer; and target organizations with who you know there.

import { h } from '../dom.js';
import { formatWhen } from '../format.js';
import { field, formError, submitting } from './forms.js';
import { personPicker } from './person-picker.js';

export const STATUSES = [
  ['heard_of', 'Heard of'], ['researching', 'Researching'], ['referred', 'Referred'], ['applied', 'Applied'],
  ['interviewing', 'Interviewing'], ['offer', 'Offer'], ['closed', 'Closed'],
];
const STATUS_LABEL = Object.fromEntries(STATUSES);

function opportunityRow(o, actions) {
  const error = h('p', { class: 'row-error', role: 'alert', hidden: true });
  const status = h('select', { 'aria-label': `Status of ${o.role}`, onchange: async (e) => {
    error.hidden = true;
    try { await actions.setStatus(o.id, e.target.value); } catch (err) { error.textContent = err.message; error.hidden = false; }
  } }, STATUSES.map(([v, l]) => h('option', { value: v, selected: v === o.status }, l)));
  const history = o.history.map((c) => `${STATUS_LABEL[c.status]} ${formatWhen(c.at)}`).join(' → ');
  return h('li', { class: 'opportunity', dataset: { opportunityId: String(o.id) } },
    h('div', { class: 'followup-main' },
      h('span', { class: 'followup-title' }, o.organization ? `${o.role} · ${o.organization}` : o.role),
      h('span', { class: 'followup-meta' },
        o.source ? ['from ', h('button', { type: 'button', class: 'link', onclick: () => actions.openPerson(o.source.id) }, o.source.displayName), ' · '] : '',
        history),
      o.notes ? h('span', { class: 'followup-meta prewrap' }, o.notes) : null),
    h('div', { class: 'followup-actions' }, status,
      h('button', { type: 'button', class: 'ghost small', 'aria-label': `Delete ${o.role}`, onclick: () => actions.remove(o.id) }, '✕')),
    error);
}

/** `actions`: add(input), setStatus(id, status), remove(id), setTarget(orgId, bool), openPerson(id), toggleClosed(). */
export function opportunitiesView({ opportunities, searchPeople, organizations, targets, meetings, includeClosed, actions }) {
  const source = personPicker({ name: 'sourcePersonId', search: searchPeople, placeholder: 'Type a name' });
  const form = h('form', { class: 'opportunity-form', id: 'opportunity-form', novalidate: true },
    h('div', { class: 'row' },
      field('Role', h('input', { name: 'role', autocomplete: 'off', placeholder: 'e.g. Summer analyst' })),
      field('Organization', h('input', { name: 'organization', autocomplete: 'off', list: 'organization-names' }))),
    h('datalist', { id: 'organization-names' }, organizations.map((o) => h('option', { value: o.name }))),
    h('div', { class: 'row' },
      field('Who told you', source.input, { within: source.element }),
      field('Heard in', h('select', { name: 'meetingId' }, h('option', { value: '' }, '—'),
        meetings.map((m) => h('option', { value: String(m.id) }, m.title || `Interview with ${m.person.displayName}`))))),
    field('Notes', h('input', { name: 'notes', autocomplete: 'off' })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Add lead')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k) => String(data.get(k) ?? '');
    submitting(form, async () => {
      if (source.unresolved()) throw new Error('Pick who told you from the list (type part of their name), or clear the name.');
      await actions.add({
      role: text('role'), organization: text('organization') || null,
      sourcePersonId: text('sourcePersonId') ? Number(text('sourcePersonId')) : null,
      meetingId: text('meetingId') ? Number(text('meetingId')) : null,
      notes: text('notes'),
      });
    });
  });

  const candidates = organizations.filter((o) => !o.isTarget);
  const targetSelect = h('select', { 'aria-label': 'Organization to target' }, h('option', { value: '' }, 'Choose an organization…'),
    candidates.map((o) => h('option', { value: String(o.id) }, `${o.name}${o.peopleCount ? ` (${o.peopleCount} known)` : ''}`)));

  return h('div', { id: 'opportunities' },
    h('h1', { class: 'page-title' }, 'Opportunities'),
    h('p', { class: 'lede' }, 'Most jobs are never advertised: they are heard of through people. Keep each lead with who told you, and follow it from first mention to offer.'),
    h('div', { class: 'columns' },
      h('div', {},
        h('section', { class: 'card' },
          h('h2', {}, includeClosed ? 'All leads' : 'Open leads'),
          opportunities.length ? h('ul', { class: 'followups' }, opportunities.map((o) => opportunityRow(o, actions))) : h('p', { class: 'empty' }, 'No leads yet. Ask your contacts what they hear about: advice, information, referrals.'),
          h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: includeClosed, onchange: actions.toggleClosed }), ' show closed')),
        h('section', { class: 'card' }, h('h2', {}, 'Add a lead'), form)),
      h('section', { class: 'card', id: 'targets' },
        h('h2', {}, 'Target organizations'),
        targets.length
          ? h('ul', { class: 'targets' }, targets.map((t) => h('li', {},
            h('div', { class: 'target-head' },
              h('strong', {}, t.name),
              t.openOpportunities ? h('span', { class: 'badge' }, `${t.openOpportunities} open`) : null,
              h('button', { type: 'button', class: 'ghost small', 'aria-label': `Stop targeting ${t.name}`, onclick: () => actions.setTarget(t.organizationId, false) }, '✕')),
            t.people.length
              ? h('ul', { class: 'target-people' }, t.people.map((p) => h('li', {},
                h('button', { type: 'button', class: 'link', onclick: () => actions.openPerson(p.id) }, p.displayName), p.title ? ` · ${p.title}` : '')))
              : h('p', { class: 'hint' }, 'You know no one here yet: ask your contacts who they know.'))))
          : h('p', { class: 'empty' }, 'Mark the organizations you want to get into, to see who you know there.'),
        h('div', { class: 'row inline-form' }, targetSelect,
          h('button', { type: 'button', onclick: () => targetSelect.value && actions.setTarget(Number(targetSelect.value), true) }, 'Target')))));
}
