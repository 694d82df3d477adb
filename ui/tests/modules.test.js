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

test('the page preloads exactly the modules main.js imports at start', async () => {
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(new URL('../index.html', import.meta.url), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="js\/([^"]+)">/g)].map((m) => m[1]).sort();
  // Static imports, followed from main.js (dynamic import() is left to load on use).
  const found = new Set();
  const follow = async (module) => {
    const source = await readFile(new URL(module, root), 'utf8');
    for (const [, path] of source.matchAll(/^import [^;]*? from '([^']+)';/gm)) {
      const resolved = new URL(path, new URL(module, root)).href.slice(root.href.length);
      if (resolved.startsWith('..') || resolved.startsWith('/') || !resolved || found.has(resolved)) continue;
      if (!new URL(path, new URL(module, root)).href.startsWith(root.href)) continue;
      found.add(resolved);
      await follow(resolved);
    }
  };
  await follow('main.js');
  assert.deepEqual(preloaded, [...found].sort());
  assert.ok(!found.has('views/network.js'), 'the map loads on first use');
});
