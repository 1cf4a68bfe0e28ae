import * as z from 'zod';
import { advancePosting } from '#shared/schemas/advance-posting.ts';
import { govYearParams, isoDate, positiveWon, text, won } from '#shared/schemas/common.ts';

const estimateId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an id is 1–64 letters, digits, dots, dashes or underscores');

export const estimateParams = govYearParams.extend({ estimateId });

export const estimateBody = z.strictObject({
  estimateId,
  case: z
    .int()
    .min(1)
    .max(99)
    .describe('the 호 of 회계령 §45 (1 일상경비등, 2 소송비용, 3 관서, 4 부담금·교부금·보조금, 5 재해, 6 장관 고시)'),
  payee: text({ min: 1, max: 200 }).describe('the payee (personal data: never logged)'),
  purpose: text({ min: 1, max: 300 }),
  amount: positiveWon.describe('the estimated amount paid'),
  paidOn: isoDate,
  orderRef: text({ min: 1, max: 100 })
    .optional()
    .describe(
      'the 지급명령 (posting id) that paid it: a 개산급 advance order of the same case and amount, named by one record only ' +
        "(409 advance-order-recorded); its 정산 postings then settle nothing before this record's 정산 and never more than " +
        'its actual cost up to the estimate (422 settlement-exceeds-record)',
    ),
});

export const settlementBody = z.strictObject({ settledOn: isoDate, actual: won.describe('the actual cost fixed at 정산') });

export const estimatedPayment = estimateBody.extend({
  gov: z.string(),
  year: z.int(),
  settlement: z
    .object({
      settledOn: z.string(),
      actual: won,
      difference: z.object({ kind: z.enum(['pay', 'return', 'none']), amount: won }),
    })
    .optional()
    .describe('pay: a further payment order for the difference; return: the payee returns it (반납)'),
  revision: z.int(),
  posting: advancePosting,
});
