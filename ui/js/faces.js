// Faces: a person's photo where their initials would be, in the people list, the palette and
// the person page.
//
// A list knows only each person's photo id (the summaries carry it); the thumbnails (96-pixel
// JPEGs of 2-4 KB) are fetched for the rows actually drawn, a batch a frame, and kept by photo
// id, which changes whenever the photo does, so a kept thumbnail is never stale. At 30,000
// people nothing is loaded up front; scrolling fetches a screen at a time.

import { call } from './api.js';
import { h } from './dom.js';
import { initials } from './format.js';

/** Thumbnails kept, by photo id: a few thousand rows' worth (about 3 KB each). */
const KEPT = 3000;
const thumbnails = new Map();
/** Photo ids wanted by the rows drawn since the last fetch, with the avatars waiting for them. */
const waiting = new Map();
let scheduled = false;

function keep(id, dataUri) {
  thumbnails.delete(id);
  thumbnails.set(id, dataUri);
  if (thumbnails.size > KEPT) thumbnails.delete(thumbnails.keys().next().value);
}

function showFace(avatar, dataUri) {
  const img = h('img', { src: dataUri, alt: '', decoding: 'async', draggable: 'false' });
  avatar.classList.add('has-photo');
  avatar.replaceChildren(img);
}

async function fetchWaiting() {
  scheduled = false;
  const batch = new Map(waiting);
  waiting.clear();
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += 200) {
    let found = [];
    try {
      found = await call('photo_thumbnails', { ids: ids.slice(start, start + 200) });
    } catch {
      continue; // The initials stay: a face is a nicety, never a reason for an error.
    }
    for (const { id, dataUri } of found) {
      keep(id, dataUri);
      for (const avatar of batch.get(id) ?? []) if (avatar.isConnected) showFace(avatar, dataUri);
    }
  }
}

/** Forgets a thumbnail (its person's photo was replaced or removed). */
export function forgetFace(photoId) {
  thumbnails.delete(photoId);
}

/** Records a thumbnail already in hand (the person page just set it). */
export function rememberFace(photoId, dataUri) {
  keep(photoId, dataUri);
}

/**
 * A round avatar: the person's face if they have one (at once if kept, otherwise as soon as the
 * next batch arrives), their initials until then or without one. `person` has `displayName` and
 * `photo` (a photo id or null).
 */
export function avatar(person, className = 'avatar') {
  const element = h('span', { class: className, 'aria-hidden': 'true' }, initials(person.displayName));
  const id = person.photo;
  if (id === null || id === undefined) return element;
  const kept = thumbnails.get(id);
  if (kept) {
    showFace(element, kept);
    return element;
  }
  if (!waiting.has(id)) waiting.set(id, []);
  waiting.get(id).push(element);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => { fetchWaiting(); });
  }
  return element;
}

/**
 * The thumbnails of `photoIds` (a Map from photo id to data URI), from those kept and one fetch
 * for the rest; for the map, which draws faces on its own canvas. A failed fetch gives fewer.
 */
export async function thumbnailsOf(photoIds) {
  const found = new Map();
  const missing = [];
  for (const id of new Set(photoIds)) {
    if (thumbnails.has(id)) found.set(id, thumbnails.get(id));
    else missing.push(id);
  }
  for (let start = 0; start < missing.length; start += 200) {
    try {
      for (const { id, dataUri } of await call('photo_thumbnails', { ids: missing.slice(start, start + 200) })) {
        keep(id, dataUri);
        found.set(id, dataUri);
      }
    } catch {
      break; // The dots stay: a face is a nicety, never a reason for an error.
    }
  }
  return found;
}
