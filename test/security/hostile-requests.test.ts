import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { bucketName, queueUrl, tableName } from '#shared/config/env.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import type { Route } from '#shared/http/route.ts';
import { routes } from '#shared/routes/index.ts';
import { hostileRequest } from '#test/security/hostile-requests.ts';
import { sampleRequest } from '#test/security/route-samples.ts';
import { startRuntime } from '#infra/runtime/runtime.ts';
import type { Runtime } from '#infra/runtime/runtime.ts';
import type { DevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { callRoute } from '#test/support/api.ts';
import type { CallOptions, TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const GOV = '11000';
/** At least this many requests in all, spread evenly over the routes. */
const TOTAL_REQUESTS = 10_200;
const SEED = 20_260_107;
/** Requests per route sent over HTTP to the local runtime, on top of TOTAL_REQUESTS. */
const RUNTIME_RUNS_PER_ROUTE = 40;

/** Everything a request could change: every table item, the depth of every queue, every archive object version. */
async function stackSnapshot(): Promise<{ table: string; queues: Record<string, string>; archive: string[] }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (item: Record<string, unknown>) => `${item.pk}\u0000${item.sk}`;
  const depths: Record<string, string> = {};
  for (const queue of Object.keys(queues) as QueueKey[]) {
    const { Attributes = {} } = await sqsClient().send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl(queue),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    depths[queue] = `${Attributes.ApproximateNumberOfMessages}/${Attributes.ApproximateNumberOfMessagesNotVisible}`;
  }
  // The archive is write-once (one version per key on the embedded engine): keys and ETags say whether anything changed.
  const objects = await s3Client().send(new ListObjectsV2Command({ Bucket: bucketName('archive') }));
  return {
    table: JSON.stringify(items.sort((a, b) => (key(a) < key(b) ? -1 : 1))),
    queues: depths,
    archive: (objects.Contents ?? []).map((o) => `${o.Key}@${o.ETag}`),
  };
}

/** A valid token of a role the route admits, of the government in the sample's path. */
function plausibleCallers(route: Route): fc.Arbitrary<TestCaller | undefined> {
  const admitted: readonly Role[] = route.access.kind === 'public' ? allRoles : route.access.roles;
  const callers = admitted.map(
    (role): TestCaller =>
      role === 'ministry' ? { sub: 'fuzz-ministry', roles: [role] } : { sub: `fuzz-${role}`, roles: [role], gov: GOV },
  );
  return route.access.kind === 'public' ? fc.option(fc.constantFrom(...callers), { nil: undefined }) : fc.constantFrom(...callers);
}

interface Outcome {
  readonly status: number;
  readonly body: any;
  readonly headers: Record<string, string>;
}

const tally = { handler: 0, runtime: 0, byStatus: new Map<number, number>(), byDefect: new Map<string, number>() };
let before: Awaited<ReturnType<typeof stackSnapshot>>;
let runtime: Runtime;

beforeAll(async () => {
  // Give the reads something to read: every write route's valid sample, once, by an admitted role.
  for (const route of routes.filter((r) => r.method !== 'GET')) {
    const caller = fc.sample(plausibleCallers(route), { numRuns: 1, seed: SEED })[0];
    await callRoute(route, { ...sampleRequest(route, GOV), ...(caller ? { caller } : {}) });
  }
  runtime = await startRuntime({ port: 0, pollQueues: false, runSchedules: false });
  before = await stackSnapshot();
});

afterAll(async () => {
  await runtime?.stop();
  const list = (counts: Map<string | number, number>) =>
    [...counts]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
  console.log(
    `hostile requests: ${tally.handler + tally.runtime} over ${routes.length} routes (${tally.handler} to the handlers, ${tally.runtime} through the local runtime with signed tokens)\n` +
      `  by status: ${list(tally.byStatus)}\n  by defect: ${list(tally.byDefect)}`,
  );
});

function check(defect: string, response: Outcome): void {
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  tally.byDefect.set(defect, (tally.byDefect.get(defect) ?? 0) + 1);
  expect(response.status, `${defect}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
  if (defect !== 'none') expect(response.status, `${defect} was accepted`).toBeGreaterThanOrEqual(400);
  if (response.status >= 400) {
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: response.status, code: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/) });
  }
  for (const [name, value] of Object.entries(response.headers)) expect(value, `header ${name}`).not.toMatch(/[\r\n]/);
}

function sampleOf(route: Route): CallOptions {
  const sample = sampleRequest(route, GOV);
  expect(sample, `no sample request for ${route.id} in test/security/route-samples.ts`).toBeDefined();
  return sample ?? {};
}

describe('hostile and malformed requests against every route handler', () => {
  const runsPerRoute = Math.ceil(TOTAL_REQUESTS / routes.length);

  for (const route of routes) {
    it(`${route.id}: ${runsPerRoute} requests, no 5xx, every refusal is problem+json with a code`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(route, sampleOf(route)), plausibleCallers(route), async ({ defect, options }, caller) => {
          tally.handler++;
          check(defect, await callRoute(route, { ...options, ...(caller ? { caller } : {}) }));
        }),
        { numRuns: runsPerRoute, seed: SEED, endOnFailure: true },
      );
    });
  }
});

describe('the same through the local runtime: HTTP, URL decoding, routing and token verification', () => {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (caller: TestCaller) => {
    const key = JSON.stringify(caller);
    let token = tokens.get(key);
    if (!token) {
      token = (runtime.auth.devIssuer as DevIssuer).sign(caller);
      tokens.set(key, token);
    }
    return token;
  };

  for (const route of routes) {
    it(`${route.id}: ${RUNTIME_RUNS_PER_ROUTE} HTTP requests`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(route, sampleOf(route)), plausibleCallers(route), async ({ defect, options }, caller) => {
          tally.runtime++;
          // An HTTP client sends no body with a GET: what is left of such a request carries no defect.
          const bodyDropped = route.method === 'GET' && (options.body !== undefined || options.rawBody !== undefined);
          const response = await send(runtime.url, route, options, caller ? await tokenOf(caller) : undefined);
          if (response.status === 431) {
            // Node's HTTP parser refuses a request head over 16 KiB before any route sees it; the runtime still answers problem+json.
            expect(response.headBytes).toBeGreaterThan(15 * 1024); // plus the headers fetch adds
            expect(response.headers['content-type']).toBe('application/problem+json');
            expect(response.body.code).toBe('request-header-too-large');
            tally.byStatus.set(431, (tally.byStatus.get(431) ?? 0) + 1);
            return;
          }
          check(bodyDropped ? 'none' : defect, response);
        }),
        { numRuns: RUNTIME_RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
    });
  }
});

/** One request over HTTP; headers a client cannot send (CR, LF, NUL, beyond Latin-1) are left out. */
async function send(base: string, route: Route, options: CallOptions, token: string | undefined): Promise<Outcome & { headBytes: number }> {
  const params = options.params ?? {};
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const query = new URLSearchParams(options.query ?? {}).toString();
  const headers = new Headers({ 'content-type': 'application/json' });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (/^[\x20-\x7e\x80-\xff\t]*$/.test(value)) headers.set(name, value);
  }
  if (token) headers.set('authorization', `Bearer ${token}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const target = `${path}${query ? `?${query}` : ''}`;
  const headBytes = target.length + [...headers].reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
  const response = await fetch(`${base}${target}`, {
    method: route.method,
    headers,
    ...(body === undefined || route.method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  const responseHeaders = Object.fromEntries(response.headers);
  return {
    status: response.status,
    headers: responseHeaders,
    body: (responseHeaders['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text,
    headBytes,
  };
}

it('changed nothing: table, queues and archive as before', async () => {
  expect(tally.handler + tally.runtime).toBeGreaterThanOrEqual(10_000);
  const after = await stackSnapshot();
  expect(after.table).toBe(before.table);
  expect(after.queues).toEqual(before.queues);
  expect(after.archive).toEqual(before.archive);
});
