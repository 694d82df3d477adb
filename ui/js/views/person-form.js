// Add or edit a person. Errors show beside their field.

import { h } from '../dom.js';
import { parseTags, STRENGTH_WORDS } from '../format.js';
import { field, formError, submitting } from './forms.js';

const NEW_CIRCLE = '__new__';

export function personForm({ person = null, circles, onSave, onAddCircle, onCancel }) {
  const value = (key) => (person ? person[key] ?? '' : '');
  const input = (name, attributes = {}) => h('input', { name, value: value(name), autocomplete: 'off', ...attributes });
  const circle = h('select', { name: 'circle' },
    h('option', { value: '' }, '— none —'),
    circles.map((c) => h('option', { value: c.name, selected: person?.circle === c.name }, c.name)),
    h('option', { value: NEW_CIRCLE }, '+ New circle…'));
  const newCircle = field('New circle', h('input', { name: 'newCircle', placeholder: 'e.g. Hackathon friends', autocomplete: 'off' }));
  newCircle.hidden = true;
  circle.addEventListener('change', () => {
    newCircle.hidden = circle.value !== NEW_CIRCLE;
    if (!newCircle.hidden) newCircle.querySelector('input').focus();
  });

  const form = h('form', { class: 'card form', id: 'person-form', novalidate: true },
    h('h2', {}, person ? `Edit ${person.displayName}` : 'Add a person'),
    field('Name', input('displayName', { placeholder: 'e.g. Ada Lovelace', required: true })),
    h('div', { class: 'row' },
      field('Circle', circle),
      newCircle,
      field('How you met', input('howMet', { placeholder: 'e.g. career fair, thesis advisor' }))),
    h('div', { class: 'row' },
      field('Organization', input('organization')),
      field('Title', input('title'))),
    h('div', { class: 'row' },
      field('Email', input('email', { type: 'email' })),
      field('Phone', input('phone', { type: 'tel' }))),
    field('LinkedIn or other profile', input('linkedinUrl', { type: 'url', placeholder: 'https://www.linkedin.com/in/…' })),
    h('div', { class: 'row' },
      field('Tags', input('tags', { value: person ? person.tags.join(', ') : '', placeholder: 'comma, separated' })),
      field('Keep in touch every … days', input('cadenceDays', { type: 'number', min: '1', max: '3650', value: person?.cadenceDays ? String(person.cadenceDays) : '', placeholder: 'the circle’s default' }))),
    h('div', { class: 'row' },
      field('Birthday', input('birthday', { value: person?.birthday ? person.birthday.replace(/^--/, '') : '', placeholder: 'YYYY-MM-DD, or MM-DD' }), { hint: 'The year is optional. Reminded at 09:00 on the day, or the days before set in Settings.' }),
      field('How close you are', h('select', { name: 'strength' },
        h('option', { value: '' }, person && !person.strengthSet ? `From their circle and contact (now ${person.strength})` : 'From their circle and contact'),
        STRENGTH_WORDS.map((words, n) => h('option', { value: String(n), selected: Boolean(person?.strengthSet) && person.strength === n }, `${n} — ${words}`))))),
    field('Notes', h('textarea', { name: 'notes', rows: '4', value: value('notes') })),
    formError(),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, person ? 'Save' : 'Add person'),
      h('button', { type: 'button', class: 'ghost', onclick: onCancel }, 'Cancel')),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (key) => String(data.get(key) ?? '');
    const input = {
      displayName: text('displayName'),
      circle: text('circle') || null,
      organization: text('organization'),
      title: text('title'),
      email: text('email'),
      phone: text('phone'),
      linkedinUrl: text('linkedinUrl'),
      howMet: text('howMet'),
      notes: text('notes'),
      tags: parseTags(text('tags')),
      cadenceDays: text('cadenceDays') ? Number(text('cadenceDays')) : null,
      birthday: text('birthday') || null,
      strength: text('strength') === '' ? null : Number(text('strength')),
    };
    submitting(form, async () => {
      if (input.circle === NEW_CIRCLE) {
        try {
          input.circle = (await onAddCircle(text('newCircle'))).name;
          // Keep it chosen, so that fixing another field and saving again does not re-add it.
          circle.insertBefore(h('option', { value: input.circle }, input.circle), circle.lastElementChild);
          circle.value = input.circle;
          newCircle.hidden = true;
        } catch (error) {
          // The store names the field "circle"; here it belongs to the new circle's input.
          throw Object.assign(error, { field: error.field === 'circle' ? 'newCircle' : error.field });
        }
      }
      return onSave(input);
    });
  });
  queueMicrotask(() => form.elements.namedItem('displayName').focus());
  return form;
}
