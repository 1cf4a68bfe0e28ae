import { account, accountWithRole, assetClasses, chart } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { creditLine, debitLine, won } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';
import type { StructureType } from '#shared/domain/accounting/journal-map.ts';
import { EffectiveInterestError, effectiveInterestProfile, monthIndex } from '#shared/domain/accounting/effective-interest.ts';
import type { EffectiveInterestProfile, ScheduledPayment } from '#shared/domain/accounting/effective-interest.ts';

/**
 * Year-end adjusting entries (결산정리분개) as pure functions. Each returns an entry, or null when
 * nothing is due this year.
 */

export class AdjustmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdjustmentError';
  }
}

/**
 * Straight-line over months: the share of `total` for the months from `firstMonth` through
 * `lastMonth` (month indexes), floored, at most the whole. The first month counts in full (월할,
 * practice [U]).
 */
function shareThrough(total: bigint, firstMonth: number, months: number, lastMonth: number): bigint {
  const elapsed = Math.min(Math.max(lastMonth - firstMonth + 1, 0), months);
  return (total * BigInt(elapsed)) / BigInt(months);
}

const decemberOf = (year: number) => year * 12 + 11;

/**
 * The charge of `year`: the cumulative share through its December minus the share through last
 * December. The last month takes the rounding, so the charges sum to `total`.
 */
function straightLineForYear(total: bigint, firstMonth: number, months: number, year: number): bigint {
  return shareThrough(total, firstMonth, months, decemberOf(year)) - shareThrough(total, firstMonth, months, decemberOf(year - 1));
}

/** An entry of the asset register (the 재산대장 side of the books). */
export interface RegisterAsset {
  readonly entity: string;
  /** The asset account (e.g. 1501 도로); its section gives the class. */
  readonly account: string;
  readonly cost: bigint;
  readonly residual: bigint;
  /** YYYY-MM-DD: acquisition or completion date. */
  readonly inService: string;
  /** null: not depreciated (토지, 입목). */
  readonly usefulLifeYears: number | null;
  /** 제50조②: 사회기반시설 kept in condition by maintenance may be left undepreciated (with a 주석). */
  readonly maintainedInCondition?: boolean;
  /** Whose cost the depreciation is: a 정책사업 (사업총원가 of `function`) or 관리운영비. */
  readonly structureType: StructureType;
  readonly function?: string;
}

/** 제49조② (정액법), 제50조 (사회기반시설, with the ② exclusion), 제51조② (무형자산). */
export function depreciation(asset: RegisterAsset, year: number): JournalEntry | null {
  const a = account(asset.account);
  if (a.netAssetPart !== 'fixed-asset' || (a.role !== '' && a.role !== 'acquisition')) {
    throw new AdjustmentError(`${asset.account} is not a depreciable fixed-asset account`);
  }
  if (asset.maintainedInCondition && a.section !== '사회기반시설') {
    throw new AdjustmentError(`제50조② exclusion applies to 사회기반시설 only, not ${a.section}`);
  }
  if (asset.usefulLifeYears === null || asset.maintainedInCondition) return null;
  if (!Number.isInteger(asset.usefulLifeYears) || asset.usefulLifeYears <= 0)
    throw new AdjustmentError('useful life must be a positive number of years');
  if (asset.residual < 0n || asset.residual > asset.cost) throw new AdjustmentError('residual value must lie between 0 and cost');
  const charge = straightLineForYear(asset.cost - asset.residual, monthIndex(asset.inService), asset.usefulLifeYears * 12, year);
  if (charge === 0n) return null;
  const program = asset.structureType === '정책사업';
  const expense = accountWithRole(program ? '사업총원가' : '관리운영비', program ? 'depreciation' : 'depreciation-admin');
  return {
    entity: asset.entity,
    lines: [
      debitLine(expense.code, charge, { function: asset.function }),
      creditLine(accountWithRole(a.section, 'accumulated-depreciation').code, charge),
    ],
  };
}

/** Completion of capital works: 건설중인자산 of the class → the finished asset (제49조①, 제50조①). */
export function constructionCompletion(input: { entity: string; assetAccount: string; amount: bigint | number }): JournalEntry {
  const a = account(input.assetAccount);
  if (!assetClasses.includes(a.section as AssetClass) || (a.role !== '' && a.role !== 'acquisition')) {
    throw new AdjustmentError(`${input.assetAccount} is not a finished asset of 일반유형자산, 주민편의시설 or 사회기반시설`);
  }
  const amount = won(input.amount);
  return {
    entity: input.entity,
    lines: [debitLine(a.code, amount), creditLine(accountWithRole(a.section, 'construction').code, amount)],
  };
}

