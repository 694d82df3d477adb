// An address on one line, as the person page lists it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressLine } from '../js/views/person-extras.js';

test('an address reads on one line, empty parts left out', () => {
  assert.equal(addressLine({ street: '1 Infinite Loop', locality: 'Cupertino', region: 'CA', postalCode: '95014', country: 'United States', poBox: '', extended: '' }),
    '1 Infinite Loop, Cupertino CA 95014, United States');
  assert.equal(addressLine({ street: 'Hauptstraße 5\nHinterhaus', locality: 'Berlin', extended: 'Floor 3' }), 'Floor 3, Hauptstraße 5, Hinterhaus, Berlin');
  assert.equal(addressLine({}), '');
});
