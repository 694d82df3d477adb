import test from 'node:test';
import assert from 'node:assert/strict';

import { filterPalette } from '../js/format.js';

const items = [
  { label: 'New person' }, { label: 'New follow-up' }, { label: 'Go to Today' },
  { label: 'Open José Núñez' }, { label: 'Open Ada Lovelace' },
];
const labels = (found) => found.map((i) => i.label);

test('every typed word must start a word of the label, ignoring case and accents', () => {
  assert.deepEqual(labels(filterPalette(items, 'new f')), ['New follow-up']);
  assert.deepEqual(labels(filterPalette(items, 'new follow-up')), ['New follow-up']);
  assert.deepEqual(labels(filterPalette(items, 'nunez')), ['Open José Núñez']);
  assert.deepEqual(labels(filterPalette(items, 'ove')), []);
});

test('labels that start with what was typed come first; nothing typed keeps the order', () => {
  assert.deepEqual(labels(filterPalette(items, 'today')), ['Go to Today']);
  assert.deepEqual(labels(filterPalette(items, 'o')), ['Open José Núñez', 'Open Ada Lovelace']);
  assert.deepEqual(labels(filterPalette(items, '', 2)), ['New person', 'New follow-up']);
});
