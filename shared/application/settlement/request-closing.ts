import { listUnsettledAdvances } from '#shared/application/execution/list-unsettled-advances.ts';
import { checkClosingAppointment } from '#shared/application/registry/concurrent-roles.ts';
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
 * like the scheduled ones; run-closing does the work. A year-end answers, as a warning, the advances
 * still unsettled past their due date (일상경비등 by 20 January, 지방회계법 제7조제2항): the closing is not
 * refused — after 10 February nothing can post into the year any more, so a refusal could never be
 * lifted — but the 회계책임관 sees the 선급금 the closed year keeps.
 */
interface OverdueAdvances {
  readonly count: number;
  readonly unsettled: number;
  readonly orderIds: readonly string[];
}

export async function requestClosing(
  gov: string,
  year: number,
  asked: { readonly kind: ClosingKind; readonly period: string; readonly backfill?: boolean | undefined },
  request: RequestInfo,
): Promise<{ readonly period: Period; readonly messageId: string; readonly unsettledAdvances?: OverdueAdvances }> {
  const checked = periodOfYear(asked.kind, asked.period, year);
  if (!checked.ok) throw new Refused(checked.refusal);
  const { period } = checked;
  const backfill = asked.backfill === true;
  // 결산: by the recorded 회계책임관, never the 통합지출관 (시행령 제5조①), when the government recorded them
  if (period.kind === 'year-end') await checkClosingAppointment(gov, request.caller?.sub);
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
  if (period.kind !== 'year-end') return { period, messageId };
  const { advances } = await listUnsettledAdvances(gov, year, request.receivedAt);
  const overdue = advances.filter((advance) => advance.overdue);
  if (overdue.length === 0) return { period, messageId };
  const unsettled = overdue.reduce((sum, advance) => sum + advance.unsettled, 0);
  return { period, messageId, unsettledAdvances: { count: overdue.length, unsettled, orderIds: overdue.map((a) => a.orderId) } };
}
