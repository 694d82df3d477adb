// Today: this week's plan, what is overdue, due today and coming up, with a form to add a
// follow-up.

import { h, replaceChildren } from '../dom.js';
import { dueBucket, formatWhen, kindLabel } from '../format.js';
import { followupForm, followupRow } from './followups.js';
import { planSection } from './plan.js';

function overviewSections(overview, actions) {
  if (!overview) return [];
  const size = overview.networkSize;
  const goal = overview.networkGoalMin;
  return [
    overview.upcomingMeetings.length
      ? h('section', { class: 'card' }, h('h2', {}, 'Meetings coming up'),
        h('ul', { class: 'meeting-list' }, overview.upcomingMeetings.map((m) => h('li', {},
          h('button', { type: 'button', class: 'meeting-row', onclick: () => actions.openMeeting(m.id) },
            h('span', { class: 'person-name' }, m.title || `${kindLabel(m.kind)} with ${m.person.displayName}`),
            h('span', { class: 'person-detail' }, formatWhen(m.scheduledAt)))))))
      : null,
    overview.goingCold.length
      ? h('section', { class: 'card', id: 'going-cold' }, h('h2', {}, 'Going cold', h('span', { class: 'count-quiet' }, ` ${overview.goingColdTotal}`)),
        h('p', { class: 'hint' }, 'Pass along an article, ask how they are: a small note keeps the connection warm.'),
        h('ul', { class: 'meeting-list' }, overview.goingCold.map((c) => h('li', {},
          h('button', { type: 'button', class: 'meeting-row', onclick: () => actions.openPerson(c.person.id) },
            h('span', { class: 'person-name' }, c.person.displayName),
            h('span', { class: 'person-detail' }, `last contact ${c.daysSince} days ago · every ${c.cadenceDays} days`))))),
        overview.goingColdTotal > overview.goingCold.length
          ? h('p', { class: 'hint' }, `…and ${overview.goingColdTotal - overview.goingCold.length} more, the most overdue listed first.`)
          : null)
      : null,
    size < goal
      ? h('section', { class: 'card brainstorm-nudge' },
        h('h2', {}, 'Your natural network'),
        h('div', { class: 'progress' }, h('progress', { max: String(goal), value: String(size), 'aria-label': 'Names listed' }), h('span', {}, `${size} of ${goal} names`)),
        h('button', { type: 'button', onclick: actions.openBrainstorm }, 'Continue the brainstorm'))
      : null,
  ];
}

function opportunitiesSection(opportunities, actions) {
  if (!opportunities?.length) return null;
  return h('section', { class: 'card' }, h('h2', {}, 'Open opportunities', h('span', { class: 'count-quiet' }, ` ${opportunities.length}`)),
    h('ul', { class: 'meeting-list' }, opportunities.slice(0, 5).map((o) => h('li', {},
      h('button', { type: 'button', class: 'meeting-row', onclick: actions.openOpportunities },
        h('span', { class: 'person-name' }, o.organization ? `${o.role} · ${o.organization}` : o.role),
        h('span', { class: 'person-detail' }, `${o.status.replace('_', ' ')}${o.source ? ` · from ${o.source.displayName}` : ''}`))))));
}

/** Rows a section shows at first: a heavy user can have a thousand overdue. */
const SHOWN = 100;

export function todayView({ plan = null, planActions = null, followups, laterTotal = 0, searchPeople, overview, opportunities = [], actions }) {
  const now = new Date();
  const buckets = { overdue: [], now: [], today: [], later: [] };
  for (const f of followups) buckets[dueBucket(f.dueAt, now)].push(f);
  const section = (title, items, empty, total = items.length) => {
    if (!items.length) {
      return h('section', { class: 'card' }, h('h2', {}, title), h('p', { class: 'empty' }, empty));
    }
    const rows = (shown) => shown.map((f) => followupRow(f, actions, { now }));
    const list = h('ul', { class: 'followups' }, rows(items.slice(0, SHOWN)));
    const showAll = items.length > SHOWN
      ? h('button', { type: 'button', class: 'link', onclick: () => { replaceChildren(list, rows(items)); showAll.remove(); } }, `Show all ${items.length}`)
      : null;
    return h('section', { class: 'card' },
      h('h2', {}, title, h('span', { class: 'count-quiet' }, ` ${total}`)),
      list,
      showAll,
      total > items.length ? h('p', { class: 'hint' }, `…and ${total - items.length} more after these.`) : null);
  };

  return h('div', { class: 'today', id: 'today' },
    h('h1', { class: 'page-title' }, 'Today'),
    plan ? planSection({ plan, actions: planActions }) : null,
    followups.length ? h('p', { class: 'hint keys-hint' }, 'Tab to a follow-up, then: d done · s snooze to tomorrow · o open the person') : null,
    buckets.overdue.length ? section('Overdue', buckets.overdue, '') : null,
    buckets.now.length ? section('Due now', buckets.now, '') : null,
    section(buckets.now.length ? 'Later today' : 'Due today', buckets.today,
      buckets.overdue.length || buckets.now.length ? 'Nothing else today.' : 'Nothing due today. A good day to reach out to someone.'),
    section('Coming up', buckets.later, 'Nothing planned yet.', laterTotal),
    overviewSections(overview, actions),
    opportunitiesSection(opportunities, actions),
    h('section', { class: 'card' }, h('h2', {}, 'Add a follow-up'), followupForm({ searchPeople, onSave: actions.add })));
}
