import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { governmentRead, governmentWrite, publicAccess } from '#shared/auth/access.ts';
import type { Access } from '#shared/auth/access.ts';
import { authorize } from '#shared/auth/authorize.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { ApiContext } from '#shared/middleware/api-context.ts';
import { authenticate } from '#shared/middleware/authenticate.ts';
import { apiEvent } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';

const route = defineRoute({ id: 'probe', method: 'GET', path: '/probe', handler: 'none', summary: '', tags: [], access: publicAccess });

/** Runs the middleware in front of a handler that reports the caller it was given. */
async function callerSeen(
  access: Access,
  event: APIGatewayProxyEventV2,
  residentGovernment?: (subject: string) => Promise<string | undefined>,
): Promise<Caller | undefined> {
  let seen: Caller | undefined;
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, ApiContext>(
    async (_event: APIGatewayProxyEventV2, context: ApiContext) => {
      seen = context.caller;
      return { statusCode: 200 };
    },
  ).use(authenticate(access, undefined, residentGovernment));
  await handler(event, {} as ApiContext);
  return seen;
}

const withClaims = (claims: Record<string, unknown>, event: APIGatewayProxyEventV2 = apiEvent(route)): APIGatewayProxyEventV2 => {
  return { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } } } as APIGatewayProxyEventV2;
};

