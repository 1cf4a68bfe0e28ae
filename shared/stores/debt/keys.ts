/**
 * Keys of the debt register (채무관리):
 *
 *   pk DEBT#{gov}     sk DEBT#{debtId}                     one bond or borrowing: terms, schedule, repaid, outstanding
 *   pk DEBT#{gov}     sk ENTRY#{debtId}#{reference}        a repayment (never changed)
 *   pk DEBT#{gov}     sk ENTRY#{debtId}#{reference}#reversal  its reversal (at most one)
 *   pk DEBTTOTALS     sk {gov}                             the government's outstanding total (nationwide view: one Query)
 *
 * Ids and references have no "#", so an id's prefix never matches another id's entries.
 */
export const debtPartition = (gov: string): string => `DEBT#${gov}`;
export const debtKey = (gov: string, debtId: string) => ({ pk: debtPartition(gov), sk: `DEBT#${debtId}` });
export const entryPrefix = (debtId: string): string => `ENTRY#${debtId}#`;
export const repaymentKey = (gov: string, debtId: string, reference: string) => ({
  pk: debtPartition(gov),
  sk: `${entryPrefix(debtId)}${reference}`,
});
export const reversalKey = (gov: string, debtId: string, reference: string) => ({
  pk: debtPartition(gov),
  sk: `${entryPrefix(debtId)}${reference}#reversal`,
});
export const DEBT_TOTALS_PARTITION = 'DEBTTOTALS';
export const debtTotalKey = (gov: string) => ({ pk: DEBT_TOTALS_PARTITION, sk: gov });
