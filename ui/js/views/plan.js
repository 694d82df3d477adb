// "This week", at the top of Today: the week's short plan from the coach, each item with its
// reason and one-click actions, and the goals it serves.

import { h, replaceChildren } from '../dom.js';
import { actionError } from './forms.js';

/** What each kind of item offers besides "Next week" and "Not now". */
const ACTIONS = {
  follow_up: ['done', 'open'],
  birthday: ['done', 'log', 'open'],
  tell_natural_network: ['draft', 'log'],
  referral: ['log', 'interview'],
  warm_intro: ['log', 'open'],
  going_cold: ['log', 'open'],
  prepare_interview: ['meeting'],
  reflect: ['meeting'],
};

const LABELS = {
  done: 'Done',
  draft: 'Draft the message',
  log: 'Log it',
  interview: 'Plan the interview',
  open: 'Open',
  meeting: 'Open the interview',
};

/** A goal's progress in words: "1 of 5", "80%", "nothing due yet". Pure, for tests. */
export function goalProgress(goal) {
  if (goal.done === null || goal.done === undefined) return 'nothing due yet';
  if (goal.what === 'thank_you_on_time') return `${goal.done}%`;
  return `${goal.done} of ${goal.count}`;
}

/** Short names of the goals for the section's heading line: "Reach-outs". Pure, for tests. */
export function goalName(goal) {
  return { reach_outs: 'Reach-outs', interviews: 'Interviews', new_people: 'Names', thank_you_on_time: 'Thank-yous on time' }[goal.what] ?? goal.label;
}

/** The items left to do and done, for the heading: "2 of 6 done". Pure, for tests. */
export function planTally(items) {
  const done = items.filter((i) => i.done).length;
  return items.length ? `${done} of ${items.length} done` : '';
}

function goalsLine(goals, openProgress) {
  if (!goals.length) return null;
  return h('ul', { class: 'goal-line', 'aria-label': 'Your goals' },
    goals.map((g) => h('li', { class: g.done !== null && g.done >= g.count ? 'met' : '' },
      h('span', { class: 'goal-name' }, goalName(g)),
      ' ',
      h('strong', {}, goalProgress(g)),
      g.per === 'total' ? '' : h('span', { class: 'count-quiet' }, g.per === 'week' ? ' this week' : ' this month'))),
    h('li', {}, h('button', { type: 'button', class: 'link', onclick: openProgress }, 'Goals and progress')));
}

function itemRow(item, actions) {
  const { error, run } = actionError();
  const extra = h('div', { class: 'plan-extra' });
  const showDraft = async () => {
    const draft = await actions.draft(item);
    const text = draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
    const area = h('textarea', { class: 'plan-draft', rows: '8', 'aria-label': `Message to ${item.person?.displayName ?? ''}`, value: text });
    const copied = h('span', { class: 'hint', role: 'status' });
    replaceChildren(extra,
      area,
      draft.warnings.length ? h('ul', { class: 'warnings' }, draft.warnings.map((w) => h('li', {}, w))) : null,
      h('div', { class: 'buttons' },
        h('button', {
          type: 'button',
          class: 'small',
          onclick: async () => {
            await navigator.clipboard.writeText(area.value).then(() => { copied.textContent = 'Copied.'; }, () => { area.select(); copied.textContent = 'Select and copy the text.'; });
          },
        }, 'Copy'),
        h('button', { type: 'button', class: 'ghost small', onclick: () => replaceChildren(extra) }, 'Close'),
        copied));
    area.focus();
  };
  const handlers = {
    done: () => run(() => actions.done(item)),
    draft: () => run(showDraft),
    log: () => run(() => actions.log(item)),
    interview: () => run(() => actions.planInterview(item)),
    open: () => item.person && actions.openPerson(item.person.id),
    meeting: () => actions.openMeeting(item.meetingId),
  };
  const buttons = item.done
    ? []
    : (ACTIONS[item.kind] ?? []).map((name, index) => h('button', { type: 'button', class: index === 0 ? 'small' : 'ghost small', dataset: { action: name }, onclick: handlers[name] }, LABELS[name]));
  // A birthday is on its day: it cannot wait for next week.
  const setAside = item.done || item.kind === 'birthday' ? [] : [
    h('button', { type: 'button', class: 'ghost small', dataset: { action: 'next-week' }, onclick: () => run(() => actions.setAside(item, 'next_week')) }, 'Next week'),
    item.kind === 'follow_up' || item.kind === 'birthday' ? null : h('button', { type: 'button', class: 'ghost small', dataset: { action: 'not-now' }, onclick: () => run(() => actions.setAside(item, 'not_now')) }, 'Not now'),
  ];
  return h('li', { class: `plan-item${item.done ? ' done' : ''}`, dataset: { planKind: item.kind, planId: String(item.id) } },
    h('span', { class: 'plan-mark', 'aria-hidden': 'true' }, item.done ? '✓' : '○'),
    h('div', { class: 'plan-body' },
      h('p', { class: 'plan-why' }, item.done ? h('span', { class: 'visually-hidden' }, 'Done: ') : null, item.why),
      h('div', { class: 'plan-actions' }, buttons, setAside),
      error,
      extra));
}

/** `plan`: what `weekly_plan` returns. `actions`: done(item), draft(item) → Draft, log(item),
 * planInterview(item), setAside(item, how), openPerson(id), openMeeting(id), openProgress(). */
export function planSection({ plan, actions }) {
  const tally = planTally(plan.items);
  return h('section', { class: 'card plan', id: 'this-week', 'aria-labelledby': 'this-week-heading' },
    h('h2', { id: 'this-week-heading' }, 'This week', tally ? h('span', { class: 'count-quiet' }, ` · ${tally}`) : null),
    goalsLine(plan.goals, actions.openProgress),
    plan.items.length
      ? h('ul', { class: 'plan-items' }, plan.items.map((item) => itemRow(item, actions)))
      : h('p', { class: 'empty' }, 'Nothing to suggest this week. List the people you know — family, friends, classmates, professors — and the coach will tell you who to reach out to.'));
}
