// Same-origin calls to the hub's public HTTP API. The credential (API key or access token) lives in this module's
// memory only: never in localStorage, sessionStorage or a cookie.

let credential = null; // { kind: 'key', key } | { kind: 'token', accessToken, refresh: async () => string|null }

export function setCredential(value) {
  credential = value;
}

export function signedIn() {
  return credential !== null;
}

function authHeaders() {
  if (!credential) return {};
  return credential.kind === 'key' ? { 'X-API-Key': credential.key }
    : { Authorization: `Bearer ${credential.accessToken}` };
}

/** Calls the API; resolves to { ok, status, body } where body is the parsed JSON (or text), never throws on 4xx. */
export async function call(method, path, body) {
  let reply = await send(method, path, body);
  if (reply.status === 401 && credential && credential.kind === 'token' && credential.refresh) {
    const fresh = await credential.refresh();
    if (fresh) {
      credential.accessToken = fresh;
      reply = await send(method, path, body);
    }
  }
  return reply;
}

/** Posts JSON and resolves to { ok, status, blob } for a file the API renders (the body is an error JSON on 4xx). */
export async function file(path, body) {
  const request = () => fetch(path, { method: 'POST', credentials: 'omit', cache: 'no-store',
    headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) });
  try {
    let response = await request();
    if (response.status === 401 && credential && credential.kind === 'token' && credential.refresh) {
      const fresh = await credential.refresh();
      if (fresh) {
        credential.accessToken = fresh;
        response = await request();
      }
    }
    if (response.ok) return { ok: true, status: response.status, blob: await response.blob() };
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = { error: { code: `HTTP_${response.status}`, message: text.slice(0, 200) } };
    }
    return { ok: false, status: response.status, body: parsed };
  } catch (e) {
    return { ok: false, status: 0, body: { error: { code: 'NETWORK', message: 'the hub did not answer' } } };
  }
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    return { ok: false, status: 0, body: { error: { code: 'NETWORK', message: 'the hub did not answer' } } };
  }
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = { error: { code: `HTTP_${response.status}`, message: text.slice(0, 200) } };
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

export const api = {
  me: () => call('GET', '/api/v1/me'),
  ask: (question) => call('POST', '/api/v1/query', { question }),
  sql: (sql) => call('POST', '/api/v1/sql', { sql }),
  suggest: (typed) => call('GET', `/api/v1/suggestions?q=${encodeURIComponent(typed)}`),
  feedback: (queryId, correct, sql, comment) => call('POST', '/api/v1/feedback', { queryId, correct, sql, comment }),
  listKeys: () => call('GET', '/api/v1/admin/api-keys'),
  createKey: (label, roles, expiresInDays) => call('POST', '/api/v1/admin/api-keys', { label, roles, expiresInDays }),
  revokeKey: (keyId) => call('DELETE', `/api/v1/admin/api-keys/${encodeURIComponent(keyId)}`),
  auditVerify: () => call('GET', '/api/v1/audit/verify'),
  auditReport: (from, to) => call('GET',
    `/api/v1/audit/report?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  xlsx: (name, columns, rows) => file('/api/v1/render/xlsx', { name, columns, rows }),
  // saved questions and schedules (issue 14's reports API)
  listSaved: () => call('GET', '/api/v1/saved-questions'),
  save: (request) => call('POST', '/api/v1/saved-questions', request),
  deleteSaved: (id) => call('DELETE', `/api/v1/saved-questions/${encodeURIComponent(id)}`),
  listSchedules: () => call('GET', '/api/v1/schedules'),
  schedule: (request) => call('POST', '/api/v1/schedules', request),
  updateSchedule: (id, patch) => call('PATCH', `/api/v1/schedules/${encodeURIComponent(id)}`, patch),
  deleteSchedule: (id) => call('DELETE', `/api/v1/schedules/${encodeURIComponent(id)}`),
  runSchedule: (id) => call('POST', `/api/v1/schedules/${encodeURIComponent(id)}/run`),
  scheduleRuns: (id) => call('GET', `/api/v1/schedules/${encodeURIComponent(id)}/runs`),
};
