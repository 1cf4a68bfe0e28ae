/**
 * Issue #18, done-when: `npm run provision` + `HOJO_EXTERNAL_ENDPOINTS=1 npm start` against moto
 * runs the README's budget and posting walkthrough green. moto stands in for an on-prem
 * AWS-compatible platform; a JWKS served here stands in for the organisation's identity provider
 * (external endpoints refuse the development issuer).
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import type { DevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import type { Role } from '#shared/auth/roles.ts';
import { expenditureLineInput, revenueLineInput } from '#test/support/budget-lines.ts';
import { projectRoot, type RunningStart, startNpmStart } from '#test/integration/ops/running-start.ts';

const GOV = '11110';
const YEAR = 2026;
const LINE = 'E.GEN.P01.U01.D001.201-01';

let moto: MotoServer;
let idp: DevIssuer;
let jwksServer: ReturnType<typeof createServer>;
let runtime: RunningStart;
const dataDir = await mkdtemp(join(tmpdir(), 'hojo-walk-moto-'));

beforeAll(async () => {
  moto = await startMoto();
  const endpoints = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_DYNAMODB: '', AWS_ENDPOINT_URL_SQS: '', AWS_ENDPOINT_URL_S3: '' };
  const provisioned = await promisify(execFile)(process.execPath, ['infra/cli/provision.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...endpoints, POSTING_QUEUE_SHARDS: '1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  const exported = Object.fromEntries([...provisioned.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  idp = await loadDevIssuer(join(dataDir, 'idp'));
  jwksServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(idp.jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  runtime = await startNpmStart(join(dataDir, 'runtime'), ['--no-schedules'], {
    ...endpoints,
    ...exported,
    HOJO_EXTERNAL_ENDPOINTS: '1',
    HOJO_JWKS_URL: jwksUrl,
    HOJO_JWT_ISSUER: idp.issuer,
    HOJO_JWT_AUDIENCE: idp.audience,
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
}, 240_000);

afterAll(async () => {
  await runtime?.stop();
  await new Promise((resolve) => jwksServer?.close(resolve));
  await moto?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const token = (role: Role, sub: string, dept?: string) => idp.sign({ sub, roles: [role], gov: GOV, ...(dept ? { dept } : {}) });

async function call(method: string, path: string, bearer: string, body?: unknown, key?: string) {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('the README walkthrough on moto through npm provision and HOJO_EXTERNAL_ENDPOINTS=1 npm start', () => {
  it('budget version → final, allotment, cash, commitment → resolution → order → payment applied', async () => {
    const bo1 = await token('budget_officer', 'bo-kim');
    const bo2 = await token('budget_officer', 'bo-lee');
    const dept = await token('department_official', 'do-park', 'D100');
    const head = await token('head', 'head-jongno');
    const council = await token('council_member', 'cm-choi');
    const g = `/governments/${GOV}`;
    const v = `${g}/budgets/${YEAR}/versions/0`;
    const ok = (answer: { status: number; body: unknown }, step: string) =>
      expect(answer.status, `${step}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);

    ok(await call('PUT', `${g}/accounts/GEN`, bo1, { name: '일반회계', kind: 'general' }), 'account');
    ok(await call('PUT', `${g}/departments/D100`, bo1, { name: '기획예산과' }), 'department');
    ok(await call('POST', `${g}/budgets/${YEAR}/versions`, bo1, { kind: 'original' }), 'version');
    ok(
      await call('POST', `${v}/lines`, dept, {
        revision: 0,
        upsert: [expenditureLineInput({ amount: 30_000_000 }), revenueLineInput({ amount: 30_000_000 })],
      }),
      'lines',
    );
    const steps: [string, string][] = [
      ['request', dept],
      ['adjust', bo2],
      ['submit', head],
      ['resolve', council],
      ['finalise', head],
    ];
    for (const [n, [action, who]] of steps.entries()) ok(await call('POST', `${v}/transitions`, who, { action, revision: n + 1 }), action);
    ok(
      await call('POST', `${g}/budgets/${YEAR}/allotments`, bo1, {
        lineId: LINE,
        quarter: 4,
        amount: 7_500_000,
        kind: 'regular',
        reference: 'ALLOT-2026-0001',
      }),
      'allotment',
    );
    ok(
      await call('POST', `${g}/budgets/${YEAR}/cash-allocations`, bo1, {
        fund: 'GEN',
        month: '2026-11',
        amount: 2_500_000,
        reference: 'CASH-2026-11',
      }),
      'cash',
    );

    const fo = await token('finance_officer', 'fo-kim');
    const disbursing = await token('disbursing_officer', 'do-lee');
    const bank = await token('treasury_bank', 'bank-jongno');
    const b = `${g}/years/${YEAR}`;
    const applied = async (path: string, who: string, key: string, body: unknown): Promise<string> => {
      const accepted = await call('POST', `${b}/${path}`, who, body, key);
      expect(accepted.status, `${path}: ${JSON.stringify(accepted.body)}`).toBe(202);
      const id = String(accepted.body.postingId);
      let status = '';
      await vi.waitFor(
        async () => {
          const result = await call('GET', `${g}/postings/${id}`, fo);
          status = String(result.body.status);
          expect(status).not.toBe('queued');
        },
        { timeout: 60_000, interval: 200 },
      );
      expect(status, path).toBe('applied');
      return id;
    };
    const c = await applied('commitments', fo, 'c-1', {
      lineId: LINE,
      amount: 3_000_000,
      counterparty: '123-45-67890',
      contractRef: 'C-2026-001',
      date: '2026-11-24',
    });
    const r = await applied(`commitments/${c}/resolutions`, fo, 'r-1', { amount: 1_200_000, date: '2026-11-24' });
    const o = await applied(`resolutions/${r}/payment-orders`, disbursing, 'o-1', { amount: 1_200_000, date: '2026-11-24' });
    const p = await applied(`payment-orders/${o}/payment`, bank, 'p-1', { date: '2026-11-24' });
    const payment = await call('GET', `${g}/postings/${p}`, fo);
    expect(payment.body.status).toBe('applied');
  }, 240_000);
});
