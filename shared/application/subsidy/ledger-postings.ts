import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { invalid } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';

/**
 * One posting of a subsidy step, submitted with an Idempotency-Key derived from the step's reference
 * (`<reference>.<suffix>`) so that a retried step re-finds its posting; answers its posting id.
 */
async function post(
  request: RequestInfo,
  gov: string,
  year: number,
  operation: string,
  key: string,
  command: Parameters<typeof submitPosting>[0]['command'],
): Promise<string> {
  const keyed = { ...request, headers: { ...request.headers, 'idempotency-key': key } };
  return (await submitPosting({ operation, gov, year, request: keyed, command })).postingId;
}

/** SubsidyLedger over today's posting submission (queued, applied exactly once by the postings consumer). */
export const postingLedger: SubsidyLedger = {
  commit: ({ request, gov, year, lineId, amount, counterparty, reference, date }) =>
    post(request, gov, year, 'subsidy.grant.commit', `${reference}.commit`, {
      kind: 'commit',
      lineId,
      amount,
      counterparty,
      contractRef: reference,
      date,
    }),

  async pay({ request, gov, year, commitmentId, amount, reference, date }) {
    const resolutionId = await post(request, gov, year, 'subsidy.payment.resolve', `${reference}.resolve`, {
      kind: 'resolve',
      commitmentId,
      amount,
      date,
    });
    const orderId = await post(request, gov, year, 'subsidy.payment.order', `${reference}.order`, {
      kind: 'order',
      resolutionId,
      amount,
      date,
    });
    return { resolutionId, orderId };
  },

  release: ({ request, gov, year, commitmentId, amount, reference, date, reason }) =>
    post(request, gov, year, 'subsidy.grant.release', `${reference}.release`, { kind: 'reduce', commitmentId, amount, date, reason }),

  async returnFunds({ request, gov, destination, parts, revenueLineId, amount, payer, reference, date }) {
    // 반납 to the line it was paid from (지방회계법 §27②): one return posting per paid order, confirmed
    // like a payment; whatever no order covers (interest) and every later return is revenue (§27①).
    const returns = destination.kind === 'restore-line' ? parts : [];
    const postingIds: string[] = [];
    for (const [index, part] of returns.entries()) {
      postingIds.push(
        await post(request, gov, destination.year, 'subsidy.return.return', `${reference}.return.${index + 1}`, {
          kind: 'return',
          orderId: part.orderId,
          amount: part.amount,
          date,
          reason: `보조금 반환 ${reference}`,
          // after 31 December, a 정산반납 posts to the grant's year as the listed exception (회계령 §3 2호)
          ...(date > `${destination.year}-12-31` ? { exceptionCode: 'local-subsidy-settlement-return' } : {}),
        }),
      );
    }
    const revenue = amount - returns.reduce((sum, part) => sum + part.amount, 0);
    if (revenue === 0) return { postingIds, status: 'posted' };
    if (!revenueLineId)
      throw invalid('invalid-request', 'a return after the year end, or its interest, needs revenueLineId (지방회계법 §27①)');
    const assessmentId = await post(request, gov, destination.year, 'subsidy.return.assess', `${reference}.assess`, {
      kind: 'assess',
      lineId: revenueLineId,
      amount: revenue,
      payer,
      dueDate: date,
      date,
    });
    const receiptId = await post(request, gov, destination.year, 'subsidy.return.receive', `${reference}.receive`, {
      kind: 'receive',
      assessmentId,
      amount: revenue,
      date,
    });
    return { postingIds: [...postingIds, assessmentId, receiptId], status: 'posted' };
  },
};
