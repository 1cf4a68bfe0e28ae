import { itemOfStat } from '#shared/domain/budget/classification.ts';
import { DISASTER_RESERVE_STAT_ITEM, itemClassOf } from '#shared/domain/budget/item-classes.ts';
import type { ItemClass } from '#shared/domain/budget/item-classes.ts';
import type { ControlledLine } from '#shared/domain/budget/controlled-line.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { ProblemCode } from '#shared/domain/problem-codes.ts';

/**
 * Changing the budget during execution without a 추경. Every change moves an amount from one
 * line's 예산현액 to another's (the total stays the same), and each kind has its own law:
 *
 *   diversion      전용   inside one 정책사업 (지방재정법 §49; 시행령 §55)
 *   transfer       이용   across 정책사업, only as a clause of the 예산총칙 allows (지방재정법 §47의2①, §40②)
 *   reallocation   이체   on a reorganisation by 조례/규칙 (지방재정법 §47의2②)
 *   reserve-use    예비비 사용결정: from an 801 line to a named 세출 line (지방재정법 §43; 시행령 §48, §56③)
 *   recoding       과목경정: executed amounts moved from a wrongly coded line to the right one (practice [U])
 *   pre-established 성립전예산: a line created for a designated, fully granted transfer (지방재정법 §45)
 *
 * (Article numbers with 의N are as rebuilt in the project's execution-rules.md §0; check them on law.go.kr.)
 */
export type ChangeKind = 'diversion' | 'transfer' | 'reallocation' | 'reserve-use' | 'recoding' | 'pre-established';
export const changeKinds: readonly ChangeKind[] = ['diversion', 'transfer', 'reallocation', 'reserve-use', 'recoding', 'pre-established'];

/** The named counter of 예산현액 each kind moves on the control item (the settlement reads them). */
export const componentOf = {
  diversion: 'diversionNet',
  transfer: 'transferNet',
  reallocation: 'reallocationNet',
  'reserve-use': 'reserveNet',
  recoding: 'recodedNet',
  'pre-established': 'preEstablished',
} as const satisfies Record<ChangeKind, string>;

/** What the rules read of a line: its control item (budget and counters) and the parts of its id. */
export interface ChangeLine extends ControlledLine {
  /** 정책사업 code (from the line id). */
  readonly policy: string;
}

/** A council amendment of a line in a version of the year (recorded by the council's line edits before `resolve`). */
export interface CouncilCut {
  readonly lineId: string;
  readonly version: number;
  readonly submitted: number;
  /** null when the council abolished the line. */
  readonly amended: number | null;
}

const broken = (code: ProblemCode, detail: string, context: Record<string, unknown>): Refusal =>
  refusal('unprocessable', code, detail, context);

/** A change dated after 31 December of its year (지방재정법 시행령 §55②: no 전용 after the year; the year's budget ends with it). */
export function afterYearEndRefusal(kind: ChangeKind, year: number, decisionDate: string): Refusal | undefined {
  if (decisionDate <= `${year}-12-31`) return undefined;
  return broken('change-after-year-end', `a ${kind} of the ${year} budget cannot be decided on ${decisionDate}, after the year ended`, {
    rule: 'decision date ≤ 31 December of the fiscal year',
    basis: '지방재정법 시행령 §55②',
    year,
    decisionDate,
  });
}

/**
 * What every move between two lines needs: two different expenditure lines of the same 회계 (a
 * 회계 is a budget of its own: money leaves it only as a 전출금 of its budget), and a source
 * whose unallotted — hence uncommitted — balance covers the amount.
 */
export function moveRefusal(from: ChangeLine, to: ChangeLine, amount: number): Refusal | undefined {
  if (from.lineId === to.lineId) return broken('same-line', `line ${from.lineId} cannot give to itself`, { lineId: from.lineId });
  for (const line of [from, to])
    if (line.kind !== 'expenditure')
      return refusal('unprocessable', 'not-an-expenditure-line', `line ${line.lineId} is a revenue line; budget changes move spending`);
  if (from.fund !== to.fund)
    return broken('different-account', `lines ${from.lineId} and ${to.lineId} are in different 회계 (${from.fund}, ${to.fund})`, {
      rule: 'source and target in the same 회계',
      from: from.fund,
      to: to.fund,
    });
  const available = from.budget - from.allotted;
  if (amount > available)
    return broken(
      'change-exceeds-unallotted',
      `line ${from.lineId}: budget − allotted ≥ amount would not hold (requested ${amount}, available ${available})`,
      {
        lineId: from.lineId,
        rule: 'budget − allotted ≥ amount (the source gives only what is neither allotted nor committed)',
        requested: amount,
        available,
        numbers: { budget: from.budget, allotted: from.allotted, committed: from.committed },
      },
    );
  return undefined;
}

