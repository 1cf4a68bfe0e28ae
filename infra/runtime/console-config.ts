import type { ConsoleConfig } from '#infra/console/config.ts';
import type { RuntimeAuth } from '#infra/runtime/auth-config.ts';
import { ARCHIVE_PROXY_PREFIX } from '#infra/runtime/archive-proxy.ts';
import type { ArchiveProxy } from '#infra/runtime/archive-proxy.ts';
import { CONSOLE_CLIENT_ID, DEV_AUTHORIZE_PATH, DEV_TOKEN_PATH } from '#infra/runtime/jwt/dev-sign-in.ts';

/**
 * The console's `config.json` as the runtime serves it. Locally the development issuer's sign-in
 * page; on-prem the organisation's OIDC issuer (HOJO_JWT_ISSUER) with the console's client
 * registered there (HOJO_CONSOLE_CLIENT_ID; endpoints by discovery unless
 * HOJO_CONSOLE_AUTHORIZATION_ENDPOINT / HOJO_CONSOLE_TOKEN_ENDPOINT are set; HOJO_CONSOLE_SCOPES,
 * HOJO_CONSOLE_API_TOKEN=id_token when the API's audience is the client). Without a client id the
 * console shows the public pages only.
 */
export function runtimeConsoleConfig(env: NodeJS.ProcessEnv, auth: RuntimeAuth, archiveDownloads: ArchiveProxy | undefined): ConsoleConfig {
  const archive = archiveDownloads
    ? { archive: { engineOrigin: new URL(archiveDownloads.engine).origin, proxyPath: ARCHIVE_PROXY_PREFIX } }
    : {};
  if (auth.devIssuer) {
    const devSignIn = {
      issuer: auth.devIssuer.issuer,
      clientId: CONSOLE_CLIENT_ID,
      authorizationEndpoint: DEV_AUTHORIZE_PATH,
      tokenEndpoint: DEV_TOKEN_PATH,
      scopes: ['openid'],
      apiToken: 'access_token' as const,
      development: true,
    };
    // Residents too sign in on the development issuer (AWS: their own user pool).
    return { apiBase: '', signIn: devSignIn, residentSignIn: devSignIn, ...archive };
  }
  const clientId = env.HOJO_CONSOLE_CLIENT_ID;
  const issuer = env.HOJO_JWT_ISSUER;
  if (!clientId || !issuer) return { apiBase: '', ...archive };
  return {
    apiBase: '',
    signIn: {
      issuer,
      clientId,
      ...(env.HOJO_CONSOLE_AUTHORIZATION_ENDPOINT ? { authorizationEndpoint: env.HOJO_CONSOLE_AUTHORIZATION_ENDPOINT } : {}),
      ...(env.HOJO_CONSOLE_TOKEN_ENDPOINT ? { tokenEndpoint: env.HOJO_CONSOLE_TOKEN_ENDPOINT } : {}),
      scopes: (env.HOJO_CONSOLE_SCOPES ?? 'openid').split(/[\s,]+/).filter((scope) => scope !== ''),
      apiToken: env.HOJO_CONSOLE_API_TOKEN === 'id_token' ? 'id_token' : 'access_token',
    },
    ...archive,
  };
}
