import { cashTarget } from '#shared/domain/execution/items.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken, documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { withheldOnPayment } from '#shared/domain/execution/rules/withholding-custody.ts';

/**
 * 지급 (payment, confirmed by the treasury bank: 지방회계법 「지출기관과 출납기관의 분리」): pays what
 * the order still owes, once (`order-already-paid`), from the fund's cash allocated for the month
 * (`paid-within-cash-allocation`, practice: 자금배정). Dr 미지급금 / Cr 현금, the cash outflow
 * classified by the line's journal map row (경상/투자/재무활동, 제36조). An order with 원천징수: the
 * gross amount executes the line, the net is paid out, the withheld amounts go to 세입세출외현금
 * (Cr 예수금; rules/withholding-custody.ts). The order's claim on the cash of the month it was given
 * in (rules/order-checks.ts) becomes a payment of this month: same month, claimed stays; another, the
 * claim moves here (claimed ≤ allocated then holds for this month too).
 */
export const pay: PostingRule<'pay'> = (message, command, state) => {
  const order = documentOf(message, state, command.orderId, 'order');
  if (isRefusal(order)) return order;
  const amount = (order.counters.amount ?? 0) - (order.counters.paid ?? 0);
  if (amount <= 0) return broken('order-already-paid', `payment order ${command.orderId} is paid`, { orderId: command.orderId });
  const commitment = documentOf(message, state, String(order.attrs.commitmentId), 'commitment');
  if (isRefusal(commitment)) return commitment;
  const line = lineOf(message, state, String(order.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const journal = lineJournal(line, 'pay', amount);
  if (isRefusal(journal)) return journal;
  const month = command.date.slice(0, 7);
  const allocation = state.item(cashTarget(message.gov, message.year, String(line.attrs.fund), month));
  if (!allocation) {
    return broken('paid-within-cash-allocation', `no cash is allocated to fund ${line.attrs.fund} for ${month}`, {
      fund: line.attrs.fund,
      month,
      allocated: 0,
      paid: 0,
      change: { paid: amount },
    });
  }
  const withheld = withheldOnPayment(message, state, order, String(line.attrs.fund), journal.lines);
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { paid: amount }),
      docEffect(order, { paid: amount }),
      docEffect(commitment, { paid: amount }),
      ...cashEffects(message, state, order, allocation, amount),
      ...withheld.effects,
    ],
    withheld.lines,
    journal.cash,
  );
};

/** The cash item changes of a payment: paid here, and the order's claim moved from its month to here. */
function cashEffects(
  message: PostingMessage,
  state: WorkingState,
  order: ControlledItem,
  allocation: ControlledItem,
  amount: number,
): Effect[] {
  const paid: Effect = { target: allocation.target, kind: 'cash', deltas: { paid: amount, claimed: amount } };
  const month = order.attrs.cashMonth;
  // An order given before claims were counted holds no claim to release.
  if (month === undefined) return [paid];
  if (String(month) === allocation.attrs.month) return [{ ...paid, deltas: { paid: amount } }];
  const claimedIn = state.item(cashTarget(message.gov, message.year, String(allocation.attrs.fund), String(month)));
  if (!claimedIn) return [paid];
  return [{ target: claimedIn.target, kind: 'cash', deltas: { claimed: -amount } }, paid];
}
