import { revenueAccounts } from '#shared/domain/ledger/account-mapping.ts';
import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import { credit, debit } from '#shared/domain/ledger/journal.ts';
import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 수납 (receipt; 지방회계법 「수납기관」): cash received against an assessment. Dr 현금 / Cr the
 * receivable up to what is outstanding; anything over it is an over-payment the government owes
 * back (과오납, 지방회계법 「과오납금의 반환」): Cr 미지급환급금, remembered on the receipt.
 */
export const receive: PostingRule<'receive'> = (message, command, state) => {
  const assessment = documentOf(message, state, command.assessmentId, 'assessment');
  if (isRefusal(assessment)) return assessment;
  const line = lineOf(message, state, String(assessment.attrs.lineId), 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const outstanding = Math.max(0, (assessment.counters.amount ?? 0) - (assessment.counters.received ?? 0));
  const overpaid = Math.max(0, amount - outstanding);
  const accounts = revenueAccounts(String(line.attrs.itemCode));
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { received: amount }),
      docEffect(assessment, { received: amount }),
      newDocument(message, 'receipt', { amount, overpaid }, { ...linkOf(line), assessmentId: command.assessmentId }),
    ],
    [
      debit(chartOfAccounts.cash.code, amount),
      credit(accounts.receivable.code, amount - overpaid),
      credit(chartOfAccounts.refundsPayable.code, overpaid),
    ],
  );
};
