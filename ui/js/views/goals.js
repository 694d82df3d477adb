// Goals: what the user aims for, each with its progress this week, this month or in total
// (counted from the records, never ticked by hand), editable and removable, and a form to add one.

import { h } from '../dom.js';
import { goalProgress } from './plan.js';
import { field, formError, submitting } from './forms.js';

export const WHATS = [
  ['reach_outs', 'People reached out to'],
  ['interviews', 'Informational interviews'],
  ['new_people', 'Names added to your network'],
  ['thank_you_on_time', 'Thank-yous within 24 hours (percent)'],
];
export const PERS = [['week', 'a week'], ['month', 'a month'], ['total', 'in total']];

const select = (name, options, value, label) =>
  h('select', { name, 'aria-label': label }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));

function goalRow(goal, actions) {
  const form = h('form', { class: 'goal-row', novalidate: true, dataset: { goalId: String(goal.id) } },
    h('span', { class: 'goal-label' }, goal.label),
    h('span', { class: 'goal-done' }, goalProgress(goal)),
    h('input', { name: 'count', type: 'number', min: '1', max: goal.what === 'thank_you_on_time' ? '100' : '10000', value: String(goal.count), 'aria-label': `Count for “${goal.label}”`, class: 'goal-count' }),
    select('per', PERS, goal.per, `Period for “${goal.label}”`),
    h('button', { type: 'submit', class: 'ghost small' }, 'Save'),
    h('button', { type: 'button', class: 'ghost small danger-text', onclick: () => actions.remove(goal.id) }, 'Remove'),
    formError());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    submitting(form, () => actions.update(goal.id, { what: goal.what, count: Number(data.get('count')), per: String(data.get('per')) }));
  });
  return h('li', {}, form);
}

/** `goals`: what `list_goals` returns. `actions`: add(input), update(id, input), remove(id). */
export function goalsCard({ goals, actions }) {
  const add = h('form', { class: 'row inline-form', id: 'goal-form', novalidate: true },
    field('Aim for', select('what', WHATS, 'reach_outs')),
    field('How many', h('input', { name: 'count', type: 'number', min: '1', value: '5' })),
    field('Per', select('per', PERS, 'week')),
    formError(),
    h('button', { type: 'submit' }, 'Add goal'));
  add.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(add);
    submitting(add, () => actions.add({ what: String(data.get('what')), count: Number(data.get('count')), per: String(data.get('per')) }));
  });
  return h('section', { class: 'card', id: 'goals', 'aria-labelledby': 'goals-heading' },
    h('h2', { id: 'goals-heading' }, 'Your goals'),
    h('p', { class: 'hint' }, 'Counted from what you log: a message, a call or a meeting with someone is a reach-out; a held informational interview counts; a thank-you done within its 24 hours is on time.'),
    goals.length ? h('ul', { class: 'goal-list' }, goals.map((g) => goalRow(g, actions))) : h('p', { class: 'empty' }, 'No goals yet. Two informational interviews a month is a good start.'),
    add);
}
