// Keep: save an answer as a saved question, schedule saved questions, see schedules and their last runs, through
// the reports API (POST/GET/DELETE /api/v1/saved-questions, POST/GET/PATCH/DELETE /api/v1/schedules,
// POST /api/v1/schedules/{id}/run, GET /api/v1/schedules/{id}/runs) with the shapes it takes and returns.

import { api } from './api.js';
import { $, el, clear, errorText } from './dom.js';

// Quartz crons: seconds first, and '?' in one of day-of-month and day-of-week
const CRONS = [
  ['0 0 7 ? * MON', 'Every Monday at 07:00'],
  ['0 0 7 * * ?', 'Every day at 07:00'],
  ['0 0 7 ? * MON-FRI', 'Every weekday at 07:00'],
  ['0 0 7 1 * ?', 'On the 1st of every month at 07:00'],
];

// what the one address field means for each destination type
const DESTINATIONS = {
  email: ['E-mail addresses (comma separated)', 'you@example.com', (v) => ({ to: v.split(/[,;\s]+/).filter(Boolean) })],
  webhook: ['Webhook URL', 'https://hooks.example.com/…', (v) => ({ url: v })],
  kafka: ['Kafka topic', 'reports.weekly', (v) => ({ topic: v })],
  sftp: ['SFTP folder', 'inbox', (v) => ({ directory: v })],
  powerbi: ['Power BI push binding', 'binding name', (v) => ({ binding: v })],
};

/** A saved question's name is an identifier (it becomes an OData entity set): made from the question. */
export function identifier(text) {
  const words = (text || '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const name = /^[A-Za-z]/.test(words) ? words : `q_${words}`;
  return name.slice(0, 100);
}

export function saveForm(answer) {
  const result = el('span', { role: 'status', id: 'save-result', class: 'muted' });
  const name = el('input', { id: 'save-name', maxlength: '100', required: true, pattern: '[A-Za-z][A-Za-z0-9_]*',
    title: 'letters, digits and _ starting with a letter', value: identifier(answer.question || 'answer') });
  const form = el('form', { class: 'save inline', id: 'save-form' },
    el('label', { for: 'save-name' }, 'Save as'), name,
    el('button', { type: 'submit', id: 'save-button' }, 'Save question'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = { name: name.value.trim() };
    if (answer.queryId) request.queryId = answer.queryId;
    else if (answer.question) request.question = answer.question;
    else request.sql = answer.sql;
    let reply = await api.save(request);
    if (reply.status === 404 && answer.queryId) { // the audit entry of a just-given answer is written a moment after
      await new Promise((r) => setTimeout(r, 500));
      reply = await api.save(request);
    }
    result.textContent = reply.ok ? ` Saved as ${reply.body.name} (id ${reply.body.id}).`
      : ` Not saved: ${errorText(reply.body)}`;
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
  if (!reply.body.length) target.append(el('p', { class: 'muted' }, 'Nothing saved yet: save an answer from the Ask page.'));
  for (const s of reply.body) {
    target.append(el('article', { class: 'card', 'data-saved-id': s.id },
      el('h3', {}, s.name),
      el('p', { class: 'muted' }, s.question || s.sql || ''),
      s.status === 'broken' ? el('p', { role: 'alert', class: 'compile-error' },
        `No longer compiles with the current model: ${s.compileError || ''}`) : null,
      scheduleForm(s),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.deleteSaved(s.id);
        if (r.ok) renderSaved();
        else target.prepend(el('p', { role: 'alert' }, errorText(r.body)));
      } }, `Delete ${s.name}`)));
  }
}

