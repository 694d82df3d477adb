// "This week": how goals and the plan's tally read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goalName, goalProgress, planTally } from '../js/views/plan.js';

test('a goal reads as a count of its target, or a percent for thank-yous', () => {
  assert.equal(goalProgress({ what: 'reach_outs', count: 5, done: 1 }), '1 of 5');
  assert.equal(goalProgress({ what: 'thank_you_on_time', count: 100, done: 80 }), '80%');
  assert.equal(goalProgress({ what: 'thank_you_on_time', count: 100, done: null }), 'nothing due yet');
  assert.equal(goalName({ what: 'reach_outs' }), 'Reach-outs');
});

test('the tally counts what is done among the plan items', () => {
  assert.equal(planTally([{ done: true }, { done: false }, { done: false }]), '1 of 3 done');
  assert.equal(planTally([]), '');
});
