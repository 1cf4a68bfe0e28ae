import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { docTarget } from '#shared/domain/execution/items.ts';
import type { Target } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { docEffect } from '#shared/domain/execution/rules/effects.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import { decodeWithholdings, remittanceDueDate, withheldCustodyId } from '#shared/domain/execution/withholding.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';
import type { JournalLine } from '#shared/domain/ledger/journal.ts';

/**
 * 예수금 (chart 2102): what the government holds for others — here the amounts withheld from a
 * payment until they are paid over (지방재정법 시행령 제40조제1항제4호, 일시 보관; practice [U]).
 */
export const heldForOthers = '2102';

/**
 * What the bank's payment of an order with 원천징수 does besides paying the net: each kind withheld is
 * deposited on the 세입세출외현금 record of its kind and month (created on the month's first), and the
 * pay journal's cash credit is split: Cr 현금 the net, Cr 예수금 what was withheld.
 */
export function withheldOnPayment(
  message: PostingMessage,
  state: WorkingState,
  order: ControlledItem,
  fund: string,
  payLines: readonly JournalLine[],
): { effects: Effect[]; lines: JournalLine[] } {
  const withholdings = decodeWithholdings(order.attrs.withholdings);
  if (withholdings.length === 0) return { effects: [], lines: [...payLines] };
  const month = message.command.date.slice(0, 7);
  const withheld = withholdings.reduce((sum, w) => sum + w.amount, 0);
  const targets = withholdings.map((w) => docTarget(message.gov, withheldCustodyId(month, w.kind)));
  const records = state.items(targets);
  const effects = withholdings.map((w, i): Effect => {
    const target = targets[i] as Target;
    const existing = records[i];
    if (existing) return docEffect(existing, { deposited: w.amount });
    return {
      target,
      kind: 'custody',
      deltas: { deposited: w.amount },
      create: { year: message.year, fund, book: 'withholding', custodyKind: w.kind, month, dueDate: remittanceDueDate(month) },
    };
  });
  const lines = payLines.flatMap((l) =>
    l.account === cashAccount && l.credit > 0
      ? [
          { ...l, credit: l.credit - withheld },
          { account: heldForOthers, debit: 0, credit: withheld },
        ]
      : [l],
  );
  return { effects, lines };
}
