import type { BalanceDimensions } from '#shared/domain/ledger/balances.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';

/**
 * A small general-account year in the statutory chart (hand-computed figures in the tests):
 *   opening   cash 1,000,000 D · 지방채증권 400,000 C · 순자산 600,000 C
 *   01-10     tax assessed 500,000           1103 미수세금 D / 4201 지방세수익 C
 *   01-15     tax received 450,000           1101 D / 1103 C          (경상활동: 지방세수입)
 *   01-15     personnel cost paid 120,000    5201 D / 1101 C          (경상활동: 인건비)
 *   02-03     over-paid tax refunded 10,000  4201 D / 1101 C          (경상활동: 지방세수입)
 *   02-03     cost reversal 20,000           1101 D / 5201 C          (경상활동: 인건비)
 */
export const opening: OpeningBalance[] = [
  { fund: 'GEN', account: '1101', debit: 1_000_000n, credit: 0n },
  { fund: 'GEN', account: '2201', debit: 0n, credit: 400_000n },
  { fund: 'GEN', account: '3101', debit: 0n, credit: 600_000n },
];

const cash = (cashLabel: string): BalanceDimensions => ({
  function: '',
  counterpart: '',
  cashActivity: 'operating',
  cashLabel,
  cashCounterpart: '',
});

export const totals: LedgerDayTotal[] = [
  { fund: 'GEN', account: '1103', day: '2025-01-10', debit: 500_000, credit: 0 },
  { fund: 'GEN', account: '4201', day: '2025-01-10', debit: 0, credit: 500_000 },
  { fund: 'GEN', account: '1101', day: '2025-01-15', debit: 450_000, credit: 0, dims: cash('지방세수입') },
  { fund: 'GEN', account: '1101', day: '2025-01-15', debit: 0, credit: 120_000, dims: cash('인건비') },
  { fund: 'GEN', account: '1103', day: '2025-01-15', debit: 0, credit: 450_000 },
  { fund: 'GEN', account: '5201', day: '2025-01-15', debit: 120_000, credit: 0 },
  { fund: 'GEN', account: '1101', day: '2025-02-03', debit: 0, credit: 10_000, dims: cash('지방세수입') },
  { fund: 'GEN', account: '1101', day: '2025-02-03', debit: 20_000, credit: 0, dims: cash('인건비') },
  { fund: 'GEN', account: '4201', day: '2025-02-03', debit: 10_000, credit: 0 },
  { fund: 'GEN', account: '5201', day: '2025-02-03', debit: 0, credit: 20_000 },
];
