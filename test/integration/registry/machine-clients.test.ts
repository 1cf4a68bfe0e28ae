import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  listRegisteredMachineClients,
  registerMachineClient,
  registerMachineClients,
  suspendMachineClient,
} from '#shared/application/registry/machine-clients.ts';
import { confirmPayment, createCommitment, getPosting, orderPayment, resolvePayment } from '#shared/routes/execution.ts';
import type { Route } from '#shared/http/route.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import {
  listMachineClients,
  registerMachineClient as registerRoute,
  suspendMachineClient as suspendRoute,
} from '#shared/routes/registry.ts';
import { machineClientLookup, registrationCacheMs } from '#shared/wiring/machine-client-registry.ts';
import { findMachineClient } from '#shared/stores/registry/machine-clients.ts';
import { apiEvent, callRoute } from '#test/support/api.ts';
import type { CallOptions } from '#test/support/api.ts';
import { drainPostings, seedCash, seedLine } from '#test/integration/execution/support.ts';
import { problemOf } from '#test/support/problem.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * Issue #19, finding 10: machine clients (the treasury bank link, department systems) registered in
 * the table, not in HOJO_MACHINE_CLIENTS: a registered, active client acts in its role for its
 * government, on the embedded stack; an unknown or suspended one is nobody (401), and another
 * government's data stays closed (403).
 */
const GOV = '11000';
const OTHER = '26000';

beforeAll(async () => {
  await useTestStack();
  await registerMachineClient('bank-11000', `treasury_bank@${GOV}`, 'operator:test');
  await registerMachineClient('bank-suspended', `treasury_bank@${GOV}`, 'operator:test');
  await suspendMachineClient('bank-suspended', 'operator:test');
});

/** The audit records of `gov`'s trail this year, as its 회계관 (chief_accountant) reads them. */
async function auditTrail(gov: string): Promise<{ operation: string; target: string; subject: string }[]> {
  const audit = await callRoute(listAuditRecords, {
    caller: { sub: 'ca', roles: ['chief_accountant'], gov },
    params: { gov },
    query: { from: '2026-01-01', to: '2026-12-31', limit: '1000' },
  });
  return audit.body.items;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const context = { functionName: 'getPosting', awsRequestId: 'r', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

/** Calls `route`'s real handler with a client-credentials token of `clientId` holding `scope`. */
async function machineCall(route: Route, clientId: string, options: CallOptions, scope = 'hojo/payments.confirm') {
  const file = fileURLToPath(new URL(`../../../functions/${route.handler}.ts`, import.meta.url));
  const { handler } = (await import(/* @vite-ignore */ file)) as { handler: Handler };
  const event = apiEvent(route, options);
  const claims = { sub: clientId, client_id: clientId, token_use: 'access', scope };
  const answer = await handler(
    { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } } } as never,
    context,
  );
  const body = JSON.parse(answer.body ?? '{}') as { code?: string; postingId?: string };
  return { status: answer.statusCode, code: body.code, postingId: body.postingId };
}

/** GET a posting of `gov` with a client-credentials token of `clientId` holding `scope`. */
async function asMachine(clientId: string, gov: string, scope = 'hojo/payments.confirm') {
  const { status, code } = await machineCall(getPosting, clientId, { params: { gov, postingId: 'P-NONE-0001' } }, scope);
  return { status, code };
}

