// The answer's rows as a table: sortable by any column (a button in each header), paged, numbers formatted.

import { el, formatValue } from './dom.js';

const PAGE = 25;

export function renderTable(answer) {
  const columns = answer.columns || [];
  let rows = (answer.rows || []).map((row, i) => ({ row, i }));
  let sort = { column: -1, ascending: true };
  let page = 0;
  const wrap = el('div', { class: 'table-wrap', id: 'result-table' });
  const caption = el('p', { class: 'muted', id: 'table-info', 'aria-live': 'polite' });

  function compare(a, b) {
    const x = a.row[sort.column];
    const y = b.row[sort.column];
    if (x === y) return a.i - b.i;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.ascending ? order : -order;
  }

  function draw() {
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(page, pages - 1);
    const head = el('tr', {}, columns.map((c, index) => {
      const active = sort.column === index;
      const direction = active ? (sort.ascending ? 'ascending' : 'descending') : 'none';
      return el('th', { scope: 'col', 'aria-sort': direction },
        el('button', { type: 'button', class: 'sort', 'data-column': c.name,
          onclick: () => {
            sort = { column: index, ascending: active ? !sort.ascending : true };
            rows = [...rows].sort(compare);
            page = 0;
            draw();
            wrap.querySelector(`button[data-column="${CSS.escape(c.name)}"]`).focus();
          } }, c.name, el('span', { 'aria-hidden': 'true' }, active ? (sort.ascending ? ' ▲' : ' ▼') : '')));
    }));
    const body = rows.slice(page * PAGE, page * PAGE + PAGE).map(({ row }) => el('tr', {},
      row.map((v) => el('td', { class: typeof v === 'number' ? 'num' : undefined }, formatValue(v)))));
    const table = el('table', {}, el('thead', {}, head), el('tbody', {}, body));
    const pager = pages > 1 ? el('div', { class: 'pager' },
      el('button', { type: 'button', id: 'page-prev', disabled: page === 0,
        onclick: () => { page -= 1; draw(); } }, 'Previous page'),
      el('span', {}, ` Page ${page + 1} of ${pages} `),
      el('button', { type: 'button', id: 'page-next', disabled: page >= pages - 1,
        onclick: () => { page += 1; draw(); } }, 'Next page')) : null;
    caption.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}`
      + `${answer.truncated ? ' (truncated by the row cap)' : ''}`;
    wrap.replaceChildren(table, ...(pager ? [pager] : []));
  }

  draw();
  return el('div', {}, caption, wrap);
}

/** The whole answer as CSV (RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it). */
export function toCsv(answer) {
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [answer.columns.map((c) => cell(c.name)).join(',')];
  for (const row of answer.rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
