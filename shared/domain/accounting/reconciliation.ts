import { account } from '#shared/domain/accounting/chart.ts';
import { entityLedger } from '#shared/domain/accounting/ledger.ts';
import type { AccountingEntity, EntityYear, Ledger } from '#shared/domain/accounting/ledger.ts';
import { balancesByAccount } from '#shared/domain/accounting/statements/financial-position.ts';

/**
 * 예산회계와 재무회계의 차이 (제42조②4): per 회계, the 재정자금 of the 재정상태표 (현금및현금성자산 +
 * 단기금융상품 + 장기금융상품) less the 세입세출외현금 it holds for others must equal the 세입세출결산's
 * 세계잉여금 (수납액 − 지출액). 세입세출외현금 (withheld taxes, 보증금) is cash but not budget cash
 * (지방재정법 제34조제3항; 시행령 제40조): it is the balance of the liabilities that hold it (the chart's
 * 'custody' accounts, 예수금 and 장기예수보증금). A 과오납금 still owed back at year-end (chart 2107,
 * rules/journal.ts `overPayments`) is a liability too, but its 수납 was 세입 and its refund comes out of the
 * refunding year's 수입금 (지방회계법 제28조①): its cash is budget cash, counted in 세계잉여금, and is not deducted.
 * The row lists it by name (`overPayments`, 과오납금): the part of the 세계잉여금 owed back to payers, so that
 * the liabilities of the 재정상태표 (세입세출외현금 + 과오납금) reconcile line by line and no 과오납 is left as an
 * unexplained 차이 (before its own account it sat in 예수금 and showed as one). The
 * 지방공기업특별회계 is excepted: it keeps its own books (제6조③) and carries long-term deposits as
 * 기타투자자산 (practice, project notes S2).
 */
export interface ReconciliationRow {
  readonly entity: string;
  readonly financialFunds: bigint;
  /** 세입세출외현금: the 'custody' liabilities' balance, deducted from 재정자금. */
  readonly custodyCash: bigint;
  /** 과오납금 owed back: in 재정자금 and in 세계잉여금 alike (budget cash), listed as a named reconciling item. */
  readonly overPayments: bigint;
  readonly budgetSurplus: bigint;
  readonly difference: bigint;
  readonly excepted: boolean;
}

export function budgetReconciliation(books: readonly EntityYear[], surpluses: ReadonlyMap<string, bigint>): ReconciliationRow[] {
  return ledgerReconciliation(
    books.map((b) => ({ entity: b.entity, ledger: entityLedger(b) })),
    surpluses,
  );
}

/** The same from ledgers already drawn (the live books' running totals). */
export function ledgerReconciliation(
  entities: readonly { readonly entity: AccountingEntity; readonly ledger: Ledger }[],
  surpluses: ReadonlyMap<string, bigint>,
): ReconciliationRow[] {
  return entities.map(({ entity, ledger }) => {
    let financialFunds = 0n;
    let custodyCash = 0n;
    let overPayments = 0n;
    for (const [code, balance] of balancesByAccount([...ledger.opening, ...ledger.period])) {
      const part = account(code).netAssetPart;
      if (part === 'financial-fund') financialFunds += balance;
      if (part === 'custody') custodyCash += balance;
      if (part === 'over-payment') overPayments += balance;
    }
    const budgetSurplus = surpluses.get(entity.id) ?? 0n;
    return {
      entity: entity.id,
      financialFunds,
      custodyCash,
      overPayments,
      budgetSurplus,
      difference: financialFunds - custodyCash - budgetSurplus,
      excepted: entity.type === '지방공기업특별회계',
    };
  });
}

/** The rows that need explaining: a difference in a 회계 that must reconcile. */
export const reconciliationDifferences = (rows: readonly ReconciliationRow[]): ReconciliationRow[] =>
  rows.filter((r) => !r.excepted && r.difference !== 0n);
