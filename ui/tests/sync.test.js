// What the sync card says: a conflict explained, a pass in a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { conflictText, reportText } from '../js/views/sync.js';

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
});
