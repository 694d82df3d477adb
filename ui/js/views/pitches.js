// Elevator speeches (30-60 s) and the longer introduction that opens an informational interview
// (90-120 s): drafts timed live at the user's speaking rate, earlier versions kept, tailored
// copies per audience, and a rehearsal mode.

import { h, replaceChildren } from '../dom.js';
import { formatTimer, relative } from '../format.js';
import { field, formError, submitting } from './forms.js';

const KINDS = [['elevator', 'Elevator (30-60 s)'], ['infomercial', 'Introduction (90-120 s)']];

function timingLine(timing, rate) {
  const verdict = { too_short: 'short', within_band: 'within', too_long: 'long' }[timing.verdict];
  const text = `${timing.words} words · about ${Math.round(timing.seconds)} s at ${rate} words a minute · aim for ${timing.bandMin}-${timing.bandMax} s`;
  const note = verdict === 'within' ? 'Within the band.' : verdict === 'short' ? 'Short: say a little more.' : 'Too long: cut it down.';
  const width = Math.min(100, (timing.seconds / (timing.bandMax * 1.5)) * 100);
  return h('div', { class: `pitch-timing ${verdict}`, id: 'pitch-timing', role: 'status', dataset: { verdict: timing.verdict } },
    h('div', { class: 'band', 'aria-hidden': 'true' },
      h('span', { class: 'band-ok', style: { left: `${(timing.bandMin / (timing.bandMax * 1.5)) * 100}%`, width: `${((timing.bandMax - timing.bandMin) / (timing.bandMax * 1.5)) * 100}%` } }),
      h('span', { class: 'band-you', style: { width: `${width}%` } })),
    h('p', {}, text, ' — ', h('strong', {}, note)));
}

