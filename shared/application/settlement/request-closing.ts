import { periodOfYear } from '#shared/domain/settlement/periods.ts';
import type { ClosingKind, Period } from '#shared/domain/settlement/periods.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { auditClosingRequest } from '#shared/stores/settlement/closing-requests.ts';
import { enqueueClosing } from '#shared/stores/settlement/queue.ts';

/**
 * An official asks to run a closing now (daily, monthly or year-end) of a period of the year:
 * audited, then queued like the scheduled ones; run-closing does the work.
 */
export async function requestClosing(
  gov: string,
  year: number,
  asked: { readonly kind: ClosingKind; readonly period: string },
  request: RequestInfo,
): Promise<{ readonly period: Period; readonly messageId: string }> {
  const checked = periodOfYear(asked.kind, asked.period, year);
  if (!checked.ok) throw new Refused(checked.refusal);
  const { period } = checked;
  await auditClosingRequest({ gov, period }, request);
  const messageId = await enqueueClosing({ gov, kind: period.kind, period: period.id });
  return { period, messageId };
}
