// Your network in and out: import from LinkedIn or an address book (with a preview before
// anything is written), export, and backups.

import { callWithBytes, progressChannel } from '../api.js';
import { h, replaceChildren } from '../dom.js';

const FORMATS = [
  { value: 'linkedin', label: 'LinkedIn connections (Connections.csv)', accept: '.csv,text/csv',
    hint: 'LinkedIn → Settings → Data privacy → Get a copy of your data → Connections.' },
  { value: 'vcard', label: 'Address book (vCard .vcf)', accept: '.vcf,.vcard,text/vcard',
    hint: 'Google Contacts → Export → vCard; Apple Contacts → File → Export vCard; Outlook → Save as vCard.' },
];

const EXPORTS = [
  { format: 'vcard', label: 'Contacts as vCard', detail: 'vCard 4.0, links included — for phones and address books' },
  { format: 'csv', label: 'Contacts as CSV', detail: 'for spreadsheets' },
  { format: 'ics', label: 'Calendar (.ics)', detail: 'scheduled interviews and pending follow-ups, with alarms' },
  { format: 'json', label: 'Everything as JSON', detail: 'every record, for keeping or moving elsewhere' },
];

/** The core's limit (import::MAX_FILE_BYTES), checked before the file is read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function summaryList(summary) {
  const rows = [
    ['New people', summary.new],
    ['Already here, with something new', summary.updated],
    ['Already here, unchanged', summary.unchanged],
    ['Possible duplicates (same name, added — review below)', summary.possibleDuplicates],
    ['Links between people', summary.linksAdded],
    ['Skipped', summary.skipped.length],
  ];
  return h('dl', { class: 'facts import-counts', 'aria-label': 'Import counts' },
    rows.flatMap(([label, count]) => [h('dt', {}, label), h('dd', { dataset: { count: String(count) } }, count.toLocaleString())]));
}

/** How the core said it found a charset nothing declared for the text. */
const CHARSET_EVIDENCE = {
  declaredInCard: 'declared elsewhere in the card',
  declaredInFile: 'declared elsewhere in the file',
  detected: 'detected',
};

/** Text read in a charset the file did not declare for it: worth a look before importing. */
function assumedCharsets(assumed = []) {
  if (!assumed.length) return null;
  return h('div', { class: 'assumed-charsets', role: 'status' },
    assumed.map((a) => h('p', { class: 'warning' },
      `${plural(a.contacts, 'contact')} read as ${a.charset} (${CHARSET_EVIDENCE[a.how] ?? a.how}), such as “${a.example.name}” (${a.example.source}): check that their names read right.`)));
}

function skippedDetails(skipped) {
  if (!skipped.length) return null;
  const shown = skipped.slice(0, 200);
  return h('details', { class: 'skipped' },
    h('summary', {}, `Why ${plural(skipped.length, 'entry was', 'entries were')} skipped`),
    h('ul', {}, shown.map((s) => h('li', {}, h('strong', {}, s.source), ': ', s.reason))),
    skipped.length > shown.length ? h('p', { class: 'hint' }, `…and ${skipped.length - shown.length} more.`) : null);
}

