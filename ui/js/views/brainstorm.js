// The natural-network brainstorm: walk the guide's circles and type names, Enter after each.
// An empty Enter moves to the next circle. Names that look like someone already listed are
// flagged before they are added.

import { h, replaceChildren } from '../dom.js';

const GOAL = { min: 50, max: 100 };

export function brainstormView({ circles, people, call, onAdded }) {
  let index = 0;
  const added = new Map(circles.map((c) => [c.name, people.filter((p) => p.circle === c.name).map((p) => p.displayName)]));
  let total = people.length;

  const heading = h('h2', { id: 'brainstorm-circle' });
  const prompt = h('p', { class: 'prompt' });
  const input = h('input', { id: 'brainstorm-name', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'brainstorm-hint brainstorm-warning' });
  const warning = h('p', { id: 'brainstorm-warning', class: 'warning', role: 'status', hidden: true });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const list = h('ul', { class: 'brainstorm-names', 'aria-label': 'Names in this circle' });
  const meter = h('progress', { id: 'brainstorm-progress', max: String(GOAL.min), value: '0', 'aria-label': 'Names listed' });
  const count = h('p', { class: 'progress-text' });
  const steps = h('ol', { class: 'circle-steps' });

  function render() {
    const circle = circles[index];
    heading.textContent = circle.name;
    prompt.textContent = circle.prompt ? `Who comes to mind? ${circle.prompt}.` : 'Who comes to mind?';
    replaceChildren(list, (added.get(circle.name) ?? []).map((name) => h('li', {}, name)));
    meter.value = Math.min(total, GOAL.min);
    count.textContent = total >= GOAL.max
      ? `${total} names — a strong natural network.`
      : total >= GOAL.min
        ? `${total} names — past 50; keep going toward 100 if more come to mind.`
        : `${total} of 50 names. Be satisfied with whatever you can come up with, but aim for 50-100.`;
    replaceChildren(steps, circles.map((c, i) =>
      h('li', { class: i === index ? 'current' : '' },
        h('button', { type: 'button', class: 'link', onclick: () => { index = i; render(); input.focus(); } }, c.name),
        h('span', { class: 'count-quiet' }, ` ${(added.get(c.name) ?? []).length}`))));
    input.setAttribute('aria-label', `A name for ${circle.name}`);
  }

  let checkTimer;
  input.addEventListener('input', () => {
    error.hidden = true;
    clearTimeout(checkTimer);
    const name = input.value.trim();
    if (!name) { warning.hidden = true; return; }
    checkTimer = setTimeout(async () => {
      const similar = await call('similar_people', { name });
      if (input.value.trim() !== name) return;
      warning.hidden = similar.length === 0;
      warning.textContent = similar.length ? `Already listed: ${similar.map((p) => p.displayName).join(', ')}. Press Enter to add anyway.` : '';
    }, 120);
  });

  input.addEventListener('keydown', async (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const name = input.value.trim();
    if (!name) {
      index = (index + 1) % circles.length;
      render();
      return;
    }
    // Clear at once, so the next name can be typed while this one is saved.
    const circle = circles[index].name;
    input.value = '';
    warning.hidden = true;
    try {
      const person = await call('add_person', { input: { displayName: name, circle } });
      added.get(circle).push(person.displayName);
      total += 1;
      render();
      onAdded(person);
    } catch (e) {
      input.value = `${name}${input.value}`;
      error.textContent = e.message;
      error.hidden = false;
    }
  });

  render();
  queueMicrotask(() => input.focus());
  return h('div', { class: 'brainstorm', id: 'brainstorm' },
    h('h1', { class: 'page-title' }, 'Your natural network'),
    h('p', { class: 'lede' }, 'Everyone you know is part of your network. List them circle by circle: type a name and press Enter; press Enter on an empty line for the next circle.'),
    h('div', { class: 'progress' }, meter, count),
    h('div', { class: 'brainstorm-grid' },
      h('nav', { class: 'card', 'aria-label': 'Circles' }, steps),
      h('section', { class: 'card' },
        heading, prompt,
        h('label', { for: 'brainstorm-name', class: 'visually-hidden' }, 'Name'),
        input,
        h('p', { id: 'brainstorm-hint', class: 'hint' }, 'Enter adds · Enter on an empty line goes to the next circle'),
        warning, error, list)));
}
