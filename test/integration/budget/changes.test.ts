import { describe, expect, it } from 'vitest';
import {
  allocateCash,
  allotBudget,
  createBudgetVersion,
  createPreEstablished,
  divertBudget,
  editBudgetLines,
  getBudgetLineStatus,
  getDiversionStatement,
  getExecutionRollup,
  getGeneralProvisions,
  getReserveStatement,
  listBudgetChanges,
  putBudgetDelegations,
  putGeneralProvisions,
  recodeExecution,
  reallocateBudget,
  reverseBudgetChange,
  transferBudget,
  useBudgetReserve,
} from '#shared/routes/budget.ts';
import * as execution from '#shared/routes/execution.ts';
import { buildReports } from '#shared/domain/settlement/closing.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { readClosingInputs } from '#shared/stores/settlement/inputs.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { callers, expenditure, finalBudget, revenue, setUpStructure, step } from './support.ts';

await useTestStack();

/**
 * A scripted quarter (Q4 2026) of one 구 through the HTTP handlers: a budget the council cut, with
 * an 예산총칙 이용 clause; 전용 refused and accepted, 이용, 이체, a 예비비 사용결정 then a commitment
 * on the target line, a 과목경정, a 성립전 line — the line status before and after each.
 */
const gov = '11170'; // 용산구
const year = 2026;
const c = callers(gov);
const date = '2026-11-30';
const office = expenditure({ statItem: '201-01', amount: 10_000_000 }); // P01 사무관리비
const entertainment = expenditure({ statItem: '203-01', amount: 2_000_000 }); // P01 업무추진비
const materials = expenditure({ statItem: '206-01', amount: 1_000_000 }); // P01 재료비
const salaries = expenditure({ statItem: '101-01', amount: 50_000_000 }); // P01 인건비
const travel = expenditure({ unitCode: 'U02', detailCode: 'D002', statItem: '202-01', amount: 3_000_000 }); // P01, the council cuts it
const grants = expenditure({
  policyCode: 'P02',
  unitCode: 'U03',
  detailCode: 'D010',
  statItem: '307-02',
  sector: '081',
  dept: 'D200',
  amount: 20_000_000,
});
const centre = expenditure({
  policyCode: 'P02',
  unitCode: 'U03',
  detailCode: 'D011',
  statItem: '201-02',
  sector: '081',
  dept: 'D200',
  amount: 5_000_000,
});
const principal = expenditure({
  policyCode: 'P04',
  unitCode: 'U04',
  detailCode: 'D020',
  statItem: '601-01',
  amount: 4_000_000,
  debtInstrument: 'bond', // 원금상환 reduces 지방채증권 (the journal map needs the instrument)
});
const interest = expenditure({ policyCode: 'P04', unitCode: 'U04', detailCode: 'D020', statItem: '311-01', amount: 1_000_000 });
const reserve = expenditure({ policyCode: 'P09', unitCode: 'U09', detailCode: 'D099', statItem: '801-01', amount: 900_000 });
// the 재해·재난 목적 예비비 (지방재정법 §43②), apart from the general 예비비 and outside its 1% cap
const disasterReserve = expenditure({ policyCode: 'P09', unitCode: 'U09', detailCode: 'D098', statItem: '801-02', amount: 200_000 });
const spending = [office, entertainment, materials, salaries, travel, grants, centre, principal, interest, reserve, disasterReserve];
const total = spending.reduce((sum, line) => sum + line.amount, 0);
const id = {
  office: 'E.GEN.P01.U01.D001.201-01',
  entertainment: 'E.GEN.P01.U01.D001.203-01',
  materials: 'E.GEN.P01.U01.D001.206-01',
  salaries: 'E.GEN.P01.U01.D001.101-01',
  travel: 'E.GEN.P01.U02.D002.202-01',
  grants: 'E.GEN.P02.U03.D010.307-02',
  centre: 'E.GEN.P02.U03.D011.201-02',
  principal: 'E.GEN.P04.U04.D020.601-01',
  interest: 'E.GEN.P04.U04.D020.311-01',
  reserve: 'E.GEN.P09.U09.D099.801-01',
  disasterReserve: 'E.GEN.P09.U09.D098.801-02',
};

/** The month's running balances of the general account, per account (debit and credit summed over dimensions). */
const monthBalances = async () => {
  const totals = new Map<string, { debit: bigint; credit: bigint }>();
  for (const b of await readBalances(gov, year, `MONTH#${date.slice(0, 7)}#GEN#`)) {
    const t = totals.get(b.account) ?? { debit: 0n, credit: 0n };
    totals.set(b.account, { debit: t.debit + b.debit, credit: t.credit + b.credit });
  }
  return totals;
};
const status = async (lineId: string) => {
  const result = await callRoute(getBudgetLineStatus, { params: { gov, year, lineId }, caller: c.budgetOfficer });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
};
/** Calls a change route; the body carries the HTTP status too, so one toMatchObject checks both. */
const answer = (result: { status: number; body: Record<string, unknown> }) => ({
  status: result.status,
  body: { ...result.body, status: result.status },
});
const change = async (
  route: typeof divertBudget | typeof transferBudget | typeof reallocateBudget | typeof useBudgetReserve | typeof recodeExecution,
  body: Record<string, unknown>,
  caller: TestCaller = c.head,
) => answer(await callRoute(route, { params: { gov, year }, body: { reason: '집행 여건 변화', ...body }, caller }));
const postings = {
  finance: { sub: 'fo-kim', roles: ['finance_officer'], gov },
  disbursing: { sub: 'do-lee', roles: ['disbursing_officer'], gov },
  bank: { sub: 'bank-yongsan', roles: ['treasury_bank'], gov },
} satisfies Record<string, TestCaller>;
let keys = 0;
const post = async (
  route: (typeof execution)[keyof typeof execution],
  caller: TestCaller,
  params: Record<string, string>,
  body: unknown,
) => {
  const result = await callRoute(route, { caller, params: { gov, year, ...params }, body, headers: { 'Idempotency-Key': `k-${++keys}` } });
  expect(result.status, JSON.stringify(result.body)).toBe(202);
  await drainPostings();
  return result.body.postingId as string;
};