describe('the machine-client registry in the table', () => {
  it('lets a registered, active client act in its role for its government only', async () => {
    // Past authentication and the role check: the posting simply does not exist.
    expect(await asMachine('bank-11000', GOV)).toEqual({ status: 404, code: 'posting-not-found' });
    expect(await asMachine('bank-11000', OTHER)).toMatchObject({ status: 403, code: 'other-government' });
    // A scope of another kind does not back the registered role.
    expect(await asMachine('bank-11000', GOV, 'hojo/postings.submit')).toMatchObject({ status: 401 });
  });

  it('treats an unknown or suspended client as nobody', async () => {
    expect(await asMachine('bank-unknown', GOV)).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await asMachine('bank-suspended', GOV)).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('lists the registrations with who changed them; refuses a role no machine has, an unknown government or client', async () => {
    const listed = await listRegisteredMachineClients();
    expect(listed.map((c) => [c.clientId, c.role, c.govs, c.status, c.updatedBy])).toEqual([
      ['bank-11000', 'treasury_bank', [GOV], 'active', 'operator:test'],
      ['bank-suspended', 'treasury_bank', [GOV], 'suspended', 'operator:test'],
    ]);
    expect((await problemOf(registerMachineClient('x', `ministry@${GOV}`, 'op'))).code).toBe('invalid-request');
    expect((await problemOf(registerMachineClient('x', 'treasury_bank@99999', 'op'))).code).toBe('government-not-found');
    expect((await problemOf(suspendMachineClient('nobody', 'op'))).code).toBe('machine-client-not-found');
    expect(await findMachineClient('x')).toBeUndefined();
  });

  it('caches a registration for a minute per function instance, so a suspension takes effect within a minute', async () => {
    let clock = 0;
    let reads = 0;
    const lookup = machineClientLookup(
      async (id) => {
        reads += 1;
        return findMachineClient(id);
      },
      () => clock,
    );
    await registerMachineClient('bank-cached', `treasury_bank@${GOV}`, 'operator:test');
    expect(await lookup('bank-cached')).toEqual({ role: 'treasury_bank', govs: [GOV] });
    await suspendMachineClient('bank-cached', 'operator:test');
    clock = registrationCacheMs - 1;
    expect(await lookup('bank-cached')).toEqual({ role: 'treasury_bank', govs: [GOV] });
    expect(reads).toBe(1);
    clock = registrationCacheMs;
    expect(await lookup('bank-cached')).toBeUndefined();
    expect(reads).toBe(2);
  });
});

describe('the registry through the API (/machine-clients, the ministry only)', () => {
  const ministry = { sub: 'mois-1', roles: ['ministry'], gov: '11000' } as const;

  it('registers, lists and suspends a client, each change with its audit record; the client then acts, then does not', async () => {
    const registered = await callRoute(registerRoute, {
      caller: ministry,
      params: { clientId: 'bank-route' },
      body: { role: 'treasury_bank', govs: [GOV] },
    });
    expect(registered).toMatchObject({
      status: 200,
      body: { clientId: 'bank-route', role: 'treasury_bank', govs: [GOV], status: 'active', updatedBy: 'mois-1' },
    });
    expect(await asMachine('bank-route', GOV)).toEqual({ status: 404, code: 'posting-not-found' });
    const listed = await callRoute(listMachineClients, { caller: ministry });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ clientId: 'bank-route', status: 'active' }));

    const suspended = await callRoute(suspendRoute, { caller: ministry, params: { clientId: 'bank-route' } });
    expect(suspended).toMatchObject({ status: 200, body: { clientId: 'bank-route', status: 'suspended' } });
    // this process's lookup cached the active registration; a fresh instance reads the suspension
    expect(await machineClientLookup()('bank-route')).toBeUndefined();

    const operations = (await auditTrail(GOV))
      .filter((r) => r.target === `machine-client bank-route (treasury_bank@${GOV})`)
      .map((r) => [r.operation, r.subject]);
    expect(operations.sort()).toEqual([
      ['machine-client.register', 'mois-1'],
      ['machine-client.suspend', 'mois-1'],
    ]);
  });

  it("refuses every other role, a government's own officials included, and changes nothing", async () => {
    for (const caller of [
      { sub: 'ca', roles: ['chief_accountant'], gov: GOV },
      { sub: 'head', roles: ['head'], gov: GOV },
      { sub: 'bank', roles: ['treasury_bank'], gov: GOV },
    ] as const) {
      const refused = await callRoute(registerRoute, {
        caller,
        params: { clientId: 'bank-self' },
        body: { role: 'treasury_bank', govs: [GOV] },
      });
      expect(refused.status, caller.sub).toBe(403);
      expect((await callRoute(listMachineClients, { caller })).status, caller.sub).toBe(403);
    }
    expect(await findMachineClient('bank-self')).toBeUndefined();
    const unknown = await callRoute(suspendRoute, { caller: ministry, params: { clientId: 'nobody' } });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'machine-client-not-found' } });
  });
});