/**
 * 제46조: the 대손충당금 of a receivable (미수세금, 미수세외수입금, 장기융자금 …) brought to
 * `rate` × the receivable, rounded half up. The rate is the government's estimate (an input). A rise
 * is 대손상각비; a fall is 대손충당금환입.
 */
export function allowanceAdjustment(input: {
  entity: string;
  receivableAccount: string;
  receivableBalance: bigint;
  allowanceBalance: bigint;
  rate: { numerator: bigint; denominator: bigint };
}): JournalEntry | null {
  const allowance = allowanceFor(input.receivableAccount);
  const { numerator, denominator } = input.rate;
  if (denominator <= 0n || numerator < 0n || numerator > denominator) throw new AdjustmentError('rate must lie between 0 and 1');
  const target = (input.receivableBalance * numerator * 2n + denominator) / (denominator * 2n);
  const change = target - input.allowanceBalance;
  if (change === 0n) return null;
  const lines =
    change > 0n
      ? [debitLine(accountWithRole(null, 'bad-debt').code, change), creditLine(allowance, change)]
      : [debitLine(allowance, -change), creditLine(accountWithRole(null, 'allowance-reversal').code, -change)];
  return { entity: input.entity, lines };
}

/** The 대손충당금 deducted from a receivable (the chart's contra_of column). */
function allowanceFor(receivable: string): string {
  const allowance = chart.find((a) => a.role === 'allowance' && a.contraOf === receivable);
  if (!allowance) throw new AdjustmentError(`${receivable} has no 대손충당금 account`);
  return allowance.code;
}

/** A principal repayment of a bond, from the debt register (reversed repayments left out). */
export interface BondRepayment {
  readonly amount: bigint;
  /** YYYY-MM-DD. */
  readonly date: string;
}

/**
 * 제54조②: the 지방채할인 or 할증 발행차금 (face − issue price net of costs, 제54조①) is written off
 * (상각) or released (환입) "증권 발행시부터 최종 상환시까지의 기간에 유효이자율 등으로", the amount added to or
 * deducted from 이자비용: by the effective-interest profile of the bond's register schedule
 * (effective-interest.ts). The scheduled installments are in that profile already.
 *
 * A repayment beyond the schedule (조기상환: what the register's repayments exceed, at their date, the
 * principal the schedule has fallen due) is the 최종 상환 of the part it repays: that part's share of the
 * 차금 still on the books (early amount ÷ principal outstanding then) is written off at once (the 차금 of
 * bonds no longer outstanding cannot stay on the books, 제53조 values a debt at what is owed), and the rest
 * of the bond follows the same profile, scaled down by that share (its later cash flows are the schedule's,
 * reduced in proportion) [practice].
 *
 * Won: the cumulative amount written off through each December (D × (1 − what is left)) is rounded half up
 * and a year's charge is the difference of two of them, so the charges sum to the 차금 exactly and the final
 * repayment takes the rounding (a bond repaid in full has its whole 차금 written off). A year's early
 * write-offs are each rounded half up and the scheduled amortisation is the year's charge less them.
 *
 * Returns the year's scheduled amortisation and, in a year with early repayments, the write-off of the
 * repaid parts' remainder (each entry only if not zero): Dr 이자비용 / Cr 할인발행차금 for a discount, Dr
 * 할증발행차금 / Cr 이자비용 for a premium.
 */