describe('changing the budget during a quarter (issue #14)', () => {
  it('formulates a budget the council cuts, with an 예산총칙 이용 clause approved with it', async () => {
    await setUpStructure(gov);
    const created = await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind: 'original' }, caller: c.budgetOfficer });
    const params = { gov, year, version: 0 };
    const edit = await callRoute(editBudgetLines, {
      params,
      body: { revision: created.body.revision, upsert: [...spending, revenue({ amount: total })] },
      caller: c.budgetOfficer,
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    let revision = (await step(gov, year, 0, 'request', edit.body.revision, c.budgetOfficer)).revision;
    const clause = {
      clause: '제5조',
      text: '복지 정책사업의 예산은 행정운영 정책사업으로 이용할 수 있다',
      account: 'GEN',
      from: ['P02'],
      to: ['P01'],
    };
    const badProvisions = await callRoute(putGeneralProvisions, {
      params,
      body: {
        revision,
        transferClauses: [clause],
        continuingExpenditures: [
          {
            id: 'CE1',
            name: '청사',
            lineId: id.office,
            total: 100,
            years: [
              { year: 2026, amount: 50 },
              { year: 2031, amount: 50 },
            ],
          },
        ],
      },
      caller: c.budgetOfficer,
    });
    expect(badProvisions.status).toBe(422);
    expect(badProvisions.body).toMatchObject({ code: 'invalid-provisions', errors: [{ path: 'continuingExpenditures.0.years' }] });
    const provisions = await callRoute(putGeneralProvisions, {
      params,
      body: { revision, transferClauses: [clause], explicitCarryOvers: [{ lineId: id.centre, amount: 1_000_000, reason: '공사 기간' }] },
      caller: c.budgetOfficer,
    });
    expect(provisions.status, JSON.stringify(provisions.body)).toBe(200);
    revision = (await step(gov, year, 0, 'adjust', provisions.body.revision, c.otherBudgetOfficer)).revision;
    const submitted = await step(gov, year, 0, 'submit', revision, c.head);
    // the council cuts 여비 by 500,000 (and the revenue with it: each 회계 balances)
    const cut = await callRoute(editBudgetLines, {
      params,
      body: { revision: submitted.revision, upsert: [{ ...travel, amount: 2_500_000 }, revenue({ amount: total - 500_000 })] },
      caller: c.council,
    });
    expect(cut.status).toBe(200);
    revision = (await step(gov, year, 0, 'resolve', cut.body.revision, c.council)).revision;
    expect((await step(gov, year, 0, 'finalise', revision, c.head)).state).toBe('final');
    const read = await callRoute(getGeneralProvisions, { params, caller: c.council });
    expect(read.body.provisions.transferClauses).toEqual([clause]);
    expect(await status(id.travel)).toMatchObject({ budget: 2_500_000, components: { enacted: 2_500_000, diversion: 0 } });
  });

  it('refuses the 전용 the law forbids, with the rule and its article', async () => {
    const cases: [string, string, number, string, string][] = [
      [id.office, id.entertainment, 100_000, 'diversion-into-entertainment', '지방재정법 시행령 §55②'],
      [id.salaries, id.office, 100_000, 'diversion-of-personnel', '지방재정법 시행령 §55①1'],
      [id.office, id.salaries, 100_000, 'diversion-of-personnel', '지방재정법 시행령 §55①1'],
      [id.centre, id.office, 100_000, 'diversion-across-programs', '지방재정법 §49①'],
      [id.office, id.travel, 100_000, 'against-council-cut', '지방재정법 §49②2'],
    ];
    for (const [from, to, amount, code, basis] of cases) {
      const refused = await change(divertBudget, { from, to, amount, reference: `D-${code}` });
      expect(refused.status, `${from} → ${to}`).toBe(422);
      expect(refused.body).toMatchObject({ code, context: { basis } });
    }
    const outside = await change(divertBudget, { from: id.office, to: 'E.GEN.P01.U01.D001.206-02', amount: 1, reference: 'D-OUT' });
    expect(outside.body).toMatchObject({ status: 422, code: 'project-not-in-budget' });
    const tooMuch = await change(divertBudget, { from: id.office, to: id.materials, amount: 10_000_001, reference: 'D-BIG' });
    expect(tooMuch.body).toMatchObject({ code: 'change-exceeds-unallotted', context: { requested: 10_000_001, available: 10_000_000 } });
    const byOfficer = await change(divertBudget, { from: id.office, to: id.materials, amount: 1, reference: 'D-BO' }, c.budgetOfficer);
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'delegation-not-granted' });
    // 원금 ↔ 이자 is the one move 상환금 allows
    expect((await change(divertBudget, { from: id.principal, to: id.interest, amount: 200_000, reference: 'D-DEBT' })).status).toBe(201);
    expect(await status(id.interest)).toMatchObject({ budget: 1_200_000, components: { diversion: 200_000 } });
  });

  it('accepts a 전용 inside one 정책사업: the total is unchanged and both lines show it', async () => {
    expect(await status(id.office)).toMatchObject({
      budget: 10_000_000,
      remainingToAllot: 10_000_000,
      components: { enacted: 10_000_000 },
    });
    const accepted = await change(divertBudget, { from: id.office, to: id.materials, amount: 1_000_000, reference: 'D-2026-041' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({
      changeId: 'diversion.D-2026-041',
      kind: 'diversion',
      quarter: 4,
      basis: '지방재정법 §49; 시행령 §55',
      role: 'head',
    });
    expect(await status(id.office)).toMatchObject({ budget: 9_000_000, components: { enacted: 10_000_000, diversion: -1_000_000 } });
    expect(await status(id.materials)).toMatchObject({ budget: 2_000_000, components: { enacted: 1_000_000, diversion: 1_000_000 } });
    const replay = await change(divertBudget, { from: id.office, to: id.materials, amount: 1_000_000, reference: 'D-2026-041' });
    expect(replay.status).toBe(200);
    const reused = await change(divertBudget, { from: id.office, to: id.materials, amount: 5, reference: 'D-2026-041' });
    expect(reused.body).toMatchObject({ status: 409, code: 'reference-used' });
    // the head delegates 전용 to the budget office
    expect(
      (await callRoute(putBudgetDelegations, { params: { gov }, body: { delegations: { diversion: ['budget_officer'] } }, caller: c.head }))
        .status,
    ).toBe(200);
    const delegated = await change(divertBudget, { from: id.office, to: id.materials, amount: 1, reference: 'D-BO' }, c.budgetOfficer);
    expect(delegated.body).toMatchObject({ status: 201, role: 'budget_officer' });
    const reversed = answer(
      await callRoute(reverseBudgetChange, {
        params: { gov, year, changeId: 'diversion.D-BO' },
        body: { reference: 'D-BO-R', reason: '착오' },
        caller: c.budgetOfficer,
      }),
    );
    expect(reversed.body).toMatchObject({ status: 201, amount: -1, reverses: 'diversion.D-BO' });
    expect(await status(id.materials)).toMatchObject({ budget: 2_000_000 });
  });

  it('allows an 이용 only where the 예산총칙 names the pair, and an 이체 only with its 조례', async () => {
    const unauthorised = await change(transferBudget, { from: id.office, to: id.centre, amount: 100, reference: 'T-1' });
    expect(unauthorised.body).toMatchObject({ status: 422, code: 'transfer-not-authorised', context: { from: 'P01', to: 'P02' } });
    const inside = await change(transferBudget, { from: id.office, to: id.materials, amount: 100, reference: 'T-2' });
    expect(inside.body).toMatchObject({ status: 422, code: 'transfer-within-program' });
    const accepted = await change(transferBudget, { from: id.centre, to: id.office, amount: 500_000, reference: 'T-3' });
    expect(accepted.body).toMatchObject({ status: 201, clause: '제5조' });
    expect(await status(id.office)).toMatchObject({ budget: 9_500_000, components: { transfer: 500_000, diversion: -1_000_000 } });
    const noAct = await change(reallocateBudget, { from: id.centre, to: id.office, amount: 1, reference: 'R-1' });
    expect(noAct.body).toMatchObject({ status: 400, code: 'invalid-request' });
    const reorganised = await change(reallocateBudget, {
      from: id.centre,
      to: id.office,
      amount: 100_000,
      reference: 'R-2',
      reorganisation: { act: '조례', number: '제1234호', date: '2026-10-01' },
    });
    expect(reorganised.body).toMatchObject({ status: 201, reorganisation: { act: '조례', number: '제1234호' } });
  });

  it('spends 예비비 only through a 사용결정 to a 세출 line, which is then allotted and committed', async () => {
    const allotReserve = answer(
      await callRoute(allotBudget, {
        params: { gov, year },
        body: { lineId: id.reserve, quarter: 4, amount: 1, kind: 'regular', reference: 'A-RES' },
        caller: c.budgetOfficer,
      }),
    );
    expect(allotReserve.body).toMatchObject({ status: 422, code: 'reserve-not-spendable' });
    for (const [to, code] of [
      [id.entertainment, 'reserve-target-not-allowed'],
      [id.grants, 'reserve-target-not-allowed'],
      [id.travel, 'against-council-cut'],
      [id.reserve, 'same-line'],
    ] as const) {
      const refused = await change(useBudgetReserve, { from: id.reserve, to, amount: 100, reference: `Y-${code}` });
      expect(refused.body, to).toMatchObject({ status: 422, code });
    }
    const notReserve = await change(useBudgetReserve, { from: id.office, to: id.materials, amount: 100, reference: 'Y-NR' });
    expect(notReserve.body).toMatchObject({ code: 'not-a-reserve-line' });
    // the 재해·재난 목적 예비비 serves a 재해·재난 only; refused otherwise, and nothing moves
    const notDisaster = await change(useBudgetReserve, { from: id.disasterReserve, to: id.materials, amount: 100, reference: 'Y-DIS' });
    expect(notDisaster.body).toMatchObject({
      status: 422,
      code: 'disaster-reserve-purpose',
      context: { basis: '지방재정법 §43②', lineId: id.disasterReserve, emergency: false },
    });
    expect(await status(id.disasterReserve)).toMatchObject({ budget: 200_000, components: { reserve: 0 } });
    const emergency = await change(useBudgetReserve, {
      from: id.reserve,
      to: id.grants,
      amount: 100_000,
      reference: 'Y-EMG',
      emergency: true,
    });
    expect(emergency.body).toMatchObject({ status: 201, reserve: { emergency: true } });

    const before = await status(id.materials);
    const used = await change(useBudgetReserve, { from: id.reserve, to: id.materials, amount: 500_000, reference: 'Y-2026-07' });
    expect(used.body).toMatchObject({ status: 201, kind: 'reserve-use', from: id.reserve, to: id.materials });
    expect(await status(id.reserve)).toMatchObject({ budget: 300_000, components: { reserve: -600_000 } });
    expect(await status(id.materials)).toMatchObject({ budget: before.budget + 500_000, components: { reserve: 500_000 } });
    const allotted = await callRoute(allotBudget, {
      params: { gov, year },
      body: { lineId: id.materials, quarter: 4, amount: 2_500_000, kind: 'regular', reference: 'A-MAT' },
      caller: c.budgetOfficer,
    });
    expect(allotted.status).toBe(201);
    await post(
      execution.createCommitment,
      postings.finance,
      {},
      { lineId: id.materials, amount: 400_000, counterparty: '123-45-67890', contractRef: 'C-RES-1', date },
    );
    expect(await status(id.materials)).toMatchObject({
      allotted: 2_500_000,
      committed: 400_000,
      remainingToCommit: 2_100_000,
      remainingToAllot: 0,
    });
    const statement = await callRoute(getReserveStatement, { params: { gov, year }, caller: c.council });
    expect(statement.body).toMatchObject({
      used: '600000',
      items: [
        { to: id.grants, emergency: true },
        { to: id.materials, amount: 500_000 },
      ],
    });
  });

  it('recodes a paid amount from the wrong line to the right one (과목경정)', async () => {
    for (const [lineId, amount, reference] of [
      [id.office, 1_000_000, 'A-OFF'],
      [id.entertainment, 500_000, 'A-ENT'],
    ] as const)
      expect(
        (
          await callRoute(allotBudget, {
            params: { gov, year },
            body: { lineId, quarter: 4, amount, kind: 'regular', reference },
            caller: c.budgetOfficer,
          })
        ).status,
      ).toBe(201);
    expect(
      (
        await callRoute(allocateCash, {
          params: { gov, year },
          body: { fund: 'GEN', month: '2026-11', amount: 5_000_000, reference: 'CASH-11' },
          caller: c.budgetOfficer,
        })
      ).status,
    ).toBe(201);
    const commitment = await post(
      execution.createCommitment,
      postings.finance,
      {},
      { lineId: id.materials, amount: 300_000, counterparty: '123-45-67890', contractRef: 'C-WRONG', date },
    );
    const resolution = await post(execution.resolvePayment, postings.finance, { commitmentId: commitment }, { amount: 300_000, date });
    const order = await post(execution.orderPayment, postings.disbursing, { resolutionId: resolution }, { amount: 300_000, date });
    await post(execution.confirmPayment, postings.bank, { orderId: order }, { date });
    const wrong = await status(id.materials);
    expect(wrong).toMatchObject({ committed: 700_000, paid: 300_000 });
    const right = await status(id.office);

    const hidden = await change(recodeExecution, { from: id.materials, to: id.entertainment, amount: 300_000, reference: 'K-ENT' });
    expect(hidden.body).toMatchObject({ status: 422, code: 'diversion-into-entertainment' });
    const tooMuch = await change(recodeExecution, { from: id.materials, to: id.office, amount: 300_001, reference: 'K-BIG' });
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'recoding-exceeds-executed', context: { available: 300_000 } });
    const booksBefore = await monthBalances();
    const recoded = await change(recodeExecution, { from: id.materials, to: id.office, amount: 300_000, reference: 'K-2026-01' });
    expect(recoded.body).toMatchObject({ status: 201, kind: 'recoding' });
    // The accrual books follow: 206 and 201 are both 200 물건비 of a 정책사업 line of 분야 010 (5102 운영비
    // by 기능, settled through 2101 미지급금), so the expense is reversed and booked again on the same account.
    const { decisionDate: decided, journal } = recoded.body as unknown as { decisionDate: string; journal: unknown };
    expect(journal).toEqual({
      fund: 'GEN',
      date: decided,
      lines: [
        { account: '5102', debit: 0, credit: 300_000, function: '010' },
        { account: '2101', debit: 300_000, credit: 0 },
        { account: '5102', debit: 300_000, credit: 0, function: '010' },
        { account: '2101', debit: 0, credit: 300_000 },
      ],
    });
    const booksAfter = await monthBalances();
    for (const account of ['5102', '2101'])
      expect(booksAfter.get(account), account).toEqual({
        debit: (booksBefore.get(account)?.debit ?? 0n) + 300_000n,
        credit: (booksBefore.get(account)?.credit ?? 0n) + 300_000n,
      });
    expect(await status(id.materials)).toMatchObject({ budget: wrong.budget, committed: 400_000, paid: 0, recoded: -300_000 });
    expect(await status(id.office)).toMatchObject({
      budget: right.budget,
      committed: right.committed + 300_000,
      paid: 300_000,
      recoded: 300_000,
    });

    // its reversal takes the journal back too: the mirror lines, in the reversal's own transaction
    const reversed = answer(
      await callRoute(reverseBudgetChange, {
        params: { gov, year, changeId: 'recoding.K-2026-01' },
        body: { reference: 'K-2026-01-R', reason: '과목경정 착오' },
        caller: c.head,
      }),
    );
    expect(reversed.body).toMatchObject({ status: 201, kind: 'recoding', amount: -300_000, reverses: 'recoding.K-2026-01' });
    const mirror = reversed.body as unknown as { decisionDate: string; journal: unknown };
    expect(mirror.journal).toEqual({
      fund: 'GEN',
      date: mirror.decisionDate,
      lines: [
        { account: '5102', debit: 300_000, credit: 0, function: '010' },
        { account: '2101', debit: 0, credit: 300_000 },
        { account: '5102', debit: 0, credit: 300_000, function: '010' },
        { account: '2101', debit: 300_000, credit: 0 },
      ],
    });
    const net = (books: Awaited<ReturnType<typeof monthBalances>>, account: string) =>
      (books.get(account)?.debit ?? 0n) - (books.get(account)?.credit ?? 0n);
    const booksReversed = await monthBalances();
    for (const account of ['5102', '2101']) {
      // each side grew by the recoding and again by its mirror; what the account holds is as before
      expect(booksReversed.get(account)?.debit, account).toBe((booksBefore.get(account)?.debit ?? 0n) + 600_000n);
      expect(net(booksReversed, account), account).toBe(net(booksBefore, account));
    }
    expect(await status(id.materials)).toMatchObject({ committed: 700_000, paid: 300_000, recoded: 0 });
    expect(await status(id.office)).toMatchObject({ committed: right.committed, paid: 0, recoded: 0 });
  });

  it('creates a 성립전 line for a designated, fully granted transfer and flags it', async () => {
    const { amount: _line, ...grantLine } = grants;
    const { amount: _revenue, ...grantRevenue } = revenue({ category: '5', item: 'NATSUB', name: '국고보조금', revenueCode: '5-1' });
    const body = {
      reference: 'S-2026-01',
      reason: '국고보조 교부',
      line: { ...grantLine, detailCode: 'D012' },
      revenue: grantRevenue,
      amount: 3_000_000,
      basis: {
        kind: 'grant',
        grantor: 'national',
        notice: '보건복지부-2026-77',
        noticeDate: '2026-11-20',
        designated: true,
        fullyGranted: false,
      },
    };
    const partial = answer(await callRoute(createPreEstablished, { params: { gov, year }, body, caller: c.head }));
    expect(partial.body).toMatchObject({ status: 422, code: 'pre-established-not-eligible' });
    const created = answer(
      await callRoute(createPreEstablished, {
        params: { gov, year },
        body: { ...body, basis: { ...body.basis, fullyGranted: true } },
        caller: c.head,
      }),
    );
    expect(created.body).toMatchObject({ status: 201, kind: 'pre-established', from: null, to: 'E.GEN.P02.U03.D012.307-02' });
    expect(await status('E.GEN.P02.U03.D012.307-02')).toMatchObject({
      budget: 3_000_000,
      preEstablishedPending: true,
      components: { preEstablished: 3_000_000 },
    });
  });

  it('reports the quarter to the council and rolls the status up', async () => {
    const report = await callRoute(listBudgetChanges, {
      params: { gov, year },
      query: { kind: 'diversion', quarter: '4' },
      caller: c.council,
    });
    expect(report.body.items.map((item: { changeId: string }) => item.changeId)).toEqual([
      'diversion.D-DEBT',
      'diversion.D-2026-041',
      'diversion.D-BO',
      'diversion.D-BO~R',
    ]);
    expect(report.body.items[2]).toMatchObject({ reversedBy: 'diversion.D-BO~R' });
    // due by the end of the month after the quarter: 31 January for the fourth (지방재정법 §49③)
    expect(report.body.report).toEqual({ basis: '지방재정법 §49③', dueBy: '2027-01-31', status: 'due', late: false });
    const reallocations = await callRoute(listBudgetChanges, {
      params: { gov, year },
      query: { kind: 'reallocation', quarter: '4' },
      caller: c.council,
    });
    expect(reallocations.body).toMatchObject({ report: { basis: '지방재정법 §47의2②', dueBy: '2027-01-31' }, count: 1 });
    const all = await callRoute(listBudgetChanges, { params: { gov, year }, query: { quarter: '4' }, caller: c.council });
    expect(all.body.report).toBeNull(); // no one report covers every kind
    const byAccount = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'account' }, caller: c.council });
    // the changes moved money, never created it: only the 성립전 line adds (its 세입 with it)
    expect(byAccount.body.groups).toEqual([
      expect.objectContaining({ key: 'GEN', budget: String(total - 500_000 + 3_000_000), paid: '300000' }),
    ]);
    const byPolicy = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'policy' }, caller: c.ministry });
    expect(byPolicy.body.groups.map((g: { key: string }) => g.key)).toEqual(['GEN.P01', 'GEN.P02', 'GEN.P04', 'GEN.P09']);
    // each group names its code (issue #20): 정책사업 from the final version, 부서 and 회계 from the structure
    expect(byPolicy.body.groups[0]).toMatchObject({ key: 'GEN.P01', name: '행정운영' });
    expect(byAccount.body.groups[0]).toMatchObject({ name: expect.any(String) });
    const byDepartment = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'department' }, caller: c.head });
    expect(byDepartment.body).toMatchObject({
      executionRate: expect.stringMatching(/^\d+\.\d\d$/),
      groups: [
        { key: 'D100', name: '기획예산과' },
        { key: 'D200', name: '복지정책과' },
      ],
    });
  });

  it('creates the target 목 of a 전용 inside the same 정책사업, under every 전용 rule', async () => {
    const newLine = 'E.GEN.P01.U01.D003.202-01'; // 여비 of a new 세부사업 D003 of P01
    const refusals: [string, string][] = [
      ['E.GEN.P01.U01.D001.203-02', 'diversion-into-entertainment'], // a new 업무추진비 목
      ['E.GEN.P01.U01.D001.101-04', 'diversion-of-personnel'], // a new 인건비 목
      ['E.GEN.P02.U03.D010.202-01', 'project-not-in-budget'], // another 정책사업: an 이용, never a new line
      ['E.GEN.P01.U01.D001.206-02', 'project-not-in-budget'], // not a 통계목 of the code table
    ];
    for (const [i, [to, code]] of refusals.entries()) {
      const refused = await change(divertBudget, { from: id.office, to, amount: 1, reference: `N-R${i}` });
      expect(refused.body, to).toMatchObject({ status: 422, code });
    }
    const unknownDept = await change(divertBudget, { from: id.office, to: newLine, amount: 1, reference: 'N-DEPT', dept: 'D999' });
    expect(unknownDept.body).toMatchObject({ status: 422, code: 'unknown-department' });
    const office = await status(id.office);
    const tooMuch = office.budget - office.allotted + 1;
    const over = await change(divertBudget, { from: id.office, to: newLine, amount: tooMuch, reference: 'N-BIG' });
    expect(over.body).toMatchObject({ status: 422, code: 'change-exceeds-unallotted' });
    expect((await callRoute(getBudgetLineStatus, { params: { gov, year, lineId: newLine }, caller: c.budgetOfficer })).status).toBe(404);

    const created = await change(divertBudget, { from: id.office, to: newLine, amount: 400_000, reference: 'N-2026-01' });
    expect(created.body).toMatchObject({ status: 201, kind: 'diversion', from: id.office, to: newLine, amount: 400_000 });
    // office gives 400,000 (its 전용 component: −1,000,000 of D-2026-041, then −1,400,000); the new line holds only the 전용
    expect(await status(id.office)).toMatchObject({ budget: office.budget - 400_000, components: { diversion: -1_400_000 } });
    expect(await status(newLine)).toMatchObject({
      budget: 400_000,
      allotted: 0,
      remainingToAllot: 400_000,
      components: { enacted: 0, diversion: 400_000 },
    });
    // a second 전용 into it moves budget like into any line; then it is allotted and executable as usual
    expect((await change(divertBudget, { from: id.office, to: newLine, amount: 100_000, reference: 'N-2026-02' })).status).toBe(201);
    const allotted = await callRoute(allotBudget, {
      params: { gov, year },
      body: { lineId: newLine, quarter: 4, amount: 500_000, kind: 'regular', reference: 'A-NEW' },
      caller: c.budgetOfficer,
    });
    expect(allotted.status, JSON.stringify(allotted.body)).toBe(201);
    expect(await status(newLine)).toMatchObject({ budget: 500_000, allotted: 500_000, remainingToAllot: 0 });
  });

  it('keeps a line a 전용 created, with what it moved, through a later 추경 that does or does not include it', async () => {
    const newLine = 'E.GEN.P01.U01.D003.202-01';
    const preLine = 'E.GEN.P02.U03.D012.307-02';
    const before = { office: await status(id.office), materials: await status(id.materials), created: await status(newLine) };
    expect(before.created).toMatchObject({ budget: 500_000, allotted: 500_000, components: { enacted: 0, diversion: 500_000 } });
    // 1st 추경: raises 재료비 by 100,000 (and the revenue with it); the 전용-created line is not in it
    const revenueNow = total - 500_000;
    await finalBudget(gov, year, 'supplementary', [{ ...materials, amount: 1_100_000 }, revenue({ amount: revenueNow + 100_000 })]);
    // the new 목 keeps the 500,000 the 전용s moved onto it (and its allotment), beside what a version enacts
    const newLineHas = async (enacted: number) =>
      expect(await status(newLine)).toMatchObject({
        budget: enacted + 500_000,
        allotted: 500_000,
        remainingToAllot: enacted,
        components: { enacted, diversion: 500_000 },
      });
    await newLineHas(0);
    expect(await status(id.office)).toMatchObject({ budget: before.office.budget, components: before.office.components });
    expect(await status(id.materials)).toMatchObject({
      budget: before.materials.budget + 100_000,
      components: { ...before.materials.components, enacted: 1_100_000 },
    });
    // the 성립전 line stays flagged: this 추경 does not include it (지방재정법 §45)
    expect(await status(preLine)).toMatchObject({ budget: 3_000_000, preEstablishedPending: true });
    // 2nd 추경 includes the new 목 with 200,000 of its own: 예산현액 = 200,000 + the 500,000 the 전용s moved
    await finalBudget(gov, year, 'supplementary', [
      expenditure({ unitCode: 'U01', detailCode: 'D003', statItem: '202-01', amount: 200_000 }),
      revenue({ amount: revenueNow + 300_000 }),
    ]);
    await newLineHas(200_000);
    expect(await status(id.office)).toMatchObject({ budget: before.office.budget, components: before.office.components });
  });

  it('states every 전용 with its amount and reason for the 세입·세출결산서 (지방재정법 §49④), live and in the year-end report', async () => {
    const statement = await callRoute(getDiversionStatement, { params: { gov, year }, caller: c.council });
    expect(statement.status, JSON.stringify(statement.body)).toBe(200);
    // 200,000 (원금 → 이자) + 1,000,000 + 1 − 1 (D-BO and its reversal) + 400,000 + 100,000 (into the new 목) = 1,700,000
    expect(statement.body).toMatchObject({ count: 6, netAmount: '1700000' });
    const newLine = 'E.GEN.P01.U01.D003.202-01';
    expect(statement.body.items.map((i: Record<string, unknown>) => [i.changeId, i.from, i.to, i.amount, i.reason, i.reverses])).toEqual([
      ['diversion.D-DEBT', id.principal, id.interest, 200_000, '집행 여건 변화', ''],
      ['diversion.D-2026-041', id.office, id.materials, 1_000_000, '집행 여건 변화', ''],
      ['diversion.D-BO', id.office, id.materials, 1, '집행 여건 변화', ''],
      ['diversion.D-BO~R', id.materials, id.office, -1, '착오 (reference D-BO-R)', 'diversion.D-BO'],
      ['diversion.N-2026-01', id.office, newLine, 400_000, '집행 여건 변화', ''],
      ['diversion.N-2026-02', id.office, newLine, 100_000, '집행 여건 변화', ''],
    ]);
    expect(statement.body.items[0]).toMatchObject({ fund: 'GEN', policy: 'P04', decisionDate: date, quarter: 4 });
    // the year-end closing builds the same rows into the 세입세출결산 it archives (JSON, CSV, XLSX)
    const job = { gov, period: periodOf('year-end', String(year)) };
    const settlement = buildReports(job, await readClosingInputs(job)).find((r) => r.report === 'budget-settlement');
    const table = settlement?.tables.find((t) => t.id === 'diversions');
    expect(table?.rows.map((r) => [r.changeId, r.amount, r.reason])).toEqual(
      statement.body.items.map((i: Record<string, unknown>) => [i.changeId, BigInt(i.amount as number), i.reason]),
    );
    const files = renderReport(settlement!).files;
    const csv = new TextDecoder().decode(files.find((f) => f.file === 'diversions.csv')?.bytes);
    // 회계 and 정책사업 names beside their codes (issue #20)
    expect(csv.split('\r\n').at(-2)).toBe(',합계,,,,,,,1700000,,');
    expect(table?.names?.policy).toMatchObject({ P01: '행정운영' });
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['report.json', 'diversions.csv', 'report.xlsx']));
  });

  it('archives the 예비비 사용명세서 with the 결산 (지방재정법 §43④): every 사용결정, its line and what that line spent', async () => {
    const live = await callRoute(getReserveStatement, { params: { gov, year }, caller: c.council });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    // 100,000 to 307-02 (긴급재난대책) + 500,000 to 206-01 = 600,000 drawn on the 801 line
    expect(live.body.used).toBe('600000');
    const job = { gov, period: periodOf('year-end', String(year)) };
    const settlement = buildReports(job, await readClosingInputs(job)).find((r) => r.report === 'budget-settlement');
    const table = settlement?.tables.find((t) => t.id === 'reserveUses');
    expect(table?.title).toBe('예비비 사용명세서');
    expect(table?.rows.map((r) => [r.changeId, r.from, r.to, r.amount, r.emergency, r.reverses])).toEqual([
      ['reserve-use.Y-EMG', id.reserve, id.grants, 100_000n, '예', ''],
      ['reserve-use.Y-2026-07', id.reserve, id.materials, 500_000n, '', ''],
    ]);
    // the target line's 예산현액 and 지출액 as the closing reads them, the same as the live statement's
    for (const item of live.body.items as { changeId: string; targetLine: { budget: number; paid: number } }[]) {
      const row = table?.rows.find((r) => r.changeId === item.changeId);
      expect([row?.targetBudget, row?.targetPaid], item.changeId).toEqual([BigInt(item.targetLine.budget), BigInt(item.targetLine.paid)]);
    }
    expect(table?.rows[1]).toMatchObject({ fund: 'GEN', policy: 'P01', decisionDate: date, reason: '집행 여건 변화' });
    const files = renderReport(settlement!).files;
    const csv = new TextDecoder().decode(files.find((f) => f.file === 'reserveUses.csv')?.bytes);
    expect(csv.split('\r\n')[0]).toContain('예비비 과목');
    // the 합계 row sums the 사용액 column (the 9th: the 회계 and the 정책사업 are written with their names)
    expect(csv.split('\r\n').at(-2)?.split(',').slice(0, 10)).toEqual(['', '합계', '', '', '', '', '', '', '600000', '']);
  });

  it('reverses a 성립전예산 only before anything rests on its lines, removing both with an audit record', async () => {
    const { amount: _line, ...granted } = grants;
    const grantLine = { ...granted, structureType: 'program' as const }; // the journal map needs it for a 307 commitment
    const { amount: _revenue, ...grantRevenue } = revenue({ category: '5', item: 'NATSUB', name: '국고보조금', revenueCode: '5-1' });
    const preEstablish = async (reference: string, detailCode: string, item: string) => {
      const created = answer(
        await callRoute(createPreEstablished, {
          params: { gov, year },
          body: {
            reference,
            reason: '국고보조 교부',
            line: { ...grantLine, detailCode },
            revenue: { ...grantRevenue, item },
            amount: 2_000_000,
            basis: { kind: 'disaster-recovery', plan: '호우 피해 복구계획', planDate: '2026-11-25' },
          },
          caller: c.head,
        }),
      );
      expect(created.body).toMatchObject({ status: 201, to: `E.GEN.P02.U03.${detailCode}.307-02` });
      return created.body as unknown as { to: string; grant: { revenueLineId: string } };
    };
    const reverse = async (changeId: string, reference: string, reason = '교부 취소') =>
      answer(await callRoute(reverseBudgetChange, { params: { gov, year, changeId }, body: { reference, reason }, caller: c.head }));

    // one with a commitment on it is refused, with the numbers
    const used = await preEstablish('S-2026-02', 'D013', 'NATSUB2');
    expect(
      (
        await callRoute(allotBudget, {
          params: { gov, year },
          body: { lineId: used.to, quarter: 4, amount: 500_000, kind: 'regular', reference: 'A-PRE' },
          caller: c.budgetOfficer,
        })
      ).status,
    ).toBe(201);
    await post(
      execution.createCommitment,
      postings.finance,
      {},
      { lineId: used.to, amount: 100_000, counterparty: '123-45-67890', contractRef: 'C-PRE-1', date },
    );
    const refused = await reverse('pre-established.S-2026-02', 'S-2026-02-R');
    expect(refused.body).toMatchObject({
      status: 422,
      code: 'pre-established-in-use',
      context: { lineId: used.to, allotted: 500_000, committed: 100_000, granted: 2_000_000 },
    });
    expect(await status(used.to)).toMatchObject({ budget: 2_000_000, committed: 100_000 });

    // one nothing rests on is reversed: both lines are gone, the total is back, the record and audit remain
    const before = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'account' }, caller: c.council });
    const unused = await preEstablish('S-2026-03', 'D014', 'NATSUB3');
    const reversed = await reverse('pre-established.S-2026-03', 'S-2026-03-R');
    expect(reversed.body).toMatchObject({
      status: 201,
      changeId: 'pre-established.S-2026-03~R',
      kind: 'pre-established',
      from: null,
      to: unused.to,
      amount: -2_000_000,
      reverses: 'pre-established.S-2026-03',
    });
    for (const lineId of [unused.to, unused.grant.revenueLineId])
      expect((await callRoute(getBudgetLineStatus, { params: { gov, year, lineId }, caller: c.budgetOfficer })).status, lineId).toBe(404);
    const after = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'account' }, caller: c.council });
    expect(after.body.groups).toEqual(before.body.groups);
    expect((await reverse('pre-established.S-2026-03', 'S-2026-03-R')).status).toBe(200); // the same request replays
    expect((await reverse('pre-established.S-2026-03', 'S-2026-03-R2', '다른 사유')).body).toMatchObject({
      status: 409,
      code: 'already-reversed',
    });
    const listed = await callRoute(listBudgetChanges, { params: { gov, year }, query: { kind: 'pre-established' }, caller: c.council });
    expect(listed.body.items.find((item: { changeId: string }) => item.changeId === 'pre-established.S-2026-03')).toMatchObject({
      reversedBy: 'pre-established.S-2026-03~R',
    });
    const audit = await callRoute(listAuditRecords, {
      params: { gov },
      query: { from: date, to: date, limit: '1000' },
      caller: c.head,
    });
    expect(
      audit.body.items.filter(
        (r: { operation: string; target: string }) =>
          r.operation === 'budgetChange.reverse' && r.target === `budget-change ${gov}/${year}/pre-established.S-2026-03`,
      ),
    ).toHaveLength(1);

    // once a 추경 includes the line, it is part of the approved budget: no reversal
    const included = await preEstablish('S-2026-04', 'D015', 'NATSUB4');
    const revenueNow = total - 500_000 + 300_000; // the cut, then the two 추경 of the test above
    await finalBudget(gov, year, 'supplementary', [
      expenditure({ ...grantLine, detailCode: 'D015', amount: 2_000_000 }),
      revenue({ ...grantRevenue, item: 'NATSUB4', amount: 2_000_000 }),
      revenue({ amount: revenueNow }),
    ]);
    expect(await status(included.to)).toMatchObject({ budget: 2_000_000, preEstablishedPending: false });
    // the ministry's execution rate divides by the 세출 예산현액: the sum of the lines' (성립전 and changes included)
    const lines = await callRoute(getExecutionRollup, { params: { gov, year }, query: { by: 'account' }, caller: c.council });
    const national = await callRoute(execution.getNationalExecutionRate, { params: { year }, caller: c.ministry });
    expect(national.body.items.find((item: { gov: string }) => item.gov === gov)).toMatchObject({
      budget: lines.body.groups[0].budget,
      budgetBasis: '예산현액',
    });
    expect((await reverse('pre-established.S-2026-04', 'S-2026-04-R')).body).toMatchObject({
      status: 422,
      code: 'pre-established-included',
    });
  });

  it('answers 404 for the reversal of a change that was never made', async () => {
    const missing = await callRoute(reverseBudgetChange, {
      params: { gov, year, changeId: 'diversion.NEVER-MADE' },
      body: { reference: 'NEVER-MADE-R', reason: '착오' },
      caller: c.head,
    });
    expect(missing.body).toMatchObject({ status: 404, code: 'change-not-found' });
  });

  it('refuses every change of a year that has ended', async () => {
    await finalBudget(gov, 2025, 'original', [office, materials, { ...reserve, amount: 100_000 }, revenue({ amount: 11_100_000 })]);
    const late = await callRoute(divertBudget, {
      params: { gov, year: 2025 },
      body: { from: id.office, to: id.materials, amount: 1, reference: 'D-LATE', reason: '연말' },
      caller: c.head,
    });
    expect(late.body).toMatchObject({ status: 422, code: 'change-after-year-end', context: { year: 2025 } });
  });
});
