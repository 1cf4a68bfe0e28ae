import type { ExplicitCarryOver } from '#shared/domain/budget/general-provisions.ts';
import { carriedLineId } from '#shared/domain/settlement/carried-budget.ts';
import { accidentGrounds, carryOverKinds } from '#shared/domain/settlement/carry-over.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { compare } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, text } from '#shared/domain/reports/report.ts';
import type { ReportTable } from '#shared/domain/reports/report.ts';

/** What the two statements read of a line: its 회계, 예산현액 and 지출액. */
export interface CarriedLineFigures {
  readonly lineId: string;
  readonly fund: string;
  readonly budget: number;
  readonly paid: number;
}

/**
 * The attachments of the 결산서 on carry-overs (지방회계법 제17조제1항제3호: 이월 명세서 및 명시이월비 집행
 * 명세서, read in legalize-kr). Their form is not in the 법률; the columns follow what the 지방재정법
 * 시행령 asks an 이월명세서 to make clear (제37조 of the 1994 text read in legalize-kr: 과목별 경비의 금액,
 * 그 중 지출액, 다음 연도에 이월하는 금액과 현연도·다음 연도의 예산 과목, 불용액, 이월사유; the current
 * article number is [U]).
 *
 * 이월 명세서: one row per carry-over, by kind (지방재정법 제50조①②③) and a 사고이월's ground (제50조② 각 호), with the line of the next year
 * it became (carried-budget.ts) and the line's 불용액 = 예산현액 − 지출액 − 다음연도이월액.
 */
export function carryOverStatement(
  year: number,
  lines: readonly CarriedLineFigures[],
  carryOvers: readonly CarryOver[],
  fundNames: Readonly<Record<string, string>> = {},
): ReportTable {
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const carriedOf = (lineId: string) => carryOvers.filter((c) => c.lineId === lineId).reduce((s, c) => s + BigInt(c.amount), 0n);
  const rows = [...carryOvers]
    .sort((a, b) => compare(a.lineId, b.lineId) || compare(a.kind, b.kind))
    .map((c) => {
      const line = byId.get(c.lineId);
      const budget = BigInt(line?.budget ?? 0);
      const paid = BigInt(line?.paid ?? 0);
      return {
        fund: line?.fund ?? '',
        lineId: c.lineId,
        kind: carryOverKinds[c.kind],
        ground: c.ground ? accidentGrounds[c.ground] : '',
        nextLineId: carriedLineId(c.lineId, year, c.kind),
        budget,
        paid,
        amount: BigInt(c.amount),
        unused: budget - paid - carriedOf(c.lineId),
        commitments: String((c.commitmentIds ?? []).length),
        reason: c.reason,
      };
    });
  return {
    id: 'carry-overs',
    title: '이월 명세서',
    columns: [
      text('fund', '회계'),
      text('lineId', '현연도 예산과목'),
      text('kind', '이월 구분'),
      text('ground', '사고이월 근거'),
      text('nextLineId', '다음연도 예산과목'),
      amount('budget', '예산현액'),
      amount('paid', '지출액'),
      amount('amount', '다음연도이월액'),
      amount('unused', '불용액'),
      text('commitments', '이월 원인행위 수'),
      text('reason', '이월사유'),
    ],
    rows,
    names: { fund: fundNames },
    // No total row: a line carrying two kinds shows its 예산현액 on both rows.
  };
}

/**
 * 명시이월비 집행 명세서: each 명시이월비 the council approved in the year's 예산총칙 (지방재정법 제50조①),
 * against what the line spent and what was carried as 명시이월: 의결액, 예산현액, 지출액, 명시이월액, and
 * the approval not carried (의결액 − 명시이월액, not below 0; the exact form is [U]).
 */
export function explicitCarryOverExecution(
  lines: readonly CarriedLineFigures[],
  carryOvers: readonly CarryOver[],
  approved: readonly ExplicitCarryOver[],
  fundNames: Readonly<Record<string, string>> = {},
): ReportTable {
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const rows = [...approved]
    .sort((a, b) => compare(a.lineId, b.lineId))
    .map((e) => {
      const line = byId.get(e.lineId);
      const carried = carryOvers.filter((c) => c.lineId === e.lineId && c.kind === 'explicit').reduce((s, c) => s + BigInt(c.amount), 0n);
      const notCarried = BigInt(e.amount) - carried;
      return {
        fund: line?.fund ?? '',
        lineId: e.lineId,
        approved: BigInt(e.amount),
        budget: BigInt(line?.budget ?? 0),
        paid: BigInt(line?.paid ?? 0),
        carried,
        notCarried: notCarried > 0n ? notCarried : 0n,
        reason: e.reason,
      };
    });
  return {
    id: 'explicit-carry-overs',
    title: '명시이월비 집행 명세서',
    columns: [
      text('fund', '회계'),
      text('lineId', '예산과목'),
      amount('approved', '명시이월비 의결액'),
      amount('budget', '예산현액'),
      amount('paid', '지출액'),
      amount('carried', '명시이월액'),
      amount('notCarried', '미이월액'),
      text('reason', '명시이월 사유'),
    ],
    rows,
    names: { fund: fundNames },
    summary: { labelColumn: 'lineId' },
  };
}
