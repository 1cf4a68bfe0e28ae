import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { createCommitment } from '#shared/routes/execution.ts';
import { putConcurrentRoles } from '#shared/routes/registry.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, GOV, seedLine, YEAR } from '#test/integration/execution/support.ts';

/**
 * 시행령 제46조 through the HTTP API: in a 관서 whose recorded 정원 is at most 3, a 분임재무관 (지방회계법
 * 제47조) may also be its 일상경비등 출납원 (제44조③) once the government names that official; each
 * change made under the exception carries the use (who, which pair, on which ground, in which office of
 * which 정원) in its own audit record, and the 회계책임관 lists exactly those changes.
 */
const chief: TestCaller = { sub: 'ca-jung', roles: ['chief_accountant'], gov: GOV };
const bunim: TestCaller = { sub: 'Bun-Im', roles: ['sub_finance_officer', 'petty_cash_cashier'], gov: GOV, dept: 'D-tiny' };
const tinyOffice = { office: 'D-tiny', headcount: 3, reference: '정원규칙 별표 3' };
const exception = { pair: 'finance-and-cash', office: 'D-tiny', subjects: ['bun-im'], reference: '회계과-2026-0501', from: '2026-11-01' };

let revision = 0;
const configure = async (offices: object[], exceptions: object[]) => {
  const answer = await callRoute(putConcurrentRoles, {
    caller: chief,
    params: { gov: GOV },
    body: { expectedRevision: revision, offices, exceptions },
  });
  if (answer.status === 200) revision = answer.body.revision;
  return answer;
};
let keys = 0;
const commit = (caller: TestCaller, amount: number) =>
  callRoute(createCommitment, {
    caller,
    params: { gov: GOV, year: YEAR },
    body: { lineId: 'tiny-office', amount, counterparty: '문구점', contractRef: `C-TINY-${keys + 1}`, date: '2026-11-30' },
    headers: { 'Idempotency-Key': `tiny-${++keys}` },
  });
const exceptionLog = async () =>
  (
    await callRoute(listAuditRecords, {
      caller: chief,
      params: { gov: GOV },
      query: { from: '2026-11-01', to: '2026-12-31', underException: 'true' },
    })
  ).body;

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'tiny-office', allotted: 5_000_000 });
});

describe('분임재무관 + 일상경비등 출납원 in a 관서 of at most 3 (시행령 제46조), each use logged', () => {
  it('refuses the pair until the office is recorded at most 3 and the official named', async () => {
    const refused = await commit(bunim, 100_000);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'concurrent-roles-not-allowed',
      context: { pair: 'finance-and-cash', exception: '지방회계법 시행령 제46조', maxHeadcount: 3 },
    });
    const four = await configure([{ ...tinyOffice, headcount: 4 }], [exception]);
    expect(four.status).toBe(422);
    expect(four.body).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { headcount: 4, maxHeadcount: 3 } });
  });

  it('lets the named 분임재무관 commit, and the commitment’s audit record carries the use', async () => {
    expect((await configure([tinyOffice], [exception])).status).toBe(200);
    const accepted = await appliedPosting(await commit(bunim, 100_000));
    // The 재무관 himself is not a 분임재무관: the exception never covers him with the 출납원's cash.
    const finance = await commit({ ...bunim, roles: ['finance_officer', 'petty_cash_cashier'] }, 100_000);
    expect(finance.body.code).toBe('concurrent-roles-not-allowed');
    // A 재무관 without the pair commits as always, and is not in the log.
    await appliedPosting(await commit(callers.financeOfficer, 200_000));

    const log = await exceptionLog();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      operation: 'createCommitment.accepted',
      target: `posting ${accepted.postingId}`,
      subject: 'Bun-Im',
      role: 'sub_finance_officer',
      exceptionUses: [
        {
          pair: 'finance-and-cash',
          duties: ['재무관', '현금출납'],
          ground: '지방회계법 시행령 제46조',
          office: 'D-tiny',
          headcount: 3,
          maxHeadcount: 3,
          reference: '회계과-2026-0501',
        },
      ],
    });
  });

  it('stops counting the appointment after its last day', async () => {
    expect((await configure([tinyOffice], [{ ...exception, to: '2026-11-29' }])).status).toBe(200);
    expect((await commit(bunim, 100_000)).body.code).toBe('concurrent-roles-not-allowed');
    expect((await exceptionLog()).items).toHaveLength(1);
  });
});
