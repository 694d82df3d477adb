// Small charts drawn as SVG. Pure layout functions (data and a size in, plain numbers out, tested
// with `node --test`) and thin builders that turn a layout into elements. Colours come from CSS
// classes (style.css, "Charts"), never from style attributes. Every chart is an image with a
// summary for screen readers, followed by a table of the same numbers.

import { h, replaceChildren } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Colour classes chart-series-0 … -7; a line past the eighth is also dashed. */
export const SERIES_COLOURS = 8;
export const CHART_HEIGHT = 220;
const DEFAULT_WIDTH = 600;
/** The narrowest layout: a narrower container scales the drawing down through the viewBox. */
const MIN_WIDTH = 240;
/** Average width of a character of an 11 px label, to keep labels from overlapping. */
const CHAR = 6.5;

const round = (n) => Math.round(n * 10) / 10;
const count = (n) => Number(n).toLocaleString('en-US');
/** Counts: anything missing, negative or not a number draws as 0. */
const clean = (v) => (Number.isFinite(v) && v > 0 ? v : 0);

function parts(text) {
  const [y, m, d] = String(text).split('-').map(Number);
  return { y, month: MONTHS[m - 1], m, d };
}

/** "2026-12" → "Dec 2026". */
export function monthLabel(month) {
  const { y, month: name } = parts(month);
  return name && y ? `${name} ${y}` : String(month);
}

/** A month on an axis: "Dec", with the year on the first one and on January: "Jan ’27". */
export function monthTick(month, first = false) {
  const { y, m, month: name } = parts(month);
  if (!name || !y) return String(month);
  return first || m === 1 ? `${name} ’${String(y).slice(-2)}` : name;
}

/** A week by the day it starts: "2026-11-30" → "30 Nov", or "30 Nov 2026" with `year`. */
export function weekLabel(start, { year = false } = {}) {
  const { y, d, month: name } = parts(start);
  if (!name || !d) return String(start);
  return `${d} ${name}${year ? ` ${y}` : ''}`;
}

/**
 * Axis values from 0 to at least `max`, about `target` steps of 1, 2, 2.5 or 5 times a power of
 * ten; whole numbers only, since everything charted is a count.
 */
export function niceTicks(max, target = 4) {
  const top = Math.max(clean(max), 1);
  const raw = top / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw && Number.isInteger(s)) ?? 1;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

/** The y of `value` on an axis from 0 (at plot.bottom) to `max` (at plot.top). */
export function scaleY(value, max, plot) {
  return round(plot.bottom - (Math.min(clean(value), max) / max) * (plot.bottom - plot.top));
}

/** Show every step-th of `n` labels, `slot` px apart, the longest `chars` long, so none overlap. */
export function labelStep(n, slot, chars) {
  if (n <= 0 || slot <= 0) return 1;
  return Math.max(1, Math.ceil((chars * CHAR + 8) / slot));
}

/** The plot area of a chart `width` × `height`, leaving room for the axes' labels. */
function frame(width, height, maxTick, right) {
  return { left: Math.round(12 + CHAR * count(maxTick).length), top: 16, right: width - right, bottom: height - 24 };
}

/** What every layout shares: size, plot area, y ticks and the x labels (one per slot). */
function axes(values, { width, height, ticks, right = 8 }) {
  const w = Math.max(MIN_WIDTH, Math.round(width));
  const tickValues = niceTicks(Math.max(0, ...values));
  const max = tickValues.at(-1);
  const plot = frame(w, height, max, right);
  const slot = ticks.length ? (plot.right - plot.left) / ticks.length : 0;
  const step = labelStep(ticks.length, slot, Math.max(0, ...ticks.map((t) => String(t).length)));
  return {
    width: w,
    height,
    empty: !values.some((v) => v > 0),
    plot,
    max,
    slot,
    ticks: tickValues.map((value) => ({ value, y: scaleY(value, max, plot) })),
    // Counted from the end, so the latest period always has its label.
    labels: ticks.map((text, i) => ({ text: String(text), x: round(plot.left + slot * (i + 0.5)) }))
      .filter((_, i) => (ticks.length - 1 - i) % step === 0),
  };
}

