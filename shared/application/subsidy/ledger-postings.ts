import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { invalid } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';

const idOf = (answer: { readonly postingId: string }): string => answer.postingId;

/** The request, carrying a derived Idempotency-Key so that a retried step re-finds its posting. */
const keyed = (request: RequestInfo, key: string): RequestInfo => ({ ...request, headers: { ...request.headers, 'idempotency-key': key } });

/** SubsidyLedger over today's posting submission (queued, applied exactly once by the postings consumer). */
export const postingLedger: SubsidyLedger = {
  commit: async ({ request, gov, year, lineId, amount, counterparty, reference, date }) =>
    idOf(
      await submitPosting({
        operation: 'subsidy.grant.commit',
        gov,
        year,
        request: keyed(request, `${reference}.commit`),
        command: { kind: 'commit', lineId, amount, counterparty, contractRef: reference, date },
      }),
    ),

  async pay({ request, gov, year, commitmentId, amount, reference, date }) {
    const resolutionId = idOf(
      await submitPosting({
        operation: 'subsidy.payment.resolve',
        gov,
        year,
        request: keyed(request, `${reference}.resolve`),
        command: { kind: 'resolve', commitmentId, amount, date },
      }),
    );
    const orderId = idOf(
      await submitPosting({
        operation: 'subsidy.payment.order',
        gov,
        year,
        request: keyed(request, `${reference}.order`),
        command: { kind: 'order', resolutionId, amount, date },
      }),
    );
    return { resolutionId, orderId };
  },

  release: async ({ request, gov, year, commitmentId, amount, reference, date, reason }) =>
    idOf(
      await submitPosting({
        operation: 'subsidy.grant.release',
        gov,
        year,
        request: keyed(request, `${reference}.release`),
        command: { kind: 'reduce', commitmentId, amount, date, reason },
      }),
    ),

  async returnFunds({ request, gov, destination, parts, revenueLineId, amount, payer, reference, date }) {
    // 반납 to the line it was paid from (지방회계법 §27②): one return posting per paid order, confirmed
    // like a payment; whatever no order covers (interest) and every later return is revenue (§27①).
    const returns = destination.kind === 'restore-line' ? parts : [];
    const postingIds: string[] = [];
    for (const [index, part] of returns.entries()) {
      postingIds.push(
        idOf(
          await submitPosting({
            operation: 'subsidy.return.return',
            gov,
            year: destination.year,
            request: keyed(request, `${reference}.return.${index + 1}`),
            command: { kind: 'return', orderId: part.orderId, amount: part.amount, date, reason: `보조금 반환 ${reference}` },
          }),
        ),
      );
    }
    const revenue = amount - returns.reduce((sum, part) => sum + part.amount, 0);
    if (revenue === 0) return { postingIds, status: 'posted' };
    if (!revenueLineId)
      throw invalid('invalid-request', 'a return after the year end, or its interest, needs revenueLineId (지방회계법 §27①)');
    const assessmentId = idOf(
      await submitPosting({
        operation: 'subsidy.return.assess',
        gov,
        year: destination.year,
        request: keyed(request, `${reference}.assess`),
        command: { kind: 'assess', lineId: revenueLineId, amount: revenue, payer, dueDate: date, date },
      }),
    );
    const receiptId = idOf(
      await submitPosting({
        operation: 'subsidy.return.receive',
        gov,
        year: destination.year,
        request: keyed(request, `${reference}.receive`),
        command: { kind: 'receive', assessmentId, amount: revenue, date },
      }),
    );
    return { postingIds: [...postingIds, assessmentId, receiptId], status: 'posted' };
  },
};
