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

/** The year's unsettled advances (shared/domain/execution/unsettled-advances.ts). */
export const unsettledAdvanceList = z.object({
  year: z.int(),
  asOf: z.string().describe('the Korean calendar day of the read'),
  count: z.int(),
  unsettled: won,
  overdueCount: z.int(),
  overdueUnsettled: won,
  advances: z.array(
    advancePosting.unwrap().extend({
      dueBy: z.string().describe('20 January of the next year for 일상경비등 (지방회계법 제7조제2항); 31 December for 개산급'),
      overdue: z.boolean(),
    }),
  ),
});
