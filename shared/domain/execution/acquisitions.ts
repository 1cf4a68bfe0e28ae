import { account, assetClasses } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import type { Applied } from '#shared/domain/execution/rules/rule.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';

/**
 * A tangible asset bought outright (405 자산취득비 and any line whose journal debits a finished asset
 * account of 일반유형자산, 주민편의시설 or 사회기반시설): 「지방자치단체 회계기준에 관한 규칙」 제17–19조 (the
 * asset classes) and 제49조① (measured at its 취득원가 — the purchase price and what it took to bring
 * it into use). The 지출결의 that books it (Dr the asset / Cr 미지급금) records the acquisition, dated
 * on the posting's date, so the 결산정리 registers it with its useful life (kind `acquisitions`) and
 * depreciates it from that month (제49조②). A correction of that 지출결의 records the reversal
 * (negative amount, `reverses`), netted when the register is written. 401 시설비 debits
 * 건설중인자산 instead and enters the register at its 준공 (construction-completion).
 */
export interface Acquisition {
  readonly gov: string;
  readonly year: number;
  readonly postingId: string;
  readonly fund: string;
  readonly lineId: string;
  /** The finished asset account debited (e.g. 1308 기타일반유형자산). */
  readonly account: string;
  /** Won: the debit; negative for a correction's reversal. */
  readonly amount: number;
  /** yyyy-mm-dd: the 지출결의's date (in service from this month, 월할). */
  readonly date: string;
  /** Whose cost the depreciation is (the line's 정책사업 or 행정운영경비 structure, 제26조②). */
  readonly structureType: '정책사업' | '행정운영경비';
  readonly function?: string;
  /** The 지출결의 a correction reverses. */
  readonly reverses?: string;
}

/** A finished (not 건설중인자산, not 감가상각누계액) asset of the three tangible classes. */
function isFinishedTangible(code: string): boolean {
  const a = account(code);
  return assetClasses.includes(a.section as AssetClass) && a.netAssetPart === 'fixed-asset' && (a.role === '' || a.role === 'acquisition');
}

/** The acquisition an applied posting records, if its journal moves a finished tangible asset. */
export function acquisitionOf(message: PostingMessage, decision: Applied, line: ControlledItem | undefined): Acquisition | undefined {
  let amount = 0;
  let assetAccount: string | undefined;
  for (const l of decision.journal.lines) {
    if (!isFinishedTangible(l.account)) continue;
    assetAccount ??= l.account;
    amount += l.debit - l.credit;
  }
  if (assetAccount === undefined || amount === 0) return undefined;
  const fn = line?.attrs.function;
  return {
    gov: message.gov,
    year: message.year,
    postingId: message.postingId,
    fund: decision.fund,
    lineId: decision.lineId,
    account: assetAccount,
    amount,
    date: decision.journal.date,
    structureType: line?.attrs.structureType === '행정운영경비' ? '행정운영경비' : '정책사업',
    ...(typeof fn === 'string' && fn !== '' ? { function: fn } : {}),
    ...(decision.reverses ? { reverses: decision.reverses } : {}),
  };
}

/**
 * The year's acquisitions as assets: each 지출결의 once, less its correction; those reversed in full
 * drop out. Keyed by the 지출결의's posting id (the asset id in the register).
 */
export function netAcquisitions(list: readonly Acquisition[]): Acquisition[] {
  const reversed = new Map<string, number>();
  for (const a of list) if (a.reverses) reversed.set(a.reverses, (reversed.get(a.reverses) ?? 0) + a.amount);
  return list
    .filter((a) => !a.reverses)
    .map((a) => ({ ...a, amount: a.amount + (reversed.get(a.postingId) ?? 0) }))
    .filter((a) => a.amount > 0);
}
