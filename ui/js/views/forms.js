// Form fields with an error slot beside each, so an error shows next to what caused it.

import { h } from '../dom.js';

let nextId = 0;

/**
 * A labelled control; `control` is an input/select/textarea with a `name`. `within` is an
 * element holding the control (a picker), shown in its place.
 */
export function field(label, control, { hint, within } = {}) {
  const id = control.id || `f${++nextId}`;
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-for': control.name, hidden: true, role: 'alert' });
  control.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), within ?? control, hint ? h('p', { class: 'hint' }, hint) : null, error);
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error, .form-error')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** Shows `error` beside its field, or at the form's foot when it names no field of this form. */
export function showError(form, error) {
  clearErrors(form);
  const slot = error.field && form.querySelector(`.field-error[data-for="${CSS.escape(error.field)}"]`);
  const target = slot || form.querySelector('.form-error');
  target.textContent = error.message;
  target.hidden = false;
  const control = error.field && form.elements.namedItem(error.field);
  if (control && control.focus) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
}

/** An error line for a row of actions, and `run(action)`, which shows there what the action
 * threw. `className` is the line's look: `row-error` beside a row, `form-error` for a page. */
export function actionError(className = 'row-error') {
  const error = h('p', { class: className, role: 'alert', hidden: true });
  const run = async (action) => {
    error.hidden = true;
    try {
      await action();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  };
  return { error, run };
}

export function formError() {
  return h('p', { class: 'form-error', hidden: true, role: 'alert' });
}

/** Runs `action` for a submit, disabling the button meanwhile and showing any error in place. */
export async function submitting(form, action) {
  const button = form.querySelector('button[type="submit"]');
  if (button) button.disabled = true;
  clearErrors(form);
  try {
    return await action();
  } catch (error) {
    showError(form, error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}
