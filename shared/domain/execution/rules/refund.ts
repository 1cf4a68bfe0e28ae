import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal, overPayments } from '#shared/domain/execution/rules/journal.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { originDocumentOf, revenueLineFor } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { refundInterest, refundInterestGrounds } from '#shared/domain/execution/year-two/refund-interest.ts';

const RULE = '지방회계법 제28조제1항';

/**
 * 과오납 환급 (refund; 지방회계법 제28조 과오납금의 반환): within the receipt (`refund-within-receipt`).
 *   - From the refunding year's revenue (제28조제1항: 과오납금은 반환할 회계연도의 수입금 중에서 반환한다):
 *     a receipt of this year on its own line; one of a closed year (its cash work complete, prior-year.ts)
 *     on this year's revenue line the request names (`lineId`, `prior-year-line-required`), whose
 *     refunded total it raises (the 세입결산's 수납액 net of 환급) — the closed year's line is untouched.
 *     Like every refund, only within what this year's line received (`refunded-within-received`).
 *   - With interest where the request gives its terms (제28조제2항; 시행령 제31조, refund-interest.ts):
 *     from the day after the ground's date to the refund date; refused when that date is after the
 *     refund (`refund-interest-date-after-refund`). The interest is paid with the refund from the same
 *     revenue line (practice [U]: the texts read say 과오납금 come from the year's revenue and interest is
 *     paid; the 과목 of the interest is not in them).
 *   - Books: Dr 예수금 for the over-payment still owed first (a closed year's 예수금 is carried in by the
 *     opening balances), Dr the line's target (its revenue) for the rest and the interest / Cr 현금: the
 *     reverse of a direct collection, on the same 현금흐름 line (netted there, practice [U]).
 */
export const refund: PostingRule<'refund'> = (message, command, state) => {
  const origin = originDocumentOf(message, state, command.receiptId, 'receipt', RULE, true);
  if (isRefusal(origin)) return origin;
  const line = revenueLineFor(message, state, origin, command.lineId, 'it is refunded from', RULE);
  if (isRefusal(line)) return line;
  const receipt = origin.doc;
  const amount = command.amount;
  const terms = command.interest;
  const { days, interest } = terms ? refundInterest(amount, terms, command.date) : { days: 0, interest: 0 };
  if (terms && days < 0) {
    return broken(
      'refund-interest-date-after-refund',
      `interest runs from the day after ${terms.from}, which is after the refund on ${command.date}`,
      { rule: refundInterestGrounds[terms.ground], from: terms.from, date: command.date },
    );
  }
  const paid = amount + interest;
  const fromOverpaid = Math.min(amount, Math.max(0, (receipt.counters.overpaid ?? 0) - (receipt.counters.refunded ?? 0)));
  const journal = lineJournal(line, 'collect-direct', paid);
  if (isRefusal(journal)) return journal;
  const lines = journal.lines
    .flatMap((l) =>
      l.credit > 0
        ? [
            { account: overPayments, debit: fromOverpaid, credit: 0 },
            { ...l, debit: paid - fromOverpaid, credit: 0 },
          ]
        : [{ ...l, debit: 0, credit: l.debit }],
    )
    .sort((a, b) => Number(a.credit > 0) - Number(b.credit > 0));
  return applied(
    line,
    command.date,
    paid,
    [lineEffect(line, { refunded: paid }), docEffect(receipt, { refunded: amount })],
    lines,
    journal.cash,
  );
};
