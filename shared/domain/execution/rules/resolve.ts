import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import { expenditureAccount } from '#shared/domain/ledger/account-mapping.ts';
import { credit, debit } from '#shared/domain/ledger/journal.ts';
import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 지출결의 (resolution; practice: the decision to spend against a commitment once the obligation is
 * due): within the commitment (`resolution-within-commitment`) and the line's commitments. The
 * liability arises here: Dr the expense of the 편성목 / Cr 미지급금 (accrual, account-mapping.ts).
 * The resolution remembers who committed, for segregation of duties at the payment order.
 */
export const resolve: PostingRule<'resolve'> = (message, command, state) => {
  const commitment = documentOf(message, state, command.commitmentId, 'commitment');
  if (isRefusal(commitment)) return commitment;
  const line = lineOf(message, state, String(commitment.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const resolution = newDocument(
    message,
    'resolution',
    { amount },
    { ...linkOf(line), commitmentId: command.commitmentId, committedBy: String(commitment.attrs.createdBy) },
  );
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { resolved: amount }), docEffect(commitment, { resolved: amount }), resolution],
    [debit(expenditureAccount(String(line.attrs.itemCode)).code, amount), credit(chartOfAccounts.accountsPayable.code, amount)],
  );
};
