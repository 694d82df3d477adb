// The question bank: grouped by theme, editable. Built-in questions are never lost: editing one
// keeps the original aside, and archiving only hides it.

import { h } from '../dom.js';
import { field, formError, submitting } from './forms.js';

const THEMES = [['career_path', 'Career path'], ['day_to_day', 'Day-to-day work'], ['industry', 'The industry'], ['advice', 'Advice for me'], ['referrals', 'Referrals']];

/** `actions`: add(theme, text), update(id, text), archive(id). */
export function questionBank({ questions, actions }) {
  const theme = h('select', { name: 'theme' }, THEMES.map(([v, l]) => h('option', { value: v }, l)));
  const form = h('form', { class: 'row inline-form', id: 'question-form', novalidate: true },
    field('Theme', theme),
    field('New question', h('input', { name: 'text', autocomplete: 'off', placeholder: 'e.g. What surprised you most in your first year?' })),
    formError(),
    h('button', { type: 'submit' }, 'Add'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    submitting(form, () => actions.add(String(data.get('theme')), String(data.get('text') ?? '')));
  });
  const row = (q) => {
    const text = h('input', { value: q.text, 'aria-label': 'Question', class: 'question-text' });
    const error = h('p', { class: 'row-error', hidden: true, role: 'alert' });
    const guard = (action) => async () => {
      error.hidden = true;
      try { await action(); } catch (e) { error.textContent = e.message; error.hidden = false; }
    };
    return h('li', {},
      text,
      h('button', { type: 'button', class: 'ghost small', onclick: guard(() => actions.update(q.id, text.value)) }, 'Save'),
      h('button', { type: 'button', class: 'ghost small', 'aria-label': 'Remove from the bank', onclick: guard(() => actions.archive(q.id)) }, '✕'),
      error);
  };
  return h('section', { class: 'card question-bank', id: 'question-bank' },
    h('h2', {}, `Question bank · ${questions.length}`),
    h('p', { class: 'hint' }, 'Pick from these when building an agenda. Never ask for a job: ask for advice, information and referrals.'),
    THEMES.map(([value, label]) => {
      const ofTheme = questions.filter((q) => q.theme === value);
      return h('details', {}, h('summary', {}, `${label} (${ofTheme.length})`), h('ul', { class: 'questions' }, ofTheme.map(row)));
    }),
    form);
}
