import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import type { DevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { createTokenVerifier } from '#infra/runtime/jwt/token-verifier.ts';
import type { TokenVerifier } from '#infra/runtime/jwt/token-verifier.ts';

export interface RuntimeAuth {
  readonly verifyToken: TokenVerifier;
  /** Present when the runtime is its own issuer (development); its JWKS is served. */
  readonly devIssuer?: DevIssuer;
  readonly jwks?: JSONWebKeySet;
  readonly description: string;
}

/**
 * On-prem: HOJO_JWKS_URL, HOJO_JWT_ISSUER and HOJO_JWT_AUDIENCE name the organisation's identity
 * provider. Otherwise the development issuer, with its key under `<dataDir>/dev-issuer/` (or in
 * memory when no data directory is given).
 */
export async function runtimeAuth(env: NodeJS.ProcessEnv, dataDir: string | undefined): Promise<RuntimeAuth> {
  const jwksUrl = env.HOJO_JWKS_URL;
  if (jwksUrl) {
    const issuer = env.HOJO_JWT_ISSUER;
    const audience = env.HOJO_JWT_AUDIENCE;
    if (!issuer || !audience) throw new Error('HOJO_JWKS_URL needs HOJO_JWT_ISSUER and HOJO_JWT_AUDIENCE');
    return {
      verifyToken: createTokenVerifier({ keys: new URL(jwksUrl), issuer, audience }),
      description: `tokens from ${issuer} (keys ${jwksUrl})`,
    };
  }
  const devIssuer = await loadDevIssuer(dataDir === undefined ? undefined : devIssuerDir(dataDir));
  return {
    verifyToken: createTokenVerifier({ keys: devIssuer.jwks, issuer: devIssuer.issuer, audience: devIssuer.audience }),
    devIssuer,
    jwks: devIssuer.jwks,
    description: `development issuer ${devIssuer.issuer}`,
  };
}

export const devIssuerDir = (dataDir: string): string => join(dataDir, 'dev-issuer');
