/**
 * Settlement's items in the single table, one collection per government and fiscal year:
 *
 *   pk SETTLEMENT#{gov}#{year}  sk CARRYOVER#{lineId}         a carry-over (이월) of the year's line, recorded by the chief accountant
 *   pk SETTLEMENT#{gov}#{year}  sk CARRYIN#{lineId}           the carry-in of the line from year − 1 (written by that year's closing)
 *   pk SETTLEMENT#{gov}#{year}  sk OPENING                    opening balances of the year per fund and account (from year − 1's closing)
 *   pk SETTLEMENT#{gov}#{year}  sk PROGRESS#{kind}#{period}   a closing's completed steps (resume point)
 *   pk SETTLEMENT#{gov}#{year}  sk LEASE#{kind}#{period}      the run closing it now (owner, expiresAt); deleted when it ends
 *   pk SETTLEMENT#{gov}#{year}  sk ARCHIVE#{report}#{period}  an archived report: its manifest (files, SHA-256)
 *        gsi1pk ARCHIVES#{year}  gsi1sk {gov}#{report}#{period}   (the ministry's nationwide listing of a year)
 *
 * Closed-period markers are execution's contract (posting-keys.ts closingKey):
 *   pk CLOSE#{gov}#{year}  sk DAY#{yyyy-mm-dd} | MONTH#{yyyy-mm} | YEAR
 */
export const settlementPartition = (gov: string, year: number): string => `SETTLEMENT#${gov}#${year}`;
export const carryOverKey = (gov: string, year: number, lineId: string) => ({
  pk: settlementPartition(gov, year),
  sk: `CARRYOVER#${lineId}`,
});
export const carryInKey = (gov: string, year: number, lineId: string) => ({ pk: settlementPartition(gov, year), sk: `CARRYIN#${lineId}` });
export const openingKey = (gov: string, year: number) => ({ pk: settlementPartition(gov, year), sk: 'OPENING' });
export const progressKey = (gov: string, year: number, kind: string, period: string) => ({
  pk: settlementPartition(gov, year),
  sk: `PROGRESS#${kind}#${period}`,
});
export const leaseKey = (gov: string, year: number, kind: string, period: string) => ({
  pk: settlementPartition(gov, year),
  sk: `LEASE#${kind}#${period}`,
});
export const archiveIndexKey = (gov: string, year: number, report: string, period: string) => ({
  pk: settlementPartition(gov, year),
  sk: `ARCHIVE#${report}#${period}`,
});
export const nationalArchivePartition = (year: number): string => `ARCHIVES#${year}`;

/** The closed-period marker's sort key for a closing period. */
export const closeMarkerPeriod = (kind: 'daily' | 'monthly' | 'year-end', period: string): string =>
  kind === 'daily' ? `DAY#${period}` : kind === 'monthly' ? `MONTH#${period}` : 'YEAR';
