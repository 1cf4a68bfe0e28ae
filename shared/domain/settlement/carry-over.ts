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
  /** 사고이월 (지방재정법 제50조제2항제1호) or 명시이월 (지방회계법 제30조): the commitments made in the year and not paid that it carries. */
  readonly commitmentIds?: readonly string[] | undefined;
  /** 사고이월: their unpaid 부대경비 (no 원인행위 of their own; practice [U] on what counts). */
  readonly incidentalCosts?: number | undefined;
  /** 사고이월: its ground under 지방재정법 제50조제2항 (accidentGrounds). */
  readonly ground?: AccidentGround | undefined;
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
 * The grounds of a 사고이월, 지방재정법 제50조제2항 각 호 (read in legalize-kr): 제1호 a 지출원인행위 made in
 * the year and not paid for an unavoidable reason, with its unpaid 부대 경비; 제2호 a cost whose 입찰공고
 * was made where the time to the 지출원인행위 is long; 제3호 손실보상비 of 공익·공공 사업; 제4호 a cost of a
 * 경상적 성격. 제2–4호 are "대통령령으로 정하는 경비": which costs exactly (시행령 제58조 per the project
 * notes) is not checked [U]; the request names the ground and the cap follows it.
 */
export const accidentGrounds = {
  commitment: '제50조제2항제1호',
  'bid-announced': '제50조제2항제2호',
  'loss-compensation': '제50조제2항제3호',
  'recurring-cost': '제50조제2항제4호',
} as const;
export type AccidentGround = keyof typeof accidentGrounds;

/** The line's figures the ground's cap reads: 예산현액 and 지출원인행위액 (net of cancellations). */
export interface GroundLine {
  readonly budget: number;
  readonly committed: number;
}

/**
 * Whether the ground fits the carry-over: a 사고이월 names one (`accident-carry-over-ground-required`),
 * another kind none (`carry-over-ground-not-accident`). Under 제2–4호 the cost has no 원인행위 yet, so it
 * names no commitments (`accident-carry-over-commitments-not-of-ground`) and carries at most what the
 * line has not committed, 예산현액 − 지출원인행위액 (`accident-carry-over-exceeds-uncommitted`): what is
 * committed and unpaid carries under 제1호 with its commitments, never twice. 제1호 is capped by the
 * commitment ledger (accidentCarryOverRefusal).
 */
export function carryOverGroundRefusal(carryOver: CarryOver, line: GroundLine): Refusal | undefined {
  const { ground, lineId } = carryOver;
  if (carryOver.kind !== 'accident') {
    if (ground === undefined) return undefined;
    return refusal('unprocessable', 'carry-over-ground-not-accident', `a ${carryOver.kind} carry-over has no 사고이월 ground`, {
      rule: '지방재정법 제50조제2항',
      lineId,
      kind: carryOver.kind,
      ground,
    });
  }
  if (ground === undefined) {
    return refusal('unprocessable', 'accident-carry-over-ground-required', '사고이월 names its ground (지방재정법 제50조제2항 제1–4호)', {
      rule: '지방재정법 제50조제2항',
      lineId,
      grounds: Object.keys(accidentGrounds),
    });
  }
  if (ground === 'commitment') return undefined;
  const rule = `지방재정법 ${accidentGrounds[ground]}`;
  if ((carryOver.commitmentIds ?? []).length > 0) {
    return refusal(
      'unprocessable',
      'accident-carry-over-commitments-not-of-ground',
      `a 사고이월 on ground ${ground} carries a cost with no 원인행위: commitments carry under 제50조제2항제1호`,
      { rule, lineId, ground, commitmentIds: carryOver.commitmentIds },
    );
  }
  const uncommitted = line.budget - line.committed;
  if (carryOver.amount <= uncommitted) return undefined;
  return refusal(
    'unprocessable',
    'accident-carry-over-exceeds-uncommitted',
    `사고이월 ${carryOver.amount} on ground ${ground} exceeds what line ${lineId} has not committed (${uncommitted})`,
    {
      rule,
      lineId,
      ground,
      requested: carryOver.amount,
      available: uncommitted,
      numbers: { budget: line.budget, committed: line.committed },
    },
  );
}

