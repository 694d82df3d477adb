// The agenda builder (timed sections that must add up to 20-30 minutes, filled from the
// question bank) and its run mode (a per-section timer for use during the meeting).

import { h, replaceChildren } from '../dom.js';
import { agendaVerdict, formatTimer } from '../format.js';

/** Whether a section is the one where you introduce yourself ("Thanks and my introduction"). */
export function isIntroduction(title) {
  return /introduc/i.test(title ?? '');
}

/** The chosen pitch, shown in the introduction section so that it is to hand. */
function pitchNote(pitch) {
  return pitch ? h('p', { class: 'agenda-pitch' }, h('strong', {}, `Your pitch, “${pitch.title}”: `), pitch.text) : null;
}

/** `items`: [{title, minutes, questions: []}]; `bank`: [{theme, themeLabel, text}]; `pitch`: the
 * chosen pitch or null; onSave(items); onRun(items). */
export function agendaBuilder({ items: initial, bank, pitch = null, onSave, onRun, onSuggest }) {
  let items = initial.map((i) => ({ ...i, questions: [...i.questions] }));
  const list = h('ol', { class: 'agenda-items' });
  const total = h('p', { class: 'agenda-total', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const bankSelect = h('select', { 'aria-label': 'Question from the bank', class: 'bank-select' },
    h('option', { value: '' }, 'Add a question from the bank…'),
    groupBank(bank).map(([label, questions]) =>
      h('optgroup', { label }, questions.map((q) => h('option', { value: q.text }, q.text)))));
  let focused = 0;

  function move(i, delta) {
    const j = i + delta;
    if (j < 0 || j >= items.length) return;
    [items[i], items[j]] = [items[j], items[i]];
    focused = j;
    render();
  }

  function render() {
    replaceChildren(list, items.map((item, i) => {
      const title = h('input', { value: item.title, 'aria-label': `Section ${i + 1} title`, class: 'agenda-title', oninput: (e) => { item.title = e.target.value; } });
      const minutes = h('input', { type: 'number', min: '0', max: '120', value: String(item.minutes), 'aria-label': `Section ${i + 1} minutes`, class: 'agenda-minutes', oninput: (e) => { item.minutes = Number(e.target.value) || 0; updateTotal(); } });
      const questions = h('textarea', { rows: String(Math.max(2, item.questions.length + 1)), 'aria-label': `Section ${i + 1} questions, one per line`, class: 'agenda-questions', oninput: (e) => { item.questions = e.target.value.split('\n'); } });
      questions.value = item.questions.join('\n');
      return h('li', { class: `agenda-item${i === focused ? ' focused' : ''}`, onfocusin: () => { focused = i; } },
        h('div', { class: 'agenda-row' }, title, minutes, h('span', { class: 'unit' }, 'min'),
          h('button', { type: 'button', class: 'ghost small', 'aria-label': `Move section ${i + 1} up`, disabled: i === 0, onclick: () => move(i, -1) }, '↑'),
          h('button', { type: 'button', class: 'ghost small', 'aria-label': `Move section ${i + 1} down`, disabled: i === items.length - 1, onclick: () => move(i, 1) }, '↓'),
          h('button', { type: 'button', class: 'ghost small', 'aria-label': `Remove section ${i + 1}`, onclick: () => { items.splice(i, 1); render(); } }, '✕')),
        questions,
        isIntroduction(item.title) ? pitchNote(pitch) : null);
    }));
    updateTotal();
  }

  function updateTotal() {
    const minutes = items.reduce((sum, i) => sum + (Number(i.minutes) || 0), 0);
    const verdict = agendaVerdict(minutes);
    total.textContent = `${minutes} minutes${verdict === 'within' ? ' — fits a 20-30 minute meeting' : verdict === 'short' ? ' — short: an informational interview takes 20-30 minutes' : ' — too long: keep it to 30 minutes, their time is a gift'}`;
    total.className = `agenda-total ${verdict}`;
  }

  bankSelect.addEventListener('change', () => {
    if (!bankSelect.value) return;
    if (!items.length) items.push({ title: 'Questions', minutes: 5, questions: [] });
    const target = items[Math.min(focused, items.length - 1)];
    target.questions = target.questions.filter((q) => q.trim()).concat(bankSelect.value);
    bankSelect.value = '';
    render();
  });

  const clean = () => items.map((i) => ({ title: i.title, minutes: Number(i.minutes) || 0, questions: i.questions.map((q) => q.trim()).filter(Boolean) }));
  const act = (action) => async () => {
    error.hidden = true;
    try { await action(clean()); } catch (e) { error.textContent = e.message; error.hidden = false; }
  };

  render();
  return h('div', { class: 'agenda-builder', id: 'agenda-builder' },
    list, total,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'ghost', onclick: () => { items.push({ title: '', minutes: 3, questions: [] }); focused = items.length - 1; render(); list.lastElementChild?.querySelector('input')?.focus(); } }, '+ Section'),
      bankSelect,
      items.length ? null : h('button', { type: 'button', class: 'ghost', onclick: async () => { items = await onSuggest(); render(); } }, 'Start from a 25-minute outline')),
    error,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', id: 'save-agenda', onclick: act(onSave) }, 'Save agenda'),
      h('button', { type: 'button', id: 'run-agenda', onclick: act(onRun) }, '▶ Run mode')));
}

