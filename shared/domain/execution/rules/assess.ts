import { revenueAccounts } from '#shared/domain/ledger/account-mapping.ts';
import { credit, debit } from '#shared/domain/ledger/journal.ts';
import { applied, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 징수결정 (assessment; 지방회계법 「세입의 징수와 수납」): the government acquires a receivable on a
 * revenue line. Dr 미수세금 or 미수세외수입금 / Cr the revenue of the 세입 category (accrual).
 */
export const assess: PostingRule<'assess'> = (message, command, state) => {
  const line = lineOf(message, state, command.lineId, 'revenue');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const accounts = revenueAccounts(String(line.attrs.itemCode));
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { assessed: amount }), newDocument(message, 'assessment', { amount }, linkOf(line))],
    [debit(accounts.receivable.code, amount), credit(accounts.revenue.code, amount)],
  );
};
