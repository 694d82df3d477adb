// What the sync card says: a conflict explained, a pass in a sentence, how far a pass has got;
// and what the person page says sync changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { changeText, conflictText, progressText, reportText } from '../js/views/sync.js';

test('a conflict says which value Rapport kept and which the other side had', () => {
  const change = { field: 'organization', before: 'University of London', after: 'Royal Society', account: 'alice on https://dav.example.com/', at: '2026-03-02T10:02:00Z' };
  const text = conflictText('Ada Lovelace', change, new Date('2026-03-02T12:00:00Z'));
  assert.match(text, /^Ada Lovelace — organization: Rapport kept “University of London”; alice on https:\/\/dav\.example\.com\/ had “Royal Society” \(today /);
});

test('a pass is one sentence of what changed, or says nothing had', () => {
  const none = { contacts: { sent: 0, received: 0, updated: 0, conflicts: 0, removedElsewhere: 0 }, events: { sent: 0, removed: 0 }, error: null };
  assert.equal(reportText(none), 'Synced: nothing had changed.');
  const some = { ...none, contacts: { ...none.contacts, sent: 3012, conflicts: 1 }, events: { sent: 1, removed: 0 } };
  assert.equal(reportText(some), `Synced: ${(3012).toLocaleString()} cards sent, 1 conflict kept, 1 event sent.`);
  assert.equal(reportText({ ...none, error: { code: 'server_unreachable', message: 'No answer.' } }), 'Not synced: No answer.');
  assert.equal(reportText({ ...none, error: { code: 'no_password', message: 'set it with `rapport accounts set-password 1`' } }), 'Not synced: the account needs its password.');
});

test('a change from elsewhere shows the field, old and new value and where it came from', () => {
  const change = { field: 'phones', before: null, after: '+44 20 7946 0000', account: 'alice on https://dav.example.com/', at: '2026-03-02T10:02:00Z', conflict: false };
  const text = changeText(change, new Date('2026-03-02T12:00:00Z'));
  assert.match(text, /^phones: nothing → “\+44 20 7946 0000”, from alice on https:\/\/dav\.example\.com\/ \(today /);
});

test('a conflict on the person page says both values were kept', () => {
  const change = { field: 'title', before: 'Analyst', after: 'Senior analyst', account: 'alice on https://dav.example.com/', at: '2026-03-02T10:02:00Z', conflict: true };
  assert.match(changeText(change, new Date('2026-03-02T12:00:00Z')), /^title: changed on both sides; Rapport kept “Analyst” and noted “Senior analyst” from alice on /);
});

test('progress names the phase and counts what is done of the total', () => {
  assert.equal(progressText({ phase: 'sending', done: 1200, total: 3012 }), `Sending cards: ${(1200).toLocaleString()} of ${(3012).toLocaleString()}`);
  assert.equal(progressText({ phase: 'receiving', done: 0, total: 4 }), 'Receiving changes: 0 of 4');
  assert.equal(progressText({ phase: 'events', done: 2, total: 2 }), 'Checking follow-ups for the calendar: 2 of 2');
});
