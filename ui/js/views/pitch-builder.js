// The guided pitch builder: the guide's prompts (who you are, one thing you did, what you are
// exploring and why, what you bring, what you ask for) assembled by Rapport into a draft for
// the audience chosen, timed against that audience's band and checked part by part, then saved
// as an elevator pitch.

import { h, replaceChildren } from '../dom.js';
import { field, formError, showError, submitting } from './forms.js';

const DEBOUNCE_MS = 150;
/** Rapport's default speaking rate, until a build tells the user's own. */
const DEFAULT_SECONDS_PER_WORD = 60 / 140;

/**
 * Words as a listener hears them, counted as Rapport counts them: runs of letters or digits,
 * kept whole across an apostrophe or hyphen ("don't", "career-services") or a point or comma
 * inside a number ("3.5"); a dash between words is not a word.
 */
export function wordCount(text) {
  return String(text ?? '').match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’ʼ\u002d\u2010\u2011](?=[\p{L}\p{N}])|(?<=\p{N})[.,](?=\p{N}))*/gu)?.length ?? 0;
}

/** The timing of a draft edited by hand, at the band of `timing` and `secondsPerWord`. */
export function retime(text, { bandMin, bandMax }, secondsPerWord = DEFAULT_SECONDS_PER_WORD) {
  const words = wordCount(text);
  const seconds = Math.round(words * secondsPerWord * 10) / 10;
  const verdict = seconds < bandMin ? 'too_short' : seconds > bandMax ? 'too_long' : 'within_band';
  return { words, seconds, bandMin, bandMax, verdict };
}

/** The look of the pitches screen's timing line (same classes), without the rate. */
function timingLine(timing) {
  const verdict = { too_short: 'short', within_band: 'within', too_long: 'long' }[timing.verdict];
  const note = verdict === 'within' ? 'Within the band.' : verdict === 'short' ? 'Short: say a little more.' : 'Too long: cut it down.';
  const scale = timing.bandMax * 1.5;
  return h('div', { class: `pitch-timing ${verdict}`, id: 'pitch-builder-timing', role: 'status', dataset: { verdict: timing.verdict } },
    h('div', { class: 'band', 'aria-hidden': 'true' },
      h('span', { class: 'band-ok', style: { left: `${(timing.bandMin / scale) * 100}%`, width: `${((timing.bandMax - timing.bandMin) / scale) * 100}%` } }),
      h('span', { class: 'band-you', style: { width: `${Math.min(100, (timing.seconds / scale) * 100)}%` } })),
    h('p', {}, `${timing.words} words · about ${Math.round(timing.seconds)} s at your speaking rate · aim for ${timing.bandMin}-${timing.bandMax} s`, ' — ', h('strong', {}, note)));
}

function checklist(items) {
  return h('ul', {}, items.map((item) => h('li', { dataset: { part: item.part, ok: String(item.ok) } },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, item.ok ? '✓' : '!'),
    h('span', { class: 'visually-hidden' }, item.ok ? 'Done: ' : 'To do: '),
    h('span', {}, item.message))));
}

const input = (name, placeholder) => h('input', { name, placeholder, autocomplete: 'off' });

/**
 * `audiences`: from pitch_audiences. `build(prompts)` → { text, title, timing, checklist };
 * `save({ kind, title, audience, text })`; `onCancel()`.
 */
