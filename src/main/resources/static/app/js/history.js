// Recent questions of this user (per tenant and subject) and the suggestions offered while typing: completions from
// the tenant's model (measures, dimensions, values, verified questions), the user's own recent questions and the
// "did you mean" questions the hub proposed. Questions are not credentials, so they are
// kept in localStorage; nothing else is.

import { $, el, clear } from './dom.js';

const MAX = 50;
let storageKey = null;
let proposed = [];
let typed = []; // completions of what is being typed, from the tenant's model (GET /api/v1/suggestions)

export function useIdentity(me) {
  storageKey = `nl2q.history.${me.tenant}.${me.subject}`;
  proposed = [];
  refreshSuggestions();
}

export function recent() {
  if (!storageKey) return [];
  try {
    return JSON.parse(localStorage.getItem(storageKey) || '[]');
  } catch (e) {
    return [];
  }
}

export function remember(question, outcome) {
  if (!storageKey) return;
  const list = recent().filter((h) => h.question.toLowerCase() !== question.toLowerCase());
  list.unshift({ question, outcome, at: new Date().toISOString() });
  localStorage.setItem(storageKey, JSON.stringify(list.slice(0, MAX)));
  refreshSuggestions();
}

/** Completions of the question being typed, offered first. */
export function offer(suggestions) {
  typed = (suggestions || []).map((s) => s.text);
  refreshSuggestions();
}

export function propose(questions) {
  proposed = [...new Set([...(questions || []), ...proposed])].slice(0, 20);
  refreshSuggestions();
}

function refreshSuggestions() {
  const list = clear($('question-suggestions'));
  const seen = new Set();
  for (const q of [...typed, ...recent().map((h) => h.question), ...proposed]) {
    if (seen.has(q.toLowerCase())) continue;
    seen.add(q.toLowerCase());
    list.append(el('option', { value: q }));
  }
}

export function renderHistory(askAgain) {
  const list = clear($('history-list'));
  const items = recent();
  if (!items.length) list.append(el('li', { class: 'muted' }, 'No questions yet.'));
  for (const h of items) {
    list.append(el('li', {},
      el('button', { type: 'button', class: 'link', onclick: () => askAgain(h.question) }, h.question),
      el('span', { class: 'muted' }, ` · ${h.outcome} · ${new Date(h.at).toLocaleString()}`)));
  }
}
