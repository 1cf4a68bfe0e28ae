import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { createTokenVerifier, TokenRejected } from '#infra/runtime/jwt/token-verifier.ts';

const issuer = await loadDevIssuer();
const verifier = () => createTokenVerifier({ keys: issuer.jwks, issuer: issuer.issuer, audience: issuer.audience });

afterEach(() => {
  vi.useRealTimers();
});

describe('token verifier: a token verified moments ago is accepted again, never past its exp', () => {
  it('answers the same claims for the same token, and refuses a token whose signature was altered', async () => {
    const verify = verifier();
    const token = await issuer.sign({ sub: 'fo-1', roles: ['finance_officer'], gov: '11000' });
    const first = await verify(token);
    expect(await verify(token)).toEqual(first);
    expect(first).toMatchObject({ sub: 'fo-1', gov: '11000' });
    const [head, body, signature = ''] = token.split('.');
    const altered = `${head}.${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(verify(altered)).rejects.toBeInstanceOf(TokenRejected);
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    const verify = verifier();
    const token = await issuer.sign({ sub: 'fo-2', roles: ['finance_officer'], gov: '11000', ttlSeconds: 30 });
    await verify(token);
    vi.setSystemTime(new Date('2026-03-02T09:00:29Z'));
    expect((await verify(token)).sub).toBe('fo-2');
    vi.setSystemTime(new Date('2026-03-02T09:00:31Z'));
    await expect(verify(token)).rejects.toThrow('the token has expired');
  });
});