describe('registering the clients the stack made (HojoData output MachineClients, npm run machine-clients -- register-all)', () => {
  it('registers the whole list, and nothing of a list with a mistake in it', async () => {
    await expect(
      registerMachineClients(`stack-bank-${OTHER}=treasury_bank@${OTHER},stack-dept-99999=department_official@99999`, 'operator:test'),
    ).rejects.toMatchObject({ code: 'government-not-found' });
    await expect(
      registerMachineClients(`stack-bank-${OTHER}=treasury_bank@${OTHER},stack-x=head@${OTHER}`, 'operator:test'),
    ).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await findMachineClient(`stack-bank-${OTHER}`)).toBeUndefined();

    const list = `stack-bank-${OTHER}=treasury_bank@${OTHER},stack-dept-${OTHER}=department_official@${OTHER}`;
    const registered = await registerMachineClients(list, 'operator:test');
    expect(registered.map((c) => [c.clientId, c.role, c.govs, c.status])).toEqual([
      [`stack-bank-${OTHER}`, 'treasury_bank', [OTHER], 'active'],
      [`stack-dept-${OTHER}`, 'department_official', [OTHER], 'active'],
    ]);
    expect(await findMachineClient(`stack-dept-${OTHER}`)).toMatchObject({ role: 'department_official', govs: [OTHER], status: 'active' });
  });

  it('registers a client the stack made for a set of governments, and refuses a set with an unknown one', async () => {
    await expect(registerMachineClients(`stack-set=treasury_bank@${GOV}+99999`, 'operator:test')).rejects.toMatchObject({
      code: 'government-not-found',
    });
    expect(await findMachineClient('stack-set')).toBeUndefined();
    const [registered] = await registerMachineClients(`stack-set=treasury_bank@${GOV}+${OTHER}`, 'operator:test');
    expect(registered).toMatchObject({ clientId: 'stack-set', role: 'treasury_bank', govs: [GOV, OTHER], status: 'active' });
  });
});

/**
 * A bank is the 금고 of many governments (지방회계법 제38조; one institution, one link to the
 * 지방재정관리시스템, 시행령 제63조②): one client for its set of governments confirms payments in each of
 * them, in no other, and one suspension stops it everywhere.
 */