/** Reserve lines move only by a 사용결정 (시행령 §56③), never by 전용, 이용 or 이체. */
export function reserveLineRefusal(kind: ChangeKind, from: ChangeLine, to: ChangeLine): Refusal | undefined {
  const isReserveLine = (line: ChangeLine) => itemClassOf(line.itemCode) === 'reserve';
  const reserve = isReserveLine(to) ? to : isReserveLine(from) && kind !== 'reserve-use' ? from : undefined;
  if (!reserve) return undefined;
  return broken('reserve-needs-decision', `line ${reserve.lineId} is a 예비비; it is spent only by a 사용결정 to a 세출 line`, {
    rule: '예비비 → 사용결정 → a 세출 line (not a 예비비)',
    basis: '지방재정법 시행령 §56③',
    lineId: reserve.lineId,
  });
}

/** The council cut (or abolished) the target line in a version of the year: no change may put money back (지방재정법 §49②2, §43③). */
export function councilCutRefusal(kind: ChangeKind, to: ChangeLine, cuts: readonly CouncilCut[]): Refusal | undefined {
  const cut = cuts.find((c) => c.lineId === to.lineId && (c.amended === null || c.amended < c.submitted));
  if (!cut) return undefined;
  return broken(
    'against-council-cut',
    `the council ${cut.amended === null ? 'abolished' : 'reduced'} line ${to.lineId} in version ${cut.version}; a ${kind} cannot put money back`,
    {
      rule: 'no change restores what the council cut',
      basis: kind === 'reserve-use' ? '지방재정법 §43③' : '지방재정법 §49②2',
      lineId: to.lineId,
      version: cut.version,
      submitted: cut.submitted,
      amended: cut.amended,
    },
  );
}

/**
 * The 전용 rules as a table (지방재정법 §49①; 시행령 §55): each row names its source and what it
 * refuses. `applies` sees the classes of the source and target 통계목.
 */
interface DiversionRule {
  readonly code: ProblemCode;
  readonly basis: string;
  readonly rule: string;
  readonly applies: (from: ChangeLine, to: ChangeLine, classes: { from: ItemClass; to: ItemClass }) => boolean;
}

const isDebt = (c: ItemClass) => c === 'debt-principal' || c === 'debt-interest';

export const diversionRules: readonly DiversionRule[] = [
  {
    code: 'diversion-across-programs',
    basis: '지방재정법 §49①',
    rule: '전용 stays inside one 정책사업 (across 정책사업 it is an 이용)',
    applies: (from, to) => from.policy !== to.policy,
  },
  {
    code: 'diversion-of-personnel',
    basis: '지방재정법 시행령 §55①1',
    rule: 'no 전용 to or from 인건비 (기준인건비 included)',
    applies: (_from, _to, c) => c.from === 'personnel' || c.to === 'personnel',
  },
  {
    code: 'diversion-of-debt-service',
    basis: '지방재정법 시행령 §55①3',
    rule: 'no 전용 to or from 상환금, except between 원금 and 이자',
    applies: (_from, _to, c) =>
      (isDebt(c.from) || isDebt(c.to)) &&
      !((c.from === 'debt-principal' && c.to === 'debt-interest') || (c.from === 'debt-interest' && c.to === 'debt-principal')),
  },
  {
    code: 'diversion-into-entertainment',
    basis: '지방재정법 시행령 §55②',
    rule: 'no 전용 into 업무추진비 from another 비목',
    applies: (from, to, c) => c.to === 'entertainment' && itemOfStat(from.itemCode) !== itemOfStat(to.itemCode),
  },
];

export function diversionRefusal(from: ChangeLine, to: ChangeLine): Refusal | undefined {
  const classes = { from: itemClassOf(from.itemCode), to: itemClassOf(to.itemCode) };
  const broke = diversionRules.find((r) => r.applies(from, to, classes));
  if (!broke) return undefined;
  return broken(broke.code, `전용 from ${from.lineId} to ${to.lineId} refused: ${broke.rule}`, {
    rule: broke.rule,
    basis: broke.basis,
    from: { lineId: from.lineId, policy: from.policy, itemCode: from.itemCode, class: classes.from },
    to: { lineId: to.lineId, policy: to.policy, itemCode: to.itemCode, class: classes.to },
  });
}

