import type { AdvanceRecords } from '#shared/domain/advance-posting.ts';
import { settleableOf } from '#shared/domain/estimate/estimate.ts';
import { spentOf } from '#shared/domain/petty-cash/advance.ts';
import { getEstimateByOrder } from '#shared/stores/estimate/estimates.ts';
import { getAdvanceByOrder } from '#shared/stores/petty-cash/advances.ts';

/**
 * The 정산 posting reads the record that names its order through `AdvanceRecords` (an interface of the shared
 * kernel advance-posting.ts): an 일상경비 record's spendings (its 출납계산서), or a 개산급 record's settled actual
 * cost (estimate.ts settleableOf), are the source of what may be settled. An order is of one form
 * (advanceOrderRefusal), so at most one of the two stores names it.
 * Execution never imports the petty-cash context, so the settlement handler passes this to submitPosting.
 */
export const advanceRecords: AdvanceRecords = {
  async spentOnOrder(gov, orderId) {
    const [advance, estimate] = await Promise.all([getAdvanceByOrder(gov, orderId), getEstimateByOrder(gov, orderId)]);
    if (advance !== undefined) return { advanceId: advance.advanceId, spent: spentOf(advance) };
    return estimate === undefined ? undefined : { advanceId: estimate.estimateId, spent: settleableOf(estimate) };
  },
};
