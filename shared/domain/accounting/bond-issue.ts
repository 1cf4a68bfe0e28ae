import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import { creditLine, debitLine, won } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';

/**
 * 제54조: a 지방채증권 issue is carried at its face value in 지방채증권 with the difference from the net
 * proceeds (the issue price after issue costs, ①) in 지방채할인발행차금, deducted from it on the
 * 재정상태표, or in 지방채할증발행차금, added to it (②). Cash in is 재무활동 (제36조③).
 */
export function bondIssue(input: { entity: string; face: bigint | number; proceeds: bigint | number }): JournalEntry {
  const face = won(input.face);
  const proceeds = won(input.proceeds);
  const bonds = accountWithRole('장기차입부채', 'local-bonds').code;
  const difference =
    proceeds < face
      ? [debitLine(accountWithRole('장기차입부채', 'discount').code, face - proceeds)]
      : proceeds > face
        ? [creditLine(accountWithRole('장기차입부채', 'premium').code, proceeds - face)]
        : [];
  return {
    entity: input.entity,
    lines: [debitLine(accountWithRole('유동자산', 'cash').code, proceeds), ...difference, creditLine(bonds, face)],
    cash: { activity: 'financing', label: '지방채' },
  };
}