/** An 이용 moves across 정책사업; inside one it is a 전용 and follows those rules. */
export function transferShapeRefusal(from: ChangeLine, to: ChangeLine): Refusal | undefined {
  if (from.policy !== to.policy) return undefined;
  return broken('transfer-within-program', `lines ${from.lineId} and ${to.lineId} are in one 정책사업 (${from.policy}); that is a 전용`, {
    rule: '이용 moves across 정책사업',
    basis: '지방재정법 §47의2①, §49①',
  });
}

/**
 * 예비비 사용: never for 업무추진비, nor for 보조금 other than for 긴급재난대책 (지방재정법 시행령 §48 as
 * amended 2023.9.26, read in legalize-kr: "…에 대하여는 … 예비비의 계상을 할 수 없다"). A 예비비 (801)
 * line names no purpose when it is formulated, so the project enforces the rule where the purpose
 * appears: at the 사용결정 (older texts said 지출).
 */
export function reserveTargetRefusal(to: ChangeLine, emergency: boolean): Refusal | undefined {
  const target = itemClassOf(to.itemCode);
  if (target === 'entertainment' || (target === 'subsidy' && !emergency))
    return broken(
      'reserve-target-not-allowed',
      `예비비 cannot go to line ${to.lineId} (${target === 'entertainment' ? '업무추진비' : '보조금 not for 긴급재난대책'})`,
      {
        rule: 'no 예비비 for 업무추진비 or for 보조금 other than 긴급재난대책',
        basis: '지방재정법 시행령 §48',
        lineId: to.lineId,
        itemCode: to.itemCode,
        emergency,
      },
    );
  return undefined;
}

/**
 * The 재해·재난 목적 예비비 (801-02) is put in the budget apart from the general 예비비 for 재해·재난
 * purposes (지방재정법 §43②, read in legalize-kr: "재해ㆍ재난 관련 목적 예비비는 별도로 예산에 계상할 수
 * 있다"; 시행령 §48 and §56③ add nothing for it): a 사용결정 may draw on it only for a 재해·재난 use
 * (`emergency`), else it would be a second general 예비비 beyond §43①'s 1% cap. The general 예비비
 * may serve a 재해·재난 too. Refusing a non-emergency use is the project's reading of "목적" [practice].
 */
export function disasterReserveRefusal(from: ChangeLine, emergency: boolean): Refusal | undefined {
  if (from.itemCode !== DISASTER_RESERVE_STAT_ITEM || emergency) return undefined;
  return broken(
    'disaster-reserve-purpose',
    `line ${from.lineId} is the 재해·재난 목적 예비비; it is used only for a 재해·재난 (emergency)`,
    {
      rule: '재해·재난 목적 예비비 → a 재해·재난 use only',
      basis: '지방재정법 §43②',
      lineId: from.lineId,
      itemCode: from.itemCode,
      emergency,
    },
  );
}

/**
 * 과목경정 moves executed amounts (an equal amount of committed, resolved, ordered and paid, so
 * every document's remaining balance stays on its own line) from a wrongly coded line to the right
 * one: the source must have paid it, the target must have it allotted and uncommitted. It must not
 * be a hidden 전용 or 이용: inside one 정책사업 the 전용 table applies, across 정책사업 an 예산총칙
 * clause must allow the pair (practice [U]: execution-rules.md §1.5).
 */
export function recodingRefusal(from: ChangeLine, to: ChangeLine, amount: number): Refusal | undefined {
  if (from.lineId === to.lineId) return broken('same-line', `line ${from.lineId} cannot be recoded to itself`, { lineId: from.lineId });
  if (from.fund !== to.fund)
    return broken('different-account', `lines ${from.lineId} and ${to.lineId} are in different 회계 (${from.fund}, ${to.fund})`, {
      rule: 'source and target in the same 회계',
      from: from.fund,
      to: to.fund,
    });
  if (amount > from.paid)
    return broken(
      'recoding-exceeds-executed',
      `line ${from.lineId}: only paid amounts are recoded (requested ${amount}, paid ${from.paid})`,
      {
        lineId: from.lineId,
        rule: 'amount ≤ paid on the wrongly coded line',
        requested: amount,
        available: from.paid,
        numbers: { committed: from.committed, resolved: from.resolved, ordered: from.ordered, paid: from.paid },
      },
    );
  const available = to.allotted - to.committed;
  if (amount > available)
    return broken(
      'committed-within-allotment',
      `line ${to.lineId}: committed + amount ≤ allotted would not hold (requested ${amount}, available ${available})`,
      {
        lineId: to.lineId,
        rule: 'committed + amount ≤ allotted on the right line',
        requested: amount,
        available,
        numbers: { allotted: to.allotted, committed: to.committed },
      },
    );
  return undefined;
}
