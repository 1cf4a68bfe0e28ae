import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import type { ControlledItem, DocKind } from '#shared/domain/execution/items.ts';
import { cashTarget, docTarget, lineTarget } from '#shared/domain/execution/items.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { negate, violationOf } from '#shared/domain/execution/rules.ts';
import type { Violation } from '#shared/domain/execution/rules.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import { closingPeriods } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { expenditureAccount, revenueAccounts } from '#shared/domain/ledger/account-mapping.ts';
import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import { credit, debit, nonZero, reversalOf } from '#shared/domain/ledger/journal.ts';
import type { JournalEntry, JournalLine } from '#shared/domain/ledger/journal.ts';

export interface Applied {
  readonly status: 'applied';
  readonly lineId: string;
  readonly fund: string;
  readonly amount: number;
  readonly effects: readonly Effect[];
  readonly journal: JournalEntry;
  readonly reverses?: string;
}

export interface Rejected {
  readonly status: 'rejected';
  readonly violation: Violation;
}

export type Decision = Applied | Rejected;

class Rejection extends Error {
  readonly violation: Violation;
  constructor(rule: ProblemCode, detail: string, context: Record<string, unknown> = {}) {
    super(detail);
    this.violation = { rule, detail, context: { rule, ...context } };
  }
}

/**
 * Judges one posting against the working state: the effects and journal lines it makes, or the
 * rule it breaks with the numbers. Pure: the planner applies the effects.
 */
export function evaluate(message: PostingMessage, state: WorkingState): Decision {
  try {
    const { year, command } = message;
    if (!command.date.startsWith(`${year}-`)) {
      throw new Rejection('wrong-year', `a posting of fiscal year ${year} cannot be dated ${command.date}`, { year, date: command.date });
    }
    for (const period of closingPeriods(command.date)) {
      if (state.isClosed(message.gov, year, period)) {
        throw new Rejection('period-closed', `${period} of ${year} is closed; nothing posts into it`, { year, period, date: command.date });
      }
    }
    const decision = decide(message, command, state);
    // Documents first: their rule (e.g. refund-within-receipt) is the more specific reason.
    const documentsFirst = [...decision.effects].sort((a, b) => Number(b.target.type === 'doc') - Number(a.target.type === 'doc'));
    for (const effect of documentsFirst) {
      const { before } = state.afterEffect(effect);
      const violation = violationOf(before, effect.deltas);
      if (violation) return { status: 'rejected', violation };
    }
    return decision;
  } catch (error) {
    if (error instanceof Rejection) return { status: 'rejected', violation: error.violation };
    throw error;
  }
}

