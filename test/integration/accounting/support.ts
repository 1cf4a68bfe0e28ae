import { expect } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { allocateCash, allotBudget, putAccount, putDepartment } from '#shared/routes/budget.ts';
import * as execution from '#shared/routes/execution.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';

/**
 * Helpers of the accounting integration tests: a government's 회계 set up, lines allotted and
 * funded, and the execution chains driven through the real handlers and the postings consumer.
 */
export function officials(gov: string) {
  const caller = (sub: string, role: Role): TestCaller => ({ sub: `${sub}-${gov}`, roles: [role], gov });
  return {
    budgetOfficer: caller('bo', 'budget_officer'),
    financeOfficer: caller('fo', 'finance_officer'),
    disbursingOfficer: caller('do', 'disbursing_officer'),
    bank: caller('bank', 'treasury_bank'),
    revenueOfficer: caller('ro', 'revenue_officer'),
    chief: caller('chief', 'chief_accountant'),
    ministry: { sub: 'mois-1', roles: ['ministry'] } as TestCaller,
  };
}

const ok = (result: { status: number; body: unknown }, status = 200) => expect(result.status, JSON.stringify(result.body)).toBe(status);

/** The 회계 (accounts) of the government with their kinds (제6조① types) and one department. */
export async function setUpAccounts(gov: string, accounts: readonly { code: string; name: string; kind: string }[]): Promise<void> {
  const { budgetOfficer } = officials(gov);
  for (const a of accounts) {
    ok(await callRoute(putAccount, { params: { gov, account: a.code }, body: { name: a.name, kind: a.kind }, caller: budgetOfficer }));
  }
  ok(await callRoute(putDepartment, { params: { gov, dept: 'D100' }, body: { name: '기획예산과' }, caller: budgetOfficer }));
}

/** 예산배정 of a whole line in the first quarter, and 자금배정 of the months its payments fall in. */
export async function allot(gov: string, year: number, lineId: string, amount: number): Promise<void> {
  const body = { lineId, quarter: 1, amount, kind: 'regular', reference: `ALLOT-${lineId.replace(/[^0-9A-Za-z_-]/g, '_').slice(-30)}` };
  ok(await callRoute(allotBudget, { params: { gov, year }, body, caller: officials(gov).budgetOfficer }), 201);
}

export async function fund(gov: string, year: number, account: string, month: string, amount: number): Promise<void> {
  const body = { fund: account, month, amount, reference: `CASH-${account}-${month}` };
  ok(await callRoute(allocateCash, { params: { gov, year }, body, caller: officials(gov).budgetOfficer }), 201);
}

let keys = 0;
/** A posting through its route, the consumer drained, and its status read: it must be applied. */
export async function posting(route: (typeof execution)[keyof typeof execution], caller: TestCaller, params: object, body: unknown) {
  const accepted = await callRoute(route, {
    caller,
    params: params as Record<string, string | number>,
    body,
    headers: { 'Idempotency-Key': `golden-${++keys}` },
  });
  ok(accepted, 202);
  await drainPostings();
  const status = await callRoute(execution.getPosting, {
    caller,
    params: { gov: (params as { gov: string }).gov, postingId: accepted.body.postingId },
  });
  expect(status.body.status, JSON.stringify(status.body)).toBe('applied');
  return status.body as AppliedPosting;
}

/** A posting as getPosting shows it once applied. */
export interface AppliedPosting {
  readonly postingId: string;
  readonly kind: string;
  readonly journal?: { readonly lines: readonly { account: string; debit: number; credit: number }[] };
}

/**
 * 지출원인행위 → 지출결의 (the cost or asset accrues) → 지급명령 (with its 원천징수, if any) → 지급 (the
 * cash goes), each applied.
 */
export async function spend(
  gov: string,
  year: number,
  lineId: string,
  amount: number,
  date: string,
  withholdings?: readonly { kind: string; amount: number }[],
): Promise<AppliedPosting[]> {
  const c = officials(gov);
  const base = { gov, year };
  const commit = await posting(execution.createCommitment, c.financeOfficer, base, {
    lineId,
    amount,
    counterparty: '(주)가나다건설',
    contractRef: `C-${lineId}`,
    date,
  });
  const resolve = await posting(execution.resolvePayment, c.financeOfficer, { ...base, commitmentId: commit.postingId }, { amount, date });
  const order = await posting(
    execution.orderPayment,
    c.disbursingOfficer,
    { ...base, resolutionId: resolve.postingId },
    { amount, date, ...(withholdings ? { withholdings } : {}) },
  );
  const pay = await posting(
    execution.confirmPayment,
    c.bank,
    { ...base, orderId: order.postingId },
    { date, bankReference: `TX-${lineId}` },
  );
  return [commit, resolve, order, pay];
}

