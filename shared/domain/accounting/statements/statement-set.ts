import { combinedLedger } from '#shared/domain/accounting/consolidation.ts';
import { entityLedger, entityTypes } from '#shared/domain/accounting/ledger.ts';
import type { AccountingEntity, EntityType, EntityYear, Ledger } from '#shared/domain/accounting/ledger.ts';
import { cashFlowStatement } from '#shared/domain/accounting/statements/cash-flow.ts';
import type { CashFlowStatement } from '#shared/domain/accounting/statements/cash-flow.ts';
import { financialPosition } from '#shared/domain/accounting/statements/financial-position.ts';
import type { FinancialPosition } from '#shared/domain/accounting/statements/financial-position.ts';
import { netAssetChanges } from '#shared/domain/accounting/statements/net-assets.ts';
import type { NetAssetChanges } from '#shared/domain/accounting/statements/net-assets.ts';
import { operations } from '#shared/domain/accounting/statements/operations.ts';
import type { Operations } from '#shared/domain/accounting/statements/operations.ts';

/** 제8조①: the four statements (주석 and 필수보충정보 are not generated here). */
export interface StatementSet {
  readonly financialPosition: FinancialPosition;
  readonly operations: Operations;
  readonly cashFlow: CashFlowStatement;
  readonly netAssetChanges: NetAssetChanges;
}

export function statementsOf(ledger: Ledger): StatementSet {
  return {
    financialPosition: financialPosition(ledger),
    operations: operations(ledger),
    cashFlow: cashFlowStatement(ledger),
    netAssetChanges: netAssetChanges(ledger),
  };
}

/** 제9조④: this year beside last year. */
export interface Comparative<T> {
  readonly current: T;
  readonly prior: T | null;
}

/** 제9조: 개별 (③), 유형별 (②) and 통합 (①) statements, each in the comparative form (④). */
export interface GovernmentStatements {
  readonly entities: ReadonlyMap<string, Comparative<StatementSet>>;
  readonly types: ReadonlyMap<EntityType, Comparative<StatementSet>>;
  readonly whole: Comparative<StatementSet>;
}

/** `prior` is last year's books of the same government (empty in its first year). */
export function governmentStatements(current: readonly EntityYear[], prior: readonly EntityYear[]): GovernmentStatements {
  const drawn = (books: readonly EntityYear[]) => books.map((year) => ({ entity: year.entity, ledger: entityLedger(year) }));
  return ledgerStatements(drawn(current), drawn(prior));
}

/** One 회계실체 and the ledger its statements are drawn from (built from the books' running totals). */
export interface EntityLedger {
  readonly entity: AccountingEntity;
  readonly ledger: Ledger;
}

/**
 * 제9조 from ledgers already drawn (the live books keep running totals, not entries): 개별 per
 * 회계실체, 유형별 per type and 통합, each beside last year's.
 */
export function ledgerStatements(current: readonly EntityLedger[], prior: readonly EntityLedger[]): GovernmentStatements {
  const priorOf = (id: string) => prior.find((e) => e.entity.id === id);
  const entities = new Map(
    current.map(({ entity, ledger }) => {
      const before = priorOf(entity.id);
      return [entity.id, { current: statementsOf(ledger), prior: before ? statementsOf(before.ledger) : null }];
    }),
  );
  const byType = (set: readonly EntityLedger[]) => {
    const result = new Map<EntityType, Ledger>();
    for (const type of entityTypes) {
      const members = set.filter((e) => e.entity.type === type);
      if (members.length > 0) result.set(type, combinedLedger(members.map((e) => e.ledger)));
    }
    return result;
  };
  const priorTypes = byType(prior);
  const types = new Map(
    [...byType(current)].map(([type, ledger]) => {
      const before = priorTypes.get(type);
      return [type, { current: statementsOf(ledger), prior: before ? statementsOf(before) : null }];
    }),
  );
  const whole = {
    current: statementsOf(combinedLedger(current.map((e) => e.ledger))),
    prior: prior.length > 0 ? statementsOf(combinedLedger(prior.map((e) => e.ledger))) : null,
  };
  return { entities, types, whole };
}