function decide(message: PostingMessage, command: PostingCommand, state: WorkingState): Applied {
  const { gov, year, actor } = message;
  const entry = (fund: string, lines: JournalLine[]): JournalEntry => ({ fund, date: command.date, lines: nonZero(lines) });
  const applied = (line: ControlledItem, amount: number, effects: Effect[], lines: JournalLine[]): Applied => ({
    status: 'applied',
    lineId: String(line.attrs.lineId),
    fund: String(line.attrs.fund),
    amount,
    effects,
    journal: entry(String(line.attrs.fund), lines),
  });
  const lineOf = (lineId: string, kind: 'expenditure' | 'revenue'): ControlledItem => {
    const line = state.item(lineTarget(gov, year, lineId));
    if (!line) throw new Rejection('unknown-line', `budget line ${lineId} has no final budget in ${year}`, { lineId, year });
    if (line.attrs.lineKind !== kind) {
      throw new Rejection('wrong-line-kind', `budget line ${lineId} is a ${line.attrs.lineKind} line`, { lineId, expected: kind });
    }
    return line;
  };
  const docOf = (docId: string, kind: DocKind): ControlledItem => {
    const doc = state.item(docTarget(gov, docId));
    if (!doc || doc.kind !== kind)
      throw new Rejection(`unknown-${kind}`, `no applied ${kind} ${docId} in government ${gov}`, { [`${kind}Id`]: docId });
    if (doc.attrs.year !== year)
      throw new Rejection('wrong-year', `${kind} ${docId} belongs to fiscal year ${doc.attrs.year}`, {
        year,
        documentYear: doc.attrs.year,
      });
    return doc;
  };
  const lineEffect = (line: ControlledItem, deltas: Record<string, number>): Effect => ({ target: line.target, kind: 'line', deltas });
  const docEffect = (doc: ControlledItem, deltas: Record<string, number>): Effect => ({ target: doc.target, kind: doc.kind, deltas });
  const create = (kind: DocKind, deltas: Record<string, number>, attrs: Record<string, string | number>): Effect => ({
    target: docTarget(gov, message.postingId),
    kind,
    deltas,
    create: { year, ...attrs },
  });
  const ap = chartOfAccounts.accountsPayable.code;
  const cash = chartOfAccounts.cash.code;

  switch (command.kind) {
    case 'commit': {
      const line = lineOf(command.lineId, 'expenditure');
      const a = command.amount;
      return applied(
        line,
        a,
        [
          lineEffect(line, { committed: a }),
          create('commitment', { amount: a }, { lineId: command.lineId, fund: String(line.attrs.fund), createdBy: actor.sub }),
        ],
        [],
      );
    }
    case 'resolve': {
      const commitment = docOf(command.commitmentId, 'commitment');
      const line = lineOf(String(commitment.attrs.lineId), 'expenditure');
      const a = command.amount;
      return applied(
        line,
        a,
        [
          lineEffect(line, { resolved: a }),
          docEffect(commitment, { resolved: a }),
          create(
            'resolution',
            { amount: a },
            { ...linkOf(line), commitmentId: command.commitmentId, committedBy: String(commitment.attrs.createdBy) },
          ),
        ],
        [debit(expenditureAccount(String(line.attrs.itemCode)).code, a), credit(ap, a)],
      );
    }
    case 'order': {
      const resolution = docOf(command.resolutionId, 'resolution');
      if (resolution.attrs.committedBy === actor.sub) {
        throw new Rejection('segregation-of-duties', 'the official who made the commitment cannot order its payment', {
          commitmentId: resolution.attrs.commitmentId,
        });
      }
      const line = lineOf(String(resolution.attrs.lineId), 'expenditure');
      const a = command.amount;
      return applied(
        line,
        a,
        [
          lineEffect(line, { ordered: a }),
          docEffect(resolution, { ordered: a }),
          create(
            'order',
            { amount: a },
            {
              ...linkOf(line),
              resolutionId: command.resolutionId,
              commitmentId: String(resolution.attrs.commitmentId),
              createdBy: actor.sub,
            },
          ),
        ],
        [],
      );
    }
    case 'pay': {
      const order = docOf(command.orderId, 'order');
      const a = (order.counters.amount ?? 0) - (order.counters.paid ?? 0);
      if (a <= 0) throw new Rejection('order-already-paid', `payment order ${command.orderId} is paid`, { orderId: command.orderId });
      const commitment = docOf(String(order.attrs.commitmentId), 'commitment');
      const line = lineOf(String(order.attrs.lineId), 'expenditure');
      const month = command.date.slice(0, 7);
      const allocation = state.item(cashTarget(gov, year, String(line.attrs.fund), month));
      if (!allocation) {
        throw new Rejection('paid-within-cash-allocation', `no cash is allocated to fund ${line.attrs.fund} for ${month}`, {
          fund: line.attrs.fund,
          month,
          allocated: 0,
          paid: 0,
          change: { paid: a },
        });
      }
      return applied(
        line,
        a,
        [
          lineEffect(line, { paid: a }),
          docEffect(order, { paid: a }),
          docEffect(commitment, { paid: a }),
          { target: allocation.target, kind: 'cash', deltas: { paid: a } },
        ],
        [debit(ap, a), credit(cash, a)],
      );
    }
    case 'cancel': {
      const commitment = docOf(command.commitmentId, 'commitment');
      const line = lineOf(String(commitment.attrs.lineId), 'expenditure');
      const { amount = 0, resolved = 0, paid = 0, cancelled = 0 } = commitment.counters;
      if (paid > 0) throw new Rejection('commitment-has-payments', `commitment ${command.commitmentId} has payments`, { paid });
      if (cancelled > 0) throw new Rejection('commitment-already-cancelled', `commitment ${command.commitmentId} is cancelled`, {});
      const release = amount - resolved;
      if (release <= 0)
        throw new Rejection('nothing-to-release', `commitment ${command.commitmentId} is fully resolved`, { amount, resolved });
      return applied(
        line,
        release,
        [lineEffect(line, { committed: -release }), docEffect(commitment, { amount: -release, cancelled: 1 })],
        [],
      );
    }
    case 'assess': {
      const line = lineOf(command.lineId, 'revenue');
      const a = command.amount;
      const accounts = revenueAccounts(String(line.attrs.itemCode));
      return applied(
        line,
        a,
        [lineEffect(line, { assessed: a }), create('assessment', { amount: a }, linkOf(line))],
        [debit(accounts.receivable.code, a), credit(accounts.revenue.code, a)],
      );
    }
    case 'notice': {
      const assessment = docOf(command.assessmentId, 'assessment');
      const line = lineOf(String(assessment.attrs.lineId), 'revenue');
      return applied(line, 0, [docEffect(assessment, { notices: 1 })], []);
    }
    case 'receive': {
      const assessment = docOf(command.assessmentId, 'assessment');
      const line = lineOf(String(assessment.attrs.lineId), 'revenue');
      const a = command.amount;
      const outstanding = Math.max(0, (assessment.counters.amount ?? 0) - (assessment.counters.received ?? 0));
      const overpaid = Math.max(0, a - outstanding);
      const accounts = revenueAccounts(String(line.attrs.itemCode));
      return applied(
        line,
        a,
        [
          lineEffect(line, { received: a }),
          docEffect(assessment, { received: a }),
          create('receipt', { amount: a, overpaid }, { ...linkOf(line), assessmentId: command.assessmentId }),
        ],
        [debit(cash, a), credit(accounts.receivable.code, a - overpaid), credit(chartOfAccounts.refundsPayable.code, overpaid)],
      );
    }
    case 'refund': {
      const receipt = docOf(command.receiptId, 'receipt');
      const line = lineOf(String(receipt.attrs.lineId), 'revenue');
      const a = command.amount;
      const fromOverpaid = Math.min(a, Math.max(0, (receipt.counters.overpaid ?? 0) - (receipt.counters.refunded ?? 0)));
      const accounts = revenueAccounts(String(line.attrs.itemCode));
      return applied(
        line,
        a,
        [lineEffect(line, { refunded: a }), docEffect(receipt, { refunded: a })],
        [debit(chartOfAccounts.refundsPayable.code, fromOverpaid), debit(accounts.revenue.code, a - fromOverpaid), credit(cash, a)],
      );
    }
    case 'correct': {
      const original = state.storedResult(gov, command.originalPostingId);
      if (original?.status !== 'applied') {
        throw new Rejection('original-not-applied', `posting ${command.originalPostingId} was not applied`, {
          originalPostingId: command.originalPostingId,
        });
      }
      if (original.kind === 'correct')
        throw new Rejection('cannot-correct-a-correction', 'a correction is itself corrected by a new posting', {});
      if (original.year !== year)
        throw new Rejection('wrong-year', `posting ${original.postingId} belongs to fiscal year ${original.year}`, {
          year,
          originalYear: original.year,
        });
      if (state.isReversed(gov, original.postingId))
        throw new Rejection('already-corrected', `posting ${original.postingId} was already corrected`, {});
      const effects = original.effects.map((effect) => ({ target: effect.target, kind: effect.kind, deltas: negate(effect.deltas) }));
      const lines = reversalOf(original.journal?.lines ?? []);
      const firstLine = original.effects.find((effect) => effect.target.type === 'line')?.target;
      return {
        status: 'applied',
        lineId: firstLine?.type === 'line' ? firstLine.lineId : message.lineId,
        fund: original.journal?.fund ?? '',
        amount: original.amount,
        effects,
        journal: entry(original.journal?.fund ?? '', lines),
        reverses: original.postingId,
      };
    }
  }
}

const linkOf = (line: ControlledItem): Record<string, string> => ({ lineId: String(line.attrs.lineId), fund: String(line.attrs.fund) });
