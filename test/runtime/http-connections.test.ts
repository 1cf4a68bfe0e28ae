import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { createHttpServer, listen } from '#infra/runtime/http-server.ts';
import type { RunningHttpServer } from '#infra/runtime/http-server.ts';
import { arrivedAt, release, waitAtGate } from '#test/runtime/fixtures/gates.ts';
import { gatedRoute } from '#test/runtime/fixtures/gated-route.ts';
import { captureLogs } from '#test/runtime/fixtures/log-capture.ts';
import type { LogCapture, LogLine } from '#test/runtime/fixtures/log-capture.ts';
import { whoAmI } from '#test/runtime/fixtures/whoami.ts';

/** Short, so that the tests see them pass; the runtime's own are 10 s, 60 s and 5 s. */
const TIMEOUTS = { headersMs: 300, requestMs: 600, keepAliveMs: 200 };
/** Node sweeps connections for the head timeout every second at most, and closes idle keep-alive ones one second late. */
const SLACK_MS = 1_500;

/** A public route taking a body; the tests abort before its handler runs. */
const upload = defineRoute({
  id: 'upload',
  method: 'POST',
  path: '/upload',
  handler: 'test/runtime/fixtures/gated-route.ts',
  summary: 'Upload',
  tags: ['Test'],
  access: publicAccess,
  body: z.strictObject({ note: z.string() }),
});

let http: RunningHttpServer;
let logs: LogCapture;
let port: number;

beforeAll(async () => {
  const server = createHttpServer({
    routes: [upload, gatedRoute, whoAmI],
    // Stands for a token check that takes time (an identity provider's keys being fetched).
    verifyToken: async () => {
      await waitAtGate('verify');
      return { sub: 'officer-1', roles: ['budget_officer'], gov: '11110' };
    },
    timeouts: TIMEOUTS,
  });
  http = await listen(server, 0, '127.0.0.1');
  port = Number(new URL(http.url).port);
  logs = captureLogs();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await http.close();
});

async function openConnection(): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

/** Everything the server sent until it closed the connection, and how long that took. */
async function untilClosed(socket: Socket): Promise<{ received: string; ms: number }> {
  const started = performance.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
  });
  await once(socket, 'close');
  return { received, ms: performance.now() - started };
}

/** Resolves with the response of the next request the server receives. */
const nextResponse = async (): Promise<ServerResponse> => ((await once(http.server, 'request')) as [IncomingMessage, ServerResponse])[1];

/** Resolves once the server sees the connection closed under an unfinished response. */
const connectionLost = (response: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    if (response.destroyed) resolve();
    else response.once('close', () => resolve());
  });

const runtimeLines = (from: number): LogLine[] =>
  logs
    .lines()
    .slice(from)
    .filter((line) => line.service === 'hojo-runtime');

/** Waits for the runtime's line about the request (an abort or a failure) logged from position `from` on, and checks it is the only one, at info, without a stack. */
async function expectOneQuietAbortLine(from: number): Promise<void> {
  const line = await logs.next((l) => l.service === 'hojo-runtime' && /aborted|failed/.test(l.message), from);
  expect(line).toMatchObject({ level: 'INFO', message: 'request aborted: the client closed the connection' });
  expect(line.requestId).toEqual(expect.any(String));
  expect(JSON.stringify(line)).not.toMatch(/stack|error/i);
  expect(runtimeLines(from)).toEqual([line]);
}

describe('connection timeouts', () => {
  it('closes a connection that never sends a byte once the head timeout has passed, with a 408', { timeout: 5_000 }, async () => {
    const { received, ms } = await untilClosed(await openConnection());
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(received).toContain('"code":"request-timeout"');
    expect(ms).toBeLessThan(TIMEOUTS.headersMs + SLACK_MS);
  });

  it('closes a connection whose head trickles in slower than the head timeout', { timeout: 5_000 }, async () => {
    const socket = await openConnection();
    socket.write('GET /gated/never HTTP/1.1\r\nhost: localhost\r\n');
    const { received, ms } = await untilClosed(socket);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(TIMEOUTS.headersMs + SLACK_MS);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', { timeout: 5_000 }, async () => {
    const socket = await openConnection();
    socket.write('GET /nowhere HTTP/1.1\r\nhost: localhost\r\n\r\n');
    const { received, ms } = await untilClosed(socket);
    expect(received.match(/^HTTP\/1\.1 404 /gm)).toHaveLength(1);
    expect(ms).toBeLessThan(TIMEOUTS.keepAliveMs + SLACK_MS);
  });
});

describe('a client that closes the connection', () => {
  const partialUpload = (path: string, headers = '') =>
    `POST ${path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 100\r\n${headers}\r\n{"note":`;

  it('while its body is being read: one info line, no stack', { timeout: 5_000 }, async () => {
    const from = logs.lines().length;
    const socket = await openConnection();
    const arrived = nextResponse();
    socket.write(partialUpload('/upload'));
    const response = await arrived;
    socket.destroy();
    await connectionLost(response);
    await expectOneQuietAbortLine(from);
  });

  it('while its token is being checked: one info line, no stack', { timeout: 5_000 }, async () => {
    const from = logs.lines().length;
    const socket = await openConnection();
    const arrived = nextResponse();
    socket.write(partialUpload('/governments/11110/whoami', 'authorization: Bearer abc.def.ghi\r\n'));
    const response = await arrived;
    await arrivedAt('verify');
    socket.destroy();
    await connectionLost(response);
    release('verify');
    await expectOneQuietAbortLine(from);
  });

  it('while its handler runs: the handler finishes, the answer is dropped with one info line', { timeout: 5_000 }, async () => {
    const from = logs.lines().length;
    const socket = await openConnection();
    const arrived = nextResponse();
    socket.write('GET /gated/abandoned HTTP/1.1\r\nhost: localhost\r\n\r\n');
    const response = await arrived;
    await arrivedAt('abandoned');
    socket.destroy();
    await connectionLost(response);
    release('abandoned');
    await expectOneQuietAbortLine(from);
  });
});
