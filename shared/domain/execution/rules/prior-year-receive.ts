import { applied, docEffect, lineEffect, linkOf, newDocument } from '#shared/domain/execution/rules/effects.ts';
import { collectorSettled } from '#shared/domain/execution/rules/collector-receivables.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { originDocumentOf, outstandingOf } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

const RULE = '지방회계법 제27조제1항';

/**
 * 과년도 수입 (지방회계법 제27조제1항: 출납이 완결된 회계연도에 속하는 수입은 모두 현 회계연도의
 * 세입에 편입하여야 한다): money received in this year against an assessment of a year whose cash work
 * is complete. The 지방회계법 시행령 has no article of its own on it (its 제4장 수입, 제18조–제31조,
 * read: none).
 *   - Budget: this year's revenue line (the 과년도 수입 과목 the request names) records it as assessed
 *     and received (the 미수납액 brought forward is 징수결정 of this year, practice [U]); the old
 *     assessment records what was received against it.
 *   - Accrual books: the revenue was recognised in its own year; this only settles the receivable the
 *     year-end closing carried into this year: Dr 현금 / Cr the receivable of the old line's journal row.
 *   - Only what is still outstanding (징수결정액 − 수납액 − 불납결손액); over-payments of a closed year are
 *     refused (`prior-year-receipt-exceeds-outstanding`): a 과오납 of a closed year is no receivable.
 */
export const priorYearReceive: PostingRule<'prior-year-receive'> = (message, command, state) => {
  const origin = originDocumentOf(message, state, command.assessmentId, 'assessment', RULE);
  if (isRefusal(origin)) return origin;
  const line = lineOf(message, state, command.lineId, 'revenue');
  if (isRefusal(line)) return line;
  const { doc: assessment, originLine, originYear } = origin;
  const amount = command.amount;
  const figures = outstandingOf(assessment);
  if (amount > figures.outstanding) {
    return broken(
      'prior-year-receipt-exceeds-outstanding',
      `assessment ${command.assessmentId} of ${originYear} has ${figures.outstanding} outstanding; ${amount} cannot be received against it`,
      { rule: RULE, ...figures, requested: amount },
    );
  }
  const journal = lineJournal(originLine, 'collect', amount);
  if (isRefusal(journal)) return journal;
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { assessed: amount, received: amount }),
      // The outstanding judged above, kept by the write's condition (a concurrent 불납결손 or receipt of
      // another batch cannot take the same money): writtenOff stays as read, received within amount − writtenOff.
      docEffect(assessment, { received: amount }, { received: figures.assessed - figures.writtenOff, writtenOff: figures.writtenOff }),
      newDocument(message, 'receipt', { amount, overpaid: 0 }, { ...linkOf(line), assessmentId: command.assessmentId }),
      // the origin year's 징수관 sees the receivable he carried forward settled
      ...collectorSettled(message, state, assessment, { receivedLater: amount }),
    ],
    journal.lines,
    journal.cash,
  );
};
