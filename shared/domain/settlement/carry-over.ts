import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import type { CarriedFrom } from '#shared/domain/settlement/carried-budget.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { LimitBreach, Refusal } from '#shared/domain/refusal.ts';

/**
 * Carry-overs (이월) into the next fiscal year, recorded per expenditure line by the chief
 * accountant (회계책임관) before the year is closed (지방재정법 제50조 세출예산의 이월, 제42조 계속비):
 *   명시이월 (explicit: approved in advance by the council), 사고이월 (unavoidable events),
 *   계속비이월 (continuing expenditure over several years).
 * Rule: carried amount ≤ 예산현액 − 지출액 of the line (practice: only what was not spent carries over).
 */
export const carryOverKinds = { explicit: '명시이월', accident: '사고이월', continuing: '계속비이월' } as const;
export type CarryOverKind = keyof typeof carryOverKinds;

export interface CarryOver {
  readonly lineId: string;
  readonly kind: CarryOverKind;
  readonly amount: number;
  readonly reason: string;
  /** 사고이월 (지방재정법 제50조제2항): the commitments made in the year and not paid that it carries. */
  readonly commitmentIds?: readonly string[] | undefined;
  /** 사고이월: their unpaid 부대경비 (no 원인행위 of their own; practice [U] on what counts). */
  readonly incidentalCosts?: number | undefined;
}

/** A commitment (지출원인행위) as the 사고이월 cap reads it from the commitment ledger. */
export interface LedgerCommitment {
  readonly commitmentId: string;
  readonly year: number;
  readonly lineId: string;
  /** 원인행위액, net of cancellations. */
  readonly amount: number;
  /** 지출결의액 (채무확정). */
  readonly resolved: number;
  /** 지출액: paid in the year, and paid later as 과년도 지출. */
  readonly paid: number;
}

/**
 * 사고이월 (지방재정법 제50조제2항제1호; execution rules §1.9): at most what the named commitments of the
 * line committed and did not pay (원인행위액 − 지출액) plus their unpaid 부대경비. Each named commitment must
 * be one of this line in this year (`carry-over-commitment-not-on-line`); without any, the carry-over
 * is refused (`accident-carry-over-needs-commitments`). The other grounds of 제50조제2항 (제2호–제4호:
 * bids announced, 손실보상, recurring costs, 시행령 제58조) are not modelled [U].
 */
export function accidentCarryOverRefusal(
  carryOver: CarryOver,
  year: number,
  ledger: ReadonlyMap<string, LedgerCommitment>,
): Refusal | undefined {
  const ids = carryOver.commitmentIds ?? [];
  const rule = '지방재정법 제50조제2항제1호';
  if (ids.length === 0) {
    return refusal(
      'unprocessable',
      'accident-carry-over-needs-commitments',
      '사고이월 carries commitments made and not paid: name them (commitmentIds)',
      {
        rule,
        lineId: carryOver.lineId,
      },
    );
  }
  const strangers = ids.filter((id) => {
    const c = ledger.get(id);
    return !c || c.lineId !== carryOver.lineId || c.year !== year;
  });
  if (strangers.length > 0) {
    return refusal(
      'unprocessable',
      'carry-over-commitment-not-on-line',
      `commitments ${strangers.join(', ')} are not commitments of line ${carryOver.lineId} in ${year}`,
      {
        rule,
        lineId: carryOver.lineId,
        year,
        commitmentIds: strangers,
      },
    );
  }
  // The commitments move into the carried budget and go on there with 지출결의 → 지급명령 → 지급; a part
  // already fixed by a 지출결의 of this year stays this year's 미지급금, paid as 과년도 지출 (지방회계법
  // 제37조) — carrying it too would pay it twice (practice [U]: hojo moves commitments, not resolutions).
  const fixed = ids.filter((id) => {
    const c = ledger.get(id) as LedgerCommitment;
    return c.resolved > c.paid;
  });
  if (fixed.length > 0) {
    return refusal(
      'unprocessable',
      'carry-over-commitment-fixed',
      `commitments ${fixed.join(', ')} have a 지출결의 not paid: pay it as 과년도 지출 next year, or carry only commitments without one`,
      { rule: `${rule}; 지방회계법 제37조`, commitmentIds: fixed },
    );
  }
  const unpaid = ids.reduce((sum, id) => {
    const c = ledger.get(id) as LedgerCommitment;
    return sum + Math.max(0, c.amount - c.paid);
  }, 0);
  const incidental = carryOver.incidentalCosts ?? 0;
  if (carryOver.amount <= unpaid + incidental) return undefined;
  return refusal(
    'unprocessable',
    'carry-over-exceeds-unpaid-commitments',
    `사고이월 ${carryOver.amount} exceeds the named commitments' unpaid ${unpaid} plus 부대경비 ${incidental}`,
    { rule, requested: carryOver.amount, available: unpaid + incidental, numbers: { unpaid, incidentalCosts: incidental } },
  );
}

