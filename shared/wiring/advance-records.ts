import type { AdvanceRecords } from '#shared/domain/advance-posting.ts';
import { spentOf } from '#shared/domain/petty-cash/advance.ts';
import { getAdvanceByOrder } from '#shared/stores/petty-cash/advances.ts';

/**
 * The 정산 posting reads the 출납원's record that names its order through `AdvanceRecords` (an interface
 * of the shared kernel advance-posting.ts): the record's spendings are the source of what may be settled.
 * Execution never imports the petty-cash context, so the settlement handler passes this to submitPosting.
 */
export const advanceRecords: AdvanceRecords = {
  async spentOnOrder(gov, orderId) {
    const advance = await getAdvanceByOrder(gov, orderId);
    return advance === undefined ? undefined : { advanceId: advance.advanceId, spent: spentOf(advance) };
  },
};
