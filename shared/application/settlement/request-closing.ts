import { periodOfYear } from '#shared/domain/settlement/periods.ts';
import type { ClosingKind, Period } from '#shared/domain/settlement/periods.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { checkClosingAllowed } from '#shared/application/settlement/run-closing.ts';
import { pendingAdjustmentKinds } from '#shared/stores/settlement/adjustments.ts';
import { closedBefore } from '#shared/stores/settlement/close-markers.ts';
import { auditClosingRequest } from '#shared/stores/settlement/closing-requests.ts';
import { enqueueClosing } from '#shared/stores/settlement/queue.ts';

/**
 * An official (the 회계책임관) asks to run a closing now (daily, monthly or year-end) of a period
 * of the year: refused at once when it may not run yet (the period has not ended, a year-end before
 * 10 February of the next year, days or months still open; the consumer checks again), unless
 * `backfill` says it is deliberate; audited (requestClosing or requestClosing.backfill), then queued
 * like the scheduled ones; run-closing does the work.
 */
export async function requestClosing(
  gov: string,
  year: number,
  asked: { readonly kind: ClosingKind; readonly period: string; readonly backfill?: boolean | undefined },
  request: RequestInfo,
): Promise<{ readonly period: Period; readonly messageId: string }> {
  const checked = periodOfYear(asked.kind, asked.period, year);
  if (!checked.ok) throw new Refused(checked.refusal);
  const { period } = checked;
  const backfill = asked.backfill === true;
  await checkClosingAllowed(
    { gov, period },
    { closedBefore: () => closedBefore(gov, period), pendingAdjustments: () => pendingAdjustmentKinds(gov, year) },
    { now: new Date(request.receivedAt), backfill },
  );
  await auditClosingRequest({ gov, period }, request, backfill);
  const messageId = await enqueueClosing({
    gov,
    kind: period.kind,
    period: period.id,
    year,
    ...(backfill ? { backfill: true as const } : {}),
  });
  return { period, messageId };
}
