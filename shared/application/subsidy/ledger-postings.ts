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

  release: async ({ request, gov, year, commitmentId, reference, date, reason }) =>
    idOf(
      await submitPosting({
        operation: 'subsidy.grant.release',
        gov,
        year,
        request: keyed(request, `${reference}.release`),
        command: { kind: 'cancel', commitmentId, date, reason },
      }),
    ),

  async returnFunds({ request, gov, destination, revenueLineId, amount, payer, reference, date }) {
    // 반납 to the line (지방회계법 §27②) needs a posting kind execution does not have yet (a partial
    // reversal of a paid amount): the return is recorded on the grant and waits for it.
    if (destination.kind === 'restore-line') return { postingIds: [], status: 'awaiting-posting-kind' };
    if (!revenueLineId) throw invalid('invalid-request', 'a return after the year end needs revenueLineId (지방회계법 §27①)');
    const assessmentId = idOf(
      await submitPosting({
        operation: 'subsidy.return.assess',
        gov,
        year: destination.year,
        request: keyed(request, `${reference}.assess`),
        command: { kind: 'assess', lineId: revenueLineId, amount, payer, dueDate: date, date },
      }),
    );
    const receiptId = idOf(
      await submitPosting({
        operation: 'subsidy.return.receive',
        gov,
        year: destination.year,
        request: keyed(request, `${reference}.receive`),
        command: { kind: 'receive', assessmentId, amount, date },
      }),
    );
    return { postingIds: [assessmentId, receiptId], status: 'posted' };
  },
};
