import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Before the logger exists: INFO for this file (the test run is SILENT, and the logger returns to its
// initial level at every invocation), and event logging switched on by environment, as an operator
// might, to show that the stack still never logs an event.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

const { createCommitment } = await import('#shared/routes/execution.ts');
const { listGovernments } = await import('#shared/routes/registry.ts');
const { listAuditRecords } = await import('#shared/routes/audit.ts');
const { callRoute } = await import('#test/support/api.ts');
const { useTestStack } = await import('#test/support/stack.ts');

await useTestStack();

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJmby1raW0ifQ.SIGNATURE-never-logged';
const PAYEE = '홍길동상사 대표 홍길동 010-1234-5678';
const SOURCE_IP = '198.51.100.77';

let output: string[] = [];
let restore: () => void = () => undefined;

/** Everything written to stdout and stderr while a request runs (the Powertools logger writes there). */
beforeEach(() => {
  output = [];
  const capture = (stream: NodeJS.WriteStream) => {
    const original = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(stream, '', ...rest);
    }) as typeof stream.write;
    return () => {
      stream.write = original;
    };
  };
  const restoreOut = capture(process.stdout);
  const restoreErr = capture(process.stderr);
  restore = () => {
    restoreOut();
    restoreErr();
  };
});

afterEach(() => restore());

const logLines = () =>
  output
    .join('')
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('what a request leaves in the logs', () => {
  it('logs the request id, the operation, the subject id and the status of a posting; never the token, the body or the source IP', async () => {
    const response = await callRoute(createCommitment, {
      params: { gov: '11000', year: 2026 },
      body: { lineId: 'E.GEN.P1', amount: 3_300_000, counterparty: PAYEE, contractRef: 'C-2026-0001', date: '2026-03-02' },
      caller: { sub: 'fo-kim', roles: ['finance_officer'], gov: '11000', dept: 'finance' },
      headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': 'log-test-0001' },
      sourceIp: SOURCE_IP,
    });
    const text = output.join('');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SIGNATURE');
    expect(text).not.toContain('홍길동');
    expect(text).not.toContain('010-1234');
    expect(text).not.toContain('C-2026-0001');
    expect(text).not.toContain('3300000');
    expect(text).not.toContain(SOURCE_IP);
    expect(text).not.toContain('log-test-0001');

    const completed = logLines().find((line) => line.message === 'request completed');
    expect(completed).toMatchObject({ level: 'INFO', operation: 'createCommitment', subject: 'fo-kim', status: response.status });
    expect(completed?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the same for a refused request, naming only the problem code', async () => {
    const response = await callRoute(listAuditRecords, {
      params: { gov: '26000' },
      query: { from: '2026-01-01', to: '2026-01-31' },
      caller: { sub: 'head-seoul', roles: ['head'], gov: '11000' },
      headers: { Authorization: `Bearer ${TOKEN}` },
      sourceIp: SOURCE_IP,
    });
    expect(response.status).toBe(403);
    const text = output.join('');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SOURCE_IP);
    const lines = logLines();
    expect(lines.find((line) => line.message === 'request completed')).toMatchObject({
      operation: 'listAuditRecords',
      subject: 'head-seoul',
      status: 403,
    });
    expect(lines.find((line) => line.message === 'request refused')).toMatchObject({ code: 'other-government', status: 403 });
    for (const line of lines) expect(Object.keys(line)).not.toContain('event');
  });

  it('does not echo the content of an invalid body into the logs', async () => {
    const response = await callRoute(createCommitment, {
      params: { gov: '11000', year: 2026 },
      rawBody: `{"counterparty":"${PAYEE}","counterparty":"x"}`,
      caller: { sub: 'fo-kim', roles: ['finance_officer'], gov: '11000' },
      headers: { 'Idempotency-Key': 'log-test-0002' },
    });
    expect(response.status).toBe(400);
    expect(output.join('')).not.toContain('홍길동');
    expect(logLines().find((line) => line.message === 'request completed')).toMatchObject({ status: 400, subject: 'fo-kim' });
  });

  it('logs an anonymous public read with its request id and no subject', async () => {
    const response = await callRoute(listGovernments, { sourceIp: SOURCE_IP });
    expect(response.status).toBe(200);
    expect(logLines().find((line) => line.message === 'request completed')).toMatchObject({
      operation: 'listGovernments',
      subject: 'anonymous',
      status: 200,
    });
    expect(output.join('')).not.toContain(SOURCE_IP);
  });
});
