import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import { creditLine, debitLine, won } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';

/**
 * 제54조: a 지방채증권 issue is carried at its face value in 지방채증권 with the shortfall of the net
 * proceeds (after issue costs, ①) in 지방채할인발행차금 (②), deducted from it on the 재정상태표.
 * Cash in is 재무활동 (제36조③). A premium issue (할증) is not handled [U].
 */
export function bondIssue(input: { entity: string; face: bigint | number; proceeds: bigint | number }): JournalEntry {
  const face = won(input.face);
  const proceeds = won(input.proceeds);
  if (proceeds > face) throw new RangeError('premium issues (할증발행) are not handled');
  const bonds = accountWithRole('장기차입부채', 'local-bonds').code;
  const discount = face - proceeds;
  return {
    entity: input.entity,
    lines: [
      debitLine(accountWithRole('유동자산', 'cash').code, proceeds),
      ...(discount > 0n ? [debitLine(accountWithRole('장기차입부채', 'discount').code, discount)] : []),
      creditLine(bonds, face),
    ],
    cash: { activity: 'financing', label: '지방채' },
  };
}