/**
 * The named commitments must be of the line in this year (`carry-over-commitment-not-on-line`) and
 * without an unpaid 지출결의 (`carry-over-commitment-fixed`); answers what they committed and did not pay.
 */
function namedCommitments(
  carryOver: CarryOver,
  year: number,
  ledger: ReadonlyMap<string, LedgerCommitment>,
  rule: string,
): { unpaid: number } | Refusal {
  const ids = carryOver.commitmentIds ?? [];
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
  return {
    unpaid: ids.reduce((sum, id) => {
      const c = ledger.get(id) as LedgerCommitment;
      return sum + Math.max(0, c.amount - c.paid);
    }, 0),
  };
}

/**
 * 사고이월 on ground 제1호 (지방재정법 제50조제2항제1호; execution rules §1.9): at most what the named
 * commitments of the line committed and did not pay (원인행위액 − 지출액) plus their unpaid 부대경비.
 * Without any commitment the carry-over is refused (`accident-carry-over-needs-commitments`).
 */
export function accidentCarryOverRefusal(
  carryOver: CarryOver,
  year: number,
  ledger: ReadonlyMap<string, LedgerCommitment>,
): Refusal | undefined {
  const rule = '지방재정법 제50조제2항제1호';
  if ((carryOver.commitmentIds ?? []).length === 0) {
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
  const named = namedCommitments(carryOver, year, ledger, rule);
  if ('code' in named) return named;
  const { unpaid } = named;
  const incidental = carryOver.incidentalCosts ?? 0;
  if (carryOver.amount <= unpaid + incidental) return undefined;
  return refusal(
    'unprocessable',
    'carry-over-exceeds-unpaid-commitments',
    `사고이월 ${carryOver.amount} exceeds the named commitments' unpaid ${unpaid} plus 부대경비 ${incidental}`,
    { rule, requested: carryOver.amount, available: unpaid + incidental, numbers: { unpaid, incidentalCosts: incidental } },
  );
}

/**
 * 명시이월 with the commitments it carries (지방회계법 제30조, read in legalize-kr: 재무관은 명시이월비에 대하여
 * 예산 집행상 부득이한 사유가 있을 때에는 해당 회계연도와 다음 회계연도에 걸쳐 지출하여야 할 지출원인행위를
 * 할 수 있다): such commitments move onto the carried budget like a 사고이월's, so the carried amount
 * must hold what they have not paid (`explicit-carry-over-below-commitments`); none named, none move.
 */
export function explicitCommitmentsRefusal(
  carryOver: CarryOver,
  year: number,
  ledger: ReadonlyMap<string, LedgerCommitment>,
): Refusal | undefined {
  if ((carryOver.commitmentIds ?? []).length === 0) return undefined;
  const rule = '지방회계법 제30조; 지방재정법 제50조제1항';
  const named = namedCommitments(carryOver, year, ledger, rule);
  if ('code' in named) return named;
  if (named.unpaid <= carryOver.amount) return undefined;
  return refusal(
    'unprocessable',
    'explicit-carry-over-below-commitments',
    `명시이월 ${carryOver.amount} of line ${carryOver.lineId} cannot hold the ${named.unpaid} its commitments have not paid`,
    { rule, lineId: carryOver.lineId, requested: carryOver.amount, needed: named.unpaid },
  );
}

/** What the carry-over of a line is checked against: its kind, 예산현액 (`budget`) and 지출액 (`paid`). */
export interface CarriedLine {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly budget: number;
  readonly paid: number;
  /** 지출원인행위액 (net of cancellations): the 사고이월 제2–4호 cap reads it. */
  readonly committed: number;
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
