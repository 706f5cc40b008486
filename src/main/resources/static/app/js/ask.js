// Asking and the answer: table, chart, explanation, engine, SQL, CSV, feedback and "save"; or a refusal with its
// "did you mean" questions.

import { api } from './api.js';
import { $, el, clear, status, errorText } from './dom.js';
import { renderTable, toCsv } from './table.js';
import { views, renderChart, renderNumber } from './chart.js';
import { remember, propose } from './history.js';
import { saveForm, identifier } from './keep.js';

let identity = { roles: [] };

export function useIdentity(me) {
  identity = me;
}

const can = (role) => identity.roles.includes(role);

export async function ask(question) {
  const text = (question || '').trim();
  if (!text) {
    status('Type a question first.');
    $('question').focus();
    return;
  }
  $('question').value = text;
  status('Asking…');
  $('ask-button').disabled = true;
  const reply = await api.ask(text);
  $('ask-button').disabled = false;
  const replied = performance.now();
  const target = clear($('answer'));
  if (reply.ok) {
    remember(text, reply.body.engine);
    target.append(renderAnswer(reply.body));
    status(`Answered: ${reply.body.rowCount} row${reply.body.rowCount === 1 ? '' : 's'}.`);
  } else {
    remember(text, 'refused');
    target.append(renderRefusal(reply.body));
    status('The hub could not answer this question.');
  }
  // how long the answer took to be on screen after the API's reply (the budget is 100 ms): until the frame
  // that paints it (AnswerRenderBench reads this)
  delete target.dataset.renderMs;
  requestAnimationFrame(() => setTimeout(() => {
    target.dataset.renderMs = String(Math.round(performance.now() - replied));
  }, 0));
  const heading = target.querySelector('h3');
  if (heading) heading.focus();
}

function renderRefusal(body) {
  const e = (body && body.error) || {};
  const suggestions = e.suggestions || [];
  propose(suggestions);
  return el('article', { class: 'card refusal', id: 'refusal' },
    el('h3', { tabindex: '-1' }, 'No answer'),
    el('p', { id: 'refusal-reason' }, errorText(body)),
    suggestions.length ? el('div', {},
      el('p', {}, 'Did you mean:'),
      el('ul', { class: 'suggestions' }, suggestions.map((s) => el('li', {},
        el('button', { type: 'button', class: 'suggestion', onclick: () => ask(s) }, s))))) : null);
}

const ENGINES = { semantic: 'Semantic model', verified: 'Verified query', llm: 'LLM (guarded)', sql: 'Your SQL' };

function renderAnswer(answer) {
  const answeredAt = new Date();
  const meta = el('dl', { class: 'meta' },
    el('dt', {}, 'Engine'),
    el('dd', { id: 'engine', 'data-engine': answer.engine }, ENGINES[answer.engine] || answer.engine,
      answer.engine === 'verified' ? el('span', { class: 'badge' }, '✔ verified by an analyst') : null,
      answer.cached ? el('span', { class: 'muted' }, ' (cached)') : null),
    el('dt', {}, answer.asOf ? 'Data as of' : 'Answered at'),
    el('dd', { id: 'as-of' }, answer.asOf || answeredAt.toLocaleString()),
    el('dt', {}, 'Time'),
    el('dd', {}, `${answer.elapsedMs} ms`));
  const body = el('div', { class: 'result' });
  const choice = views(answer);
  const switcher = el('div', { class: 'views', role: 'radiogroup', 'aria-label': 'Show as' });
  const show = (type) => {
    for (const b of switcher.querySelectorAll('button')) b.setAttribute('aria-checked', String(b.value === type));
    body.replaceChildren(type === 'table' ? renderTable(answer)
      : el('div', {}, renderChart(answer, type), renderTable(answer)));
  };
  for (const type of choice.list) {
    switcher.append(el('button', { type: 'button', role: 'radio', value: type, class: 'view',
      id: `view-${type}`, onclick: () => show(type) }, { bar: 'Bar chart', line: 'Line chart', table: 'Table' }[type]));
  }
  show(choice.preferred);
  return el('article', { class: 'card answer', id: 'answer-card', 'data-query-id': answer.queryId },
    el('h3', { tabindex: '-1' }, answer.question || 'Answer'),
    choice.number ? renderNumber(answer) : null,
    el('p', { id: 'explanation' }, answer.explanation || ''),
    answer.interpretation ? el('p', { id: 'interpretation' }, el('strong', {}, 'How I read your question: '),
      answer.interpretation) : null,
    meta,
    choice.list.length > 1 ? switcher : null,
    body,
    el('div', { class: 'actions' }, downloadButtons(answer), saveForm(answer)),
    sqlBlock(answer),
    can('analyst') && answer.queryId ? feedbackBlock(answer) : null);
}

