import { afterEach, describe, expect, it } from 'vitest';
import { resetClients } from '#shared/clients/reset.ts';
import { getHealth, getHealthDependencies } from '#shared/routes/platform.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();

afterEach(() => {
  Object.assign(process.env, stack.env);
  resetClients();
});

/** The national operators (ministry) read the dependencies; the public /health names none. */
const operator: TestCaller = { sub: 'ops-1', roles: ['ministry'] };
const deep = () => callRoute(getHealthDependencies, { caller: operator });

describe('GET /health (public, shallow: issue #19, finding 7)', () => {
  it('answers ok without naming or calling any dependency, even when the table is gone', async () => {
    process.env.TABLE_NAME = `${stack.prefix}no-such-table`;
    const response = await callRoute(getHealth);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Object.keys(response.body).sort()).toEqual(['checkedAt', 'status']);
    expect(response.body.status).toBe('ok');
  });
});

describe('GET /health/dependencies (operators)', () => {
  it('is refused without a token and to a government official', async () => {
    expect((await callRoute(getHealthDependencies)).status).toBe(401);
    const official = await callRoute(getHealthDependencies, { caller: { sub: 'u1', roles: ['chief_accountant'], gov: '11110' } });
    expect(official.status).toBe(403);
  });

  it('reports every dependency up with its latency, the queues with their depth, and the archive Object Lock', async () => {
    const response = await deep();
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.warnings).toBeUndefined();
    for (const dependency of response.body.dependencies as { name: string; status: string; depth?: number }[]) {
      expect(dependency.status, dependency.name).toBe('up');
      if (dependency.name.startsWith('sqs:')) expect(dependency.depth, dependency.name).toBeGreaterThanOrEqual(0);
      else expect(dependency.depth, dependency.name).toBeUndefined();
    }
  });

  it('answers 503 naming the dependency that is down, and keeps reporting the others', async () => {
    process.env.TABLE_NAME = `${stack.prefix}no-such-table`;
    process.env.ARCHIVE_BUCKET = `${stack.prefix}no-such-bucket`;
    const response = await deep();
    expect(response.status).toBe(503);
    // an operators' answer: stored by no cache (shared/middleware/private-answers.ts)
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body.status).toBe('down');
    const byName = Object.fromEntries(response.body.dependencies.map((d: { name: string }) => [d.name, d]));
    expect(byName.dynamodb).toMatchObject({ status: 'down', error: 'ResourceNotFoundException' });
    expect(byName['s3:archive']).toMatchObject({ status: 'down' });
    expect(byName['sqs:postings']).toMatchObject({ status: 'up' });
  });

  it('reports an unreachable endpoint as down, without leaking the endpoint in the error', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:9';
    resetClients();
    const response = await deep();
    expect(response.status).toBe(503);
    const dynamodb = response.body.dependencies.find((d: { name: string }) => d.name === 'dynamodb');
    expect(dynamodb.status).toBe('down');
    expect(JSON.stringify(dynamodb)).not.toContain('127.0.0.1:9');
  });

  it('a missing resource variable is reported as not configured, not as a 500', async () => {
    process.env.SETTLEMENT_QUEUE_URL = '';
    const response = await deep();
    expect(response.status).toBe(503);
    expect(response.body.dependencies.find((d: { name: string }) => d.name === 'sqs:settlement')).toMatchObject({
      status: 'down',
      resource: '(not configured)',
    });
  });
});