function scheduleForm(saved) {
  const id = `s${saved.id}`;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const cron = el('select', { id: `${id}-cron` }, CRONS.map(([v, label]) => el('option', { value: v }, label)),
    el('option', { value: 'custom' }, 'Custom Quartz cron…'));
  const custom = el('input', { id: `${id}-cron-custom`, placeholder: 'sec min hour day month weekday', hidden: true,
    'aria-label': 'Custom Quartz cron' });
  cron.addEventListener('change', () => { custom.hidden = cron.value !== 'custom'; });
  const zone = el('select', { id: `${id}-zone` }, zones.map((z) => el('option', { value: z, selected: z === here }, z)));
  const format = el('select', { id: `${id}-format` }, ['xlsx', 'csv', 'html'].map((f) => el('option', { value: f }, f)));
  const type = el('select', { id: `${id}-destination-type` },
    Object.keys(DESTINATIONS).map((t) => el('option', { value: t }, t)));
  const addressLabel = el('label', { for: `${id}-destination` }, DESTINATIONS.email[0]);
  const address = el('input', { id: `${id}-destination`, required: true, placeholder: DESTINATIONS.email[1] });
  type.addEventListener('change', () => {
    addressLabel.textContent = DESTINATIONS[type.value][0];
    address.placeholder = DESTINATIONS[type.value][1];
  });
  const changed = el('input', { id: `${id}-changed`, type: 'checkbox' });
  const result = el('p', { role: 'status', id: `${id}-schedule-result` });
  const form = el('form', { class: 'inline schedule-form', id: `${id}-schedule` },
    el('label', { for: cron.id }, 'Schedule'), cron, custom,
    el('label', { for: zone.id }, 'Time zone'), zone,
    el('label', { for: format.id }, 'Format'), format,
    el('label', { for: type.id }, 'Send by'), type,
    addressLabel, address,
    el('label', {}, changed, ' only when changed'),
    el('button', { type: 'submit' }, 'Schedule'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const destination = { type: type.value, ...DESTINATIONS[type.value][2](address.value.trim()) };
    const reply = await api.schedule({ savedQuestion: saved.id, cron: cron.value === 'custom' ? custom.value.trim()
      : cron.value, timeZone: zone.value, format: format.value, destination, onlyWhenChanged: changed.checked });
    result.textContent = reply.ok ? `Scheduled (id ${reply.body.id}).` : `Not scheduled: ${errorText(reply.body)}`;
  });
  return el('details', {}, el('summary', {}, 'Schedule this question'), form);
}

function where(destination) {
  const d = destination || {};
  const to = { email: () => (d.to || []).join(', '), webhook: () => d.url, kafka: () => d.topic,
    sftp: () => d.directory, powerbi: () => [d.binding, d.dataset].filter(Boolean).join(' → ') }[d.type];
  return `${d.type} ${to ? to() : ''}`.trim();
}

function runLine(run) {
  const size = run.rows == null ? '' : ` · ${run.rows} rows${run.bytes == null ? '' : `, ${run.bytes} bytes`}`;
  return el('li', { 'data-run-id': run.runId, 'data-status': run.status },
    `${run.startedAt ? new Date(run.startedAt).toLocaleString() : ''} · ${run.status} (${run.firedBy})${size}`,
    run.error ? el('span', { class: 'muted' }, ` · ${run.error}`) : null);
}

export async function renderSchedules() {
  const target = clear($('schedule-list'));
  const [reply, saved] = await Promise.all([api.listSchedules(), api.listSaved()]);
  if (!reply.ok) {
    target.append(el('p', { role: 'alert' }, `Schedules are not available: ${errorText(reply.body)}`));
    return;
  }
  const names = new Map((saved.ok ? saved.body : []).map((s) => [s.id, s.name]));
  if (!reply.body.length) target.append(el('p', { class: 'muted' }, 'No schedules yet: schedule a saved question.'));
  for (const s of [...reply.body].sort((a, b) => b.id - a.id)) { // newest first
    const runs = el('ul', { class: 'plain runs' });
    const when = s.trigger === 'on-data-change' ? 'after its data changes' : `${s.cron} (${s.timeZone})`;
    const card = el('article', { class: 'card', 'data-schedule-id': s.id },
      el('h3', {}, names.get(s.savedQuestion) || `Saved question ${s.savedQuestion}`),
      el('p', { class: 'schedule-summary' }, `${when} · ${s.format} → ${where(s.destination)}`,
        s.onlyWhenChanged ? ' · only when changed' : '', s.paused ? ' · paused' : ''),
      el('button', { type: 'button', class: 'run-now', onclick: async () => {
        const r = await api.runSchedule(s.id);
        if (r.ok) runs.prepend(runLine({ runId: r.body.runId, status: r.body.status, firedBy: 'manual',
          startedAt: new Date().toISOString() }));
        else runs.prepend(el('li', { role: 'alert' }, errorText(r.body)));
      } }, 'Run now'),
      el('button', { type: 'button', class: 'pause', onclick: async () => {
        const r = await api.updateSchedule(s.id, { paused: !s.paused });
        if (r.ok) renderSchedules();
      } }, s.paused ? 'Resume' : 'Pause'),
      el('button', { type: 'button', onclick: async () => {
        const r = await api.deleteSchedule(s.id);
        if (r.ok) renderSchedules();
      } }, 'Delete'),
      el('h4', {}, 'Last runs'), runs);
    target.append(card);
    const r = await api.scheduleRuns(s.id);
    const last = r.ok ? r.body.slice(0, 5) : [];
    if (!last.length) runs.append(el('li', { class: 'muted' }, 'Not run yet.'));
    for (const run of last) runs.append(runLine(run));
  }
}
