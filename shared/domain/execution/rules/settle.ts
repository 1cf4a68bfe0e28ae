import { settlementAgainstRecord } from '#shared/domain/advance-posting.ts';
import { settlementLines } from '#shared/domain/execution/rules/advance-journal.ts';
import { applied, docEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken, documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 정산 of an advance (일상경비등: 지방회계법 제34조, the 출납계산서 of 회계령 제43조제2항; 개산급:
 * 지방회계법 제35조, 회계령 제45조): the cost the 증빙 proves, dated at the 증빙, leaves 선급금 for the
 * cost of the line (Dr the line's resolve target / Cr 선급금; rules/advance-journal.ts). Only on a
 * payment order of an advance (`settlement-not-an-advance`) and only within what the bank paid on it
 * less what was settled or returned (`settlement-within-advance`, the order's `cleared ≤ paid`, in
 * the write condition); on an order a petty-cash or 개산급 record names, never past what that record showed
 * spent at acceptance (`settlement-exceeds-record`, the message's `advanceRecord`), counted here against the
 * order's settled as the earlier settlements left it — so two settlements queued together cannot both pass
 * on the same spent (a record's spent never falls: spendings are only added, a 개산급 is settled once, so the
 * figure taken at acceptance is never above the record's when this applies). The budget was executed when the advance was paid: no line counter moves;
 * the unspent rest comes back by 반납 (rules/return.ts), which restores the line.
 */
export const settle: PostingRule<'settle'> = (message, command, state) => {
  const order = documentOf(message, state, command.orderId, 'order');
  if (isRefusal(order)) return order;
  if (order.attrs.advance === undefined) {
    return broken('settlement-not-an-advance', `payment order ${command.orderId} paid a cost, not an advance: there is nothing to settle`, {
      orderId: command.orderId,
    });
  }
  const beyondRecord = settlementAgainstRecord(
    message.advanceRecord,
    { orderId: command.orderId, settled: order.counters.settled ?? 0 },
    command.amount,
  );
  if (beyondRecord) return beyondRecord;
  const line = lineOf(message, state, String(order.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const journal = lineJournal(line, 'resolve', amount);
  if (isRefusal(journal)) return journal;
  return applied(
    line,
    command.date,
    amount,
    [docEffect(order, { settled: amount, cleared: amount })],
    settlementLines(journal.lines, amount),
  );
};
