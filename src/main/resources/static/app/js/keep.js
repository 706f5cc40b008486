// Keep: save an answer as a saved question, schedule saved questions, see schedules and their last runs. Built
// against the saved-questions and schedules API of issue 14 (POST/GET/DELETE /api/v1/saved-questions,
// POST/GET/PATCH/DELETE /api/v1/schedules, POST /api/v1/schedules/{id}/run, GET /api/v1/schedules/{id}/runs).

import { api } from './api.js';
import { $, el, clear, errorText } from './dom.js';

const CRONS = [
  ['0 0 7 * * MON', 'Every Monday at 07:00'],
  ['0 0 7 * * *', 'Every day at 07:00'],
  ['0 0 7 1 * *', 'On the 1st of every month at 07:00'],
];

const list = (body) => (Array.isArray(body) ? body : (body && (body.items || body.content)) || []);

export function saveForm(answer) {
  const result = el('span', { role: 'status', class: 'muted' });
  const name = el('input', { id: 'save-name', maxlength: '100', required: true, value: answer.question || '' });
  const form = el('form', { class: 'save inline', id: 'save-form' },
    el('label', { for: 'save-name' }, 'Save as'), name,
    el('button', { type: 'submit', id: 'save-button' }, 'Save question'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = { name: name.value.trim() };
    if (answer.queryId) request.queryId = answer.queryId;
    else if (answer.question) request.question = answer.question;
    else request.sql = answer.sql;
    const reply = await api.save(request);
    result.textContent = reply.ok ? ` Saved (id ${reply.body.id}).` : ` Not saved: ${errorText(reply.body)}`;
  });
  return form;
}

export async function renderSaved() {
  const target = clear($('saved-list'));
  const reply = await api.listSaved();
  if (!reply.ok) {
    target.append(el('p', { role: 'alert' }, `Saved questions are not available: ${errorText(reply.body)}`));
    return;
  }
  const saved = list(reply.body);
  if (!saved.length) target.append(el('p', { class: 'muted' }, 'Nothing saved yet: save an answer from the Ask page.'));
  for (const s of saved) {
    target.append(el('article', { class: 'card', 'data-saved-id': s.id },
      el('h3', {}, s.name),
      el('p', { class: 'muted' }, s.question || s.sql || ''),
      scheduleForm(s),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.deleteSaved(s.id);
        if (r.ok) renderSaved();
      } }, `Delete ${s.name}`)));
  }
}

function scheduleForm(saved) {
  const id = `s${saved.id}`;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const cron = el('select', { id: `${id}-cron` }, CRONS.map(([v, label]) => el('option', { value: v }, label)),
    el('option', { value: 'custom' }, 'Custom cron…'));
  const custom = el('input', { id: `${id}-cron-custom`, placeholder: 'sec min hour day month weekday', hidden: true });
  cron.addEventListener('change', () => { custom.hidden = cron.value !== 'custom'; });
  const zone = el('select', { id: `${id}-zone` }, zones.map((z) => el('option', { value: z, selected: z === here }, z)));
  const format = el('select', { id: `${id}-format` }, ['csv', 'xlsx'].map((f) => el('option', { value: f }, f)));
  const destination = el('input', { id: `${id}-destination`, required: true, placeholder: 'mailto:you@example.com' });
  const changed = el('input', { id: `${id}-changed`, type: 'checkbox' });
  const result = el('p', { role: 'status' });
  const form = el('form', { class: 'inline schedule-form' },
    el('label', { for: cron.id }, 'Schedule'), cron, custom,
    el('label', { for: zone.id }, 'Time zone'), zone,
    el('label', { for: format.id }, 'Format'), format,
    el('label', { for: destination.id }, 'Destination'), destination,
    el('label', {}, changed, ' only when changed'),
    el('button', { type: 'submit' }, 'Schedule'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reply = await api.schedule({ savedQuestion: saved.id, cron: cron.value === 'custom' ? custom.value : cron.value,
      timeZone: zone.value, format: format.value, destination: destination.value, onlyWhenChanged: changed.checked });
    result.textContent = reply.ok ? `Scheduled (id ${reply.body.id}).` : `Not scheduled: ${errorText(reply.body)}`;
  });
  return el('details', {}, el('summary', {}, 'Schedule this question'), form);
}

export async function renderSchedules() {
  const target = clear($('schedule-list'));
  const reply = await api.listSchedules();
  if (!reply.ok) {
    target.append(el('p', { role: 'alert' }, `Schedules are not available: ${errorText(reply.body)}`));
    return;
  }
  const schedules = list(reply.body);
  if (!schedules.length) target.append(el('p', { class: 'muted' }, 'No schedules yet: schedule a saved question.'));
  for (const s of schedules) {
    const runs = el('ul', { class: 'plain' });
    const card = el('article', { class: 'card', 'data-schedule-id': s.id },
      el('h3', {}, s.name || `Schedule ${s.id}`),
      el('p', {}, `${s.cron} (${s.timeZone}) · ${s.format} → ${s.destination}${s.onlyWhenChanged ? ' · only when changed' : ''}`),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.runSchedule(s.id);
        runs.prepend(el('li', {}, r.ok ? `Run started: ${r.body.status || r.body.id || 'ok'}` : errorText(r.body)));
      } }, 'Run now'),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.updateSchedule(s.id, { enabled: s.enabled === false });
        if (r.ok) renderSchedules();
      } }, s.enabled === false ? 'Resume' : 'Pause'),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.deleteSchedule(s.id);
        if (r.ok) renderSchedules();
      } }, 'Delete'),
      el('h4', {}, 'Last runs'), runs);
    target.append(card);
    const r = await api.scheduleRuns(s.id);
    for (const run of list(r.ok ? r.body : []).slice(0, 5)) {
      runs.append(el('li', {}, `${run.startedAt || run.at || ''} ${run.status || ''} ${run.rows ?? ''} ${run.message || ''}`));
    }
  }
}
