import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';
import type { AppliedPosting } from '#test/integration/accounting/support.ts';
import { allot, archivedReport, collect, fund, officials, setUpAccounts, spend } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * Issue #13's property through the live path: for a random year of postings (expenditure chains
 * on an administrative cost, capital works, a transfer to the 기금 and a loan from it; taxes and
 * fees assessed and partly received; the 기금's 전입금), applied through the handlers and the
 * postings consumer, plus the 결산정리 (대손충당금 at a random rate, completion and depreciation of
 * what the capital works built) and the year-end closing:
 * - every posting's journal balances;
 * - in every scope (개별, 유형별, 통합) of the archived statements, 자산 = 부채 + 순자산, the
 *   현금흐름표's closing cash equals the 재정상태표's;
 * - the 예산-재무 reconciliation holds for every 회계 (all their cash went through the budget).
 * Each run is its own government (a year closes once), so the runs are few and never shrunk.
 */
await useTestStack();

const YEAR = 2026;
const GOVS = ['26000', '27000'];
const LINES = {
  office: 'E.GEN.P02.U02.D002.201-01',
  works: 'E.GEN.P01.U01.D001.401-01',
  toFund: 'E.GEN.P03.U03.D003.702-01',
  loan: 'E.FUND.P05.U05.D005.501-01',
  tax: 'R.GEN.1.ACQTAX',
  fee: 'R.GEN.2.FEE',
  fromGen: 'R.FUND.7.TRIN',
};
const MONTHS = ['03', '06', '09'] as const;
const BIG = 100_000_000;

const exp = (account: string, n: string, statItem: string, extra: object = {}) =>
  expenditure({ account, policyCode: `P${n}`, unitCode: `U${n}`, detailCode: `D0${n}`, statItem, sector: '016', amount: BIG, ...extra });

async function setUp(gov: string): Promise<void> {
  await setUpAccounts(gov, [
    { code: 'GEN', name: '일반회계', kind: 'general' },
    { code: 'FUND', name: '재난관리기금', kind: 'fund' },
  ]);
  await finalBudget(gov, YEAR, 'original', [
    exp('GEN', '02', '201-01', { structureType: 'administrative' }),
    exp('GEN', '01', '401-01', { assetClass: 'general' }),
    exp('GEN', '03', '702-01', { internalCounterpart: 'FUND' }),
    reserve(3_000_000),
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 2 * BIG + 3_000_000 }),
    revenue({ account: 'GEN', category: '2', item: 'FEE', name: '수수료', amount: BIG, revenueCode: '2-1' }),
    exp('FUND', '05', '501-01'),
    revenue({
      account: 'FUND',
      category: '7',
      item: 'TRIN',
      name: '일반회계전입금',
      amount: BIG,
      revenueCode: '7-3',
      internalCounterpart: 'GEN',
    }),
  ]);
  for (const line of [LINES.office, LINES.works, LINES.toFund, LINES.loan]) await allot(gov, YEAR, line, BIG);
  for (const month of MONTHS) {
    await fund(gov, YEAR, 'GEN', `${YEAR}-${month}`, BIG);
    await fund(gov, YEAR, 'FUND', `${YEAR}-${month}`, BIG);
  }
}

const amount = fc.integer({ min: 1, max: 1_000_000 });
const date = fc
  .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `${YEAR}-${m}-${String(d).padStart(2, '0')}`);
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('spend' as const),
    line: fc.constantFrom(LINES.office, LINES.works, LINES.toFund, LINES.loan),
    amount,
    date,
  }),
  fc.record({
    kind: fc.constant('collect' as const),
    line: fc.constantFrom(LINES.tax, LINES.fee, LINES.fromGen),
    assessed: amount,
    receivedShare: fc.integer({ min: 0, max: 4 }),
    date,
  }),
);
const rate = fc.record({ numerator: fc.integer({ min: 0, max: 20 }), denominator: fc.constant(100) });

const balanced = (p: AppliedPosting) => {
  const lines = p.journal?.lines ?? [];
  return lines.reduce((s, l) => s + BigInt(l.debit) - BigInt(l.credit), 0n) === 0n;
};

describe('the books of a random year through the live path', () => {
  it('balance every journal, tie out every statement and reconcile every 회계', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 5 }), rate, async (operations, allowanceRate) => {
        const gov = GOVS[run++]!;
        const chief = officials(gov).chief;
        await setUp(gov);
        const applied: AppliedPosting[] = [];
        let works = 0;
        for (const op of operations) {
          if (op.kind === 'spend') {
            applied.push(...(await spend(gov, YEAR, op.line, op.amount, op.date)));
            if (op.line === LINES.works) works += op.amount;
          } else {
            const received = Math.floor((op.assessed * op.receivedShare) / 4);
            applied.push(...(await collect(gov, YEAR, op.line, op.assessed, received, op.date)));
          }
        }
        expect(applied.filter((p) => p.journal).every(balanced)).toBe(true);

        const adjust = (body: object) => callRoute(recordAdjustingEntries, { params: { gov, year: YEAR }, body, caller: chief });
        const rates = [{ fund: 'GEN', receivableAccount: '1103', ...allowanceRate }];
        expect((await adjust({ kind: 'allowance', rates })).status).toBe(200);
        if (works > 0) {
          const completions = [
            {
              assetId: 'HALL-1',
              fund: 'GEN',
              assetAccount: '1302',
              amount: works,
              completedOn: `${YEAR}-10-01`,
              usefulLifeYears: 30,
              structureType: 'administrative',
            },
          ];
          expect((await adjust({ kind: 'construction-completion', completions })).status).toBe(200);
          expect((await adjust({ kind: 'depreciation' })).status).toBe(200);
        }

        const closing = await callRoute(requestClosing, {
          params: { gov, year: YEAR },
          body: { kind: 'year-end', period: String(YEAR), backfill: true },
          caller: chief,
        });
        expect(closing.status).toBe(202);
        expect(await drainSettlementQueue()).toEqual([]);

        const { totals } = await archivedReport(gov, YEAR, 'financial-statements');
        const scopes = ['entity.GEN', 'entity.FUND', 'type.general', 'type.fund', 'whole'];
        for (const scope of scopes) {
          const figure = (name: string) => BigInt(totals[`${scope}.${name}`]);
          expect(figure('assets'), scope).toBe(figure('liabilities') + figure('netAssets'));
          expect(figure('closingCash'), scope).toBe(figure('closingCashPerBooks'));
        }
        const reconciliation = await archivedReport(gov, YEAR, 'budget-reconciliation');
        for (const row of reconciliation.tables.reconciliation.rows) expect(row, JSON.stringify(row)).toMatchObject({ difference: '0' });
      }),
      { numRuns: GOVS.length, endOnFailure: true },
    );
  }, 300_000);
});