export function issueDifferenceAmortisation(input: {
  entity: string;
  face: bigint;
  /** 할인 (face above the issue price) or 할증 (below). */
  direction: 'discount' | 'premium';
  amount: bigint;
  issued: string;
  /** The register's repayment schedule (its installments' due dates, principal and interest). */
  schedule: readonly ScheduledPayment[];
  repayments?: readonly BondRepayment[];
  year: number;
}): JournalEntry[] {
  if (input.amount <= 0n || input.amount >= input.face)
    throw new AdjustmentError(`the ${input.direction} must lie between 0 and the face value ${input.face}`);
  const scheduledPrincipal = input.schedule.reduce((sum, p) => sum + BigInt(p.principal), 0n);
  if (scheduledPrincipal !== input.face)
    throw new AdjustmentError(`the schedule repays ${scheduledPrincipal}, not the face value ${input.face}`);
  const repayments = [...(input.repayments ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const repaid = repayments.reduce((sum, r) => sum + r.amount, 0n);
  if (repaid > input.face) throw new AdjustmentError(`repayments of ${repaid} exceed the face value ${input.face}`);
  if (repayments.some((r) => r.amount <= 0n || r.date < input.issued))
    throw new AdjustmentError('a repayment must be positive and dated on or after the issue');
  let profile: EffectiveInterestProfile;
  try {
    profile = effectiveInterestProfile({
      issued: input.issued,
      direction: input.direction,
      difference: input.amount,
      schedule: input.schedule,
    });
  } catch (error) {
    if (error instanceof EffectiveInterestError) throw new AdjustmentError(error.message);
    throw error;
  }

  // Each early repayment: its month, the share of the bond it takes off, and its write-off (a fraction of the 차금).
  const difference = Number(input.amount);
  const dueBy = (date: string) => input.schedule.filter((p) => p.dueDate <= date).reduce((sum, p) => sum + p.principal, 0);
  let left = 1;
  const early = earlyRepayments(repayments, input.schedule).map((r) => {
    const month = monthIndex(r.date);
    const outstanding = left * (Number(input.face) - dueBy(r.date));
    const cut = outstanding > 0 ? Math.min(Number(r.amount) / outstanding, 1) : 1;
    const writeOff = difference * (1 - profile.writtenOffBy(month)) * left * cut;
    left *= 1 - cut;
    return { month, left, writeOff };
  });
  const repaidBy = (date: string) => repayments.filter((r) => r.date <= date).reduce((sum, r) => sum + r.amount, 0n);
  /** The 차금 written off through the end of absolute month `month` (all of it once the bond is repaid). */
  const cumulative = (month: number, date: string): bigint => {
    const fraction = profile.writtenOffBy(month);
    if (fraction >= 1 || repaidBy(date) === input.face) return input.amount;
    const scale = early.filter((e) => e.month <= month).at(-1)?.left ?? 1;
    return BigInt(Math.round(difference * (1 - (1 - fraction) * scale)));
  };
  const charge =
    cumulative(decemberOf(input.year), `${input.year}-12-31`) - cumulative(decemberOf(input.year - 1), `${input.year - 1}-12-31`);
  const thisYear = early.filter((e) => Math.floor(e.month / 12) === input.year);
  let writtenOff = thisYear.reduce((sum, e) => sum + BigInt(Math.round(e.writeOff)), 0n);
  let scheduled = charge - writtenOff;
  // The rounding never turns the scheduled part negative: the write-off gives up the won.
  if (scheduled < 0n) {
    writtenOff += scheduled;
    scheduled = 0n;
  }
  const interest = accountWithRole(null, 'interest').code;
  const differenceAccount = accountWithRole('장기차입부채', input.direction).code;
  const entry = (amount: bigint): JournalEntry[] =>
    amount === 0n
      ? []
      : [
          {
            entity: input.entity,
            lines:
              input.direction === 'discount'
                ? [debitLine(interest, amount), creditLine(differenceAccount, amount)]
                : [debitLine(differenceAccount, amount), creditLine(interest, amount)],
          },
        ];
  return [...entry(scheduled), ...entry(writtenOff)];
}

/**
 * The early part of each repayment: what the repayments made by its date exceed the principal the schedule
 * had fallen due by then, less the early parts before it. A repayment on schedule (or late) has none.
 */
export function earlyRepayments(repayments: readonly BondRepayment[], schedule: readonly ScheduledPayment[]): BondRepayment[] {
  const dueBy = (date: string) => schedule.filter((p) => p.dueDate <= date).reduce((sum, p) => sum + BigInt(p.principal), 0n);
  const early: BondRepayment[] = [];
  let paid = 0n;
  let ahead = 0n;
  for (const r of [...repayments].sort((a, b) => a.date.localeCompare(b.date))) {
    paid += r.amount;
    const excess = paid - dueBy(r.date) - ahead;
    if (excess > 0n) {
      early.push({ amount: excess, date: r.date });
      ahead += excess;
    }
  }
  return early;
}
