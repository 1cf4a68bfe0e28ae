import { custodyAccount } from '#shared/domain/execution/guarantee-deposits.ts';
import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { custodyOf } from '#shared/domain/execution/rules/withdraw.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';

/**
 * 귀속: a 보증금 forfeited to the government (the bidder does not sign, the contractor does not perform
 * or repair: 지방계약법 제12조제3항, 제15조제3항, 제21조제3항) is taken into 세입 of the posting's year on the revenue
 * line `revenueLineId` (지방재정법 시행령 제40조제1항제2호 money leaves 세입세출외현금 only by return or
 * 세입 조치). No cash moves: the money already in the 금고 stops being held for the depositor and becomes
 * budget cash. Only a 보증금 is forfeited (`custody-purpose-not-allowed`), never more than the record
 * still holds (`release-within-deposit`), and into the 회계 that holds it (`forfeiture-fund-mismatch`).
 * Dr the record's liability / Cr the revenue line's target (the journal map's direct collection,
 * its cash debit replaced by the liability).
 */
export const forfeit: PostingRule<'forfeit'> = (message, command, state) => {
  const custody = custodyOf(message, state, command.custodyId);
  if (isRefusal(custody)) return custody;
  const book = String(custody.attrs.book);
  const kind = String(custody.attrs.custodyKind);
  if (book !== 'guarantee') {
    return broken(
      'custody-purpose-not-allowed',
      `세입세출외현금 record ${command.custodyId} (${book}) is not a 보증금 and is never forfeited`,
      {
        custodyId: command.custodyId,
        purpose: 'forfeiture',
        book,
        kind,
      },
    );
  }
  const revenue = lineOf(message, state, command.revenueLineId, 'revenue');
  if (isRefusal(revenue)) return revenue;
  if (revenue.attrs.fund !== custody.attrs.fund) {
    return broken(
      'forfeiture-fund-mismatch',
      `record ${command.custodyId} is held in ${custody.attrs.fund}; revenue line ${command.revenueLineId} is of ${revenue.attrs.fund}`,
      { custodyId: command.custodyId, custodyFund: custody.attrs.fund, lineId: command.revenueLineId, lineFund: revenue.attrs.fund },
    );
  }
  const amount = command.amount;
  const journal = lineJournal(revenue, 'collect-direct', amount);
  if (isRefusal(journal)) return journal;
  const liability = custodyAccount(book, kind);
  const lines = journal.lines.map((l) => (l.account === cashAccount ? { ...l, account: liability } : l));
  return applied(
    revenue,
    command.date,
    amount,
    [docEffect(custody, { released: amount, forfeited: amount }), lineEffect(revenue, { received: amount })],
    lines,
  );
};
