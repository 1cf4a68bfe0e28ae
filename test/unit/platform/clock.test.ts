import { afterEach, describe, expect, it } from 'vitest';
import { clockOverride, now } from '#shared/clock.ts';
import { readDeployConfig } from '#infra/cdk/deploy-config.ts';

const saved = process.env.HOJO_CLOCK;
afterEach(() => {
  if (saved === undefined) delete process.env.HOJO_CLOCK;
  else process.env.HOJO_CLOCK = saved;
});

describe('the business clock (HOJO_CLOCK)', () => {
  it('runs from the rehearsal moment', () => {
    process.env.HOJO_CLOCK = '2027-02-11T09:00:00+09:00';
    const at = now().getTime();
    expect(at).toBeGreaterThanOrEqual(Date.parse('2027-02-11T00:00:00Z'));
    expect(at).toBeLessThan(Date.parse('2027-02-11T00:01:00Z'));
  });

  it('refuses a moment without an offset', () => {
    expect(() => clockOverride({ HOJO_CLOCK: '2027-02-11T09:00:00' })).toThrow(/offset/);
    expect(clockOverride({})).toBeUndefined();
  });

  it('is refused by the CDK app', () => {
    expect(() => readDeployConfig(() => undefined, { HOJO_CLOCK: '2027-02-11T09:00:00+09:00' })).toThrow(/HOJO_CLOCK/);
    expect(readDeployConfig(() => undefined, {}).target).toBe('aws');
  });
});