export function pitchBuilderView({ audiences, build, save, onCancel }) {
  const audience = h('select', { name: 'audience' }, audiences.map((a) => h('option', { value: a.id }, a.label)));
  const chosen = () => audiences.find((a) => a.id === audience.value) ?? null;
  const audienceField = field('Who you will be speaking to', audience, { hint: ' ' });
  const askField = field('What you are asking for', input('ask', 'e.g. twenty minutes to hear how you got into the field'), { hint: ' ' });
  const showAudience = () => {
    const a = chosen();
    audienceField.querySelector('.hint').textContent = a ? `Aim for ${a.bandMin}-${a.bandMax} seconds.` : '';
    askField.querySelector('.hint').textContent = a?.askHint ?? '';
  };
  showAudience();

  const draft = h('textarea', { name: 'draft', rows: '9', class: 'pitch-text', placeholder: 'Your pitch appears here as you answer the prompts.' });
  const rebuildButton = h('button', { type: 'button', class: 'link', id: 'pitch-rebuild' }, 'Rebuild from the prompts');
  const edited = h('p', { class: 'pitch-edited', id: 'pitch-edited', hidden: true },
    'You changed the draft by hand, so the prompts no longer rewrite it (the checklist still reads the prompts). ', rebuildButton);
  const timingSlot = h('div');
  const checks = h('div', { class: 'pitch-checklist', id: 'pitch-checklist', role: 'status', 'aria-label': 'What the pitch covers' });

  const form = h('form', { class: 'pitch-builder-form', id: 'pitch-builder-form', novalidate: true },
    h('div', { class: 'pitch-builder-grid' },
      h('section', { class: 'card' }, h('h2', {}, 'The prompts'),
        audienceField,
        h('fieldset', { class: 'pitch-who' }, h('legend', {}, 'Who you are'),
          h('div', { class: 'row' },
            field('Name', input('name', 'Maya Chen')),
            field('Year', input('year', 'third-year')),
            field('School', input('school', 'State University')),
            field('Field of study', input('field', 'computer science')))),
        field('One concrete thing you did', h('textarea', { name: 'example', rows: '2', placeholder: 'e.g. led a team of four that built the campus food-bank app' }),
          { hint: 'A project, a job, a result: something the listener can picture.' }),
        h('div', { class: 'row' },
          field('What you are exploring', input('exploring', 'e.g. product design')),
          field('Why it draws you', input('why', 'e.g. I like watching people use what I made'))),
        field('What you bring', input('bring', 'e.g. user research and a habit of finishing things')),
        askField),
      h('section', { class: 'card pitch-builder-draft' }, h('h2', {}, 'Your draft'),
        field('Draft', draft),
        edited,
        timingSlot,
        checks,
        formError(),
        h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'primary' }, 'Save as a pitch'),
          h('button', { type: 'button', class: 'ghost', onclick: () => onCancel() }, 'Cancel')))));

  let last = null;
  let handEdited = false;
  let secondsPerWord = DEFAULT_SECONDS_PER_WORD;
  let mostWords = 0;
  let sequence = 0;
  let timer;

  const render = () => {
    edited.hidden = !handEdited;
    if (!last) return;
    replaceChildren(timingSlot, timingLine(handEdited ? retime(draft.value, last.timing, secondsPerWord) : last.timing));
    // The length item judges the assembled text; the timing line above judges the edited one.
    replaceChildren(checks, checklist(handEdited ? last.checklist.filter((c) => c.part !== 'length') : last.checklist));
  };

  const prompts = () => {
    const data = new FormData(form);
    const text = (name) => String(data.get(name) ?? '');
    return Object.fromEntries(['audience', 'name', 'year', 'school', 'field', 'example', 'exploring', 'why', 'bring', 'ask'].map((n) => [n, text(n)]));
  };

  const run = async () => {
    clearTimeout(timer);
    const mine = ++sequence;
    let result;
    try {
      result = await build(prompts());
    } catch (error) {
      if (mine === sequence) showError(form, error);
      return;
    }
    if (mine !== sequence) return; // a later build is on its way
    last = result;
    // The rate as precisely as the builds tell it: from the longest text timed so far.
    if (result.timing.words > mostWords && result.timing.seconds > 0) {
      mostWords = result.timing.words;
      secondsPerWord = result.timing.seconds / result.timing.words;
    }
    if (!handEdited) draft.value = result.text;
    render();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  form.addEventListener('input', (event) => {
    if (event.target === draft) {
      handEdited = true;
      render();
      return;
    }
    if (event.target === audience) showAudience();
    schedule();
  });
  rebuildButton.addEventListener('click', async () => {
    handEdited = false;
    await run();
    draft.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitting(form, async () => {
      await run(); // what was typed in the last moments, and the title it gives
      const a = chosen();
      await save({ kind: 'elevator', title: last?.title ?? '', audience: a?.label ?? '', text: draft.value });
    });
  });
  run();

  return h('div', { class: 'pitch-builder', id: 'pitch-builder' },
    h('h1', { class: 'page-title' }, 'Build a pitch'),
    h('p', { class: 'lede' }, 'A good pitch says, in well under a minute, who you are, one thing you have done, what you are exploring and why, what you bring, and what you would like from the person in front of you. Answer each prompt in a few words: the draft writes itself as you go, and you can polish it by hand.'),
    form);
}