/** What the carry-over of a line is checked against: its kind, 예산현액 (`budget`) and 지출액 (`paid`). */
export interface CarriedLine {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly budget: number;
  readonly paid: number;
  /** Present when the line is itself a carried budget (carried-budget.ts). */
  readonly carriedFrom?: CarriedFrom | undefined;
}

export function carryOverBreach(line: { readonly budget: number; readonly paid: number }, amount: number): LimitBreach | undefined {
  const available = line.budget - line.paid;
  if (amount <= available) return undefined;
  return { rule: 'carry-over ≤ budget − paid', requested: amount, available, numbers: { budget: line.budget, paid: line.paid } };
}

/** Why the line cannot carry this amount over, if it cannot: only expenditure lines carry over, within 예산현액 − 지출액. */
export function carryOverRefusal(line: CarriedLine, amount: number): Refusal | undefined {
  if (line.kind !== 'expenditure') {
    return refusal('unprocessable', 'carry-over-expenditure-only', 'only expenditure lines are carried over', {
      lineId: line.lineId,
      kind: line.kind,
    });
  }
  const breach = carryOverBreach(line, amount);
  if (!breach) return undefined;
  return refusal('unprocessable', 'carry-over-exceeds-available', `carry-over ${amount} exceeds budget − paid = ${breach.available}`, {
    ...breach,
  });
}

/** The parts of the year's final budget (예산총칙) a carry-over rests on, and which version they are. */
export interface CarryOverBasis {
  readonly version: number;
  readonly provisions: Pick<GeneralProvisions, 'explicitCarryOvers' | 'continuingExpenditures'>;
}

/**
 * Whether the budget allows this kind of carry-over of the line (지방재정법 제50조, read in
 * legalize-kr):
 *   - 명시이월 (제50조①: 명시이월비로서 세입ㆍ세출예산에 그 취지를 분명하게 밝혀 미리 지방의회의 의결을 얻은
 *     금액): only a line on the 명시이월 list of the year's final version, at most its approved amount
 *     (`explicit-carry-over-not-approved`, `explicit-carry-over-exceeds-approved`);
 *   - 계속비이월 (제50조③: 계속비의 회계연도별 필요경비 중 해당 회계연도에 지출하지 못한 금액은 그 계속비의
 *     사업완성 연도까지 차례로 이월): only a line of a 계속비 (제42조) whose years include this one
 *     (`continuing-carry-over-not-continuing`), and not from its completion year on
 *     (`continuing-carry-over-past-completion`);
 *   - 사고이월 rests on the commitments it names (accidentCarryOverRefusal), not on the 예산총칙.
 */
export function carryOverBasisRefusal(carryOver: CarryOver, year: number, basis: CarryOverBasis): Refusal | undefined {
  const { lineId, amount } = carryOver;
  if (carryOver.kind === 'explicit') {
    const rule = '지방재정법 제50조제1항';
    const approved = basis.provisions.explicitCarryOvers.filter((e) => e.lineId === lineId);
    if (approved.length === 0) {
      return refusal(
        'unprocessable',
        'explicit-carry-over-not-approved',
        `line ${lineId} is not on the 명시이월 list the council approved with version ${basis.version} of ${year}`,
        { rule, lineId, year, version: basis.version },
      );
    }
    const approvedAmount = approved.reduce((sum, e) => sum + e.amount, 0);
    if (amount <= approvedAmount) return undefined;
    return refusal(
      'unprocessable',
      'explicit-carry-over-exceeds-approved',
      `명시이월 ${amount} of line ${lineId} exceeds the ${approvedAmount} the council approved`,
      { rule, lineId, requested: amount, available: approvedAmount, version: basis.version },
    );
  }
  if (carryOver.kind === 'continuing') {
    const rule = '지방재정법 제50조제3항, 제42조';
    const projects = basis.provisions.continuingExpenditures.filter((c) => c.lineId === lineId && c.years.some((y) => y.year === year));
    if (projects.length === 0) {
      return refusal(
        'unprocessable',
        'continuing-carry-over-not-continuing',
        `line ${lineId} is not the line of a 계속비 running in ${year} (version ${basis.version})`,
        { rule, lineId, year, version: basis.version },
      );
    }
    const completionYear = Math.max(...projects.flatMap((c) => c.years.map((y) => y.year)));
    if (year < completionYear) return undefined;
    return refusal(
      'unprocessable',
      'continuing-carry-over-past-completion',
      `the 계속비 of line ${lineId} completes in ${completionYear}: its unspent amount of ${year} does not carry on as 계속비이월`,
      { rule, lineId, year, completionYear, projects: projects.map((c) => c.id) },
    );
  }
  return undefined;
}