function saveBlob(blob, fileName) {
  const link = el('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function downloadButtons(answer) {
  const name = slug(answer.question || 'answer');
  const result = el('span', { role: 'status', id: 'download-result', class: 'muted' });
  const csv = el('button', { type: 'button', id: 'download-csv', onclick: () => {
    saveBlob(new Blob([toCsv(answer)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  } }, 'Download CSV');
  // the workbook comes from the hub's XLSX renderer (typed cells, header row, frozen pane), as schedules send it
  const xlsx = el('button', { type: 'button', id: 'download-xlsx', onclick: async () => {
    result.textContent = '';
    const reply = await api.xlsx(identifier(answer.question || 'answer'), answer.columns, answer.rows);
    if (reply.ok) saveBlob(reply.blob, `${name}.xlsx`);
    else result.textContent = ` XLSX not made: ${errorText(reply.body)}`;
  } }, 'Download XLSX');
  return el('span', {}, csv, xlsx, result);
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'answer';
}

function sqlBlock(answer) {
  const code = el('pre', { id: 'sql' }, el('code', {}, answer.sql || ''));
  const copied = el('span', { role: 'status', class: 'muted' });
  return el('details', { class: 'sql' },
    el('summary', {}, 'SQL'),
    code,
    el('button', { type: 'button', id: 'copy-sql', onclick: async () => {
      try {
        await navigator.clipboard.writeText(answer.sql);
        copied.textContent = ' Copied.';
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        copied.textContent = ' Selected: press Ctrl+C to copy.';
      }
    } }, 'Copy SQL'), copied);
}

function feedbackBlock(answer) {
  const result = el('p', { id: 'feedback-result', role: 'status' });
  const correction = el('form', { id: 'correction', class: 'correction', hidden: true },
    el('label', { for: 'corrected-sql' }, 'Corrected SQL'),
    el('textarea', { id: 'corrected-sql', rows: '6', spellcheck: 'false' }, answer.sql || ''),
    el('button', { type: 'submit', id: 'send-correction' }, 'Send correction'));
  const up = el('button', { type: 'button', id: 'thumbs-up', 'aria-pressed': 'false', 'aria-label': 'Right answer',
    onclick: () => send(true) }, '👍');
  const down = el('button', { type: 'button', id: 'thumbs-down', 'aria-pressed': 'false', 'aria-label': 'Wrong answer',
    onclick: () => {
      down.setAttribute('aria-pressed', 'true');
      up.setAttribute('aria-pressed', 'false');
      correction.hidden = false;
      correction.querySelector('textarea').focus();
    } }, '👎');
  correction.addEventListener('submit', (event) => {
    event.preventDefault();
    send(false, correction.querySelector('textarea').value.trim());
  });
  async function send(correct, sql) {
    if (correct) {
      up.setAttribute('aria-pressed', 'true');
      down.setAttribute('aria-pressed', 'false');
      correction.hidden = true;
    }
    let reply = await api.feedback(answer.queryId, correct, correct ? undefined : (sql || undefined));
    if (reply.status === 404) { // the audit entry of a just-given answer is written a moment after it
      await new Promise((r) => setTimeout(r, 500));
      reply = await api.feedback(answer.queryId, correct, correct ? undefined : (sql || undefined));
    }
    if (!reply.ok) {
      result.textContent = `Feedback not recorded: ${errorText(reply.body)}`;
    } else if (reply.body.verified) {
      result.textContent = correct ? 'Thanks: this answer is now a verified query.'
        : 'Thanks: your corrected SQL now answers this question as a verified query.';
    } else {
      result.textContent = reply.body.withdrawn ? 'Thanks: the verified query behind this answer was withdrawn.'
        : 'Thanks: your feedback was recorded.';
    }
  }
  return el('section', { class: 'feedback', 'aria-label': 'Feedback' },
    el('span', {}, 'Is this right? '), up, down, correction, result);
}