/** `actions`: time(text, kind), save(input), add(input), remove(), versions(), restore(versionId), duplicate(audience), rehearse(pitch), setRate(wpm), select(id), build(), choose(). */
export function pitchesView({ pitches, selected, versions, rate, chosenId = null, actions }) {
  const list = h('ul', { class: 'pitch-list' },
    pitches.map((p) => h('li', {},
      h('button', { type: 'button', class: `pitch-row${selected && p.id === selected.id ? ' selected' : ''}`, onclick: () => actions.select(p.id) },
        h('span', { class: 'person-name' }, p.title),
        h('span', { class: 'person-detail' }, `${p.kind === 'elevator' ? 'Elevator' : 'Introduction'}${p.audience ? ` · for ${p.audience}` : ''} · ${Math.round(p.timing.seconds)} s${p.id === chosenId ? ' · offered in drafts' : ''}`)))),
    h('li', {}, h('button', { type: 'button', class: 'ghost', id: 'new-pitch', onclick: () => actions.select(null) }, '+ New pitch')),
    h('li', {}, h('button', { type: 'button', class: 'ghost', id: 'build-pitch', onclick: actions.build }, '+ Build one from the guide’s prompts')));

  const pitch = selected ?? { kind: 'elevator', title: '', audience: '', text: '' };
  const timing = h('div');
  const textArea = h('textarea', { name: 'text', rows: '10', value: pitch.text, class: 'pitch-text', placeholder: 'Who you are, what you are exploring, what you bring, and what you are looking for.' });
  const kind = h('select', { name: 'kind' }, KINDS.map(([v, l]) => h('option', { value: v, selected: v === pitch.kind }, l)));
  let timer;
  const retime = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => replaceChildren(timing, timingLine(await actions.time(textArea.value, kind.value), rate)), 120);
  };
  textArea.addEventListener('input', retime);
  kind.addEventListener('change', retime);
  retime();

  const form = h('form', { class: 'pitch-editor', id: 'pitch-editor', novalidate: true },
    h('div', { class: 'row' }, field('Kind', kind), field('Audience', h('input', { name: 'audience', value: pitch.audience, placeholder: 'e.g. recruiters' }))),
    field('Title', h('input', { name: 'title', value: pitch.title, placeholder: 'e.g. Career fair — UX', autocomplete: 'off' })),
    field('Text', textArea),
    timing,
    formError(),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, selected ? 'Save' : 'Add pitch'),
      selected ? h('button', { type: 'button', id: 'rehearse', onclick: () => actions.rehearse({ ...pitch, text: textArea.value }) }, '▶ Rehearse') : null,
      selected && selected.id !== chosenId ? h('button', { type: 'button', class: 'ghost', id: 'choose-pitch', onclick: actions.choose }, 'Offer in drafts') : null,
      selected ? h('button', { type: 'button', class: 'ghost danger-text', onclick: actions.remove }, 'Delete') : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { kind: String(data.get('kind')), title: String(data.get('title') ?? ''), audience: String(data.get('audience') ?? ''), text: String(data.get('text') ?? '') };
    submitting(form, () => (selected ? actions.save(input) : actions.add(input)));
  });

  const duplicate = h('form', { class: 'row inline-form', novalidate: true },
    field('Tailor a copy for', h('input', { name: 'audience', placeholder: 'another audience' })),
    formError(),
    h('button', { type: 'submit' }, 'Duplicate'));
  duplicate.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(duplicate, () => actions.duplicate(String(new FormData(duplicate).get('audience') ?? '')));
  });

  const rateForm = h('form', { class: 'row inline-form', novalidate: true },
    field('Your speaking rate (words a minute)', h('input', { name: 'wordsPerMinute', type: 'number', min: '60', max: '300', value: String(rate) })),
    formError(),
    h('button', { type: 'submit' }, 'Set'));
  rateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(rateForm, () => actions.setRate(Number(new FormData(rateForm).get('wordsPerMinute'))));
  });

  return h('div', { class: 'pitches', id: 'pitches' },
    h('h1', { class: 'page-title' }, 'Pitches'),
    h('p', { class: 'lede' }, 'Introduce yourself briefly, tailored to who you are speaking to: an elevator speech of 30-60 seconds, and a longer introduction of about two minutes to open an informational interview.'),
    h('div', { class: 'pitch-grid' },
      h('nav', { class: 'card', 'aria-label': 'Your pitches' }, list, rateForm),
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, selected ? 'Edit pitch' : 'New pitch'), form),
        selected ? h('section', { class: 'card' }, h('h2', {}, 'Tailor'), duplicate) : null,
        selected ? h('section', { class: 'card' }, h('h2', {}, 'Earlier versions'),
          versions.length
            ? h('ul', { class: 'versions' }, versions.map((v) => h('li', {},
              h('span', { class: 'version-text' }, v.text.slice(0, 140) + (v.text.length > 140 ? '…' : '')),
              h('span', { class: 'timeline-when' }, `${v.words} words · ${relative(v.savedAt)}`),
              h('button', { type: 'button', class: 'ghost small', onclick: () => actions.restore(v.id) }, 'Restore'))))
            : h('p', { class: 'empty' }, 'Each save keeps the text it replaced here.')) : null)));
}

/** Rehearsal: large scrolling text and a running timer against the band. */
export function rehearsal({ pitch, timing, onExit }) {
  const started = Date.now();
  const clock = h('p', { class: 'run-clock', role: 'timer' });
  const text = h('div', { class: 'rehearsal-text', tabindex: '0' }, pitch.text);
  const tick = () => {
    if (!view.isConnected && view.dataset.shown) {
      clearInterval(interval);
      return;
    }
    const seconds = Math.floor((Date.now() - started) / 1000);
    clock.textContent = formatTimer(seconds);
    clock.classList.toggle('over', seconds > timing.bandMax);
    // Scroll at the pace of speech so the line being said stays in view.
    const progress = Math.min(1, seconds / Math.max(1, timing.seconds));
    text.scrollTop = progress * (text.scrollHeight - text.clientHeight);
  };
  const interval = setInterval(tick, 200);
  const stop = () => { clearInterval(interval); onExit(); };
  const view = h('div', { class: 'run-mode rehearsal', id: 'rehearsal', role: 'region', 'aria-label': `Rehearsing ${pitch.title}` },
    h('div', { class: 'run-top' }, h('span', {}, pitch.title), h('span', {}, `aim for ${timing.bandMin}-${timing.bandMax} s`), h('button', { type: 'button', class: 'ghost', onclick: stop }, 'Stop')),
    clock, text);
  tick();
  queueMicrotask(() => { view.dataset.shown = 'true'; });
  return view;
}
