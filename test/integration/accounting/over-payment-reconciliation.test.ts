import { describe, expect, it } from 'vitest';
import { archivedReport, closeYear, collect, oneLineGeneralYear, spend } from '#test/integration/accounting/support.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A 과오납 still owed back at year-end in the 예산-재무 대사 (issue #16), through the handlers and the closing.
 * 취득세 assessed 500,000 and received 600,000 (04-01): Dr 1101 600,000 / Cr 1103 500,000, Cr 과오납금 2107 100,000;
 * 물건비 300,000 paid (05-06). 재정자금 600,000 − 300,000 = 300,000; 세입세출외현금 0; 세계잉여금 = 수납 600,000
 * (the over-payment is 수납 of 세입, refunded out of revenue: 지방회계법 제28조①) − 지출 300,000 = 300,000: no 차이,
 * and the 100,000 owed back listed as 과오납금. On the 재정상태표 it is a 유동부채 of its own, not 예수금.
 */
await useTestStack();

const GOV = '29155';
const YEAR = 2026;

describe('a 과오납 owed back at year-end', () => {
  it('is listed by name in the 예산-재무 대사 and leaves no 차이', async () => {
    const office = await oneLineGeneralYear(GOV, YEAR);
    await collect(GOV, YEAR, 'R.GEN.1.ACQTAX', 500_000, 600_000, `${YEAR}-04-01`);
    await spend(GOV, YEAR, office, 300_000, `${YEAR}-05-06`);

    const statements = await closeYear(GOV, YEAR);

    const reconciliation = await archivedReport(GOV, YEAR, 'budget-reconciliation');
    expect(reconciliation.tables.reconciliation.rows).toEqual([
      {
        fund: 'GEN',
        financialFunds: '300000',
        custodyCash: '0',
        overPayments: '100000',
        budgetSurplus: '300000',
        difference: '0',
        status: '일치',
      },
    ]);
    const position = Object.fromEntries(
      (statements.tables['financial-position'].rows as Record<string, string>[])
        .filter((r) => r.scope === 'GEN' && r.scopeKind === '개별')
        .map((r) => [r.accountName, r.current]),
    );
    expect(position).toMatchObject({ 현금및현금성자산: '300000', 과오납금: '100000', '유동부채 계': '100000' });
    expect(position.예수금).toBeUndefined();
  });
});
