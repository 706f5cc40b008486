// The chart the answer suggests ({type, x, y}), drawn with Apache ECharts from its WebJar.

import * as echarts from '../lib/echarts/echarts.esm.min.js';
import { el, formatValue } from './dom.js';

/** Which kinds of view this answer supports: bar and line need an x column and a numeric y column. */
export function views(answer) {
  const chart = answer.chart || { type: 'table' };
  const ok = chartColumns(answer) !== null;
  const list = ok ? ['bar', 'line', 'table'] : ['table'];
  const preferred = chart.type === 'bar' || chart.type === 'line' ? chart.type : 'table';
  return { list, preferred: ok ? preferred : 'table', number: chart.type === 'number' };
}

function chartColumns(answer) {
  const names = (answer.columns || []).map((c) => c.name);
  const chart = answer.chart || {};
  let x = names.indexOf(chart.x);
  let y = names.indexOf(chart.y);
  const numeric = (i) => (answer.rows || []).some((r) => typeof r[i] === 'number');
  if (y < 0) y = names.findIndex((n, i) => i !== x && numeric(i));
  if (x < 0) x = names.findIndex((n, i) => i !== y);
  if (x < 0 || y < 0 || !numeric(y) || !(answer.rows || []).length) return null;
  return { x, y, xName: names[x], yName: names[y] };
}

/** A single value answer shown as one big number. */
export function renderNumber(answer) {
  const value = answer.rows && answer.rows[0] ? answer.rows[0][0] : null;
  const label = answer.columns && answer.columns[0] ? answer.columns[0].name : '';
  return el('p', { class: 'big-number', id: 'big-number' }, formatValue(value), el('span', { class: 'muted' }, ` ${label}`));
}

export function renderChart(answer, type) {
  const cols = chartColumns(answer);
  const box = el('div', { class: 'chart', id: 'chart', role: 'img', 'data-type': type,
    'aria-label': `${type} chart of ${cols.yName} by ${cols.xName}` });
  const rows = answer.rows.slice(0, 200);
  requestAnimationFrame(() => {
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 80, right: 20, top: 20, bottom: 90 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => String(r[cols.x])), name: cols.xName, nameLocation: 'middle', nameGap: 70,
        axisLabel: { rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', name: cols.yName, nameLocation: 'middle', nameGap: 55 },
      series: [{ type, name: cols.yName, data: rows.map((r) => r[cols.y]) }],
    });
    box.dataset.points = String(rows.length);
    box.dataset.drawn = 'true';
    new ResizeObserver(() => chart.resize()).observe(box);
  });
  return box;
}
