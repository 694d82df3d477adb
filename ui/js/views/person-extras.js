// The person page's face and addresses: a photo set by choosing a file or dropping one on the
// face (its bytes cross once, as an import's file does), removed with a button; and the postal
// addresses, shown and edited in place. Errors show beside the photo or the address form.

import { h, replaceChildren } from '../dom.js';
import { initials } from '../format.js';
import { field, formError, submitting } from './forms.js';

const KINDS = [['home', 'Home'], ['work', 'Work'], ['other', 'Other']];
/** The core's limit (photos::MAX_PHOTO_BYTES), checked before the file is read into memory. */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** "1 Main St, Springfield IL 62701, USA" */
export function addressLine(address) {
  const place = [address.locality, address.region, address.postalCode].filter(Boolean).join(' ');
  return [address.poBox, address.extended, address.street, place, address.country]
    .filter(Boolean).map((part) => part.replace(/\n/g, ', ')).join(', ');
}

/**
 * The large face with its controls. `actions.setPhoto(bytes)` resolves to the new photo info,
 * `actions.removePhoto()` to nothing; both may throw an AppError (shown beside the photo).
 */
export function photoControl(person, photo, actions) {
  const face = h('span', { class: 'avatar large', 'aria-hidden': 'true' });
  const error = h('p', { class: 'field-error', id: 'photo-error', role: 'alert', hidden: true });
  const input = h('input', { type: 'file', id: 'photo-file', name: 'photo', accept: 'image/jpeg,image/png', class: 'visually-hidden', 'aria-describedby': 'photo-error' });
  const remove = h('button', { type: 'button', class: 'link', id: 'remove-photo' }, 'Remove photo');
  const choose = h('label', { for: 'photo-file', class: 'link photo-choose' });

  const show = (info) => {
    photo = info;
    if (info) {
      face.classList.add('has-photo');
      replaceChildren(face, h('img', { src: info.thumbnail, alt: '', draggable: 'false' }));
    } else {
      face.classList.remove('has-photo');
      replaceChildren(face, initials(person.displayName));
    }
    choose.textContent = info ? 'Change photo' : 'Add a photo';
    remove.hidden = !info;
  };
  // One change at a time, in the order asked: a removal clicked during an upload comes after it.
  let queue = Promise.resolve();
  const run = (action) => {
    queue = queue.then(async () => {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      zone.setAttribute('aria-busy', 'true');
      try {
        await action();
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
      } finally {
        zone.removeAttribute('aria-busy');
      }
    });
    return queue;
  };
  const upload = (file) => run(async () => {
    if (file.size > MAX_PHOTO_BYTES) {
      throw new Error(`The photo is ${(file.size / (1024 * 1024)).toFixed(1)} MB; Rapport keeps photos of up to 5 MB.`);
    }
    show(await actions.setPhoto(new Uint8Array(await file.arrayBuffer())));
  });
  input.addEventListener('change', () => {
    const file = input.files[0];
    input.value = '';
    if (file) upload(file);
  });
  remove.addEventListener('click', () => run(async () => { await actions.removePhoto(); show(null); }));

  const zone = h('div', { class: 'photo-zone', id: 'photo-zone', title: 'Drop a photo here' }, face,
    h('div', { class: 'photo-buttons' }, choose, input, remove), error);
  zone.addEventListener('dragover', (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    zone.classList.add('dropping');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropping'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dropping');
    const file = event.dataTransfer?.files?.[0];
    if (file) upload(file);
  });
  show(photo);
  return zone;
}

function addressFields(address, index) {
  const named = (name) => `${name}-${index}`;
  const input = (name, label, value, attributes = {}) => field(label, h('input', { name: named(name), value: value ?? '', autocomplete: 'off', ...attributes }));
  return h('fieldset', { class: 'address-fields', dataset: { index: String(index) } },
    h('legend', {}, `Address ${index + 1}`),
    h('div', { class: 'row' },
      field('Kind', h('select', { name: named('kind') }, KINDS.map(([value, label]) => h('option', { value, selected: value === (address.kind ?? 'home') }, label)))),
      input('label', 'Name (optional)', address.label, { placeholder: 'e.g. Cottage' })),
    input('street', 'Street', address.street),
    input('extended', 'Apartment, suite, floor', address.extended),
    h('div', { class: 'row' },
      input('locality', 'City', address.locality),
      input('region', 'Region', address.region),
      input('postalCode', 'Postal code', address.postalCode)),
    h('div', { class: 'row' },
      input('country', 'Country', address.country),
      input('poBox', 'PO box', address.poBox)));
}

function readAddresses(form) {
  const data = new FormData(form);
  return [...form.querySelectorAll('.address-fields')].map((set) => {
    const i = set.dataset.index;
    const text = (name) => String(data.get(`${name}-${i}`) ?? '');
    return {
      kind: text('kind'), label: text('label') || null, street: text('street'), extended: text('extended'),
      locality: text('locality'), region: text('region'), postalCode: text('postalCode'), country: text('country'), poBox: text('poBox'),
    };
  });
}

/** The addresses card: the list, and an edit form in its place. `actions.saveAddresses(list)`. */
export function addressesSection(addresses, actions) {
  const body = h('div', {});
  const section = h('section', { class: 'card', id: 'person-addresses' }, h('h2', {}, 'Addresses'), body);

  const showList = () => {
    replaceChildren(body,
      addresses.length
        ? h('ul', { class: 'addresses' }, addresses.map((a) => h('li', { class: 'address' },
          h('span', { class: 'address-kind' }, a.label ?? KINDS.find(([k]) => k === a.kind)?.[1] ?? 'Other'),
          h('span', { class: 'prewrap' }, addressLine(a)))))
        : h('p', { class: 'empty' }, 'No address yet.'),
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'edit-addresses', onclick: showForm }, addresses.length ? 'Edit addresses' : 'Add an address')));
  };

  function showForm() {
    const sets = h('div', {}, (addresses.length ? addresses : [{}]).map(addressFields));
    const error = formError();
    error.dataset.for = 'address';
    error.classList.add('field-error');
    const form = h('form', { class: 'address-form', id: 'address-form', novalidate: true }, sets, error,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'ghost', onclick: () => sets.append(addressFields({}, sets.children.length)) }, 'Another address'),
        h('button', { type: 'submit', class: 'primary' }, 'Save addresses'),
        h('button', { type: 'button', class: 'ghost', onclick: showList }, 'Cancel')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitting(form, async () => {
        addresses = await actions.saveAddresses(readAddresses(form));
        showList();
      });
    });
    replaceChildren(body, form);
    form.querySelector('input')?.focus();
  }

  showList();
  return section;
}
