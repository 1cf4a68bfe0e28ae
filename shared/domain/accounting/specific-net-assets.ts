import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import type { EntityType } from '#shared/domain/accounting/ledger.ts';
import { netAssetSplit } from '#shared/domain/accounting/statements/financial-position.ts';

/**
 * 특정순자산 (「지방자치단체 회계기준에 관한 규칙」 제25조③): "채무상환 목적이나 적립성기금의 원금과 같이 그
 * 사용목적이 특정되어 있는 재원과 관련된 순자산". A 기금 is set up by ordinance for one purpose and its
 * resources may be used for that purpose only (「지방자치단체 기금관리기본법」), so hojo reads the 순자산 of a
 * 기금회계 실체 that is not 고정순자산 (제25조②) as 특정순자산; never below zero (a deficit stays 일반순자산).
 * Other 회계실체 carry no restricted resource the books record (a 감채기금 kept inside a 회계, or a
 * restricted grant, would need its own account): 0. [U] practice: the rule's examples name the 적립성기금's
 * 원금, and the books do not tell a 적립성 from a 사업성 기금 nor 원금 from its earnings, so every 기금's
 * financial net assets are counted.
 */
export function specificNetAssets(type: EntityType, lines: readonly JournalLine[]): bigint {
  if (type !== '기금회계' || lines.length === 0) return 0n;
  const { total, fixed } = netAssetSplit(lines, 0n);
  const restricted = total - fixed;
  return restricted > 0n ? restricted : 0n;
}