function barBox(slot, plot, i) {
  const width = round(Math.min(48, slot * 0.7));
  return { x: round(plot.left + slot * i + (slot - width) / 2), width };
}

/**
 * Bars for `values` (one per entry of `ticks`, the x labels), with an optional goal line.
 * Each bar: value, x, y, width, height (never negative), and `met` when there is a goal.
 */
export function barLayout(values, { width = DEFAULT_WIDTH, height = CHART_HEIGHT, ticks = values.map(() => ''), goal = null } = {}) {
  const data = values.map(clean);
  const goalValue = clean(goal) || null;
  const right = goalValue === null ? 8 : Math.round(12 + CHAR * `goal ${count(goalValue)}`.length);
  const layout = axes([...data, goalValue ?? 0], { width, height, ticks, right });
  layout.empty = !data.some((v) => v > 0);
  const { plot, max, slot } = layout;
  layout.bars = data.map((value, i) => {
    const y = scaleY(value, max, plot);
    return { value, ...barBox(slot, plot, i), y, height: round(plot.bottom - y), met: goalValue !== null && value >= goalValue };
  });
  layout.goal = goalValue === null ? null : { value: goalValue, y: scaleY(goalValue, max, plot), x1: plot.left, x2: plot.right };
  layout.showValues = slot >= count(Math.max(0, ...data)).length * CHAR + 4;
  return layout;
}

/**
 * Stacked bars: `rows[i]` holds the values of each series in period i, drawn bottom up. Each
 * stack: total, x, width, y (its top) and segments { series, value, y, height }.
 */
export function stackedLayout(rows, { width = DEFAULT_WIDTH, height = CHART_HEIGHT, ticks = rows.map(() => '') } = {}) {
  const data = rows.map((row) => row.map(clean));
  const totals = data.map((row) => row.reduce((a, b) => a + b, 0));
  const layout = axes(totals, { width, height, ticks });
  const { plot, max, slot } = layout;
  layout.stacks = data.map((row, i) => {
    let below = 0;
    const segments = row.map((value, series) => {
      const bottom = scaleY(below, max, plot);
      below += value;
      const y = scaleY(below, max, plot);
      return { series, value, y, height: round(bottom - y) };
    });
    return { total: totals[i], ...barBox(slot, plot, i), y: scaleY(totals[i], max, plot), segments };
  });
  layout.showValues = slot >= count(Math.max(0, ...totals)).length * CHAR + 4;
  return layout;
}

