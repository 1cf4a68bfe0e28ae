import { createHash, randomBytes } from 'node:crypto';
import { roles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { HttpAnswer } from '#infra/runtime/http-response.ts';
import type { DevIssuer, TokenRequest } from '#infra/runtime/jwt/dev-issuer.ts';

/**
 * The development issuer's browser sign-in: OAuth 2.0 authorization code with PKCE (RFC 7636,
 * S256 only) for the console, so the console signs in locally exactly as it does against Cognito
 * or an on-prem OIDC issuer. The "sign-in" is a page choosing a role and a government: anyone who
 * reaches it gets any token, which is why it exists only where the development issuer does (the
 * runtime refuses the development issuer on a network, see `developmentIssuerRefusal`) and why it
 * also answers only requests from this machine.
 */
export const DEV_AUTHORIZE_PATH = '/dev-issuer/authorize';
export const DEV_TOKEN_PATH = '/dev-issuer/token';
/** The console's client id at the development issuer. */
export const CONSOLE_CLIENT_ID = 'hojo-console';
/** Redirect URIs must be the runtime's own console pages. */
const CONSOLE_PATH = '/console/';
const CODE_TTL_MS = 60_000;
const TOKEN_TTL_SECONDS = 3600;

interface Grant {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly token: TokenRequest;
  readonly expires: number;
}

interface AuthorizeRequest {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly state: string;
}

export interface DevSignIn {
  /** Whether the path is one of the sign-in paths (checked before the body is read). */
  handles(path: string): boolean;
  /** Answers the two sign-in paths; undefined for any other path. */
  serve(request: {
    method: string;
    path: string;
    query: URLSearchParams;
    body: Buffer;
    origin: string;
    loopback: boolean;
  }): HttpAnswer | Promise<HttpAnswer> | undefined;
}

export function createDevSignIn(issuer: DevIssuer): DevSignIn {
  const codes = new Map<string, Grant>();
  const forget = (now: number) => {
    for (const [code, grant] of codes) if (grant.expires <= now) codes.delete(code);
  };
  const handles = (path: string) => path === DEV_AUTHORIZE_PATH || path === DEV_TOKEN_PATH;
  return {
    handles,
    serve({ method, path, query, body, origin, loopback }) {
      if (!handles(path)) return undefined;
      if (!loopback) return plain(403, 'the development sign-in answers this machine only');
      if (path === DEV_AUTHORIZE_PATH && method === 'GET') {
        const request = authorizeRequest(query, origin);
        return typeof request === 'string' ? plain(400, request) : html(200, signInPage(query));
      }
      if (path === DEV_AUTHORIZE_PATH && method === 'POST') {
        const form = new URLSearchParams(body.toString('utf8'));
        const request = authorizeRequest(form, origin);
        if (typeof request === 'string') return plain(400, request);
        const token = chosenIdentity(form);
        if (typeof token === 'string') return plain(400, token);
        const now = Date.now();
        forget(now);
        const code = randomBytes(24).toString('base64url');
        codes.set(code, { redirectUri: request.redirectUri, challenge: request.challenge, token, expires: now + CODE_TTL_MS });
        const target = new URL(request.redirectUri);
        target.searchParams.set('code', code);
        target.searchParams.set('state', request.state);
        return {
          statusCode: 303,
          headers: { location: target.toString(), 'cache-control': 'no-store' },
          cookies: [],
          body: Buffer.alloc(0),
        };
      }
      if (path === DEV_TOKEN_PATH && method === 'POST') {
        const form = new URLSearchParams(body.toString('utf8'));
        const code = form.get('code') ?? '';
        const grant = codes.get(code);
        // A code is used once, whatever the outcome (RFC 6749 §4.1.2).
        codes.delete(code);
        if (form.get('grant_type') !== 'authorization_code') return oauthError('unsupported_grant_type');
        if (form.get('client_id') !== CONSOLE_CLIENT_ID) return oauthError('invalid_client');
        if (!grant || grant.expires <= Date.now() || grant.redirectUri !== form.get('redirect_uri')) return oauthError('invalid_grant');
        if (s256(form.get('code_verifier') ?? '') !== grant.challenge)
          return oauthError('invalid_grant', 'the code verifier does not match');
        return issuer.sign({ ...grant.token, ttlSeconds: TOKEN_TTL_SECONDS }).then((token) => ({
          statusCode: 200,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          cookies: [],
          body: Buffer.from(JSON.stringify({ access_token: token, id_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS })),
        }));
      }
      return plain(405, `${method} is not allowed on ${path}`);
    },
  };
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** The checks of an authorization request; a string is the reason to refuse (never redirected: RFC 6749 §4.1.2.1). */
function authorizeRequest(params: URLSearchParams, origin: string): AuthorizeRequest | string {
  if (params.get('response_type') !== 'code') return 'response_type must be code';
  if (params.get('client_id') !== CONSOLE_CLIENT_ID) return `unknown client_id (the console is ${CONSOLE_CLIENT_ID})`;
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectUri.startsWith(`${origin}${CONSOLE_PATH}`)) return `redirect_uri must be this runtime's console (${origin}${CONSOLE_PATH})`;
  if (params.get('code_challenge_method') !== 'S256') return 'code_challenge_method must be S256';
  const challenge = params.get('code_challenge') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return 'code_challenge must be a base64url SHA-256';
  const state = params.get('state') ?? '';
  if (state === '' || state.length > 200) return 'state is required';
  return { redirectUri, challenge, state };
}

/**
 * Roles that need no government code (every other role acts for one government and so needs it).
 * A resident's government is never the token's: it is their approved enrolment (issue #19, finding 10).
 */
const nationalRoles: readonly Role[] = ['ministry', 'research', 'subsidy_recipient', 'resident'];

function chosenIdentity(form: URLSearchParams): TokenRequest | string {
  const role = form.get('role') ?? '';
  if (!Object.hasOwn(roles, role)) return 'choose a role';
  const gov = (form.get('gov') ?? '').trim();
  if (gov !== '' && !/^\d{5}$/.test(gov)) return 'a government code is 5 digits';
  if (gov === '' && !nationalRoles.includes(role as Role)) return `the role ${role} acts for one government: give its code`;
  const dept = (form.get('dept') ?? '').trim();
  const sub = (form.get('sub') ?? '').trim() || `dev-${role}`;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(sub) || (dept !== '' && !/^[A-Za-z0-9._-]{1,64}$/.test(dept)))
    return 'user and department are letters, digits, . _ -';
  return { sub, roles: [role as Role], ...(gov === '' ? {} : { gov }), ...(dept === '' ? {} : { dept }) };
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The sign-in form: the authorization request's parameters carried as hidden fields, the identity chosen. */
function signInPage(query: URLSearchParams): string {
  const carried = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state']
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? '')}">`)
    .join('');
  const options = Object.entries(roles)
    .map(([id, title]) => `<option value="${id}"${id === 'ministry' ? ' selected' : ''}>${escapeHtml(title)} (${id})</option>`)
    .join('');
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>개발용 로그인 · hojo</title>
<style>body{font-family:system-ui,'Noto Sans CJK KR',sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#111}
label{display:block;margin-top:1rem;font-weight:600}input,select,button{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{margin-top:1.5rem;background:#0b4ea2;color:#fff;border:0;border-radius:4px;cursor:pointer}button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.note{background:#fff4d6;border-left:4px solid #f5a623;padding:.5rem 1rem}</style></head>
<body><main><h1>개발용 로그인</h1>
<p class="note">이 화면은 개발용 발급자(development issuer)입니다. 이 컴퓨터(loopback)에서만 열리며, 고른 역할의 토큰을 누구에게나 발급합니다. 운영 환경에서는 기관의 인증 서버(Cognito, OIDC)로 로그인합니다.</p>
<form method="post" action="${DEV_AUTHORIZE_PATH}">${carried}
<label for="role">역할</label><select id="role" name="role">${options}</select>
<label for="gov">지방자치단체 코드 (5자리; 행정안전부·연구기관·주민은 비워 둠)</label><input id="gov" name="gov" inputmode="numeric" pattern="\\d{5}" autocomplete="off">
<label for="dept">부서 코드 (선택)</label><input id="dept" name="dept" autocomplete="off">
<label for="sub">사용자 ID (선택)</label><input id="sub" name="sub" autocomplete="off">
<button type="submit">로그인</button></form></main></body></html>`;
}

function html(statusCode: number, page: string): HttpAnswer {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    },
    cookies: [],
    body: Buffer.from(page, 'utf8'),
  };
}

const plain = (statusCode: number, text: string): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  cookies: [],
  body: Buffer.from(text, 'utf8'),
});

const oauthError = (error: string, description?: string): HttpAnswer => ({
  statusCode: 400,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ error, ...(description ? { error_description: description } : {}) })),
});
