// The page's fixed parts, found once by their ids in index.html, and the two ways the window
// speaks up: a toast for what just happened, and an error card in the main pane.

import { h, replaceChildren } from './dom.js';

export const $ = (id) => document.getElementById(id);
export const main = $('main');
export const search = $('search');

export function toast(message, action) {
  const element = $('toast');
  replaceChildren(element, h('span', {}, message), action ? h('button', { type: 'button', class: 'link', onclick: async () => { element.hidden = true; await action.run(); } }, action.label) : null);
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 8000);
}

export function showFatal(error) {
  replaceChildren(main, h('div', { class: 'card error-card', role: 'alert' }, h('h2', {}, 'Something went wrong'), h('p', {}, error.message)));
}
