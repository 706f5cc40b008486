// Admin pages: the tenant's API keys (create with roles and expiry, shown once; revoke), the audit chain's
// verification and the compliance report for a date range.

import { api } from './api.js';
import { $, el, clear, errorText, formatValue } from './dom.js';

export async function renderKeys() {
  const target = clear($('key-list'));
  const reply = await api.listKeys();
  if (!reply.ok) {
    target.append(el('p', { role: 'alert' }, errorText(reply.body)));
    return;
  }
  const rows = reply.body.map((k) => el('tr', { 'data-key-id': k.keyId },
    el('td', {}, k.label), el('td', {}, k.prefix), el('td', {}, k.roles), el('td', {}, k.expiresAt || ''),
    el('td', {}, k.revokedAt ? `revoked ${k.revokedAt}` : 'active'),
    el('td', {}, k.revokedAt ? '' : el('button', { type: 'button', class: 'revoke',
      'aria-label': `Revoke key ${k.label}`, onclick: async () => {
        const r = await api.revokeKey(k.keyId);
        if (r.ok) renderKeys();
        else $('key-issued').textContent = errorText(r.body);
      } }, 'Revoke'))));
  target.append(el('table', { id: 'keys' },
    el('thead', {}, el('tr', {}, ['Label', 'Prefix', 'Roles', 'Expires', 'State', ''].map((h) =>
      el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)));
}

export function wireAdmin() {
  $('key-create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const roles = [...document.querySelectorAll('#key-create input[name=role]:checked')].map((c) => c.value);
    const reply = await api.createKey($('key-label').value.trim(), roles, Number($('key-days').value));
    const out = clear($('key-issued'));
    if (reply.ok) {
      out.append(el('p', {}, 'New key (shown once, copy it now): '), el('code', { id: 'new-key' }, reply.body.key));
      $('key-label').value = '';
      renderKeys();
    } else {
      out.append(el('p', {}, `Not created: ${errorText(reply.body)}`));
    }
  });
  $('audit-verify').addEventListener('click', async () => {
    const out = $('audit-verify-result');
    out.textContent = 'Verifying…';
    const r = await api.auditVerify();
    if (!r.ok) out.textContent = errorText(r.body);
    else if (r.body.intact) out.textContent = `Intact: ${formatValue(r.body.entries)} entries verified in ${r.body.elapsedMs} ms.`;
    else out.textContent = `ALTERED at entry ${r.body.firstAlteredSeq}: ${r.body.reason}`;
  });
  const today = new Date();
  $('report-to').value = today.toISOString().slice(0, 10);
  $('report-from').value = new Date(today.getTime() - 30 * 864e5).toISOString().slice(0, 10);
  $('report-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = clear($('report'));
    const r = await api.auditReport($('report-from').value, $('report-to').value);
    if (!r.ok) {
      out.append(el('p', { role: 'alert' }, errorText(r.body)));
      return;
    }
    const b = r.body;
    const pairs = [['Questions asked', b.questionsAsked], ['SQL requests', b.sqlRequests], ['Users', b.uniqueUsers],
      ['Requests reading PII', b.piiAccesses && b.piiAccesses.requests], ['Refusals', b.refusals && b.refusals.total],
      ['Security events', b.securityEvents && b.securityEvents.total],
      ['Audit chain', b.chain ? (b.chain.intact ? 'intact' : 'altered') : '']];
    out.append(el('dl', { class: 'meta', id: 'report-summary' }, pairs.flatMap(([k, v]) => [el('dt', {}, k),
      el('dd', {}, formatValue(v))])), breakdown('PII reads by column', b.piiAccesses && b.piiAccesses.byColumn),
    breakdown('Refusals by code', b.refusals && b.refusals.byType),
    breakdown('Security events by type', b.securityEvents && b.securityEvents.byType));
  });
}

function breakdown(title, counts) {
  const entries = Object.entries(counts || {});
  if (!entries.length) return null;
  return el('div', {}, el('h4', {}, title), el('ul', { class: 'plain' },
    entries.map(([k, v]) => el('li', {}, `${k}: ${formatValue(v)}`))));
}
