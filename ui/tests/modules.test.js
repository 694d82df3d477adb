// Every module the window loads resolves its imports: a missing export would leave the window
// blank, since an ES module that fails to link runs nothing. (main.js itself touches the DOM at
// load, so it is covered by the end-to-end tests; everything it imports is checked here.)

import test from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';

const root = new URL('../js/', import.meta.url);

test('every UI module links', async () => {
  const views = (await readdir(new URL('views/', root))).filter((f) => f.endsWith('.js')).map((f) => `views/${f}`);
  const modules = ['api.js', 'dom.js', 'format.js', 'workflow.js', ...views];
  assert.ok(views.length >= 8, 'the views are found');
  for (const module of modules) {
    await assert.doesNotReject(import(new URL(module, root)), module);
  }
});
