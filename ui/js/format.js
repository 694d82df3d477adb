// Pure formatting and grouping, shared by the views and tested with `node --test`.

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(date) {
  const d = new Date(date);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** People arrive sorted by circle then name; group consecutive ones under their circle. */
export function groupByCircle(people) {
  const groups = [];
  for (const person of people) {
    const circle = person.circle ?? null;
    const last = groups.at(-1);
    if (last && last.circle === circle) last.people.push(person);
    else groups.push({ circle, people: [person] });
  }
  return groups;
}

/** The end of the local day `now` is in: what Today lists as due is due before it. */
export function endOfDay(now = new Date()) {
  return new Date(startOfDay(now).getTime() + DAY);
}

/** 'overdue' (due before today), 'now' (due earlier today), 'today' (later today), or 'later'. */
export function dueBucket(dueAt, now = new Date()) {
  const due = new Date(dueAt);
  if (due < startOfDay(now)) return 'overdue';
  if (due <= now) return 'now';
  if (due < new Date(startOfDay(now).getTime() + DAY)) return 'today';
  return 'later';
}

function clock(date) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "today 14:30", "tomorrow 09:00", "yesterday 17:00", "Mon 3 Mar 09:00", "3 Mar 2027 09:00". */
export function formatWhen(at, now = new Date()) {
  const date = new Date(at);
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY);
  if (days === 0) return `today ${clock(date)}`;
  if (days === 1) return `tomorrow ${clock(date)}`;
  if (days === -1) return `yesterday ${clock(date)}`;
  const sameYear = date.getFullYear() === now.getFullYear();
  const day = date.toLocaleDateString([], {
    weekday: Math.abs(days) < 7 ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  });
  return `${day} ${clock(date)}`;
}

/** "2 days ago", "in 3 hours", "just now". */
export function relative(at, now = new Date()) {
  const seconds = Math.round((new Date(at) - now) / 1000);
  const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      const n = Math.round(Math.abs(seconds) / size);
      const label = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return seconds < 0 ? `${label} ago` : `in ${label}`;
    }
  }
  return 'just now';
}

/** The value a datetime-local input wants, in local time: "2026-03-01T09:30". */
export function toLocalInput(at) {
  const d = new Date(at);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as an RFC 3339 UTC string, or null if empty or invalid. */
export function fromLocalInput(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Suggested due times for a new follow-up: tomorrow 09:00, in 3 days, next Monday. */
export function dueSuggestions(now = new Date()) {
  const at = (days, hour = 9) => {
    const d = startOfDay(now);
    d.setDate(d.getDate() + days);
    d.setHours(hour);
    return d;
  };
  const untilMonday = ((8 - now.getDay()) % 7) || 7;
  return [
    { label: 'Tomorrow', at: at(1) },
    { label: 'In 3 days', at: at(3) },
    { label: 'Next week', at: at(untilMonday) },
  ];
}

/** Up to two letters for an avatar: the first letter or digit of the first and last words. */
export function initials(name) {
  const words = String(name)
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words;
  return letters.join('').toUpperCase() || '?';
}

const KIND_LABELS = {
  thank_you: 'Thank-you',
  follow_up: 'Follow up',
  inform_referrer: 'Tell the referrer',
  keep_in_touch: 'Keep in touch',
  custom: 'Follow-up',
  meeting: 'Meeting',
  call: 'Call',
  email: 'Email',
  message: 'Message',
  event: 'Event',
  informational_interview: 'Informational interview',
  job_interview: 'Job interview',
  shared_resource: 'Shared a resource',
  note: 'Note',
};

export function kindLabel(kind) {
  return KIND_LABELS[kind] ?? kind;
}

/** Tags typed as "a, b, c" → ["a", "b", "c"]. */
export function parseTags(text) {
  return String(text ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** 'short', 'within' or 'long' against an informational interview's 20-30 minutes. */
export function agendaVerdict(minutes) {
  if (minutes < 20) return 'short';
  if (minutes > 30) return 'long';
  return 'within';
}

/** Seconds as "4:05", or "-0:12" once over time. */
export function formatTimer(seconds) {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Lower case without accents, for matching what was typed ("jose" finds "José"). */
export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The palette's items that match `query`, best first: every typed word must start a word of
 * the label; items whose label starts with the query come first. An empty query keeps the
 * items' own order.
 */
export function filterPalette(items, query, limit = 12) {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return items.slice(0, limit);
  const scored = [];
  items.forEach((item, index) => {
    const label = fold(item.label);
    const labelWords = label.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.every((w) => labelWords.some((lw) => lw.startsWith(w)))) return;
    scored.push({ item, rank: label.startsWith(words[0]) ? 0 : 1, index });
  });
  scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}

/** How close, in words, for strengths 0-5 (as the core says them in warm paths). */
export const STRENGTH_WORDS = ['Barely know them', 'Acquaintance', 'Know them a little', 'Know them well', 'Close', 'Very close'];
