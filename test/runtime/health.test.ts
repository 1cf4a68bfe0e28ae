import { afterEach, describe, expect, it } from 'vitest';
import { resetClients } from '#shared/clients/reset.ts';
import { getHealth } from '#shared/routes/platform.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();

afterEach(() => {
  Object.assign(process.env, stack.env);
  resetClients();
});

describe('GET /health', () => {
  it('answers 503 naming the dependency that is down, and keeps reporting the others', async () => {
    process.env.TABLE_NAME = `${stack.prefix}no-such-table`;
    process.env.ARCHIVE_BUCKET = `${stack.prefix}no-such-bucket`;
    const response = await callRoute(getHealth);
    expect(response.status).toBe(503);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.status).toBe('down');
    const byName = Object.fromEntries(response.body.dependencies.map((d: { name: string }) => [d.name, d]));
    expect(byName.dynamodb).toMatchObject({ status: 'down', error: 'ResourceNotFoundException' });
    expect(byName['s3:archive']).toMatchObject({ status: 'down' });
    expect(byName['sqs:postings']).toMatchObject({ status: 'up' });
  });

  it('reports an unreachable endpoint as down, without leaking the endpoint in the error', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:9';
    resetClients();
    const response = await callRoute(getHealth);
    expect(response.status).toBe(503);
    const dynamodb = response.body.dependencies.find((d: { name: string }) => d.name === 'dynamodb');
    expect(dynamodb.status).toBe('down');
    expect(JSON.stringify(dynamodb)).not.toContain('127.0.0.1:9');
  });

  it('a missing resource variable is reported as not configured, not as a 500', async () => {
    process.env.SETTLEMENT_QUEUE_URL = '';
    const response = await callRoute(getHealth);
    expect(response.status).toBe(503);
    expect(response.body.dependencies.find((d: { name: string }) => d.name === 'sqs:settlement')).toMatchObject({
      status: 'down',
      resource: '(not configured)',
    });
  });
});
