// The charts' layout arithmetic (charts.js), the Progress screen's readings and labels
// (views/progress.js) and the pitch builder's own timing of a hand-edited draft
// (views/pitch-builder.js): pure functions, no DOM.

import test from 'node:test';
import assert from 'node:assert/strict';

import {
  barLayout, barSummary, labelStep, lineLayout, lineSummary, monthLabel, monthTick, niceTicks, scaleY,
  seriesClass, stackedLayout, stackedSummary, weekLabel,
} from '../js/charts.js';
import { airReading, circleName, circleReading, interviewReading, reachOutReading, thankYouReading } from '../js/views/progress.js';
import { retime, wordCount } from '../js/views/pitch-builder.js';

const size = { width: 600, height: 220 };

test('ticks run from 0 past the largest value in whole, even steps', () => {
  assert.deepEqual(niceTicks(0), [0, 1]);
  assert.deepEqual(niceTicks(1), [0, 1]);
  assert.deepEqual(niceTicks(3), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(5), [0, 2, 4, 6]);
  assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(12), [0, 5, 10, 15]);
  assert.deepEqual(niceTicks(100), [0, 25, 50, 75, 100]);
  assert.deepEqual(niceTicks(-4), [0, 1]);
  assert.deepEqual(niceTicks(NaN), [0, 1]);
  for (const max of [1, 2, 9, 11, 37, 99, 101, 640, 1234, 99999]) {
    const ticks = niceTicks(max);
    assert.ok(ticks.at(-1) >= max && ticks.at(-2) < max, `${max}: ${ticks}`);
    assert.ok(ticks.every(Number.isInteger), `${max}: whole numbers`);
    assert.ok(ticks.length >= 2 && ticks.length <= 9, `${max}: ${ticks.length} ticks`);
  }
});

test('the y scale puts 0 on the baseline and the top tick at the top, clamping what is out of range', () => {
  const plot = { left: 20, top: 16, right: 592, bottom: 196 };
  assert.equal(scaleY(0, 10, plot), 196);
  assert.equal(scaleY(10, 10, plot), 16);
  assert.equal(scaleY(5, 10, plot), 106);
  assert.equal(scaleY(-3, 10, plot), 196);
  assert.equal(scaleY(30, 10, plot), 16);
});

test('bars stand on the baseline, never negative, their height proportional to the value', () => {
  const layout = barLayout([3, 0, -2, 6, undefined], { ...size, ticks: ['a', 'b', 'c', 'd', 'e'] });
  const { plot, bars } = layout;
  assert.equal(layout.max, 6);
  assert.equal(bars.length, 5);
  for (const bar of bars) {
    assert.ok(bar.height >= 0 && bar.width > 0);
    assert.ok(Math.abs(bar.y + bar.height - plot.bottom) < 0.11, 'stands on the baseline');
    assert.ok(bar.x >= plot.left && bar.x + bar.width <= plot.right + 0.1, 'inside the plot');
  }
  assert.deepEqual(bars.map((b) => b.value), [3, 0, 0, 6, 0]);
  assert.equal(bars[3].y, plot.top);
  assert.ok(Math.abs(bars[0].height * 2 - bars[3].height) < 0.2);
  assert.ok(bars.every((b, i) => i === 0 || b.x > bars[i - 1].x + bars[i - 1].width), 'in order, not overlapping');
  assert.equal(layout.goal, null);
  assert.equal(layout.empty, false);
});

test('the goal line sits at the goal on the same scale as the bars, and raises the scale if need be', () => {
  const layout = barLayout([1, 2, 3], { ...size, goal: 5 });
  assert.deepEqual(layout.ticks.map((t) => t.value), [0, 2, 4, 6]);
  const { plot, goal } = layout;
  assert.equal(goal.value, 5);
  assert.ok(Math.abs(goal.y - (plot.bottom - (5 / 6) * (plot.bottom - plot.top))) < 0.11);
  assert.equal(goal.x1, plot.left);
  assert.equal(goal.x2, plot.right);
  assert.ok(plot.right < size.width - 40, 'room on the right for "goal 5"');
  assert.deepEqual(layout.bars.map((b) => b.met), [false, false, false]);
  assert.deepEqual(barLayout([5, 4, 9], { ...size, goal: 5 }).bars.map((b) => b.met), [true, false, true]);
  assert.equal(barLayout([1], { ...size, goal: 0 }).goal, null);
  assert.equal(barLayout([1], { ...size, goal: null }).goal, null);
});

