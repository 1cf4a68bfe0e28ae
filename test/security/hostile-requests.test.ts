import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import { dynamoClient, s3Client, sqsClient } from '#shared/clients/aws.ts';
import { bucketName, queueUrl, tableName } from '#shared/config/env.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import type { Route } from '#shared/http/route.ts';
import { routes } from '#shared/routes/index.ts';
import { hostileRequest } from '#test/security/hostile-requests.ts';
import { sampleRequest } from '#test/security/route-samples.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const GOV = '11000';
/** At least this many requests in all, spread evenly over the routes. */
const TOTAL_REQUESTS = 10_200;
const SEED = 20_260_107;

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
      new GetQueueAttributesCommand({ QueueUrl: queueUrl(queue), AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    depths[queue] = `${Attributes.ApproximateNumberOfMessages}/${Attributes.ApproximateNumberOfMessagesNotVisible}`;
  }
  const objects = await s3Client().send(new ListObjectVersionsCommand({ Bucket: bucketName('archive') }));
  return {
    table: JSON.stringify(items.sort((a, b) => (key(a) < key(b) ? -1 : 1))),
    queues: depths,
    archive: (objects.Versions ?? []).map((v) => `${v.Key}@${v.VersionId}`),
  };
}

/** A valid token of a role the route admits, of the government in the sample's path. */
function plausibleCallers(route: Route): fc.Arbitrary<TestCaller | undefined> {
  const admitted: readonly Role[] = route.access.kind === 'public' ? allRoles : route.access.roles;
  const callers = admitted.map((role): TestCaller => (role === 'ministry' ? { sub: 'fuzz-ministry', roles: [role] } : { sub: `fuzz-${role}`, roles: [role], gov: GOV }));
  return route.access.kind === 'public' ? fc.option(fc.constantFrom(...callers), { nil: undefined }) : fc.constantFrom(...callers);
}

const byStatus = new Map<number, number>();
const byDefect = new Map<string, number>();
let requests = 0;
let before: Awaited<ReturnType<typeof stackSnapshot>>;

beforeAll(async () => {
  // Give the reads something to read: every write route's valid sample, once, by an admitted role.
  for (const route of routes.filter((r) => r.method !== 'GET')) {
    const caller = fc.sample(plausibleCallers(route), { numRuns: 1, seed: SEED })[0];
    await callRoute(route, { ...sampleRequest(route, GOV), ...(caller ? { caller } : {}) });
  }
  before = await stackSnapshot();
});

afterAll(() => {
  const list = (counts: Map<string | number, number>) => [...counts].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([k, n]) => `${k}: ${n}`).join(', ');
  console.log(`hostile requests: ${requests} over ${routes.length} routes\n  by status: ${list(byStatus)}\n  by defect: ${list(byDefect)}`);
});

describe('hostile and malformed requests against every route', () => {
  const runsPerRoute = Math.ceil(TOTAL_REQUESTS / routes.length);

  for (const route of routes) {
    it(`${route.id}: ${runsPerRoute} requests, no 5xx, every refusal is problem+json with a code`, async () => {
      const sample = sampleRequest(route, GOV);
      expect(sample, `no sample request for ${route.id} in test/security/route-samples.ts`).toBeDefined();
      await fc.assert(
        fc.asyncProperty(hostileRequest(route, sample ?? {}), plausibleCallers(route), async ({ defect, options }, caller) => {
          const response = await callRoute(route, { ...options, ...(caller ? { caller } : {}) });
          requests++;
          byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
          byDefect.set(defect, (byDefect.get(defect) ?? 0) + 1);

          expect(response.status, `${defect}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
          if (defect !== 'none') expect(response.status, `${defect} was accepted`).toBeGreaterThanOrEqual(400);
          if (response.status >= 400) {
            expect(response.headers['content-type']).toBe('application/problem+json');
            expect(response.body).toMatchObject({ status: response.status, code: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/) });
          }
          for (const [name, value] of Object.entries(response.headers)) expect(value, `header ${name}`).not.toMatch(/[\r\n]/);
        }),
        { numRuns: runsPerRoute, seed: SEED, endOnFailure: true },
      );
    });
  }

  it('changed nothing: table, queues and archive as before', async () => {
    expect(requests).toBeGreaterThanOrEqual(10_000);
    const after = await stackSnapshot();
    expect(after.table).toBe(before.table);
    expect(after.queues).toEqual(before.queues);
    expect(after.archive).toEqual(before.archive);
  });
});