/** Lines: `series[s][i]` is series s in period i; each line has its points and an SVG path. */
export function lineLayout(series, { width = DEFAULT_WIDTH, height = CHART_HEIGHT, ticks } = {}) {
  const data = series.map((values) => values.map(clean));
  const n = Math.max(0, ...data.map((values) => values.length));
  const layout = axes(data.flat(), { width, height, ticks: ticks ?? Array.from({ length: n }, () => '') });
  const { plot, max } = layout;
  const slot = (plot.right - plot.left) / Math.max(1, n);
  layout.lines = data.map((values, s) => {
    const points = values.map((value, i) => ({ value, x: round(plot.left + slot * (i + 0.5)), y: scaleY(value, max, plot) }));
    return { series: s, points, path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ') };
  });
  return layout;
}

/** The colour class of series `i`, with `chart-dashed` past the eighth. */
export function seriesClass(i) {
  return `chart-series-${i % SERIES_COLOURS}${i >= SERIES_COLOURS ? ' chart-dashed' : ''}`;
}

const span = (rows) => (rows.length ? `${rows[0].label} to ${rows.at(-1).label}` : '');
const TABLE_NOTE = 'Every value is in the table that follows.';

/** The aria-label of a bar chart of `rows` ({ label, value }). */
export function barSummary(title, rows, goal = null) {
  if (!rows.length) return `${title}: nothing yet.`;
  const values = rows.map((r) => clean(r.value));
  const highest = Math.max(...values);
  const best = rows[values.lastIndexOf(highest)];
  return `${title}, ${span(rows)}: latest ${count(values.at(-1))}, highest ${count(highest)} (${best.label})${clean(goal) ? `, goal ${count(goal)}` : ''}. ${TABLE_NOTE}`;
}

/** The aria-label of a stacked bar chart: each series' total over the whole span. */
export function stackedSummary(title, rows, names) {
  if (!rows.length) return `${title}: nothing yet.`;
  const totals = names.map((name, s) => `${name} ${count(rows.reduce((sum, r) => sum + clean(r.values[s]), 0))}`);
  return `${title}, ${span(rows)}, in all: ${totals.join(', ')}. ${TABLE_NOTE}`;
}

/** The aria-label of a line chart: where each series starts and ends. */
export function lineSummary(title, labels, series) {
  if (!labels.length || !series.length) return `${title}: nothing yet.`;
  const ends = series.map((s) => `${s.name} from ${count(clean(s.values[0]))} to ${count(clean(s.values.at(-1)))}`);
  return `${title}, ${labels[0]} to ${labels.at(-1)}: ${ends.join('; ')}. ${TABLE_NOTE}`;
}

// --- DOM builders: they touch `document` only when called. ---

function el(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function frameElements(layout) {
  const { plot } = layout;
  return [
    layout.ticks.map((t) => [
      el('line', { class: 'chart-grid', x1: plot.left, x2: plot.right, y1: t.y, y2: t.y }),
      el('text', { class: 'chart-tick', x: plot.left - 6, y: t.y + 4, 'text-anchor': 'end' }, count(t.value)),
    ]),
    el('line', { class: 'chart-axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }),
    layout.labels.map((l) => el('text', { class: 'chart-tick', x: l.x, y: plot.bottom + 16, 'text-anchor': 'middle' }, l.text)),
  ];
}

function svgRoot(layout, label, ...children) {
  const { width, height } = layout;
  return el('svg', { class: 'chart-svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label },
    frameElements(layout), children);
}

/** Draws at the container's width (one unit a pixel, so labels keep their size), redrawn on resize. */
function responsive(draw) {
  const holder = h('div', { class: 'chart-plot' });
  let width = DEFAULT_WIDTH;
  holder.append(draw(width));
  if (typeof ResizeObserver === 'function') {
    // The drawing's height is fixed, so redrawing never changes the width observed: no loop.
    new ResizeObserver(([entry]) => {
      const next = Math.round(entry.contentRect.width);
      if (next > 0 && Math.abs(next - width) > 1) {
        width = next;
        replaceChildren(holder, draw(width));
      }
    }).observe(holder);
  }
  return holder;
}

/** The same numbers as a table, folded away under "Table". `rows`: { label, values }. */
export function chartTable({ caption, labelHeader, columns, rows }) {
  return h('details', { class: 'chart-table' },
    h('summary', {}, 'Table'),
    // Focusable, so a table wider than a narrow window can be scrolled from the keyboard.
    h('div', { class: 'chart-table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
      h('table', {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, labelHeader), columns.map((c) => h('th', { scope: 'col', class: 'number' }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), r.values.map((v) => h('td', { class: 'number' }, count(clean(v))))))))));
}

function legend(names, className) {
  return h('ul', { class: 'chart-legend' }, names.map((name, i) => h('li', {},
    h('span', { class: `chart-swatch ${className(i)}`, 'aria-hidden': 'true' }), name)));
}

function assemble({ empty, emptyText, plot, legendList, note, table }) {
  return h('div', { class: 'chart' },
    empty ? h('p', { class: 'empty chart-empty' }, emptyText) : [plot, legendList],
    note ? h('p', { class: 'chart-reading' }, note) : null,
    empty ? null : table);
}

/**
 * A bar chart. `rows`: { label (for the table and summary), tick (the axis), value }; `goal`
 * draws a dashed line; `note` is the reading in words shown under the chart.
 */
export function barChart({ title, rows, goal = null, labelHeader, valueHeader, emptyText = 'Nothing yet.', note }) {
  const ticks = rows.map((r) => r.tick ?? r.label);
  const values = rows.map((r) => r.value);
  const label = barSummary(title, rows, goal);
  const draw = (width) => {
    const layout = barLayout(values, { width, ticks, goal });
    return svgRoot(layout, label,
      layout.bars.map((b, i) => el('rect', { class: `chart-bar${layout.goal && !b.met ? ' below-goal' : ''}`, x: b.x, y: b.y, width: b.width, height: b.height },
        el('title', {}, `${rows[i].label}: ${count(b.value)}`))),
      layout.showValues ? layout.bars.filter((b) => b.value > 0).map((b) =>
        el('text', { class: 'chart-value', x: round(b.x + b.width / 2), y: b.y - 4, 'text-anchor': 'middle' }, count(b.value))) : null,
      layout.goal ? [
        el('line', { class: 'chart-goal', x1: layout.goal.x1, x2: layout.goal.x2, y1: layout.goal.y, y2: layout.goal.y }),
        el('text', { class: 'chart-goal-label', x: layout.goal.x2 + 6, y: layout.goal.y + 4 }, `goal ${count(layout.goal.value)}`),
      ] : null);
  };
  const caption = goal ? `${title} (goal ${count(goal)})` : title;
  return assemble({
    empty: !values.some((v) => clean(v) > 0),
    emptyText,
    plot: responsive(draw),
    note,
    table: chartTable({ caption, labelHeader, columns: [valueHeader], rows: rows.map((r) => ({ label: r.label, values: [r.value] })) }),
  });
}

/**
 * Stacked bars. `rows`: { label, tick, values: one per series }; `series`: { name, className }
 * (className defaults to the series' colour class).
 */
export function stackedBarChart({ title, rows, series, labelHeader, emptyText = 'Nothing yet.', note }) {
  const ticks = rows.map((r) => r.tick ?? r.label);
  const names = series.map((s) => s.name);
  const className = (i) => series[i].className ?? seriesClass(i);
  const label = stackedSummary(title, rows, names);
  const draw = (width) => {
    const layout = stackedLayout(rows.map((r) => r.values), { width, ticks });
    return svgRoot(layout, label,
      layout.stacks.map((stack, i) => stack.segments.filter((s) => s.height > 0).map((s) =>
        el('rect', { class: `chart-segment ${className(s.series)}`, x: stack.x, y: s.y, width: stack.width, height: s.height },
          el('title', {}, `${rows[i].label}, ${names[s.series]}: ${count(s.value)}`)))),
      layout.showValues ? layout.stacks.filter((s) => s.total > 0).map((s) =>
        el('text', { class: 'chart-value', x: round(s.x + s.width / 2), y: s.y - 4, 'text-anchor': 'middle' }, count(s.total))) : null);
  };
  return assemble({
    empty: !rows.some((r) => r.values.some((v) => clean(v) > 0)),
    emptyText,
    plot: responsive(draw),
    legendList: legend(names, className),
    note,
    table: chartTable({
      caption: title,
      labelHeader,
      columns: [...names, 'Total'],
      rows: rows.map((r) => ({ label: r.label, values: [...r.values, r.values.reduce((a, v) => a + clean(v), 0)] })),
    }),
  });
}

/** A line per series. `periods`: { label, tick }; `series`: { name, values: one per period }. */
export function lineChart({ title, periods, series, labelHeader, emptyText = 'Nothing yet.', note }) {
  const ticks = periods.map((p) => p.tick ?? p.label);
  const labels = periods.map((p) => p.label);
  const names = series.map((s) => s.name);
  const label = lineSummary(title, labels, series);
  const draw = (width) => {
    const layout = lineLayout(series.map((s) => s.values), { width, ticks });
    return svgRoot(layout, label, layout.lines.map((line) => el('g', { class: seriesClass(line.series) },
      el('path', { class: 'chart-line', d: line.path }),
      line.points.map((p, i) => el('circle', { class: 'chart-point', cx: p.x, cy: p.y, r: 3 },
        el('title', {}, `${names[line.series]}, ${labels[i]}: ${count(p.value)}`))))));
  };
  return assemble({
    empty: !series.some((s) => s.values.some((v) => clean(v) > 0)),
    emptyText,
    plot: responsive(draw),
    legendList: legend(names, seriesClass),
    note,
    table: chartTable({ caption: title, labelHeader, columns: names, rows: periods.map((p, i) => ({ label: p.label, values: series.map((s) => s.values[i]) })) }),
  });
}
