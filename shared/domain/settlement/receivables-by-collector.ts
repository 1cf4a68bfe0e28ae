import { compare } from '#shared/domain/settlement/ledger-totals.ts';
import { amount, text } from '#shared/domain/reports/report.ts';
import type { ReportTable } from '#shared/domain/reports/report.ts';

/**
 * One 징수관's receivables on one revenue line of a year, as the postings counted them (execution's
 * items.ts `collector`): 징수결정액, 수납액 and 불납결손액 of the year, and what 과년도 수입 and 불납결손
 * of later years settled of its 미수납액 since.
 */
export interface CollectorReceivables {
  readonly fund: string;
  readonly lineId: string;
  /** The official who made the 징수결정 (지방회계법 제21조: the 징수관). */
  readonly collector: string;
  readonly assessed: number;
  readonly received: number;
  readonly writtenOff: number;
  readonly receivedLater: number;
  readonly writtenOffLater: number;
}

/** The closed year's and the year before's 징수관 receivables, as a year-end reads them. */
export interface CollectorFigures {
  readonly current: readonly CollectorReceivables[];
  readonly prior: readonly CollectorReceivables[];
}

export const noCollectors: CollectorFigures = { current: [], prior: [] };

/** 미수납액 of the year: 징수결정액 − 수납액 − 불납결손액, as the 세입결산 counts it per line (not below 0). */
const outstandingOf = (r: CollectorReceivables): bigint => {
  const left = BigInt(r.assessed) - BigInt(r.received) - BigInt(r.writtenOff);
  return left > 0n ? left : 0n;
};

const ordered = (rows: readonly CollectorReceivables[]) =>
  [...rows].sort((a, b) => compare(a.fund, b.fund) || compare(a.collector, b.collector) || compare(a.lineId, b.lineId));

/**
 * 징수관별 미수납액 (issue #15: the 미수납액 carried forward per 징수관): the 세입결산's 징수결정액 = 수납액 +
 * 불납결손액 + 미수납액 split by the 징수관 who made each 징수결정 (지방회계법 제21조, read; the form of
 * such a schedule is not in the texts read: practice [U]). Its 미수납액 is what the next year collects
 * as 과년도 수입 (제27조제1항). Receipts are counted within what each assessment was owed (an
 * over-payment is a 과오납, no 수납 of the receivable), so the per-line sums of 미수납액 equal the 세입결산's.
 */
export function outstandingByCollector(rows: readonly CollectorReceivables[], fundNames: Readonly<Record<string, string>>): ReportTable {
  return {
    id: 'outstanding-by-collector',
    title: '징수관별 미수납액',
    columns: [
      text('fund', '회계'),
      text('collector', '징수관'),
      text('lineId', '예산과목'),
      amount('assessed', '징수결정액'),
      amount('received', '수납액'),
      amount('writtenOff', '불납결손액'),
      amount('outstanding', '미수납액'),
    ],
    rows: ordered(rows).map((r) => ({
      fund: r.fund,
      collector: r.collector,
      lineId: r.lineId,
      assessed: BigInt(r.assessed),
      received: BigInt(r.received),
      writtenOff: BigInt(r.writtenOff),
      outstanding: outstandingOf(r),
    })),
    names: { fund: fundNames },
    summary: { labelColumn: 'lineId', groupBy: 'fund' },
  };
}

/**
 * 전년도 미수납액 징수관별 정리: the receivables the year opened with (last year's 미수납액, per 징수관 and
 * the line it was assessed on), what 과년도 수입 and 불납결손 (제27조제1항; 지방재정법 제82조 [U]) settled of
 * them, and what is left to carry on. "Settled" is as at the closing: the items are not split by the
 * date of the settling posting, so one made in the next year before this closing counts too (practice).
 */
export function openingReceivablesByCollector(
  rows: readonly CollectorReceivables[],
  fundNames: Readonly<Record<string, string>>,
): ReportTable {
  return {
    id: 'opening-receivables-by-collector',
    title: '전년도 미수납액 징수관별 정리',
    columns: [
      text('fund', '회계'),
      text('collector', '징수관'),
      text('lineId', '전년도 예산과목'),
      amount('opening', '전년도 미수납액'),
      amount('receivedLater', '과년도 수납액'),
      amount('writtenOffLater', '불납결손액'),
      amount('left', '미정리액'),
    ],
    rows: ordered(rows)
      .filter((r) => outstandingOf(r) > 0n)
      .map((r) => {
        const opening = outstandingOf(r);
        return {
          fund: r.fund,
          collector: r.collector,
          lineId: r.lineId,
          opening,
          receivedLater: BigInt(r.receivedLater),
          writtenOffLater: BigInt(r.writtenOffLater),
          left: opening - BigInt(r.receivedLater) - BigInt(r.writtenOffLater),
        };
      }),
    names: { fund: fundNames },
    summary: { labelColumn: 'lineId', groupBy: 'fund' },
  };
}
