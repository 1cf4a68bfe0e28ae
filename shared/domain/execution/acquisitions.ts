import { account, assetClasses } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import type { Applied } from '#shared/domain/execution/rules/rule.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

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
  /** The 내용연수 (years) the line declares (LineAttributes.usefulLifeYears); else the 결산정리 gives one per account. */
  readonly usefulLifeYears?: number;
  /** The 지출결의 a correction reverses. */
  readonly reverses?: string;
}

/** A finished (not 건설중인자산, not 감가상각누계액) asset of the three tangible classes. */
export function isFinishedTangible(code: string): boolean {
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
  const life = lifeOf(line?.attrs.usefulLifeYears);
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
    ...(life ? { usefulLifeYears: life } : {}),
    ...(decision.reverses ? { reverses: decision.reverses } : {}),
  };
}

/** A declared 내용연수 (a positive whole number of years, stored as text on the line), or none. */
export function lifeOf(value: string | number | undefined): number | undefined {
  const years = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(years) && years > 0 ? years : undefined;
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

/** A 과목경정 as the register sees it: the amount moved, the two lines and the recoding's journal. */
export interface RecodedAmount {
  readonly gov: string;
  readonly year: number;
  /** The recoding's change id (`recoding.{reference}`): the ids of its records start with it. */
  readonly changeId: string;
  readonly fund: string;
  readonly amount: number;
  /** yyyy-mm-dd of the decision: the in-service date of an amount recoded onto an asset from an expense. */
  readonly date: string;
  readonly fromLine: string;
  readonly toLine: string;
  /** The right line's attributes (whose cost the depreciation is). */
  readonly to: {
    readonly structureType?: string | undefined;
    readonly function?: string | undefined;
    readonly usefulLifeYears?: number | undefined;
  };
  /** The recoding journal (recoding-journal.ts): Cr the wrong line's account, Dr the right one's. */
  readonly journal: readonly { readonly account: string; readonly debit: number; readonly credit: number }[];
}

/**
 * The acquisition records a 과목경정 writes in its own transaction, so that the register follows the
 * books (회계기준규칙 제49조①: an asset is carried at its 취득원가; what the recoding takes off an
 * asset account is no longer one). Where the wrong line's journal had debited a finished asset, the
 * recoded amount leaves that line's purchases, latest first (practice [U]: a recoding names an
 * amount, not the 지출결의), by records that reverse them (`{changeId}.from.{purchase}`); where the
 * right line's journal debits a finished asset, the same parts are acquired on it with the purchase's
 * date (`{changeId}.to.{purchase}`, in service since then, 제49조②). Recoded to an expense: removed.
 * Recoded from an expense onto an asset: one new purchase dated on the decision.
 */
export function recodedAcquisitions(recoding: RecodedAmount, existing: readonly Acquisition[]): Acquisition[] {
  const fromAccount = recoding.journal.find((l) => l.credit > 0 && isFinishedTangible(l.account))?.account;
  const toAccount = recoding.journal.find((l) => l.debit > 0 && isFinishedTangible(l.account))?.account;
  const fn = recoding.to.function;
  const life = recoding.to.usefulLifeYears;
  const acquired = (postingId: string, amount: number, date: string): Acquisition[] =>
    toAccount === undefined
      ? []
      : [
          {
            gov: recoding.gov,
            year: recoding.year,
            postingId,
            fund: recoding.fund,
            lineId: recoding.toLine,
            account: toAccount,
            amount,
            date,
            structureType: recoding.to.structureType === '행정운영경비' ? '행정운영경비' : '정책사업',
            ...(fn ? { function: fn } : {}),
            ...(life ? { usefulLifeYears: life } : {}),
          },
        ];
  if (fromAccount === undefined) return acquired(recoding.changeId, recoding.amount, recoding.date);
  const purchases = netAcquisitions(existing)
    .filter((a) => a.fund === recoding.fund && a.lineId === recoding.fromLine && a.account === fromAccount)
    .sort((a, b) => b.date.localeCompare(a.date) || b.postingId.localeCompare(a.postingId));
  const records: Acquisition[] = [];
  let left = recoding.amount;
  for (const purchase of purchases) {
    if (left === 0) break;
    const part = Math.min(left, purchase.amount);
    left -= part;
    records.push({
      ...purchase,
      postingId: `${recoding.changeId}.from.${purchase.postingId}`,
      amount: -part,
      reverses: purchase.postingId,
    });
    records.push(...acquired(`${recoding.changeId}.to.${purchase.postingId}`, part, purchase.date));
  }
  // what no registered purchase covers still moved onto the right asset account in the journal
  return left > 0 ? [...records, ...acquired(recoding.changeId, left, recoding.date)] : records;
}

/** A recoding's reversal undoes its records: each mirrored (same purchase, opposite amount). */
export function unrecodedAcquisitions(reversalId: string, recodingId: string, existing: readonly Acquisition[]): Acquisition[] {
  return existing
    .filter((a) => a.postingId === recodingId || a.postingId.startsWith(`${recodingId}.`))
    .map((a) => ({ ...a, postingId: `${reversalId}.${a.postingId}`, amount: -a.amount, reverses: a.reverses ?? a.postingId }));
}

/**
 * A 과목경정 (or its reversal) that would move an asset purchase once the year's purchases are in the
 * register (결산정리 kind `acquisitions`) while the year's depreciation is being recorded (its plan written,
 * its parts not all applied) is refused: the charge being written is the register's as read, and the move
 * could not say which part of it to correct. Sent again once the depreciation is recorded, the move corrects
 * it (register-moves.ts depreciationRecharge, 회계기준규칙 제60조②). Practice [U]: a 과목경정 belongs to the
 * year's execution (decided by 31 December, 지방재정법 시행령 §55②), the 결산정리 to the 결산 that follows it
 * (지방회계법 §7).
 */
export function registeredPurchasesRefusal(gov: string, year: number, depreciatingSince: string): Refusal {
  return refusal(
    'conflict',
    'recoding-after-register',
    `the ${year} depreciation of ${gov} is being recorded from the asset register (since ${depreciatingSince}): send the 과목경정 again once it is recorded`,
    {
      rule: 'a 과목경정 moves registered assets before or after the 결산정리 depreciation, not while it is written (회계기준규칙 제49조②)',
      year,
      depreciatingSince,
    },
  );
}
