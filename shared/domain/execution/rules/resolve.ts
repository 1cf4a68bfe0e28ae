import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { advanceResolveLines } from '#shared/domain/execution/rules/advance-journal.ts';
import { advanceItemOf, advanceTermsRefusal } from '#shared/domain/execution/rules/advance-terms.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 지출결의 (resolution; practice: the decision to spend against a commitment once the obligation is
 * due): within the commitment (`resolution-within-commitment`) and the line's commitments. The
 * liability arises here: Dr the target of the line's 통계목 in the journal map (the cost, the asset
 * class's 건설중인자산 or asset, 장기투자증권, 보증금, 장기융자금, the debt repaid …) / Cr 미지급금.
 * The resolution remembers who committed, for segregation of duties at the payment order.
 * An advance (일상경비등 교부, 개산급: `advance`) books 선급금 instead of the cost, which its 정산
 * recognises at the 증빙 date (rules/settle.ts, rules/advance-journal.ts), within the terms the law bounds it
 * by (rules/advance-terms.ts: 회계령 제38조·제39조 for 일상경비등, 제45조 for 개산급).
 */
export const resolve: PostingRule<'resolve'> = (message, command, state) => {
  const terms = advanceTermsRefusal(command);
  if (terms) return terms;
  const commitment = documentOf(message, state, command.commitmentId, 'commitment');
  if (isRefusal(commitment)) return commitment;
  const line = lineOf(message, state, String(commitment.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const journal = lineJournal(line, 'resolve', amount);
  if (isRefusal(journal)) return journal;
  // 과년도 지출 (prior-year-commit.ts): the origin year's 지출결의 booked the cost and the 미지급금 the
  // payment settles; booking them again would count the cost twice.
  const lines =
    commitment.attrs.originCommitmentId !== undefined ? [] : command.advance ? advanceResolveLines(journal.lines, amount) : journal.lines;
  const resolution = newDocument(
    message,
    'resolution',
    { amount },
    {
      ...linkOf(line),
      commitmentId: command.commitmentId,
      committedBy: String(commitment.attrs.createdBy),
      ...(command.advance ? { advance: command.advance } : {}),
      ...(advanceItemOf(command) !== undefined ? { advanceItem: Number(advanceItemOf(command)) } : {}),
    },
  );
  return applied(
    line,
    command.date,
    amount,
    [lineEffect(line, { resolved: amount }), docEffect(commitment, { resolved: amount }), resolution],
    lines,
  );
};
