import * as z from 'zod';
import { advancePosting } from '#shared/schemas/advance-posting.ts';
import { govYearParams, isoDate, positiveWon, text, won } from '#shared/schemas/common.ts';

const documentId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an id is 1–64 letters, digits, dots, dashes or underscores');
const statItem = z.string().regex(/^\d{3}-\d{2}$/, 'a 통계목 code such as 201-01');
const name = (max: number) => text({ min: 1, max });

export const pettyCashAdvanceParams = govYearParams.extend({ advanceId: documentId });

export const pettyCashAdvanceBody = z.strictObject({
  advanceId: documentId,
  item: z.int().min(1).max(99).describe('the 호 of 회계령 §38① (1 여비 … 15 민간이전경비 등)'),
  cashier: name(100).describe('the 일상경비등 출납원'),
  advancedOn: isoDate,
  period: z.strictObject({ from: isoDate, to: isoDate }).describe('the period the advance covers (회계령 §39①)'),
  allocations: z
    .record(statItem, positiveWon)
    .refine((record) => Object.keys(record).length >= 1 && Object.keys(record).length <= 50, '1–50 목')
    .describe('the 목별 amounts advanced; the advance is their sum'),
  orderRef: name(100)
    .optional()
    .describe(
      'the 지급명령 (posting id) that paid the advance to the 출납원: an 일상경비등 advance order of the same item and amount, ' +
        'named by one record only (409 advance-order-recorded); its 정산 then never passes what this record shows spent',
    ),
});

export const pettyCashSpendingBody = z.strictObject({
  spendingId: documentId,
  statItem,
  date: isoDate,
  amount: positiveWon,
  payee: name(200).describe('the payee (personal data: never logged)'),
  description: name(300),
});

export const pettyCashReturnBody = z.strictObject({ returnId: documentId, date: isoDate, amount: positiveWon });

export const pettyCashAdvance = pettyCashAdvanceBody.extend({
  gov: z.string(),
  year: z.int(),
  amount: won,
  spendings: z.array(pettyCashSpendingBody),
  returns: z.array(pettyCashReturnBody),
  revision: z.int(),
  posting: advancePosting,
  statement: z
    .object({
      advanced: won,
      spent: won,
      returned: won,
      balance: won,
      byStatItem: z.array(z.object({ statItem: z.string(), advanced: won, spent: won, unspent: won })),
      returnDue: z.string(),
      overdue: z.boolean(),
    })
    .describe('출납계산서 (회계령 §43②): unspent money comes back by 20 January (지방회계법 §7②)'),
});
