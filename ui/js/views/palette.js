// The command palette (Ctrl+K): type to jump to a person or run an action, all by keyboard.
// A modal dialog holding a combobox and its listbox, as the ARIA authoring practices describe.

import { h, replaceChildren } from '../dom.js';
import { avatar } from '../faces.js';
import { filterPalette } from '../format.js';

/**
 * Opens the palette over the window. `items` are {label, hint?, keys?, person?, run} (a person
 * item shows their face); choosing one closes
 * the palette, then runs it. Focus returns where it was when the palette closes unused.
 */
export function openPalette(items) {
  const returnTo = document.activeElement;
  const input = h('input', {
    id: 'palette-input', type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-expanded': 'true', 'aria-controls': 'palette-list', 'aria-autocomplete': 'list',
    placeholder: 'Type a name or an action…', 'aria-label': 'Go to a person or run an action',
  });
  const list = h('ul', { id: 'palette-list', role: 'listbox', 'aria-label': 'Matches' });
  const backdrop = h('div', { class: 'palette-backdrop', id: 'palette' },
    h('div', { class: 'palette', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Command palette' }, input, list));
  let shown = [];
  let active = 0;

  function render() {
    shown = filterPalette(items, input.value);
    active = Math.min(active, Math.max(shown.length - 1, 0));
    replaceChildren(list, shown.length
      ? shown.map((item, i) => h('li', {
        id: `palette-item-${i}`, role: 'option', class: 'palette-item', 'aria-selected': String(i === active),
        onmousedown: (event) => { event.preventDefault(); choose(i); },
      }, item.person ? avatar(item.person, 'avatar small') : null, h('span', {}, item.label), item.keys ? h('kbd', {}, item.keys) : null, item.hint ? h('span', { class: 'hint' }, item.hint) : null))
      : [h('li', { class: 'hint palette-empty' }, 'Nothing matches.')]);
    if (shown.length) input.setAttribute('aria-activedescendant', `palette-item-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  function close(restoreFocus) {
    backdrop.remove();
    if (restoreFocus && returnTo instanceof HTMLElement) returnTo.focus();
  }

  function choose(index) {
    const item = shown[index];
    if (!item) return;
    close(false);
    item.run();
  }

  input.addEventListener('input', () => { active = 0; render(); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); active = (active + 1) % Math.max(shown.length, 1); render(); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); active = (active - 1 + shown.length) % Math.max(shown.length, 1); render(); }
    else if (event.key === 'Enter') { event.preventDefault(); choose(active); }
    else if (event.key === 'Escape') { event.preventDefault(); close(true); }
    else if (event.key === 'Tab') { event.preventDefault(); }
  });
  backdrop.addEventListener('mousedown', (event) => { if (event.target === backdrop) close(true); });
  document.body.append(backdrop);
  render();
  input.focus();
}
