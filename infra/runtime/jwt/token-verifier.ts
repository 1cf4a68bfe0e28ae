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
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (error) {
      throw new TokenRejected(reason(error), { cause: error });
    }
  };
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