test('no data, or only zeros, is an empty chart', () => {
  const none = barLayout([], size);
  assert.equal(none.empty, true);
  assert.deepEqual(none.bars, []);
  assert.equal(barLayout([0, 0, 0], { ...size, goal: 5 }).empty, true);
  assert.equal(stackedLayout([[0, 0], [0, 0]], size).empty, true);
  assert.equal(stackedLayout([], size).empty, true);
  assert.equal(lineLayout([[0, 0], [0, 0]], size).empty, true);
  assert.equal(lineLayout([], size).empty, true);
  assert.deepEqual(lineLayout([], size).lines, []);
});

test('stacked segments sit on one another and the stack is as tall as its total', () => {
  const layout = stackedLayout([[2, 1], [0, 3], [4, 0]], { ...size, ticks: ['Oct', 'Nov', 'Dec'] });
  const { plot, stacks } = layout;
  assert.deepEqual(stacks.map((s) => s.total), [3, 3, 4]);
  assert.equal(layout.max, 4);
  for (const stack of stacks) {
    assert.ok(Math.abs(stack.segments[0].y + stack.segments[0].height - plot.bottom) < 0.11, 'the first on the baseline');
    stack.segments.forEach((segment, i) => {
      assert.ok(segment.height >= 0);
      assert.equal(segment.series, i);
      if (i) assert.equal(segment.y + segment.height, stack.segments[i - 1].y, 'on the one below');
    });
    assert.equal(stack.segments.at(-1).y, stack.y);
    assert.equal(stack.y, scaleY(stack.total, layout.max, plot));
  }
  assert.equal(stacks[2].y, plot.top);
  assert.equal(stacks[1].segments[0].height, 0);
  assert.equal(stackedLayout([[-2, 3]], size).stacks[0].total, 3);
});

