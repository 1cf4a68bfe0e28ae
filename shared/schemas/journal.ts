import * as z from 'zod';

/** A journal line of the live books as a response shows it (shared/domain/ledger/journal.ts). */
const journalLine = z.object({
  account: z.string().describe('account of the statutory chart (회계기준규칙)'),
  debit: z.number().int(),
  credit: z.number().int(),
  function: z.string().optional().describe('기능 분야 of 사업총원가/사업수익 lines'),
  counterpart: z.string().optional().describe('the other 회계 of a 내부거래'),
});
const cashClass = z.object({
  activity: z.enum(['operating', 'investing', 'financing']),
  label: z.string(),
  counterpart: z.string().optional(),
});

/** The journal a posting wrote: its 회계, business date and balanced lines. */
export const journalEntry = z.object({ fund: z.string(), date: z.string(), lines: z.array(journalLine), cash: cashClass.optional() });
