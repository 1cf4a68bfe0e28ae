import type { ConsoleConfig } from '../config.ts';

/** Who is signed in, as the token says (the API verifies it; the console only reads it to choose pages). */
export interface Identity {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly gov?: string;
  readonly dept?: string;
}

export interface Session {
  readonly token: string;
  readonly expiresAt: number;
  readonly identity: Identity;
}

type SignIn = NonNullable<ConsoleConfig['signIn']>;

const SESSION_KEY = 'hojo.console.session';
const PENDING_KEY = 'hojo.console.pending';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const randomText = (length: number): string => base64url(crypto.getRandomValues(new Uint8Array(length)));

/** The session of this tab (sessionStorage: gone when the tab closes), if its token has not expired. */
export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return undefined;
  const session = JSON.parse(stored) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The endpoints from the configuration, or from the issuer's discovery document. */
async function endpoints(signIn: SignIn): Promise<{ authorization: string; token: string }> {
  if (signIn.authorizationEndpoint && signIn.tokenEndpoint)
    return { authorization: signIn.authorizationEndpoint, token: signIn.tokenEndpoint };
  const response = await fetch(`${signIn.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery failed: ${response.status}`);
  const discovered = (await response.json()) as { authorization_endpoint: string; token_endpoint: string };
  return {
    authorization: signIn.authorizationEndpoint ?? discovered.authorization_endpoint,
    token: signIn.tokenEndpoint ?? discovered.token_endpoint,
  };
}

const redirectUri = (): string => new URL('./', location.href).toString().split('#')[0]?.split('?')[0] ?? '';

/** Which identity provider a sign-in goes to: the officials' or the residents' (ConsoleConfig). */
export type SignInKind = 'signIn' | 'residentSignIn';

/** Starts the authorization code flow with PKCE (S256): the verifier stays in this tab. */
export async function startSignIn(signIn: SignIn, returnTo: string, kind: SignInKind = 'signIn'): Promise<void> {
  const verifier = randomText(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = randomText(16);
  const { authorization } = await endpoints(signIn);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo, kind }));
  const url = new URL(authorization, location.href);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: signIn.clientId,
    redirect_uri: redirectUri(),
    scope: signIn.scopes.join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  location.assign(url.toString());
}

/**
 * Back from the identity provider with ?code&state: checks the state, exchanges the code with the
 * verifier, keeps the token the API accepts. Returns the hash to show next, or undefined when this
 * is not a sign-in return.
 */
export async function completeSignIn(config: ConsoleConfig): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!config.signIn && !config.residentSignIn) return undefined;
  if (!code && !error) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
    kind?: SignInKind;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  // The code goes back to the provider that issued it: the residents' pool or the officials'.
  const signIn = config[pending?.kind ?? 'signIn'];
  history.replaceState(null, '', redirectUri());
  if (error) throw new Error(`로그인이 거부되었습니다 (${error})`);
  if (!pending || pending.state !== params.get('state')) throw new Error('로그인 응답의 state가 이 창에서 시작한 요청과 다릅니다');
  if (!signIn) throw new Error('로그인 설정이 없습니다');
  const { token } = await endpoints(signIn);
  const response = await fetch(new URL(token, location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code ?? '',
      redirect_uri: redirectUri(),
      client_id: signIn.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`토큰 교환 실패 (${response.status})`);
  const tokens = (await response.json()) as { access_token?: string; id_token?: string; expires_in?: number };
  const apiToken = tokens[signIn.apiToken];
  if (!apiToken) throw new Error(`응답에 ${signIn.apiToken}이 없습니다`);
  // A token of the residents' provider is a resident's, whatever it claims (as the API decides by issuer).
  const identity = pending.kind === 'residentSignIn' ? { sub: identityOf(apiToken).sub, roles: ['resident'] } : identityOf(apiToken);
  const session: Session = { token: apiToken, expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000, identity };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return pending.returnTo;
}

/** The claims the API reads (shared/auth/claims.ts): roles or cognito:groups, gov or custom:gov, dept or custom:dept. */
export function identityOf(token: string): Identity {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(
    new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))),
  ) as Record<string, unknown>;
  const list = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.map(String)
      : typeof value === 'string'
        ? value
            .replace(/^\[|\]$/g, '')
            .split(/[\s,]+/)
            .filter(Boolean)
        : [];
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const gov = text(claims.gov ?? claims['custom:gov']);
  const dept = text(claims.dept ?? claims['custom:dept']);
  return {
    sub: String(claims.sub ?? ''),
    roles: list(claims.roles ?? claims['cognito:groups']),
    ...(gov ? { gov } : {}),
    ...(dept ? { dept } : {}),
  };
}