describe('authenticate middleware', () => {
  it('puts the caller from the JWT claims in the context', async () => {
    const caller = await callerSeen(
      governmentRead('head'),
      apiEvent(route, { caller: { sub: 'u-7', roles: ['head', 'council_member'], gov: '11000', dept: 'd1' } }),
    );
    expect(caller).toEqual({ sub: 'u-7', roles: ['head', 'council_member'], gov: '11000', dept: 'd1' });
  });

  it('reads Cognito claims as API Gateway passes them', async () => {
    const caller = await callerSeen(
      governmentRead('head'),
      withClaims({ sub: 'c', 'cognito:groups': '[head, ministry]', 'custom:gov': '26000' }),
    );
    expect(caller).toMatchObject({ sub: 'c', roles: ['head', 'ministry'], gov: '26000' });
  });

  it('answers 401 on a protected route without claims', async () => {
    await expect(problemOf(callerSeen(governmentRead('head'), apiEvent(route)))).resolves.toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('answers 401 when the claims carry no subject', async () => {
    await expect(problemOf(callerSeen(governmentRead('head'), withClaims({ roles: '[head]', gov: '11000' })))).resolves.toMatchObject({
      status: 401,
    });
  });

  it('lets an anonymous request through to a public route, without a caller', async () => {
    expect(await callerSeen(publicAccess, apiEvent(route))).toBeUndefined();
  });

  it('still identifies a caller who presents a token to a public route', async () => {
    expect(await callerSeen(publicAccess, apiEvent(route, { caller: { sub: 'r', roles: ['resident'] } }))).toMatchObject({ sub: 'r' });
  });

  it("reads a resident's government from the registry only where the route needs a caller", async () => {
    let reads = 0;
    const registry = async () => {
      reads += 1;
      return '11110';
    };
    const token = apiEvent(route, { caller: { sub: 'r', roles: ['resident'], gov: '26000' } });
    expect(await callerSeen(publicAccess, token, registry)).toMatchObject({ sub: 'r', gov: undefined });
    expect(reads).toBe(0);
    expect(await callerSeen(governmentWrite('resident'), token, registry)).toMatchObject({ sub: 'r', roles: ['resident'], gov: '11110' });
    expect(reads).toBe(1);
  });

  it('maps a machine token through HOJO_MACHINE_CLIENTS and refuses an unregistered client with 401', async () => {
    const previous = process.env.HOJO_MACHINE_CLIENTS;
    process.env.HOJO_MACHINE_CLIENTS = 'bank-11110=treasury_bank@11110';
    try {
      const machine = (id: string) => withClaims({ sub: id, client_id: id, token_use: 'access', scope: 'hojo/payments.confirm' });
      expect(await callerSeen(governmentRead('treasury_bank'), machine('bank-11110'))).toEqual({
        sub: 'bank-11110',
        roles: ['treasury_bank'],
        gov: '11110',
        dept: undefined,
      });
      const refused = await problemOf(callerSeen(governmentRead('treasury_bank'), machine('bank-99999')));
      expect(refused.status).toBe(401);
    } finally {
      if (previous === undefined) delete process.env.HOJO_MACHINE_CLIENTS;
      else process.env.HOJO_MACHINE_CLIENTS = previous;
    }
  });

  it("takes the government of a multi-government machine client from the request's path, when it is in its set", async () => {
    const previous = process.env.HOJO_MACHINE_CLIENTS;
    process.env.HOJO_MACHINE_CLIENTS = 'bank-nh=treasury_bank@11110+26000';
    try {
      const govRoute = defineRoute({ ...route, id: 'probeGov', path: '/probe/{gov}' });
      const claims = { sub: 'bank-nh', client_id: 'bank-nh', token_use: 'access', scope: 'hojo/payments.confirm' };
      const at = (gov: string) => withClaims(claims, apiEvent(govRoute, { params: { gov } }));
      const access = governmentWrite('treasury_bank');
      for (const gov of ['11110', '26000']) expect((await callerSeen(access, at(gov)))?.gov, gov).toBe(gov);
      const elsewhere = await callerSeen(access, at('41000'));
      expect(elsewhere).toMatchObject({ sub: 'bank-nh', roles: ['treasury_bank'], gov: undefined });
      expect(authorize(access, elsewhere, '41000')).toMatchObject({ allowed: false, code: 'other-government' });
    } finally {
      if (previous === undefined) delete process.env.HOJO_MACHINE_CLIENTS;
      else process.env.HOJO_MACHINE_CLIENTS = previous;
    }
  });

  describe("a token of the residents' pool (HOJO_RESIDENT_ISSUER, issue #19 finding 10)", () => {
    const residents = 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_Residents';
    const vote = governmentWrite('resident');
    const withResidentIssuer = async <T>(run: () => Promise<T>): Promise<T> => {
      const previous = { issuer: process.env.HOJO_RESIDENT_ISSUER, machines: process.env.HOJO_MACHINE_CLIENTS };
      process.env.HOJO_RESIDENT_ISSUER = residents;
      process.env.HOJO_MACHINE_CLIENTS = 'r-bank=treasury_bank@11110';
      try {
        return await run();
      } finally {
        for (const [name, value] of [
          ['HOJO_RESIDENT_ISSUER', previous.issuer],
          ['HOJO_MACHINE_CLIENTS', previous.machines],
        ] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    };

    it.each([
      ['Cognito groups', { 'cognito:groups': '[ministry head]' }],
      ['the local roles claim', { roles: ['finance_officer', 'treasury_bank'] }],
      ['a machine shape (client_id = sub, a registered client, its scope)', { client_id: 'r-bank', scope: 'hojo/payments.confirm' }],
      ['a department', { 'custom:dept': 'finance', dept: 'finance' }],
    ])('acts as a resident of its registered government and nothing else, whatever %s it carries', async (_, extra) => {
      const claims = { sub: 'r-bank', iss: residents, 'custom:gov': '26000', ...extra };
      const registry = async (subject: string) => (subject === 'r-bank' ? '11110' : undefined);
      const caller = await withResidentIssuer(() => callerSeen(vote, withClaims(claims), registry));
      // the registry's government, not the token's custom:gov
      expect(caller).toEqual({ sub: 'r-bank', roles: ['resident'], gov: '11110', dept: undefined });
      expect(authorize(governmentRead('head', 'ministry', 'finance_officer', 'treasury_bank'), caller, '11110')).toMatchObject({
        allowed: false,
        code: 'role-not-permitted',
      });
      expect(authorize(vote, caller, '11110')).toEqual({ allowed: true, actingRole: 'resident' });
      expect(authorize(vote, caller, '26000')).toMatchObject({ allowed: false, code: 'other-government' });
    });

    it('belongs to no government until an enrolment is approved: a self-signed-up account is refused everywhere', async () => {
      const claims = { sub: 'r-new', iss: residents, gov: '11110', 'custom:gov': '11110' };
      const caller = await withResidentIssuer(() => callerSeen(vote, withClaims(claims), async () => undefined));
      expect(caller).toEqual({ sub: 'r-new', roles: ['resident'], gov: undefined, dept: undefined });
      expect(authorize(vote, caller, '11110')).toMatchObject({ allowed: false, code: 'other-government' });
    });
  });
});
