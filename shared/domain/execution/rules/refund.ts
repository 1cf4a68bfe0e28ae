import { revenueAccounts } from '#shared/domain/ledger/account-mapping.ts';
import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import { credit, debit } from '#shared/domain/ledger/journal.ts';
import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 과오납 환급 (refund; 지방회계법 「과오납금의 반환」): within the receipt (`refund-within-receipt`).
 * Dr 미지급환급금 for the over-payment still owed first, Dr the revenue for the rest / Cr 현금.
 */
export const refund: PostingRule<'refund'> = (message, command, state) => {
  const receipt = documentOf(message, state, command.receiptId, 'receipt');
  if (isRefusal(receipt)) return receipt;
  const line = lineOf(message, state, String(receipt.attrs.lineId), 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const fromOverpaid = Math.min(amount, Math.max(0, (receipt.counters.overpaid ?? 0) - (receipt.counters.refunded ?? 0)));
  const accounts = revenueAccounts(String(line.attrs.itemCode));
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { refunded: amount }), docEffect(receipt, { refunded: amount })],
    [
      debit(chartOfAccounts.refundsPayable.code, fromOverpaid),
      debit(accounts.revenue.code, amount - fromOverpaid),
      credit(chartOfAccounts.cash.code, amount),
    ],
  );
};