/** The import card: choose a format and a file, see the preview, then import. */
function importCard({ call, onImported }) {
  let format = FORMATS[0];
  const status = h('div', { class: 'import-status', 'aria-live': 'polite' });
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': 'Import progress' });
  const fileInput = h('input', { id: 'import-file', type: 'file', accept: format.accept });
  const hint = h('p', { class: 'hint' }, format.hint);
  const formatSelect = h('select', {
    id: 'import-format',
    onchange: (event) => {
      format = FORMATS.find((f) => f.value === event.target.value);
      fileInput.accept = format.accept;
      hint.textContent = format.hint;
      fileInput.value = '';
      replaceChildren(status);
    },
  }, FORMATS.map((f) => h('option', { value: f.value }, f.label)));

  const showProgress = (what) => progressChannel((p) => {
    progress.hidden = false;
    progress.max = String(Math.max(p.total, 1));
    progress.value = String(p.done);
    progress.setAttribute('aria-valuetext', `${what} ${p.done} of ${p.total}`);
  });

  const fail = (error) => {
    progress.hidden = true;
    replaceChildren(status, h('p', { class: 'form-error', role: 'alert' }, error.message));
  };

  async function preview() {
    const file = fileInput.files[0];
    if (!file) return;
    replaceChildren(status, h('p', { class: 'hint' }, `Reading ${file.name}…`));
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(`${file.name} is ${Math.round(file.size / 1048576)} MB; Rapport imports files of up to ${MAX_FILE_BYTES / 1048576} MB.`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const staged = await callWithBytes('stage_import', bytes, { 'rapport-import-format': format.value });
      replaceChildren(status, h('p', { class: 'hint' }, `Matching ${plural(staged.contacts, 'contact')} against your network…`));
      const summary = await call('preview_import', { onProgress: showProgress('Checked') });
      progress.hidden = true;
      const nothing = summary.new + summary.updated === 0;
      replaceChildren(status,
        h('h3', {}, `Preview of ${file.name}: ${plural(summary.total, 'contact')}`),
        summaryList(summary),
        assumedCharsets(summary.assumedCharsets),
        skippedDetails(summary.skipped),
        h('p', { class: 'hint' }, 'Nothing has been written yet. People already in Rapport keep everything you typed; they only gain what they lack.'),
        h('div', { class: 'buttons' },
          h('button', { id: 'import-confirm', type: 'button', class: 'primary', disabled: nothing, onclick: runImport },
            nothing ? 'Nothing new to import' : `Import ${plural(summary.new, 'new person', 'new people')}${summary.updated ? ` and update ${summary.updated}` : ''}`),
          h('button', { type: 'button', class: 'ghost', onclick: cancel }, 'Cancel')));
    } catch (error) {
      fail(error);
    }
  }

  async function runImport() {
    const button = status.querySelector('#import-confirm');
    if (button) button.disabled = true;
    try {
      const summary = await call('apply_import', { onProgress: showProgress('Imported') });
      progress.hidden = true;
      fileInput.value = '';
      replaceChildren(status,
        h('h3', { id: 'import-done' }, `Imported: ${plural(summary.new, 'new person', 'new people')}, ${summary.updated} updated, ${summary.unchanged} unchanged.`),
        summaryList(summary),
        assumedCharsets(summary.assumedCharsets),
        skippedDetails(summary.skipped));
      await onImported(summary);
    } catch (error) {
      fail(error);
    }
  }

  async function cancel() {
    await call('cancel_import');
    fileInput.value = '';
    replaceChildren(status, h('p', { class: 'hint' }, 'Cancelled; nothing was written.'));
  }

  fileInput.addEventListener('change', preview);
  return h('section', { class: 'card', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, 'Import'),
    h('div', { class: 'form' },
      h('div', { class: 'field' }, h('label', { for: 'import-format' }, 'From'), formatSelect, hint),
      h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'File'), fileInput)),
    progress,
    status);
}

function exportCard({ call }) {
  const result = h('p', { class: 'hint', 'aria-live': 'polite' });
  const run = async (item) => {
    try {
      const info = await call('export_data', { format: item.format });
      replaceChildren(result, `Saved ${info.path} (${plural(info.items, 'item')}).`);
    } catch (error) {
      replaceChildren(result, h('span', { class: 'form-error', role: 'alert' }, error.message));
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, 'Export'),
    h('p', { class: 'hint' }, 'Files are saved in your Downloads folder.'),
    h('ul', { class: 'export-list' }, EXPORTS.map((item) => h('li', {},
      h('button', { type: 'button', class: 'ghost', dataset: { export: item.format }, onclick: () => run(item) }, item.label),
      h('span', { class: 'hint' }, ` ${item.detail}`)))),
    result);
}