test('lines have a point per period under the x labels, on the common scale', () => {
  const layout = lineLayout([[1, 2, 4], [3, 3, 3]], { ...size, ticks: ['Oct', 'Nov', 'Dec'] });
  assert.equal(layout.max, 4);
  assert.equal(layout.lines.length, 2);
  const [first, second] = layout.lines;
  assert.deepEqual(first.points.map((p) => p.x), layout.labels.map((l) => l.x));
  assert.equal(first.points[2].y, layout.plot.top);
  assert.ok(second.points.every((p) => p.y === second.points[0].y));
  assert.match(first.path, /^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  assert.equal(first.path.split(' L')[0], `M${first.points[0].x} ${first.points[0].y}`);
});

test('the series classes cycle through eight colours and dash the lines past the eighth', () => {
  assert.equal(seriesClass(0), 'chart-series-0');
  assert.equal(seriesClass(7), 'chart-series-7');
  assert.equal(seriesClass(8), 'chart-series-0 chart-dashed');
  assert.equal(seriesClass(9), 'chart-series-1 chart-dashed');
});

test('x labels thin out on a narrow chart, always keeping the latest', () => {
  assert.equal(labelStep(12, 50, 3), 1);
  assert.equal(labelStep(12, 20, 6), 3);
  assert.equal(labelStep(0, 0, 3), 1);
  const ticks = Array.from({ length: 12 }, (_, i) => `${i + 1} Nov`);
  const wide = barLayout(Array(12).fill(1), { width: 900, height: 220, ticks });
  const narrow = barLayout(Array(12).fill(1), { width: 320, height: 220, ticks });
  assert.equal(wide.labels.length, 12);
  assert.ok(narrow.labels.length < 12 && narrow.labels.length >= 3);
  assert.equal(narrow.labels.at(-1).text, '12 Nov');
  // Labels never overlap: centres at least a label's width apart.
  const gaps = narrow.labels.slice(1).map((l, i) => l.x - narrow.labels[i].x);
  assert.ok(gaps.every((g) => g >= 6 * 6.5), `gaps ${gaps}`);
  assert.ok(barLayout([1], { width: 100, height: 220 }).width >= 240, 'a minimum drawing width');
});

test('values are labelled on the bars only when there is room', () => {
  assert.equal(barLayout([3, 4], size).showValues, true);
  assert.equal(barLayout(Array(40).fill(12345), { width: 320, height: 220 }).showValues, false);
});

test('months and weeks read as people say them', () => {
  assert.equal(monthLabel('2026-12'), 'Dec 2026');
  assert.equal(monthLabel('2027-01'), 'Jan 2027');
  assert.equal(monthLabel('nonsense'), 'nonsense');
  assert.equal(monthTick('2026-12'), 'Dec');
  assert.equal(monthTick('2026-12', true), 'Dec ’26');
  assert.equal(monthTick('2027-01'), 'Jan ’27');
  assert.equal(weekLabel('2026-11-30'), '30 Nov');
  assert.equal(weekLabel('2026-12-07', { year: true }), '7 Dec 2026');
  assert.equal(weekLabel(''), '');
});

test('the summaries a screen reader hears give the span, the latest, the highest and the goal', () => {
  const rows = [{ label: '16 Nov 2026', value: 2 }, { label: '23 Nov 2026', value: 6 }, { label: '30 Nov 2026', value: 3 }];
  assert.equal(barSummary('Reach-outs per week', rows, 5),
    'Reach-outs per week, 16 Nov 2026 to 30 Nov 2026: latest 3, highest 6 (23 Nov 2026), goal 5. Every value is in the table that follows.');
  assert.equal(barSummary('Interviews', []), 'Interviews: nothing yet.');
  assert.match(stackedSummary('Thank-yous', [{ label: 'Nov 2026', values: [2, 1] }, { label: 'Dec 2026', values: [3, 0] }], ['On time', 'Late']),
    /Nov 2026 to Dec 2026, in all: On time 5, Late 1\./);
  assert.match(lineSummary('Circles', ['Jan 2026', 'Dec 2026'], [{ name: 'Family', values: [3, 5] }]), /Family from 3 to 5/);
});

const weeks = (...counts) => counts.map((count, i) => ({ label: `2026-W${40 + i}`, start: `2026-10-${String(1 + i * 7).padStart(2, '0')}`, count }));
const months = (key, ...values) => values.map((v, i) => ({ label: `2026-${String(i + 1).padStart(2, '0')}`, ...(typeof v === 'object' ? v : { [key]: v }) }));

test('the readings say where this week and this month stand', () => {
  assert.equal(reachOutReading({ goal: 5, weeks: weeks(5, 6, 1, 3) }), '3 of 5 this week · goal met in 2 of the last 4 weeks');
  assert.equal(reachOutReading({ goal: null, weeks: weeks(5, 6, 1, 3) }), '3 this week · 15 in the last 4 weeks');
  assert.equal(reachOutReading({ goal: 5, weeks: weeks(1, 7) }), '7 this week, goal of 5 met · goal met in 1 of the last 2 weeks');
  assert.equal(reachOutReading({ goal: 5, weeks: [] }), null);
  assert.equal(interviewReading({ goal: 2, months: [] }), null);
  assert.equal(thankYouReading({ goal: 100, months: [] }), null);
  assert.equal(airReading({ months: [] }), null);
  assert.equal(interviewReading({ goal: 2, months: months('count', 1, 4, 4, 1) }), '1 of 2 this month · Best month: Mar 2026 (4)');
  assert.equal(interviewReading({ goal: null, months: months('count', 0, 0) }), '0 this month · none yet in the last 2 months');
  assert.equal(thankYouReading({ goal: 100, months: months(null, { onTime: 3, late: 1 }, { onTime: 2, late: 0 }) }),
    'This month: 2 of 2 on time · 83% on time over 2 months (goal 100%)');
  assert.equal(thankYouReading({ goal: null, months: months(null, { onTime: 0, late: 0 }) }), 'None this month yet');
  assert.equal(airReading({ months: months(null, { advice: 1, information: 0, referrals: 2 }, { advice: 0, information: 1, referrals: 0 }) }),
    'Over 2 months: 1 piece of advice, 1 piece of information, 2 referrals · Best month: Jan 2026 (3)');
});

test('the network reading counts everyone, the change over the span and the largest circle', () => {
  const circles = { months: ['2026-01', '2026-02', '2026-03'], series: [{ circle: 'Family', counts: [3, 4, 4] }, { circle: null, counts: [10, 12, 20] }] };
  assert.equal(circleReading(circles), '24 people at the end of Mar 2026, 11 more than at the end of Jan 2026 · Largest circle: No circle (20)');
  assert.equal(circleReading({ months: ['2026-01'], series: [{ circle: 'Family', counts: [1] }] }), '1 person at the end of Jan 2026 · Largest circle: Family (1)');
  assert.equal(circleReading({ months: [], series: [] }), null);
  assert.equal(circleName(null), 'No circle');
});

test('a draft edited by hand is counted as Rapport counts words, and timed against the band', () => {
  assert.equal(wordCount(''), 0);
  assert.equal(wordCount("Hi, I'm Maya — a third-year at State, 3.5 GPA, 10,000 users."), 11);
  assert.equal(wordCount('e\u0301cole career-services don’t'), 3);
  assert.equal(wordCount('• -- …'), 0);
  const band = { bandMin: 30, bandMax: 45 };
  assert.deepEqual(retime(Array(70).fill('word').join(' '), band), { words: 70, seconds: 30, bandMin: 30, bandMax: 45, verdict: 'within_band' });
  assert.equal(retime('too short', band).verdict, 'too_short');
  assert.equal(retime(Array(200).fill('w').join(' '), band, 0.5).seconds, 100);
  assert.equal(retime(Array(200).fill('w').join(' '), band, 0.5).verdict, 'too_long');
});
