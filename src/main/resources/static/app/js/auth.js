// Sign-in: an API key typed by the user, or OIDC authorization code + PKCE (S256) with the realm's public client.
// Tokens stay in memory; only the PKCE verifier and state wait in sessionStorage during the round trip to the
// provider, and are removed as soon as the code is exchanged.

import { setCredential } from './api.js';

const PENDING = 'nl2q.oidc.pending';
let session = null; // the provider's end-session address and the ID token, for a Keycloak sign-in; memory only

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/app/`;
}

async function endpoints(issuer) {
  try {
    const r = await fetch(`${issuer}/.well-known/openid-configuration`, { credentials: 'omit' });
    if (r.ok) {
      const d = await r.json();
      return { authorize: d.authorization_endpoint, token: d.token_endpoint, logout: d.end_session_endpoint };
    }
  } catch (e) {
    // a provider without CORS on discovery: Keycloak's own paths below
  }
  const p = `${issuer}/protocol/openid-connect`;
  return { authorize: `${p}/auth`, token: `${p}/token`, logout: `${p}/logout` };
}

export function useApiKey(key) {
  session = null;
  setCredential({ kind: 'key', key });
}

/** Sends the browser to the provider's login page. */
export async function startOidc(oidc) {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const ep = await endpoints(oidc.issuer);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, issuer: oidc.issuer, clientId: oidc.clientId }));
  const query = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(),
    scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${ep.authorize}?${query}`);
}

/** On the return from the provider: exchanges the code for tokens. Resolves true when signed in this way. */
export async function completeOidc() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (!params.has('code') && !params.has('error')) return { done: false };
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + location.hash);
  if (params.has('error')) return { done: false, error: params.get('error_description') || params.get('error') };
  if (!pending || pending.state !== params.get('state')) return { done: false, error: 'the sign-in state did not match' };
  const ep = await endpoints(pending.issuer);
  const tokens = await tokenRequest(ep.token, { grant_type: 'authorization_code', code: params.get('code'),
    redirect_uri: redirectUri(), client_id: pending.clientId, code_verifier: pending.verifier });
  if (!tokens) return { done: false, error: 'the provider did not issue a token' };
  let refreshToken = tokens.refresh_token;
  session = { logout: ep.logout, idToken: tokens.id_token, clientId: pending.clientId };
  setCredential({ kind: 'token', accessToken: tokens.access_token,
    refresh: async () => {
      if (!refreshToken) return null;
      const fresh = await tokenRequest(ep.token, { grant_type: 'refresh_token', refresh_token: refreshToken,
        client_id: pending.clientId });
      refreshToken = fresh ? fresh.refresh_token : null;
      return fresh ? fresh.access_token : null;
    } });
  return { done: true };
}

async function tokenRequest(url, form) {
  try {
    const r = await fetch(url, { method: 'POST', credentials: 'omit',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    return r.ok ? await r.json() : null;
  } catch (e) {
    return null;
  }
}

/**
 * Forgets the credential. After a provider sign-in, resolves to the provider's end-session address (OIDC RP-initiated
 * logout: the ID token as the hint, back to /app/), so the page can end the Keycloak session too; otherwise null.
 */
export function signOut() {
  setCredential(null);
  const ended = session;
  session = null;
  if (!ended || !ended.logout) return null;
  const query = new URLSearchParams({ post_logout_redirect_uri: redirectUri(), client_id: ended.clientId });
  if (ended.idToken) query.set('id_token_hint', ended.idToken);
  return `${ended.logout}?${query}`;
}