function backupsCard({ call, backups, onRestored, toast }) {
  const list = h('ul', { class: 'backup-list' });
  const render = (files) => replaceChildren(list, files.error
    ? [h('li', { class: 'form-error', role: 'alert' }, `The backups cannot be listed: ${files.error}`)]
    : files.length
    ? files.slice(0, 30).map((file) => h('li', {},
      h('span', {}, file.name),
      h('span', { class: 'hint' }, ` ${(file.bytes / 1024).toFixed(0)} KB`),
      h('button', {
        type: 'button', class: 'link', 'aria-label': `Restore ${file.name}`,
        onclick: async () => {
          if (!window.confirm(`Replace everything in Rapport with ${file.name}? The current data is saved as a backup first.`)) return;
          try {
            const info = await call('restore_backup', { name: file.name });
            toast(`Restored ${plural(info.people, 'person', 'people')} from ${file.name}.`);
            await onRestored();
          } catch (error) {
            toast(error.message);
          }
        },
      }, 'Restore')))
    : [h('li', { class: 'hint' }, 'No backups yet.')]);
  render(backups);
  return h('section', { class: 'card', 'aria-labelledby': 'backups-heading' },
    h('h2', { id: 'backups-heading' }, 'Backups'),
    h('p', { class: 'hint' }, 'Rapport copies everything once a day and keeps the last 14 days, beside the copies made before each upgrade.'),
    h('div', { class: 'buttons' }, h('button', {
      type: 'button', class: 'ghost',
      onclick: async () => {
        try {
          const info = await call('backup_now');
          toast(`Backed up to ${info.path}.`);
          render(await call('list_backups'));
        } catch (error) { toast(error.message); }
      },
    }, 'Back up now')),
    list);
}

function duplicatesCard({ call, duplicates, onChanged, toast }) {
  const list = h('ul', { class: 'duplicate-list', id: 'duplicates' });
  const render = (pairs) => replaceChildren(list, pairs.length
    ? pairs.map((pair) => {
      const merge = async (survivor, merged) => {
        try {
          const outcome = await call('merge_people', { survivorId: survivor.id, mergedId: merged.id });
          toast(`Merged ${merged.displayName} into ${survivor.displayName} (${plural(outcome.moved, 'record')} moved).`, {
            label: 'Undo',
            run: async () => {
              try {
                await call('undo_merge', { mergeId: outcome.mergeId });
                await onChanged();
                render(await call('likely_duplicates'));
              } catch (error) { toast(error.message); }
            },
          });
          await onChanged();
          render(await call('likely_duplicates'));
        } catch (error) {
          toast(error.message);
        }
      };
      return h('li', { class: 'duplicate' },
        h('span', { class: 'duplicate-names' }, h('strong', {}, pair.first.displayName), ' and ', h('strong', {}, pair.second.displayName)),
        h('span', { class: 'hint' }, ` ${pair.reason}`),
        h('span', { class: 'duplicate-actions' },
          h('button', { type: 'button', class: 'small', onclick: () => merge(pair.first, pair.second) }, `Keep #${pair.first.id}, merge #${pair.second.id} in`),
          h('button', { type: 'button', class: 'small', onclick: () => merge(pair.second, pair.first) }, `Keep #${pair.second.id}, merge #${pair.first.id} in`),
          h('button', {
            type: 'button', class: 'small ghost',
            onclick: async () => { await call('mark_distinct', { firstId: pair.first.id, secondId: pair.second.id }); render(await call('likely_duplicates')); },
          }, 'Not the same person')));
    })
    : [h('li', { class: 'hint' }, 'No likely duplicates.')]);
  render(duplicates);
  return h('section', { class: 'card', 'aria-labelledby': 'duplicates-heading' },
    h('h2', { id: 'duplicates-heading' }, 'Possible duplicates'),
    h('p', { class: 'hint' }, 'The same email, LinkedIn profile or name. Merging moves every link, interaction, follow-up and interview to the one you keep, and can be undone.'),
    list);
}

export function dataView({ call, backups, duplicates, onImported, onChanged, toast }) {
  return h('div', { id: 'data' },
    h('h1', { class: 'page-title' }, 'Import, export and backups'),
    h('p', { class: 'lede' }, 'Bring in the network you already have — nobody is added twice — and take everything with you whenever you like.'),
    importCard({ call, onImported }),
    duplicatesCard({ call, duplicates, onChanged, toast }),
    exportCard({ call }),
    backupsCard({ call, backups, onRestored: onChanged, toast }));
}
