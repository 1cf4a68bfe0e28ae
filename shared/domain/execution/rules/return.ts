import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { docTarget } from '#shared/domain/execution/items.ts';
import { advancePayments } from '#shared/domain/execution/rules/advance-journal.ts';
import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import type { PostingJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { CommandOf, PostingRule } from '#shared/domain/execution/rules/rule.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 반납 (a payment returned, confirmed by the treasury bank; 지방회계법 제27조; 회계령 제28조: the
 * 지출원 has the payee pay it in, 제29조: the 금고 records it and tells the 지출원). It refers to the
 * payment order that was paid and never returns more than the order paid (`return-within-paid`).
 *
 * - Posted in the fiscal year of the payment (dated by 31 Dec, or until 20 Jan under a listed
 *   exception such as 선금급 반납 or 보조금 정산반납: 지방회계법 제7조제1항; 회계령 제3조; the date
 *   window is posting-window.ts): before the 출납 폐쇄기한, so it goes back to the same 세출 과목
 *   (제27조제2항): the line's paid, ordered, resolved and committed amounts go down by it, so its
 *   remaining budget (allotted − committed) comes back; the order keeps what it paid and counts what
 *   came back, so it is never paid again. Journal: the reverse of the payment's expense — Dr 현금 /
 *   Cr the resolution's target (the cost or asset the journal map names for the line), the inflow on
 *   the payment's 현금흐름 line. An advance's order (일상경비등, 개산급) returns what its 정산 left
 *   unspent: Dr 현금 / Cr 선급금, within paid − settled − returned (`settlement-within-advance`).
 * - Posted in a later year (the payment's year is closed): current-year revenue (제27조제1항),
 *   received on the revenue line `revenueLineId` of the posting's year (Dr 현금 / Cr its target,
 *   the journal map's direct collection); the old line is not restored.
 */
export const returnPayment: PostingRule<'return'> = (message, command, state) => {
  const order = paidOrder(message, command, state);
  if (isRefusal(order)) return order;
  if (command.exceptionCode === 'petty-cash-return' && order.attrs.advance !== 'petty-cash') {
    return broken(
      'exception-not-applicable',
      `exception petty-cash-return (지방회계법 제7조제2항) is for an 일상경비등 advance's order, not ${command.orderId}`,
      {
        rule: '지방회계법 제7조제2항',
        exceptionCode: 'petty-cash-return',
        orderId: command.orderId,
      },
    );
  }
  const amount = command.amount;
  const advance = order.attrs.advance !== undefined;
  const returned = docEffect(order, advance ? { returned: amount, cleared: amount } : { returned: amount });
  const orderYear = Number(order.attrs.year);
  if (orderYear === message.year) {
    const line = lineOf(message, state, String(order.attrs.lineId), 'expenditure');
    if (isRefusal(line)) return line;
    const lines = restoringJournal(line, amount, advance);
    if (isRefusal(lines)) return lines;
    const restored = { committed: -amount, resolved: -amount, ordered: -amount, paid: -amount, returned: amount };
    return applied(line, command.date, amount, [lineEffect(line, restored), returned], lines.lines, lines.cash);
  }
  if (command.revenueLineId === undefined) {
    return broken(
      'return-revenue-line-required',
      `payment order ${command.orderId} belongs to the closed fiscal year ${orderYear}: its return is revenue of ${message.year} and needs revenueLineId (지방회계법 제27조제1항)`,
      { orderId: command.orderId, orderYear, year: message.year },
    );
  }
  const revenue = lineOf(message, state, command.revenueLineId, 'revenue');
  if (isRefusal(revenue)) return revenue;
  const journal = lineJournal(revenue, 'collect-direct', amount);
  if (isRefusal(journal)) return journal;
  return applied(revenue, command.date, amount, [lineEffect(revenue, { received: amount }), returned], journal.lines, journal.cash);
};

/** The payment order returned against: applied, of this year or an earlier one, and paid. */
function paidOrder(message: PostingMessage, command: CommandOf<'return'>, state: WorkingState): ControlledItem | Refusal {
  const order = state.item(docTarget(message.gov, command.orderId));
  if (order?.kind !== 'order') {
    return broken('unknown-order', `no applied order ${command.orderId} in government ${message.gov}`, { orderId: command.orderId });
  }
  if (Number(order.attrs.year) > message.year) {
    return broken('wrong-year', `order ${command.orderId} belongs to fiscal year ${order.attrs.year}`, {
      year: message.year,
      documentYear: order.attrs.year,
    });
  }
  return order;
}

/**
 * Dr 현금 / Cr the expense: the payment's journal (pay: Dr 미지급금 / Cr 현금) and the resolution's
 * (resolve: Dr target / Cr 미지급금) reversed together, 미지급금 netting out.
 */
function restoringJournal(line: ControlledItem, amount: number, advance: boolean): PostingJournal | Refusal {
  const resolved = lineJournal(line, 'resolve', amount);
  if (isRefusal(resolved)) return resolved;
  const paid = lineJournal(line, 'pay', amount);
  if (isRefusal(paid)) return paid;
  const cashIn = paid.lines.filter((l) => l.credit > 0).map((l) => ({ ...l, debit: l.credit, credit: 0 }));
  const costOut = advance
    ? [{ account: advancePayments, debit: 0, credit: amount }]
    : resolved.lines.filter((l) => l.debit > 0).map((l) => ({ ...l, debit: 0, credit: l.debit }));
  return paid.cash ? { lines: [...cashIn, ...costOut], cash: paid.cash } : { lines: [...cashIn, ...costOut] };
}
