import {
  AdjustmentError,
  allowanceAdjustment,
  constructionCompletion,
  depreciation,
  issueDifferenceAmortisation,
} from '#shared/domain/accounting/adjustments.ts';
import type { BondRepayment, RegisterAsset } from '#shared/domain/accounting/adjustments.ts';
import type { ScheduledPayment } from '#shared/domain/accounting/effective-interest.ts';
import { account, accountWithRole, assetClasses, chart } from '#shared/domain/accounting/chart.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { creditLine, debitLine, MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 결산정리분개 (year-end adjusting entries) as the 회계책임관 records them: what each kind needs, and
 * the entries the valuation rules of 「지방자치단체 회계기준에 관한 규칙」 give (adjustments.ts). Each
 * kind is recorded once per fiscal year (the closing then reads them from the ledger like any posting):
 *
 * - construction-completion: 건설중인자산 of a class → the finished asset, and the asset into the
 *   register (제49조①, 제50조①); at most the 건설중인자산 balance the 401 postings built up; its 내용연수 the
 *   one given, else its 401 line's usefulLifeYears, else its 계속비's (completionLife);
 * - depreciation: every depreciable asset of the register, 정액법 by months (제49조②, 제50조, 제51조②);
 * - allowance: 대손충당금 brought to the government's estimate of each receivable (제46조);
 * - discount-amortisation: the 지방채할인 or 할증 발행차금 of a bond booked in its issue year (제54조①:
 *   지방채증권 at face, the discount deducted, the premium added) and written off into 이자비용 or
 *   released from it (제54조②, 유효이자율법 on the register's schedule) until each part's repayment
 *   (조기상환: the remainder of the repaid part at once, adjustments.ts issueDifferenceAmortisation);
 * - acquisitions: the tangible assets the year's 지출결의 bought outright (405 자산취득비: the journal
 *   already debited the asset at 취득원가, 제17–19조, 제49조①) into the register with the useful life their
 *   line declared (else their account's, given in the request), so that the depreciation of this year
 *   and the next charges them (제49조②). No entry.
 *
 * The kind names are in adjustment-kinds.ts (kept apart so the schemas do not carry the chart).
 */

/** An asset of the register (재산대장 side of the books): where it came from and how it is depreciated. */
export interface RegisteredAsset extends RegisterAsset {
  readonly assetId: string;
  /** The fiscal year whose 결산정리 put it in the register. */
  readonly registeredYear: number;
}

export interface Completion {
  readonly assetId: string;
  readonly fund: string;
  /** The finished asset account (e.g. 1501 도로); its section is the class whose 건설중인자산 is transferred. */
  readonly assetAccount: string;
  readonly amount: number;
  /** yyyy-mm-dd, inside the fiscal year: in service from this month (월할). */
  readonly completedOn: string;
  /** The 내용연수 the 회계책임관 gives (null: not depreciated); absent, the 401 line's declared life is the default. */
  readonly usefulLifeYears?: number | null;
  /** The 401 시설비 line whose 건설중인자산 is completed, as the budget holds it (read by the use case). */
  readonly line?: CompletedLine;
  /** The 계속비 the works were built under (지방재정법 §42), as the 예산총칙 that declared it holds it. */
  readonly continuing?: ContinuingWorks;
  readonly residual?: number;
  readonly maintainedInCondition?: boolean;
  readonly structureType: RegisterAsset['structureType'];
  readonly function?: string;
}

/** What a completion reads of its 401 line (LineAttributes: fund, asset class, usefulLifeYears). */
export interface CompletedLine {
  readonly lineId: string;
  readonly fund: string;
  readonly itemCode: string;
  readonly assetClass?: string;
  readonly usefulLifeYears?: number;
}

/**
 * A 계속비 (지방재정법 §42①: works of several years, the total and the yearly amounts in the 예산총칙) as a
 * completion reads it: the entry of the declaring year's final budget and its line there. Its works are
 * completed years after that budget, often with no 401 line in the completion year's budget.
 */
export interface ContinuingWorks {
  readonly id: string;
  /** The fiscal year whose 예산총칙 declared it. */
  readonly year: number;
  /** The 내용연수 the 계속비 entry declares, if any. */
  readonly usefulLifeYears?: number;
  /** The 계속비's line in the declaring year's budget. */
  readonly line: CompletedLine;
}

export interface AllowanceRate {
  readonly fund: string;
  /** 1103 미수세금, 1105 미수세외수입금 or 1202 장기융자금 (the receivables with a 대손충당금 in the chart). */
  readonly receivableAccount: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface BondDiscount {
  readonly fund: string;
  readonly debtId: string;
  /** Face value − issue price net of issue costs (제54조①), when issued below face (할인발행). */
  readonly discount?: number;
  /** Issue price net of issue costs − face value, when issued above face (할증발행). */
  readonly premium?: number;
  /** From the debt register: the issue date, the face and the repayment schedule (its cash flows). */
  readonly issued: string;
  readonly face: number;
  readonly schedule: readonly ScheduledPayment[];
  /** The register's repayments (reversed ones left out) up to the end of the year. */
  readonly repayments: readonly BondRepayment[];
}

/** An asset bought by a 지출결의 of the year, net of its correction (the postings consumer recorded it). */
export interface AcquiredAsset {
  /** The 지출결의's posting id: the asset id in the register. */
  readonly assetId: string;
  readonly fund: string;
  readonly account: string;
  readonly cost: number;
  /** yyyy-mm-dd of the 지출결의: in service from this month (월할). */
  readonly acquiredOn: string;
  readonly structureType: RegisterAsset['structureType'];
  readonly function?: string;
  /** The 내용연수 its line declared (LineAttributes.usefulLifeYears): it wins over the account's. */
  readonly usefulLifeYears?: number;
}

/** The useful life the government sets for an asset account ([U] 내용연수 by asset kind is the 회계처리지침's table, not the rule's). */
export interface AccountLife {
  readonly assetAccount: string;
  /** null: not depreciated (토지, 입목 …). */
  readonly usefulLifeYears: number | null;
}

export type AdjustmentInput =
  | { readonly kind: 'construction-completion'; readonly completions: readonly Completion[] }
  | { readonly kind: 'depreciation' }
  | { readonly kind: 'allowance'; readonly rates: readonly AllowanceRate[] }
  | { readonly kind: 'discount-amortisation'; readonly bonds: readonly BondDiscount[] }
  | { readonly kind: 'acquisitions'; readonly acquired: readonly AcquiredAsset[]; readonly lives: readonly AccountLife[] };

/** What the adjustments read of the books: each fund's account balances (opening + the year, debit − credit), and the register. */
export interface AdjustmentBooks {
  readonly year: number;
  readonly balances: ReadonlyMap<string, bigint>;
  readonly register: readonly RegisteredAsset[];
}

export const balanceKey = (fund: string, accountCode: string): string => `${fund}|${accountCode}`;

export interface Adjustment {
  readonly entries: readonly JournalEntry[];
  /** Assets the adjustment adds to the register (completions). */
  readonly assets: readonly RegisteredAsset[];
}

const notPossible = (detail: string, context: Record<string, unknown> = {}): Refusal =>
  refusal('unprocessable', 'adjustment-not-possible', detail, {
    rule: '결산정리 valuation rule (회계기준규칙 제46·49·50·51·54조)',
    ...context,
  });

/** The entries of one kind of 결산정리, or the refusal of its input. */
export function yearEndAdjustment(input: AdjustmentInput, books: AdjustmentBooks): Adjustment | Refusal {
  try {
    switch (input.kind) {
      case 'construction-completion':
        return completions(input.completions, books);
      case 'depreciation':
        return { entries: books.register.flatMap((a) => depreciation(a, books.year) ?? []), assets: [] };
      case 'allowance':
        return { entries: input.rates.flatMap((r) => allowanceEntry(r, books) ?? []), assets: [] };
      case 'discount-amortisation':
        return discounts(input.bonds, books);
      case 'acquisitions':
        return acquisitions(input.acquired, input.lives, books);
    }
  } catch (error) {
    if (error instanceof AdjustmentError || error instanceof MissingFunctionError) return notPossible(error.message);
    throw error;
  }
}

function completions(list: readonly Completion[], books: AdjustmentBooks): Adjustment | Refusal {
  const transferred = new Map<string, bigint>();
  const entries: JournalEntry[] = [];
  const assets: RegisteredAsset[] = [];
  const known = new Set(books.register.map((a) => `${a.entity}|${a.assetId}`));
  for (const c of list) {
    if (Number(c.completedOn.slice(0, 4)) !== books.year)
      return refusal('unprocessable', 'completion-outside-year', `asset ${c.assetId}: completed ${c.completedOn}, not in ${books.year}`, {
        rule: 'a 결산정리 of the year records completions of that year',
        completedOn: c.completedOn,
        year: books.year,
      });
    const id = `${c.fund}|${c.assetId}`;
    if (known.has(id)) return refusal('conflict', 'asset-exists', `asset ${c.assetId} of ${c.fund} is in the register already`);
    known.add(id);
    const section = account(c.assetAccount).section;
    if (!assetClasses.includes(section as AssetClass))
      return notPossible(`${c.assetAccount} is not an asset of 일반유형자산, 주민편의시설 or 사회기반시설`, {
        assetAccount: c.assetAccount,
      });
    const construction = accountWithRole(section, 'construction').code;
    const key = balanceKey(c.fund, construction);
    const total = (transferred.get(key) ?? 0n) + BigInt(c.amount);
    const balance = books.balances.get(key) ?? 0n;
    if (total > balance)
      return refusal(
        'unprocessable',
        'construction-balance-exceeded',
        `${c.fund}: completions of ${total} exceed 건설중인자산 ${balance}`,
        {
          rule: 'transferred ≤ 건설중인자산 built up by the capital postings (제49조①)',
          fund: c.fund,
          account: construction,
          transferred: String(total),
          balance: String(balance),
        },
      );
    const life = completionLife(c, section);
    if (typeof life === 'object' && life !== null) return life;
    transferred.set(key, total);
    entries.push(constructionCompletion({ entity: c.fund, assetAccount: c.assetAccount, amount: c.amount }));
    const asset: RegisteredAsset = {
      assetId: c.assetId,
      registeredYear: books.year,
      entity: c.fund,
      account: c.assetAccount,
      cost: BigInt(c.amount),
      residual: BigInt(c.residual ?? 0),
      inService: c.completedOn,
      usefulLifeYears: life,
      structureType: c.structureType,
      ...(c.maintainedInCondition ? { maintainedInCondition: true } : {}),
      ...(c.function ? { function: c.function } : {}),
    };
    // The register accepts only what depreciation can value: a trial run refuses a bad life or residual now.
    depreciation(asset, books.year);
    assets.push(asset);
  }
  return { entries, assets };
}

/**
 * The 내용연수 of a completed work (제49조②: 정액법 needs a life): the one given; else the one its 401 line of
 * the completion year declared (LineAttributes.usefulLifeYears, the budget's own estimate of the works);
 * else, for works built under a 계속비, the one its 예산총칙 entry declares, else its line's in the declaring
 * year. Each line named must be a 401 line of the same 회계 building the same class; with no life from any,
 * refused.
 */
function completionLife(c: Completion, section: string): number | null | Refusal {
  for (const line of [c.line, c.continuing?.line]) {
    const mismatch = line && lineMismatch(line, c, section);
    if (line && mismatch)
      return notPossible(`asset ${c.assetId}: line ${line.lineId} ${mismatch}`, { assetId: c.assetId, lineId: line.lineId });
  }
  if (c.usefulLifeYears !== undefined) return c.usefulLifeYears;
  const life = c.line?.usefulLifeYears ?? c.continuing?.usefulLifeYears ?? c.continuing?.line.usefulLifeYears;
  if (life !== undefined) return life;
  const named = [
    c.line ? `line ${c.line.lineId} declares none` : 'no 401 line is named',
    ...(c.continuing ? [`계속비 ${c.continuing.id} (${c.continuing.year}) and its line ${c.continuing.line.lineId} declare none`] : []),
  ];
  return notPossible(`asset ${c.assetId}: no useful life is given and ${named.join('; ')}`, {
    assetId: c.assetId,
    ...(c.line ? { lineId: c.line.lineId } : {}),
    ...(c.continuing ? { continuingExpenditure: c.continuing.id } : {}),
  });
}

/** Why a line cannot be the one a completion's works were built on, or undefined. */
function lineMismatch(line: CompletedLine, c: Completion, section: string): string | undefined {
  if (line.fund !== c.fund) return `is in ${line.fund}, not ${c.fund}`;
  if (!line.itemCode.startsWith('401')) return `is a ${line.itemCode} line, not 401 시설비`;
  if (line.assetClass !== section) return `builds ${line.assetClass ?? 'no asset class'}, not ${section}`;
  return undefined;
}

/**
 * Each purchase into the register with the life its line declared, else its account's (the request's
 * `lives`); a purchase with neither is refused, naming its account (제49조②: 정액법 needs a life).
 */
function acquisitions(acquired: readonly AcquiredAsset[], lives: readonly AccountLife[], books: AdjustmentBooks): Adjustment | Refusal {
  const byAccount = new Map(lives.map((l) => [l.assetAccount, l.usefulLifeYears]));
  const lifeOf = (a: AcquiredAsset) => (a.usefulLifeYears !== undefined ? a.usefulLifeYears : (byAccount.get(a.account) ?? null));
  const undeclared = acquired.filter((a) => a.usefulLifeYears === undefined && !byAccount.has(a.account));
  const missing = [...new Set(undeclared.map((a) => a.account))].sort();
  if (missing.length > 0)
    return notPossible(`the useful life of ${missing.join(', ')} is not given: a purchase whose line declares none needs its account's`, {
      missingAccounts: missing,
    });
  const known = new Set(books.register.map((a) => `${a.entity}|${a.assetId}`));
  const assets: RegisteredAsset[] = [];
  for (const a of acquired) {
    if (known.has(`${a.fund}|${a.assetId}`)) continue;
    const asset: RegisteredAsset = {
      assetId: a.assetId,
      registeredYear: books.year,
      entity: a.fund,
      account: a.account,
      cost: BigInt(a.cost),
      residual: 0n,
      inService: a.acquiredOn,
      usefulLifeYears: lifeOf(a),
      structureType: a.structureType,
      ...(a.function ? { function: a.function } : {}),
    };
    depreciation(asset, books.year);
    assets.push(asset);
  }
  return { entries: [], assets };
}

function allowanceEntry(rate: AllowanceRate, books: AdjustmentBooks): JournalEntry | null {
  const allowance = allowanceAccountOf(rate.receivableAccount);
  return allowanceAdjustment({
    entity: rate.fund,
    receivableAccount: rate.receivableAccount,
    receivableBalance: books.balances.get(balanceKey(rate.fund, rate.receivableAccount)) ?? 0n,
    // The allowance is a contra asset: its balance is a credit.
    allowanceBalance: -(books.balances.get(balanceKey(rate.fund, allowance)) ?? 0n),
    rate: { numerator: BigInt(rate.numerator), denominator: BigInt(rate.denominator) },
  });
}

/** The 대손충당금 deducted from a receivable (the chart's contra_of column). */
function allowanceAccountOf(receivable: string): string {
  const allowance = chart.find((a) => a.role === 'allowance' && a.contraOf === receivable);
  if (!allowance) throw new AdjustmentError(`${receivable} has no 대손충당금 account`);
  return allowance.code;
}

function discounts(bonds: readonly BondDiscount[], books: AdjustmentBooks): Adjustment {
  const entries: JournalEntry[] = [];
  const bondsAccount = accountWithRole('장기차입부채', 'local-bonds').code;
  for (const b of bonds) {
    if ((b.discount === undefined) === (b.premium === undefined))
      throw new AdjustmentError(`bond ${b.debtId}: give either its discount or its premium`);
    const direction = b.discount !== undefined ? 'discount' : 'premium';
    const amount = BigInt(b.discount ?? b.premium ?? 0);
    const differenceAccount = accountWithRole('장기차입부채', direction).code;
    const amortised = issueDifferenceAmortisation({
      entity: b.fund,
      face: BigInt(b.face),
      direction,
      amount,
      issued: b.issued,
      schedule: b.schedule,
      repayments: b.repayments,
      year: books.year,
    });
    // 제54조①: the 수납 posted the proceeds on 지방채증권; in the issue year the 차금 brings it to face.
    if (Number(b.issued.slice(0, 4)) === books.year) {
      const toFace =
        direction === 'discount'
          ? [debitLine(differenceAccount, amount), creditLine(bondsAccount, amount)]
          : [debitLine(bondsAccount, amount), creditLine(differenceAccount, amount)];
      entries.push({ entity: b.fund, lines: toFace });
    }
    entries.push(...amortised);
  }
  return { entries, assets: [] };
}
