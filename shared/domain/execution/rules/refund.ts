import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal, overPayments } from '#shared/domain/execution/rules/journal.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { originDocumentOf, revenueLineFor } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { interestLawOf, refundInterest, refundInterestGrounds } from '#shared/domain/execution/year-two/refund-interest.ts';
import type { RefundInterest, RefundInterestTerms } from '#shared/domain/execution/year-two/refund-interest.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { OriginDocument } from '#shared/domain/execution/rules/prior-year.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

const RULE = '지방회계법 제28조제1항';

/**
 * 과오납 환급 (refund; 지방회계법 제28조 과오납금의 반환): within the receipt (`refund-within-receipt`).
 *   - From the refunding year's revenue (제28조제1항: 과오납금은 반환할 회계연도의 수입금 중에서 반환한다):
 *     a receipt of this year on its own line; one of a closed year (its cash work complete, prior-year.ts)
 *     on this year's revenue line the request names (`lineId`, `prior-year-line-required`), whose
 *     refunded total it raises (the 세입결산's 수납액 net of 환급) — the closed year's line is untouched.
 *     Like every refund, only within what this year's line received (`refunded-within-received`).
 *   - With interest (제28조제2항, refund-interest.ts): the request names the ground and its date, the rate
 *     comes from the dated table; refused when the date is after the refund (`refund-interest-date-after-refund`)
 *     or before the table (`refund-interest-rate-unknown`). The receipt's line decides the law: a 지방세 line
 *     (세입 과목 1) takes 지방세환급가산금 under 지방세기본법 제62조 (제28조제2항 단서), any other line 시행령
 *     제31조 (`refund-interest-law-mismatch` otherwise). A closed year's receipt must carry its terms
 *     (`refund-interest-required`); a refund within the receipt's own year may still omit them (kept for the
 *     same-day refunds of over-payments [U]: §28② asks interest of every refund). The interest is paid with
 *     the refund from the same revenue line (practice [U]: the 과목 of the interest is not in the texts read).
 *   - Books: Dr 과오납금 (2107) for the over-payment still owed first (a closed year's is carried in by the
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
  const owed = interestOwed(origin, command.interest, amount, command.date, message.year);
  if ('refusal' in owed) return owed.refusal;
  const paid = amount + owed.interest;
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

/** The interest the refund pays (refund-interest.ts), or why it cannot be computed. */
function interestOwed(
  origin: OriginDocument,
  terms: RefundInterestTerms | undefined,
  amount: number,
  date: string,
  year: number,
): { interest: number } | { refusal: Refusal } {
  const law = interestLawOf(revenueCodeOf(origin.originLine));
  const article = law === 'local-tax' ? '지방세기본법 제62조제1항' : '지방회계법 제28조제2항';
  if (!terms) {
    if (origin.originYear === year) return { interest: 0 };
    const detail = `a refund of ${origin.originYear}'s receipt carries its interest (${article}): name the ground and its date`;
    return { refusal: broken('refund-interest-required', detail, { rule: article, originYear: origin.originYear }) };
  }
  const ground = refundInterestGrounds[terms.ground];
  if (ground.law !== law || (terms.appealFinalOn !== undefined && law !== 'local-tax')) {
    const detail = `the receipt is on a ${law === 'local-tax' ? '지방세' : '세외수입 or other'} line: its interest follows ${article}, not ${ground.source}`;
    return { refusal: broken('refund-interest-law-mismatch', detail, { rule: '지방회계법 제28조제2항', ground: terms.ground, law }) };
  }
  const computed: RefundInterest = refundInterest(amount, terms, date);
  if (computed.kind === 'after-refund') {
    const detail = `interest runs from the day after ${terms.from}, which is after the refund on ${date}`;
    return { refusal: broken('refund-interest-date-after-refund', detail, { rule: ground.source, from: terms.from, date }) };
  }
  if (computed.kind === 'rate-unknown') {
    const detail = `interest would run from ${computed.runsFrom}; the rate table (국세기본법 시행규칙 제19조의3) starts on ${computed.firstRateDay}`;
    return {
      refusal: broken('refund-interest-rate-unknown', detail, {
        rule: ground.source,
        runsFrom: computed.runsFrom,
        firstRateDay: computed.firstRateDay,
      }),
    };
  }
  return { interest: computed.interest };
}

/** The 세입 과목 a line's journal row follows (its journal code, else its item code). */
const revenueCodeOf = (line: ControlledItem): string => String(line.attrs.journalCode ?? line.attrs.itemCode ?? '');
