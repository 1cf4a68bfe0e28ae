import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  listRegisteredMachineClients,
  registerMachineClient,
  registerMachineClients,
  suspendMachineClient,
} from '#shared/application/registry/machine-clients.ts';
import { getPosting } from '#shared/routes/execution.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import {
  listMachineClients,
  registerMachineClient as registerRoute,
  suspendMachineClient as suspendRoute,
} from '#shared/routes/registry.ts';
import { machineClientLookup, registrationCacheMs } from '#shared/wiring/machine-client-registry.ts';
import { findMachineClient } from '#shared/stores/registry/machine-clients.ts';
import { apiEvent, callRoute } from '#test/support/api.ts';
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

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const context = { functionName: 'getPosting', awsRequestId: 'r', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

/** GET a posting of `gov` with a client-credentials token of `clientId` holding `scope`. */
async function asMachine(clientId: string, gov: string, scope = 'hojo/payments.confirm') {
  const file = fileURLToPath(new URL(`../../../functions/${getPosting.handler}.ts`, import.meta.url));
  const { handler } = (await import(/* @vite-ignore */ file)) as { handler: Handler };
  const event = apiEvent(getPosting, { params: { gov, postingId: 'P-NONE-0001' } });
  const claims = { sub: clientId, client_id: clientId, token_use: 'access', scope };
  const answer = await handler(
    { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } } } as never,
    context,
  );
  return { status: answer.statusCode, code: JSON.parse(answer.body ?? '{}').code as string | undefined };
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
    expect(listed.map((c) => [c.clientId, c.role, c.gov, c.status, c.updatedBy])).toEqual([
      ['bank-11000', 'treasury_bank', GOV, 'active', 'operator:test'],
      ['bank-suspended', 'treasury_bank', GOV, 'suspended', 'operator:test'],
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
    expect(await lookup('bank-cached')).toEqual({ role: 'treasury_bank', gov: GOV });
    await suspendMachineClient('bank-cached', 'operator:test');
    clock = registrationCacheMs - 1;
    expect(await lookup('bank-cached')).toEqual({ role: 'treasury_bank', gov: GOV });
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
      body: { role: 'treasury_bank', gov: GOV },
    });
    expect(registered).toMatchObject({
      status: 200,
      body: { clientId: 'bank-route', role: 'treasury_bank', gov: GOV, status: 'active', updatedBy: 'mois-1' },
    });
    expect(await asMachine('bank-route', GOV)).toEqual({ status: 404, code: 'posting-not-found' });
    const listed = await callRoute(listMachineClients, { caller: ministry });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ clientId: 'bank-route', status: 'active' }));

    const suspended = await callRoute(suspendRoute, { caller: ministry, params: { clientId: 'bank-route' } });
    expect(suspended).toMatchObject({ status: 200, body: { clientId: 'bank-route', status: 'suspended' } });
    // this process's lookup cached the active registration; a fresh instance reads the suspension
    expect(await machineClientLookup()('bank-route')).toBeUndefined();

    const audit = await callRoute(listAuditRecords, {
      caller: { sub: 'ca', roles: ['chief_accountant'], gov: GOV },
      params: { gov: GOV },
      query: { from: '2026-01-01', to: '2026-12-31', limit: '1000' },
    });
    const operations = (audit.body.items as { operation: string; target: string; subject: string }[])
      .filter((r) => r.target === 'machine-client bank-route')
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
        body: { role: 'treasury_bank', gov: GOV },
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
    expect(registered.map((c) => [c.clientId, c.role, c.gov, c.status])).toEqual([
      [`stack-bank-${OTHER}`, 'treasury_bank', OTHER, 'active'],
      [`stack-dept-${OTHER}`, 'department_official', OTHER, 'active'],
    ]);
    expect(await findMachineClient(`stack-dept-${OTHER}`)).toMatchObject({ role: 'department_official', gov: OTHER, status: 'active' });
  });
});
