// Today: what is overdue, due today and coming up, with a form to add a follow-up.

import { h } from '../dom.js';
import { dueBucket } from '../format.js';
import { followupForm, followupRow } from './followups.js';

export function todayView({ followups, people, actions }) {
  const now = new Date();
  const buckets = { overdue: [], today: [], later: [] };
  for (const f of followups) buckets[dueBucket(f.dueAt, now)].push(f);
  const section = (title, items, empty) =>
    h('section', { class: 'card' },
      h('h2', {}, title, items.length ? h('span', { class: 'count-quiet' }, ` ${items.length}`) : null),
      items.length ? h('ul', { class: 'followups' }, items.map((f) => followupRow(f, actions, { now }))) : h('p', { class: 'empty' }, empty));

  return h('div', { class: 'today', id: 'today' },
    h('h1', { class: 'page-title' }, 'Today'),
    buckets.overdue.length ? section('Overdue', buckets.overdue, '') : null,
    section('Due today', buckets.today, buckets.overdue.length ? 'Nothing else today.' : 'Nothing due today. A good day to reach out to someone.'),
    section('Coming up', buckets.later, 'Nothing planned yet.'),
    h('section', { class: 'card' }, h('h2', {}, 'Add a follow-up'), followupForm({ people, onSave: actions.add })));
}
