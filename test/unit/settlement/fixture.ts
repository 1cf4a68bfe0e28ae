import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';

/**
 * A small general-account year (hand-computed figures in the tests):
 *   opening   cash 1,000,000 D · local bonds 400,000 C · net assets 600,000 C
 *   01-10     tax assessed 500,000           1102 D / 4101 C
 *   01-15     tax received 450,000           1101 D / 1102 C
 *   01-15     operating expense paid 120,000 5201 D / 1101 C
 *   02-03     over-paid tax refunded 10,000  4101 D / 1101 C
 *   02-03     expense reversal 20,000        1101 D / 5201 C
 */
export const opening: OpeningBalance[] = [
  { fund: 'GEN', account: '1101', debit: 1_000_000n, credit: 0n },
  { fund: 'GEN', account: '2201', debit: 0n, credit: 400_000n },
  { fund: 'GEN', account: '3101', debit: 0n, credit: 600_000n },
];

export const totals: LedgerDayTotal[] = [
  { fund: 'GEN', account: '1102', day: '2025-01-10', debit: 500_000, credit: 0 },
  { fund: 'GEN', account: '4101', day: '2025-01-10', debit: 0, credit: 500_000 },
  { fund: 'GEN', account: '1101', day: '2025-01-15', debit: 450_000, credit: 120_000 },
  { fund: 'GEN', account: '1102', day: '2025-01-15', debit: 0, credit: 450_000 },
  { fund: 'GEN', account: '5201', day: '2025-01-15', debit: 120_000, credit: 0 },
  { fund: 'GEN', account: '1101', day: '2025-02-03', debit: 20_000, credit: 10_000 },
  { fund: 'GEN', account: '4101', day: '2025-02-03', debit: 10_000, credit: 0 },
  { fund: 'GEN', account: '5201', day: '2025-02-03', debit: 0, credit: 20_000 },
];