function groupBank(bank) {
  const groups = new Map();
  for (const q of bank) {
    if (!groups.has(q.themeLabel)) groups.set(q.themeLabel, []);
    groups.get(q.themeLabel).push(q);
  }
  return [...groups.entries()];
}

/** Run mode: one section at a time, with its questions (and your pitch where you introduce
 * yourself) and a countdown. */
export function agendaRun({ title, items, pitch = null, onExit }) {
  let index = 0;
  let started = Date.now();
  const meetingStarted = Date.now();
  const clock = h('p', { class: 'run-clock', role: 'timer', 'aria-live': 'off' });
  const overall = h('p', { class: 'run-overall' });
  const body = h('div', { class: 'run-body' });
  const planned = items.reduce((sum, i) => sum + i.minutes, 0);

  function render() {
    const item = items[index];
    started = Date.now();
    replaceChildren(body,
      h('p', { class: 'run-step' }, `Section ${index + 1} of ${items.length}`),
      h('h2', { class: 'run-title' }, item.title),
      isIntroduction(item.title) ? pitchNote(pitch) : null,
      item.questions.length ? h('ul', { class: 'run-questions' }, item.questions.map((q) => h('li', {}, q))) : h('p', { class: 'empty' }, 'No questions here: listen, and take notes.'),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'ghost', disabled: index === 0, onclick: () => { index -= 1; render(); } }, '← Previous'),
        index < items.length - 1
          ? h('button', { type: 'button', class: 'primary', id: 'run-next', onclick: () => { index += 1; render(); } }, 'Next section →')
          : h('button', { type: 'button', class: 'primary', onclick: stop }, 'Finish')));
    tick();
  }

  function tick() {
    // Left behind (another screen replaced run mode): stop.
    if (!view.isConnected && view.dataset.shown) {
      clearInterval(timer);
      return;
    }
    const item = items[index];
    const left = item.minutes * 60 - Math.floor((Date.now() - started) / 1000);
    clock.textContent = formatTimer(left);
    clock.classList.toggle('over', left < 0);
    overall.textContent = `${formatTimer(Math.floor((Date.now() - meetingStarted) / 1000))} of ${planned} min`;
  }

  const timer = setInterval(tick, 250);
  function stop() {
    clearInterval(timer);
    onExit();
  }
  const view = h('div', { class: 'run-mode', id: 'run-mode', role: 'region', 'aria-label': `Running the agenda: ${title}` },
    h('div', { class: 'run-top' }, h('span', {}, title), overall, h('button', { type: 'button', class: 'ghost', onclick: stop }, 'Exit run mode')),
    clock, body);
  render();
  queueMicrotask(() => { view.dataset.shown = 'true'; });
  return view;
}
