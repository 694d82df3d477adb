// Choosing one person out of thousands: a combobox that searches as you type (the same search as
// the sidebar) and lists the first few matches, as the ARIA authoring practices describe. A
// hidden input named `name` carries the chosen id into the form ('' for nobody).

import { h, replaceChildren } from '../dom.js';

const SHOWN = 8;
let nextId = 0;

export function personPicker({ name, search, placeholder = 'Type a name, or leave empty for nobody' }) {
  const listId = `person-picker-${++nextId}`;
  const chosen = h('input', { type: 'hidden', name, value: '' });
  const input = h('input', {
    type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false', placeholder,
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: true });
  let found = [];
  let active = -1;
  let asked = 0;

  const draw = () => {
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    replaceChildren(list, found.map((person, index) => h('li', {
      id: `${listId}-${index}`, role: 'option', class: index === active ? 'active' : null,
      'aria-selected': String(index === active),
      // Before the input loses focus, so the click is not lost to the blur.
      onmousedown: (event) => { event.preventDefault(); pick(person); },
    }, person.displayName, person.organization ? h('span', { class: 'person-detail' }, ` · ${person.organization}`) : null)));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => { found = []; active = -1; draw(); };
  const pick = (person) => {
    chosen.value = String(person.id);
    input.value = person.displayName;
    close();
  };

  input.addEventListener('input', async () => {
    // Typing again un-chooses: the field holds a name only once one is picked.
    chosen.value = '';
    const typed = input.value.trim();
    const ask = ++asked;
    const people = typed ? await search(typed) : [];
    if (ask !== asked) return; // A later keystroke's answer is on its way.
    found = people.slice(0, SHOWN);
    active = found.length ? 0 : -1;
    draw();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!found.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length;
      draw();
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault(); // Picks; does not submit the form.
      pick(found[active]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', close);
  // A reset form forgets the choice too.
  input.addEventListener('reset-picker', () => { chosen.value = ''; input.value = ''; close(); });

  // A name typed but not picked from the list names nobody yet: the form asks rather than
  // saving it with nobody.
  const unresolved = () => input.value.trim() !== '' && chosen.value === '';

  return { input, element: h('div', { class: 'picker' }, input, list, chosen), unresolved };
}
