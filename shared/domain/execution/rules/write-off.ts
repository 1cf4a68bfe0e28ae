import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { collectorSettled } from '#shared/domain/execution/rules/collector-receivables.ts';
import { lineJournal } from '#shared/domain/execution/rules/journal.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { originDocumentOf, outstandingOf, revenueLineFor } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { writeOffGrounds } from '#shared/domain/execution/year-two/collection-grounds.ts';
import type { WriteOffGround } from '#shared/domain/execution/year-two/collection-grounds.ts';

/**
 * 불납결손 (write-off): the 징수관 records that a receivable is extinguished on one of the legal grounds
 * (collection-grounds.ts; 지방재정법 제82조, 제86조; 시행령 제122조 [U]). The receivable leaves the books:
 *   - Budget: the line records 불납결손액 (징수결정액 = 수납액 + 불납결손액 + 미수납액, 세입결산 [U: the
 *     sub-items of 지방회계법 시행령 제12조②]). A receivable of this year is written off on its own
 *     line; one of a closed year on this year's revenue line the request names (`lineId`), where it
 *     is brought forward as assessed and written off, like a 과년도 수입 (prior-year-receive.ts).
 *   - Accrual books (회계기준규칙 제46조): Dr 대손충당금 up to `allowanceUsed` (what the allowance set aside
 *     for this receivable covers), Dr 대손상각비 for the rest / Cr the receivable of the origin line's
 *     row. Whether the allowance holds `allowanceUsed` is the accountant's figure ([U]: the ledger
 *     balance of the allowance is not read by the posting rules).
 *   - Only what is outstanding (징수결정액 − 수납액 − 불납결손액): `write-off-exceeds-outstanding`.
 */
export const writeOff: PostingRule<'write-off'> = (message, command, state) => {
  const ground = writeOffGrounds[command.ground as WriteOffGround];
  const origin = originDocumentOf(message, state, command.assessmentId, 'assessment', ground.source, true);
  if (isRefusal(origin)) return origin;
  const { doc: assessment, originLine, originYear } = origin;
  const priorYear = originYear < message.year;
  const line = revenueLineFor(message, state, origin, command.lineId, 'that brings it forward', '지방회계법 제27조제1항');
  if (isRefusal(line)) return line;
  const amount = command.amount;
  const figures = outstandingOf(assessment);
  if (amount > figures.outstanding) {
    return broken(
      'write-off-exceeds-outstanding',
      `assessment ${command.assessmentId} has ${figures.outstanding} outstanding; ${amount} cannot be written off`,
      { rule: ground.source, ...figures, requested: amount },
    );
  }
  const allowanceUsed = command.allowanceUsed ?? 0;
  if (allowanceUsed > amount) {
    return broken(
      'write-off-allowance-exceeds-amount',
      `the allowance used (${allowanceUsed}) is more than the amount written off (${amount})`,
      {
        rule: '회계기준규칙 제46조',
        allowanceUsed,
        amount,
      },
    );
  }
  const journal = lineJournal(originLine, 'write-off', amount);
  if (isRefusal(journal)) return journal;
  // The map's write-off stage: Dr 대손충당금 / Cr the receivable; the part the allowance does not cover is 대손상각비.
  const lines = journal.lines.flatMap((l) =>
    l.debit > 0
      ? [
          { ...l, debit: allowanceUsed },
          { account: accountWithRole(null, 'bad-debt').code, debit: amount - allowanceUsed, credit: 0 },
        ]
      : [l],
  );
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, priorYear ? { assessed: amount, writtenOff: amount } : { writtenOff: amount }),
      // Outstanding (징수결정액 − 수납액 − 불납결손액) is judged here and kept by the write's condition:
      // received stays as read, writtenOff within amount − received, so a receipt or write-off of
      // another batch cannot take the same money (ceilings: effects.ts).
      docEffect(assessment, { writtenOff: amount }, { writtenOff: figures.assessed - figures.received, received: figures.received }),
      ...collectorSettled(message, state, assessment, priorYear ? { writtenOffLater: amount } : { writtenOff: amount }),
    ],
    lines,
  );
};
