// The virtual people list's arithmetic: where each heading and row sits, and which is at a
// scroll offset.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemAt, layoutItems } from '../js/views/people-list.js';

const people = [
  { id: 1, displayName: 'Ada', circle: 'Family' },
  { id: 2, displayName: 'Bea', circle: 'Family' },
  { id: 3, displayName: 'Cy', circle: 'Friends' },
  { id: 4, displayName: 'Dee', circle: null },
];

test('each circle gets a heading above its people, at fixed heights', () => {
  const { items, height } = layoutItems(people, 44, 32);
  assert.deepEqual(items.map((item) => [item.heading ?? item.person.displayName, item.top]), [
    ['Family', 0], ['Ada', 32], ['Bea', 76], ['Friends', 120], ['Cy', 152], ['No circle', 196], ['Dee', 228],
  ]);
  assert.equal(items[0].count, 2);
  assert.equal(height, 272);
});

test('the item at an offset is the last one starting at or above it', () => {
  const { items } = layoutItems(people, 44, 32);
  assert.equal(itemAt(items, 0), 0);
  assert.equal(itemAt(items, 31), 0);
  assert.equal(itemAt(items, 32), 1);
  assert.equal(itemAt(items, 130), 3);
  assert.equal(itemAt(items, 10_000), items.length - 1);
});

test('thirty thousand people lay out with a heading per circle and are found by offset', () => {
  const many = Array.from({ length: 30_000 }, (_, i) => ({ id: i + 1, displayName: `P${i}`, circle: `C${Math.floor(i / 3000)}` }));
  const { items, height } = layoutItems(many, 44, 32);
  assert.equal(items.length, 30_010);
  assert.equal(height, 30_000 * 44 + 10 * 32);
  const index = itemAt(items, height / 2);
  assert.ok(items[index].top <= height / 2 && items[index + 1].top > height / 2);
});
