import type { Period } from '#shared/domain/subsidy/dates.ts';
import type { CostLine } from '#shared/domain/subsidy/application.ts';
import { beyondDecided } from '#shared/domain/subsidy/decision.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 집행 by the recipient against the approved cost allocation.
 * - No use outside the grant's purpose (보조금법 §13): every execution names a cost line of the
 *   approved allocation; a line that is not there, or an amount over it, needs an approved change of
 *   the allocation first (§14) and is refused until then.
 * - Grant and own money stay apart (§24①): each line has its grant and own amounts, and each
 *   execution is charged to one of them.
 * - Grant money is spent with evidence: an e-(tax) invoice or a 보조금 전용카드 approval (보조금령 §5의2③).
 * - Only within the project period (보조금령 §5 5호: 착수·완료 예정일).
 */
export type FundSource = 'grant' | 'own';

export interface ExecutionFacts {
  readonly allocation: readonly CostLine[];
  readonly executed: Readonly<Record<string, { readonly grant: number; readonly own: number }>>;
  readonly period: Period;
  readonly item: string;
  readonly source: FundSource;
  readonly amount: number;
  readonly date: string;
}

export function executionRefusal(facts: ExecutionFacts): Refusal | undefined {
  if (facts.date < facts.period.start || facts.date > facts.period.end) {
    return refusal('unprocessable', 'execution-outside-period', `the project runs from ${facts.period.start} to ${facts.period.end}`, {
      rule: 'start ≤ date ≤ end (보조금령 §5 5호)',
      date: facts.date,
      period: facts.period,
    });
  }
  const line = facts.allocation.find((cost) => cost.item === facts.item);
  const allocated = line ? line[facts.source] : 0;
  const spent = facts.executed[facts.item]?.[facts.source] ?? 0;
  if (spent + facts.amount > allocated) {
    return refusal(
      'unprocessable',
      'execution-exceeds-allocation',
      `the ${facts.source} money of “${facts.item}” would be overspent; change the allocation first (approval needed)`,
      {
        rule: 'executed + amount ≤ allocated, per line and source (보조금법 §13, §14, §24①)',
        requested: facts.amount,
        available: Math.max(0, allocated - spent),
        numbers: { allocated, executed: spent },
        item: facts.item,
        source: facts.source,
      },
    );
  }
  return undefined;
}

/**
 * A change of the cost allocation (보조금법 §14): the grant total may not grow beyond the decision,
 * and grant money already spent on a line cannot be taken away from it.
 */
export function allocationChangeRefusal(
  proposed: readonly CostLine[],
  decided: number,
  executed: ExecutionFacts['executed'],
): Refusal | undefined {
  const grant = proposed.reduce((sum, line) => sum + line.grant, 0);
  if (grant > decided) {
    return beyondDecided(grant, decided, {
      code: 'allocation-exceeds-grant',
      detail: 'the new allocation holds more grant money than was decided',
      rule: 'Σ grant ≤ decided amount (보조금법 §14)',
    });
  }
  for (const [item, spent] of Object.entries(executed)) {
    const line = proposed.find((cost) => cost.item === item);
    if ((line?.grant ?? 0) < spent.grant || (line?.own ?? 0) < spent.own) {
      return refusal('unprocessable', 'allocation-below-executed', `“${item}” would fall below what was already spent on it`, {
        rule: 'allocated ≥ executed per line and source',
        item,
        numbers: { grantExecuted: spent.grant, ownExecuted: spent.own, grantProposed: line?.grant ?? 0, ownProposed: line?.own ?? 0 },
      });
    }
  }
  return undefined;
}

/** 교부 (payment of the grant, 보조금법 §10의2): never more than decided in total. */
export function paymentRefusal(decided: number, paid: number, requested: number, amount: number): Refusal | undefined {
  if (paid + requested + amount <= decided) return undefined;
  return refusal('unprocessable', 'payment-exceeds-grant', 'payments would exceed the decided grant', {
    rule: 'paid + requested + amount ≤ decided (보조금법 §10의2)',
    requested: amount,
    available: Math.max(0, decided - paid - requested),
    numbers: { decided, paid, pendingRequests: requested },
  });
}