describe('one bank client for a set of governments', () => {
  const THIRD = '27000';
  const BUSINESS = '220-81-12341'; // a valid 사업자등록번호 (check digit 1)
  let keys = 0;

  /** A payment order of `gov` as its officials leave it for the 금고: 지출원인행위, 지출결의, 지급명령. */
  async function paymentOrder(gov: string): Promise<string> {
    await seedLine({ gov, lineId: 'mc-supplies', allotted: 10_000_000 });
    await seedCash('2026-03', 5_000_000, { gov });
    const post = async (route: Route, roles: CallOptions['caller'], params: Record<string, string>, body: unknown) => {
      const answer = await callRoute(route, {
        caller: roles,
        params: { gov, year: '2026', ...params },
        body,
        headers: { 'Idempotency-Key': `mc-${gov}-${++keys}` },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      await drainPostings();
      return answer.body.postingId as string;
    };
    const finance = { sub: `fo-${gov}`, roles: ['finance_officer'], gov } as const;
    const commit = await post(
      createCommitment,
      finance,
      {},
      { lineId: 'mc-supplies', amount: 1_000_000, counterparty: BUSINESS, contractRef: 'MC-1', date: '2026-03-02' },
    );
    const resolved = await post(resolvePayment, finance, { commitmentId: commit }, { amount: 1_000_000, date: '2026-03-05' });
    return post(
      orderPayment,
      { sub: `do-${gov}`, roles: ['disbursing_officer'], gov },
      { resolutionId: resolved },
      { amount: 1_000_000, date: '2026-03-06' },
    );
  }

  const confirm = (gov: string, orderId: string | undefined) =>
    machineCall(confirmPayment, 'bank-set', {
      params: { gov, year: '2026', orderId: String(orderId) },
      body: { date: '2026-03-07' },
      headers: { 'Idempotency-Key': `mc-confirm-${gov}-${++keys}` },
    });

  afterEach(() => vi.useRealTimers());

  it('confirms a payment in each of its governments, is refused in a third, and stops in both once suspended', async () => {
    const ministry = { sub: 'mois-1', roles: ['ministry'] } as const;
    const registered = await callRoute(registerRoute, {
      caller: ministry,
      params: { clientId: 'bank-set' },
      body: { role: 'treasury_bank', govs: [GOV, OTHER] },
    });
    expect(registered).toMatchObject({ status: 200, body: { govs: [GOV, OTHER], status: 'active' } });

    const orders: Record<string, string> = {
      [GOV]: await paymentOrder(GOV),
      [OTHER]: await paymentOrder(OTHER),
      [THIRD]: await paymentOrder(THIRD),
    };
    for (const gov of [GOV, OTHER]) {
      const answer = await confirm(gov, orders[gov]);
      expect(answer.status, `${gov}: ${answer.code}`).toBe(202);
      await drainPostings();
      const read = await callRoute(getPosting, {
        caller: { sub: `fo-${gov}`, roles: ['finance_officer'], gov },
        params: { gov, postingId: answer.postingId as string },
      });
      expect(read.body, gov).toMatchObject({ status: 'applied', gov, kind: 'pay' });
    }
    expect(await confirm(THIRD, orders[THIRD])).toMatchObject({ status: 403, code: 'other-government' });

    // The registration and the suspension are audited in each of its governments, naming the set; not in the third.
    await callRoute(suspendRoute, { caller: ministry, params: { clientId: 'bank-set' } });
    const audited = async (gov: string) => {
      return (await auditTrail(gov))
        .filter((r) => r.target.startsWith('machine-client bank-set '))
        .map((r) => [r.operation, r.target])
        .sort();
    };
    const target = `machine-client bank-set (treasury_bank@${GOV}+${OTHER})`;
    for (const gov of [GOV, OTHER]) {
      expect(await audited(gov), gov).toEqual([
        ['machine-client.register', target],
        ['machine-client.suspend', target],
      ]);
    }
    expect(await audited(THIRD)).toEqual([]);

    // Past the function instance's one-minute cache, the suspended client is nobody in either government.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + registrationCacheMs + 1);
    for (const gov of [GOV, OTHER]) expect(await asMachine('bank-set', gov), gov).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('audits a new set in each government it names and in each it drops', async () => {
    const ministry = { sub: 'mois-1', roles: ['ministry'] } as const;
    for (const govs of [
      [GOV, OTHER],
      [GOV, THIRD],
    ]) {
      const answer = await callRoute(registerRoute, {
        caller: ministry,
        params: { clientId: 'bank-move' },
        body: { role: 'treasury_bank', govs },
      });
      expect(answer.status).toBe(200);
    }
    const targets = async (gov: string) => {
      return (await auditTrail(gov))
        .map((r) => r.target)
        .filter((t) => t.startsWith('machine-client bank-move '))
        .sort();
    };
    const before = `machine-client bank-move (treasury_bank@${GOV}+${OTHER})`;
    const after = `machine-client bank-move (treasury_bank@${GOV}+${THIRD})`;
    expect(await targets(GOV)).toEqual([before, after]);
    expect(await targets(OTHER)).toEqual([before, after]);
    expect(await targets(THIRD)).toEqual([after]);
    expect(await asMachine('bank-move', OTHER)).toMatchObject({ status: 403, code: 'other-government' });
  });

  it('refuses a body naming no government or one twice, and registers nothing', async () => {
    const ministry = { sub: 'mois-1', roles: ['ministry'] } as const;
    for (const govs of [[], [GOV, GOV]]) {
      const refused = await callRoute(registerRoute, {
        caller: ministry,
        params: { clientId: 'bank-bad' },
        body: { role: 'treasury_bank', govs },
      });
      expect(refused.status, JSON.stringify(govs)).toBe(400);
    }
    expect(await findMachineClient('bank-bad')).toBeUndefined();
  });

  it('reads a registration stored before sets existed (one `gov`) as the set of that government', async () => {
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: 'MACHINE-CLIENTS',
          sk: 'CLIENT#bank-old',
          entity: 'machine-client',
          clientId: 'bank-old',
          role: 'treasury_bank',
          gov: GOV,
          status: 'active',
          updatedAt: '2026-11-01T00:00:00.000Z',
          updatedBy: 'operator:test',
        },
      }),
    );
    expect(await findMachineClient('bank-old')).toMatchObject({ govs: [GOV], status: 'active' });
    expect(await asMachine('bank-old', GOV)).toEqual({ status: 404, code: 'posting-not-found' });
    expect(await asMachine('bank-old', OTHER)).toMatchObject({ status: 403, code: 'other-government' });
  });
});
