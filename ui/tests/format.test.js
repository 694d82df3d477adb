// The UI's pure formatting and grouping rules. Dates are built in local time so the tests hold
// in any time zone.

import test from 'node:test';
import assert from 'node:assert/strict';

import { agendaVerdict, dueBucket, dueSuggestions, formatWhen, fromLocalInput, groupByCircle, initials, formatTimer, parseTags, relative, toLocalInput } from '../js/format.js';

const local = (y, m, d, hh = 0, mm = 0) => new Date(y, m - 1, d, hh, mm);

test('people are grouped under their circle in the order they arrive', () => {
  const people = [
    { displayName: 'Amy', circle: 'Family' },
    { displayName: 'Zoe', circle: 'Family' },
    { displayName: 'Bob', circle: 'Coworkers' },
    { displayName: 'Al', circle: null },
  ];
  assert.deepEqual(
    groupByCircle(people).map((g) => [g.circle, g.people.map((p) => p.displayName)]),
    [['Family', ['Amy', 'Zoe']], ['Coworkers', ['Bob']], [null, ['Al']]],
  );
  assert.deepEqual(groupByCircle([]), []);
});

test('a follow-up is overdue from an earlier day, due now from earlier today, then later today, then later', () => {
  const now = local(2026, 3, 4, 15, 0);
  assert.equal(dueBucket(local(2026, 3, 3, 23, 59).toISOString(), now), 'overdue');
  assert.equal(dueBucket(local(2026, 3, 4, 0, 0).toISOString(), now), 'now');
  assert.equal(dueBucket(local(2026, 3, 4, 14, 59).toISOString(), now), 'now');
  assert.equal(dueBucket(local(2026, 3, 4, 23, 59).toISOString(), now), 'today');
  assert.equal(dueBucket(local(2026, 3, 5, 0, 0).toISOString(), now), 'later');
});

test('times near now read as today, tomorrow and yesterday', () => {
  const now = local(2026, 3, 4, 12, 0);
  assert.match(formatWhen(local(2026, 3, 4, 18, 30), now), /^today /);
  assert.match(formatWhen(local(2026, 3, 5, 9, 0), now), /^tomorrow /);
  assert.match(formatWhen(local(2026, 3, 3, 9, 0), now), /^yesterday /);
  assert.match(formatWhen(local(2027, 1, 10, 9, 0), now), /2027/);
});

test('relative times count in the largest whole unit', () => {
  const now = local(2026, 3, 4, 12, 0);
  assert.equal(relative(local(2026, 3, 2, 12, 0), now), '2 days ago');
  assert.equal(relative(local(2026, 3, 4, 15, 0), now), 'in 3 hours');
  assert.equal(relative(local(2026, 3, 4, 12, 0), now), 'just now');
  assert.equal(relative(local(2026, 3, 4, 12, 1), now), 'in 1 minute');
});

test('datetime-local values round-trip through UTC', () => {
  const at = local(2026, 3, 4, 9, 30);
  assert.equal(toLocalInput(at), '2026-03-04T09:30');
  assert.equal(fromLocalInput('2026-03-04T09:30'), at.toISOString());
  assert.equal(fromLocalInput(''), null);
  assert.equal(fromLocalInput('not a date'), null);
});

test('due suggestions are tomorrow, in three days and next Monday, at 09:00', () => {
  const wednesday = local(2026, 3, 4, 22, 0);
  const [tomorrow, threeDays, nextWeek] = dueSuggestions(wednesday);
  assert.deepEqual(tomorrow.at, local(2026, 3, 5, 9, 0));
  assert.deepEqual(threeDays.at, local(2026, 3, 7, 9, 0));
  assert.deepEqual(nextWeek.at, local(2026, 3, 9, 9, 0));
  const monday = local(2026, 3, 9, 8, 0);
  assert.deepEqual(dueSuggestions(monday)[2].at, local(2026, 3, 16, 9, 0), 'from a Monday, the next one');
});

test('initials take the first and last word, whatever the alphabet', () => {
  assert.equal(initials('Ada Lovelace'), 'AL');
  assert.equal(initials('María José Ñúñez'), 'MÑ');
  assert.equal(initials('Cher'), 'C');
  assert.equal(initials('   '), '?');
  assert.equal(initials('<img src=x onerror=alert(1)>'), 'IO');
  assert.equal(initials('Dr. (Kim) Okafor'), 'DO');
});

test('tags are typed comma-separated', () => {
  assert.deepEqual(parseTags(' alumni, ux ,, mentor '), ['alumni', 'ux', 'mentor']);
  assert.deepEqual(parseTags(''), []);
});

test('an agenda fits a 20-30 minute informational interview', () => {
  assert.equal(agendaVerdict(19), 'short');
  assert.equal(agendaVerdict(20), 'within');
  assert.equal(agendaVerdict(30), 'within');
  assert.equal(agendaVerdict(31), 'long');
});

test('the run-mode timer counts minutes and seconds, and below zero once over', () => {
  assert.equal(formatTimer(245), '4:05');
  assert.equal(formatTimer(0), '0:00');
  assert.equal(formatTimer(-12), '-0:12');
});
