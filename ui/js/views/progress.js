// Progress: what the records say about the search so far, week by week and month by month, each
// chart with a reading in words and a table of its numbers. Nothing here is stored: the
// command progress_report computes it all from the records.

import { barChart, lineChart, monthLabel, monthTick, stackedBarChart, weekLabel } from '../charts.js';
import { h } from '../dom.js';

const count = (n) => Number(n ?? 0).toLocaleString('en-US');
const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many}`;
const sum = (list, value) => list.reduce((total, item) => total + (value(item) || 0), 0);

/** The item with the highest `value`, the latest among equals; null when every value is 0. */
function best(list, value) {
  let found = null;
  for (const item of list) if (value(item) > 0 && (!found || value(item) >= value(found))) found = item;
  return found;
}

export const circleName = (circle) => circle ?? 'No circle';

/** "3 of 5 this week" short of the goal, "6 this week, goal of 5 met" at or past it, "3 this week" without one. */
function againstGoal(now, goal, period) {
  if (!goal) return `${count(now)} ${period}`;
  return now >= goal ? `${count(now)} ${period}, goal of ${count(goal)} met` : `${count(now)} of ${count(goal)} ${period}`;
}

// The readings in words under each chart; null when there is nothing to read (the chart then
// says so itself).

/** "3 of 5 this week · goal met in 4 of the last 12 weeks". */
export function reachOutReading({ goal, weeks }) {
  if (!weeks.length) return null;
  const now = againstGoal(weeks.at(-1).count, goal, 'this week');
  if (!goal) return `${now} · ${count(sum(weeks, (w) => w.count))} in the last ${weeks.length} weeks`;
  const met = weeks.filter((w) => w.count >= goal).length;
  return `${now} · goal met in ${count(met)} of the last ${weeks.length} weeks`;
}

/** "1 of 2 this month · Best month: Oct 2026 (4)". */
export function interviewReading({ goal, months }) {
  if (!months.length) return null;
  const top = best(months, (m) => m.count);
  return `${againstGoal(months.at(-1).count, goal, 'this month')} · ${top ? `Best month: ${monthLabel(top.label)} (${count(top.count)})` : `none yet in the last ${months.length} months`}`;
}

const percent = (part, whole) => Math.round((part / whole) * 100);

/** "This month: 2 of 3 on time · 83% on time over 12 months (goal 100%)". */
export function thankYouReading({ goal, months }) {
  if (!months.length) return null;
  const last = months.at(-1);
  const due = last.onTime + last.late;
  const onTime = sum(months, (m) => m.onTime);
  const all = onTime + sum(months, (m) => m.late);
  return [
    due ? `This month: ${count(last.onTime)} of ${count(due)} on time` : 'None this month yet',
    all ? `${percent(onTime, all)}% on time over ${months.length} months${goal ? ` (goal ${goal}%)` : ''}` : null,
  ].filter(Boolean).join(' · ');
}

/** "128 people at the end of Dec 2026, 14 more than at the end of Jan 2026 · Largest circle: Coworkers (40)". */
export function circleReading({ months, series }) {
  if (!months.length || !series.length) return null;
  const total = (i) => sum(series, (s) => s.counts[i]);
  const last = months.length - 1;
  const change = total(last) - total(0);
  const largest = best(series, (s) => s.counts[last]);
  return [
    `${plural(total(last), 'person', 'people')} at the end of ${monthLabel(months[last])}`
      + (change && last ? `, ${count(Math.abs(change))} ${change > 0 ? 'more' : 'fewer'} than at the end of ${monthLabel(months[0])}` : ''),
    largest ? `Largest circle: ${circleName(largest.circle)} (${count(largest.counts[last])})` : null,
  ].filter(Boolean).join(' · ');
}

/** "Over 12 months: 5 pieces of advice, 1 piece of information, 3 referrals · Best month: Dec 2026". */
export function airReading({ months }) {
  if (!months.length) return null;
  const all = (m) => m.advice + m.information + m.referrals;
  const top = best(months, all);
  return `Over ${months.length} months: ${plural(sum(months, (m) => m.advice), 'piece', 'pieces')} of advice, `
    + `${plural(sum(months, (m) => m.information), 'piece', 'pieces')} of information, ${plural(sum(months, (m) => m.referrals), 'referral', 'referrals')}`
    + (top ? ` · Best month: ${monthLabel(top.label)} (${count(all(top))})` : '');
}

/** Chart rows of `months` ({ label: "2026-12", … }): the month for people, its axis tick, and `values(m)`. */
const monthly = (months, values) => months.map((m, i) => ({ label: monthLabel(m.label), tick: monthTick(m.label, i === 0), ...values(m) }));

function card(id, title, chart, wide = false) {
  return h('section', { class: `card chart-card${wide ? ' chart-wide' : ''}`, id }, h('h2', {}, title), chart);
}

export function progressView({ report }) {
  const reachOuts = report?.reachOuts ?? { goal: null, weeks: [] };
  const interviews = report?.interviews ?? { goal: null, months: [] };
  const thankYous = report?.thankYous ?? { goal: null, months: [] };
  const circles = report?.circles ?? { months: [], series: [] };
  const air = report?.air ?? { months: [] };

  return h('div', { class: 'progress-page', id: 'progress' },
    h('h1', { class: 'page-title' }, 'Progress'),
    h('p', { class: 'lede' }, 'A search is won by small steps taken every week. Here is what your own records show: the people you reached out to, the conversations you had, the thank-yous you sent. Aim for steady, not perfect; a quiet week is a cue, not a verdict.'),
    h('div', { class: 'progress-grid' },
      card('progress-reach-outs', 'Reach-outs per week', barChart({
        title: 'Reach-outs per week',
        rows: reachOuts.weeks.map((w) => ({ label: weekLabel(w.start, { year: true }), tick: weekLabel(w.start), value: w.count })),
        goal: reachOuts.goal,
        labelHeader: 'Week starting',
        valueHeader: 'Reach-outs',
        emptyText: 'No reach-outs in the last weeks yet. A message, a call or an email logged on someone\'s page counts.',
        note: reachOutReading(reachOuts),
      })),
      card('progress-interviews', 'Interviews per month', barChart({
        title: 'Interviews per month',
        rows: monthly(interviews.months, (m) => ({ value: m.count })),
        goal: interviews.goal,
        labelHeader: 'Month',
        valueHeader: 'Interviews',
        emptyText: 'No interviews yet. One informational interview a month adds up to twelve conversations a year.',
        note: interviewReading(interviews),
      })),
      card('progress-thank-yous', 'Thank-yous on time', stackedBarChart({
        title: 'Thank-yous per month, on time and late',
        rows: monthly(thankYous.months, (m) => ({ values: [m.onTime, m.late] })),
        series: [{ name: 'On time', className: 'chart-good' }, { name: 'Late', className: 'chart-late' }],
        labelHeader: 'Month',
        emptyText: 'No thank-yous yet. After every conversation, a note within a day.',
        note: thankYouReading(thankYous),
      })),
      card('progress-air', 'Advice, information and referrals', stackedBarChart({
        title: 'Advice, information and referrals per month',
        rows: monthly(air.months, (m) => ({ values: [m.advice, m.information, m.referrals] })),
        series: [{ name: 'Advice' }, { name: 'Information' }, { name: 'Referrals' }],
        labelHeader: 'Month',
        emptyText: 'Nothing recorded yet. What people give you in a conversation is worth writing down.',
        note: airReading(air),
      })),
      card('progress-circles', 'Your network by circle', lineChart({
        title: 'People in each circle at the end of the month',
        periods: circles.months.map((m, i) => ({ label: monthLabel(m), tick: monthTick(m, i === 0) })),
        series: circles.series.map((s) => ({ name: circleName(s.circle), values: s.counts })),
        labelHeader: 'Month',
        emptyText: 'No one in your network yet. The brainstorm helps you list the people you already know.',
        note: circleReading(circles),
      }), true)));
}
