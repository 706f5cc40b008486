// Small DOM helpers: elements are built with text nodes only (never innerHTML), so answer data cannot inject markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function status(message) {
  $('status').textContent = message || '';
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** Numbers with grouping (two decimals at most), everything else as text; null as an empty cell. */
export function formatValue(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
  return String(value);
}

/** An error answer of the API as text: its message, code and correlation id. */
export function errorText(error) {
  const e = error && error.error ? error.error : error;
  if (!e) return 'Something went wrong.';
  return `${e.message || e.code}${e.code ? ` (${e.code})` : ''}${e.correlationId ? ` · ref ${e.correlationId}` : ''}`;
}
