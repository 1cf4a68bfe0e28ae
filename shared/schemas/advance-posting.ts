import * as z from 'zod';
import { won } from '#shared/schemas/common.ts';

/** The payment order a petty-cash or 개산급 record names, as the postings left it (shared/domain/advance-posting.ts). */
export const advancePosting = z
  .object({
    orderId: z.string(),
    form: z.enum(['petty-cash', 'estimate']),
    item: z.int().optional(),
    lineId: z.string(),
    amount: won,
    paid: won,
    settled: won,
    returned: won,
    cleared: won,
    unsettled: won.describe('paid − settled − returned: the 선급금 still held'),
    status: z.enum(['ordered', 'outstanding', 'cleared']),
  })
  .optional()
  .describe("the record's payment order in the books (only when orderRef names one): paid, settled (정산), returned (반납), unsettled");