/** A 지출원인행위 left unpaid at year end (what a 사고이월 carries; no journal: the cost accrues at 지출결의). */
export async function commitUnpaid(gov: string, year: number, lineId: string, amount: number, date: string): Promise<AppliedPosting> {
  const c = officials(gov);
  return posting(
    execution.createCommitment,
    c.financeOfficer,
    { gov, year },
    {
      lineId,
      amount,
      counterparty: '(주)가나다건설',
      contractRef: `C-${lineId}-late`,
      date,
    },
  );
}

/** 징수결정 of `assessed`, then 수납 of `received` (the rest stays 미수). */
export async function collect(
  gov: string,
  year: number,
  lineId: string,
  assessed: number,
  received: number,
  date: string,
): Promise<AppliedPosting[]> {
  const c = officials(gov);
  const assessment = await posting(
    execution.assessRevenue,
    c.revenueOfficer,
    { gov, year },
    { lineId, amount: assessed, payer: '납부자', dueDate: date, date },
  );
  if (received === 0) return [assessment];
  return [
    assessment,
    await posting(execution.receiveRevenue, c.bank, { gov, year, assessmentId: assessment.postingId }, { amount: received, date }),
  ];
}

/** An archived file of a report, fetched through the download route as the ministry reads it. */
export async function archivedFile(gov: string, year: number, report: string, file = 'report.json'): Promise<Uint8Array> {
  const signed = await callRoute(getArchiveDownload, {
    params: { gov },
    query: { key: `${year}/${gov}/${report}/${year}/${file}` },
    caller: officials(gov).ministry,
  });
  ok(signed);
  const response = await fetch(signed.body.url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** An archived report's JSON. */
export async function archivedReport(gov: string, year: number, report: string): Promise<any> {
  return JSON.parse(new TextDecoder().decode(await archivedFile(gov, year, report)));
}

/** The year-end closing (with the ledger backfill), drained: the archived financial statements. */
export async function closeYear(gov: string, year: number): Promise<any> {
  const closing = await callRoute(requestClosing, {
    params: { gov, year },
    body: { kind: 'year-end', period: String(year), backfill: true },
    caller: officials(gov).chief,
  });
  ok(closing, 202);
  expect(await drainSettlementQueue()).toEqual([]);
  return archivedReport(gov, year, 'financial-statements');
}

/** The statements' totals of one 회계 (`entity.{fund}.{name}`), each as the hand figure says. */
export function expectEntityTotals(statements: { totals: Record<string, string> }, fund: string, expected: Record<string, string>): void {
  for (const [name, value] of Object.entries(expected)) expect(statements.totals[`entity.${fund}.${name}`], name).toBe(value);
}

/** The works contractor of the golden years' road contracts (지방계약법 §14 register: name, 사업자등록번호, 대표자, account). */
export const roadContractor = {
  name: '(주)가나다건설',
  businessNumber: '1234567891',
  representative: '김건설',
  account: { bank: '국민은행', number: '123-456-7890', holder: '(주)가나다건설' },
} as const;

/**
 * A one-line 일반회계 year: a 물건비 line of 1,000,000 (with the 예비비 of 지방재정법 §43① and the revenue
 * lines that balance them) allotted and funded for May. Returns the spending line.
 */
export async function oneLineGeneralYear(gov: string, year: number): Promise<string> {
  await setUpAccounts(gov, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(gov, year, 'original', [
    expenditure({ amount: 1_000_000, structureType: 'administrative' }),
    reserve(10_000),
    revenue({ amount: 1_010_000 }),
  ]);
  const office = 'E.GEN.P01.U01.D001.201-01';
  await allot(gov, year, office, 1_000_000);
  await fund(gov, year, 'GEN', `${year}-05`, 1_000_000);
  return office;
}
