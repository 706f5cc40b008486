// The web app's entry: sign-in, the page shown for the URL hash, and the pages a caller's roles allow.

import { api, signedIn } from './api.js';
import { useApiKey, startOidc, completeOidc, signOut } from './auth.js';
import { $, el, clear, status, errorText } from './dom.js';
import * as asking from './ask.js';
import * as history from './history.js';
import { renderSaved, renderSchedules } from './keep.js';
import { renderKeys, wireAdmin } from './admin.js';

const PAGES = ['ask', 'history', 'saved', 'schedules', 'admin', 'audit'];
let me = null;
let options = { apiKeys: true };

function allowed(page) {
  const link = document.querySelector(`#nav a[data-page="${page}"]`);
  return link && !link.hidden;
}

function show(page) {
  if (!signedIn() || !me) page = 'signin';
  else if (!PAGES.includes(page) || !allowed(page)) page = 'ask';
  for (const section of document.querySelectorAll('.page')) section.hidden = section.id !== `page-${page}`;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (page === 'history') history.renderHistory((q) => { location.hash = 'ask'; asking.ask(q); });
  if (page === 'saved') renderSaved();
  if (page === 'schedules') renderSchedules();
  if (page === 'admin') renderKeys();
  if (page === 'ask') $('question').focus();
  if (page === 'signin') $('api-key').focus();
}

async function enter() {
  const reply = await api.me();
  if (!reply.ok) {
    signOut();
    status(`Sign-in failed: ${errorText(reply.body)}`);
    show('signin');
    return;
  }
  me = reply.body;
  $('who-tenant').textContent = me.tenant;
  $('who-subject').textContent = me.subject;
  clear($('who-roles')).append(...me.roles.map((r) => el('span', { class: 'badge role' }, r)));
  for (const link of document.querySelectorAll('#nav a[data-role]')) link.hidden = !me.roles.includes(link.dataset.role);
  $('who').hidden = false;
  $('nav').hidden = false;
  asking.useIdentity(me);
  history.useIdentity(me);
  status(`Signed in to ${me.tenant}.`);
  show(location.hash.slice(1) || 'ask');
}

function leave() {
  const endSession = signOut();
  me = null;
  $('who').hidden = true;
  $('nav').hidden = true;
  clear($('answer'));
  $('api-key').value = '';
  status('Signed out.');
  show('signin');
  if (endSession) location.assign(endSession); // the provider ends its session and sends the browser back here
}

async function boot() {
  try {
    const r = await fetch('/app/config.json', { credentials: 'omit' });
    if (r.ok) options = await r.json();
  } catch (e) {
    // API keys only
  }
  if (options.oidc) {
    $('signin-oidc').hidden = false;
    $('oidc-login').addEventListener('click', () => startOidc(options.oidc));
  }
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    useApiKey($('api-key').value.trim());
    enter();
  });
  $('sign-out').addEventListener('click', leave);
  $('ask-form').addEventListener('submit', (event) => {
    event.preventDefault();
    asking.ask($('question').value);
  });
  let typing = null;
  $('question').addEventListener('input', () => { // completions from the model, once typing pauses
    clearTimeout(typing);
    const typed = $('question').value;
    typing = setTimeout(async () => {
      if (!signedIn() || typed.trim().length < 2) return;
      const reply = await api.suggest(typed);
      if (reply.ok && $('question').value === typed) history.offer(reply.body);
    }, 150);
  });
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  wireAdmin();
  const returned = options.oidc ? await completeOidc() : { done: false };
  if (returned.done) {
    await enter();
  } else {
    if (returned.error) status(`Sign-in failed: ${returned.error}`);
    show('signin');
  }
  document.body.dataset.ready = 'true';
}

boot();
