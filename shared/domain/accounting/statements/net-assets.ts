import { account } from '#shared/domain/accounting/chart.ts';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import type { Ledger } from '#shared/domain/accounting/ledger.ts';
import { netAssetSplit } from '#shared/domain/accounting/statements/financial-position.ts';
import type { NetAssetSplit } from '#shared/domain/accounting/statements/financial-position.ts';
import { operations } from '#shared/domain/accounting/statements/operations.ts';

/**
 * 순자산변동표 (제38조, 제39조), columns 고정 | 특정 | 일반 | 합계 (제25조):
 *   기초순자산
 *   − 재정운영결과                               (제38조①; from the 재정운영표)
 *   + 순자산의 증가 (재산 이관·기부채납 등)      (제39조①)
 *   − 순자산의 감소                              (제39조②)
 *   ± 기타 (내부거래 상계 차이 in 유형별/통합)   ([U] practice)
 *   ± 순자산 구성의 대체 (between the columns, sums to zero; [U] practice)
 *   = 기말순자산
 */
export interface NetAssetChanges {
  readonly opening: NetAssetSplit;
  readonly operatingResult: NetAssetSplit;
  readonly increases: NetAssetSplit;
  readonly decreases: NetAssetSplit;
  readonly other: NetAssetSplit;
  readonly reclassification: NetAssetSplit;
  readonly closing: NetAssetSplit;
}

const general = (amount: bigint): NetAssetSplit => ({ fixed: 0n, specific: 0n, general: amount, total: amount });

function periodMovement(lines: readonly JournalLine[], role: string): bigint {
  let total = 0n;
  for (const l of lines) if (account(l.account).role === role) total += l.credit - l.debit;
  return total;
}

export function netAssetChanges(ledger: Ledger): NetAssetChanges {
  const opening = netAssetSplit(ledger.opening, ledger.specificNetAssets.opening);
  const closingSplit = netAssetSplit([...ledger.opening, ...ledger.period], ledger.specificNetAssets.closing);
  const operatingResult = general(-operations(ledger).operatingResult);
  const increases = general(periodMovement(ledger.period, 'direct-increase'));
  const decreases = general(periodMovement(ledger.period, 'direct-decrease'));
  const other = general(periodMovement(ledger.period, 'net-assets'));
  const fixedShift = closingSplit.fixed - opening.fixed;
  const specificShift = closingSplit.specific - opening.specific;
  const reclassification = { fixed: fixedShift, specific: specificShift, general: -fixedShift - specificShift, total: 0n };
  const rows = [opening, operatingResult, increases, decreases, other, reclassification];
  const sum = (k: keyof NetAssetSplit) => rows.reduce((t, r) => t + r[k], 0n);
  return {
    opening,
    operatingResult,
    increases,
    decreases,
    other,
    reclassification,
    closing: { fixed: sum('fixed'), specific: sum('specific'), general: sum('general'), total: sum('total') },
  };
}
