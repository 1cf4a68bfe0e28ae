import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JSONWebKeySet, JWK } from 'jose';
import type { Role } from '#shared/auth/roles.ts';

/** Issuer and audience of the development issuer; on-prem deployments configure their own. */
export const DEV_ISSUER = 'urn:hojo:dev-issuer';
export const DEV_AUDIENCE = 'hojo-api';
const ALG = 'ES256';
const PRIVATE_KEY_FILE = 'private.jwk.json';

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly gov?: string;
  readonly dept?: string;
  readonly ttlSeconds?: number;
}

export interface DevIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The public half, as served at /.well-known/jwks.json. */
  readonly jwks: JSONWebKeySet;
  sign(request: TokenRequest): Promise<string>;
}

/**
 * The local token issuer: one ES256 key pair, generated on first use and kept under `dir`
 * (mode 0600) so that tokens survive restarts; in memory when no directory is given.
 */
export async function loadDevIssuer(dir?: string): Promise<DevIssuer> {
  const privateJwk = dir === undefined ? await newPrivateJwk() : await readOrCreatePrivateJwk(dir);
  const { d: _secret, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, ALG);
  return {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    jwks: { keys: [{ ...publicJwk, use: 'sig' }] },
    sign: (request) =>
      new SignJWT({
        roles: [...request.roles],
        ...(request.gov === undefined ? {} : { gov: request.gov }),
        ...(request.dept === undefined ? {} : { dept: request.dept }),
      })
        .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: privateJwk.kid ?? '' })
        .setSubject(request.sub)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
        .sign(key),
  };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: ALG, kid: await calculateJwkThumbprint(jwk) };
}

async function readOrCreatePrivateJwk(dir: string): Promise<JWK> {
  const file = join(dir, PRIVATE_KEY_FILE);
  const existing = await readJwk(file);
  if (existing) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jwk = await newPrivateJwk();
  try {
    // 'wx': if another process created the key meanwhile, keep theirs.
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readJwk(file);
    if (!winner) throw new Error(`dev issuer key ${file} is unreadable`);
    return winner;
  }
}

async function readJwk(file: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
