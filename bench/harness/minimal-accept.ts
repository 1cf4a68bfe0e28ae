import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload } from 'jose';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { tableName } from '#shared/config/env.ts';

/**
 * The minimal accept baseline of issue #21: a bench-only HTTP server on the same engines that does
 * only what accepting a posting must do — parse the body, verify the bearer token (cached once
 * verified, as the local runtime caches it), one conditional PutItem of the same item as hojo (the
 * request, keyed by a posting id derived from the Idempotency-Key so that its condition is the key's
 * check, which is also the audit record of the acceptance, listed through the index; since issue #21
 * hojo writes no key item, no outbox marker and no second audit item), one SendMessage to a FIFO
 * queue of its own —
 * and answers 202 with the posting id. No framework, no schema library, no rules, no read.
 * Its queue is drained by the minimal apply consumer (minimal-apply.ts).
 */
export interface MinimalAccept {
  readonly url: string;
  readonly queueUrl: string;
  stop(): Promise<void>;
}

export async function startMinimalAccept(jwks: JSONWebKeySet, queueName: string): Promise<MinimalAccept> {
  const { QueueUrl } = await sqsClient().send(
    new CreateQueueCommand({ QueueName: `${queueName}.fifo`, Attributes: { FifoQueue: 'true', VisibilityTimeout: '60' } }),
  );
  if (!QueueUrl) throw new Error('the minimal accept queue was not created');
  const keys = createLocalJWKSet(jwks);
  const verified = new Map<string, JWTPayload>();
  const caller = async (authorization: string | undefined): Promise<JWTPayload | undefined> => {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    if (!token) return undefined;
    const cached = verified.get(token);
    if (cached) return cached;
    const { payload } = await jwtVerify(token, keys).catch(() => ({ payload: undefined }));
    if (payload) verified.set(token, payload);
    return payload;
  };
  const table = tableName();

  const accept = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const claims = await caller(request.headers.authorization);
    const key = request.headers['idempotency-key'];
    const gov = /^\/governments\/(\d+)\//.exec(request.url ?? '')?.[1];
    const raw = await readBody(request);
    let body: { lineId?: unknown; amount?: unknown } | undefined;
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      body = undefined;
    }
    if (!claims?.sub || typeof key !== 'string' || !gov || typeof body?.lineId !== 'string' || typeof body.amount !== 'number') {
      return answer(response, 400, { code: 'invalid-request' });
    }
    const receivedAt = new Date().toISOString();
    const requestId = randomBytes(8).toString('hex');
    const bodySha256 = createHash('sha256').update(raw).digest('hex');
    const idempotency = createHash('sha256')
      .update(JSON.stringify([claims.sub, key]))
      .digest('hex');
    const postingId = idempotency.slice(0, 32);
    const message = { postingId, gov, lineId: body.lineId, command: { kind: 'commit', ...body }, actor: { sub: claims.sub, receivedAt } };
    try {
      // The request is the audit record of its acceptance: who, when, from where, on what body, listed
      // under the audit partition's keys in the table's index.
      await dynamoClient().send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: `MIN#POSTING#${gov}#${postingId}`,
            sk: 'REQUEST',
            gsi1pk: `MIN#AUDIT#${gov}#${receivedAt.slice(0, 7)}`,
            gsi1sk: `${receivedAt}#${requestId}#commit.accepted#${postingId}`,
            ...message,
            actor: { ...message.actor, requestId, sourceIp: request.socket.remoteAddress ?? '', bodySha256 },
            operation: 'commit.accepted',
            status: 'queued',
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return answer(response, 409, { code: 'idempotency-key-taken' });
      throw error;
    }
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: JSON.stringify(message),
        MessageGroupId: `${gov}#${body.lineId}`,
        MessageDeduplicationId: postingId,
      }),
    );
    answer(response, 202, { postingId, status: 'queued' });
  };

  const server = createServer((request, response) => {
    accept(request, response).catch(() => answer(response, 500, { code: 'internal' }));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queueUrl: QueueUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
