import { wonWithUnit } from './format.ts';
import { dataTable } from './table.ts';
import { figures } from './ui.ts';

interface FundFigures {
  inflow: string;
  outflow: string;
  cash: string;
}
/** A fund status answer: one government's or the nationwide sum (same figures per 회계). */
export interface FundStatus {
  funds: ({ fund: string } & FundFigures)[];
  total: FundFigures;
}

/** The totals as headline figures (after any leading ones), then the table per 회계·기금. */
export function fundsView(status: FundStatus, leading: readonly (readonly [string, string])[] = []): Node[] {
  return [
    figures([
      ...leading,
      ['수입', wonWithUnit(status.total.inflow)],
      ['지출', wonWithUnit(status.total.outflow)],
      ['잔액', wonWithUnit(status.total.cash)],
    ]),
    dataTable(
      '회계·기금별 자금',
      [
        { label: '회계', value: (f) => f.fund },
        { label: '수입', value: (f) => f.inflow, type: 'won' },
        { label: '지출', value: (f) => f.outflow, type: 'won' },
        { label: '잔액', value: (f) => f.cash, type: 'won' },
      ],
      status.funds,
    ),
  ];
}
