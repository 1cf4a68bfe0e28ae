import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload } from 'jose';

export interface TokenVerifierOptions {
  /** The key set itself (the dev issuer) or where to fetch it (on-prem identity provider). */
  readonly keys: JSONWebKeySet | URL;
  readonly issuer: string;
  readonly audience: string;
}

/** Why a token was refused; the text goes into the 401 response, never the token. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
}

export type TokenVerifier = (token: string) => Promise<JWTPayload>;

const ALGORITHMS = ['ES256', 'RS256'];

/**
 * Verifies a bearer token the way API Gateway's JWT authorizer does: signature against the key
 * set, an allowed asymmetric algorithm (never `none`, never HMAC), `exp`/`nbf`, `iss` and `aud`.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keySet = options.keys instanceof URL ? createRemoteJWKSet(options.keys) : createLocalJWKSet(options.keys);
  const verified = new Map<string, { payload: JWTPayload; until: number }>();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token);
    if (known && now < known.until) return known.payload;
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      });
      remember(verified, token, Object.freeze(payload), now);
      return payload;
    } catch (error) {
      throw new TokenRejected(reason(error), { cause: error });
    }
  };
}

/** Tokens whose signature was verified, re-used within this window (never past `exp`, always within the JWKS cache's 10 minutes). */
const REUSE_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * An ES256 verification costs ~0.3 ms of CPU; a client sends the same token with every request.
 * The exact token string (signature included) verified moments ago is accepted again until its
 * `exp` or for REUSE_MS, whichever comes first; any other string is verified in full.
 */
function remember(verified: Map<string, { payload: JWTPayload; until: number }>, token: string, payload: JWTPayload, now: number): void {
  const expiresAt = (payload.exp ?? 0) * 1000;
  const until = Math.min(now + REUSE_MS, expiresAt);
  if (until <= now) return;
  if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value as string);
  verified.set(token, { payload, until });
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with an accepted algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a trusted key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSENotSupported) return 'the token cannot be verified';
  return 'the token is malformed';
}
