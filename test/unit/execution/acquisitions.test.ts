import { describe, expect, it } from 'vitest';
import { acquisitionOf, netAcquisitions } from '#shared/domain/execution/acquisitions.ts';
import type { Applied } from '#shared/domain/execution/rules/rule.ts';
import { lineTarget } from '#shared/domain/execution/items.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { posting } from '#test/unit/execution/rules/support.ts';

/** 405 자산취득비: the 지출결의 that debits a finished tangible asset records the acquisition (제17–19조, 제49조①). */
const line = (attrs: Record<string, string>): ControlledItem => ({
  target: lineTarget('11000', 2026, 'E1'),
  kind: 'line',
  attrs: { lineId: 'E1', lineKind: 'expenditure', fund: 'GEN', ...attrs },
  counters: {},
});
const applied = (lines: Applied['journal']['lines'], reverses?: string): Applied => ({
  status: 'applied',
  lineId: 'E1',
  fund: 'GEN',
  amount: 300,
  effects: [],
  journal: { fund: 'GEN', date: '2026-04-15', lines },
  ...(reverses ? { reverses } : {}),
});
const message = posting({ kind: 'resolve', commitmentId: 'C1', amount: 300, date: '2026-04-15' });

describe('acquisitions of finished tangible assets', () => {
  it('records a 지출결의 that debits 기타일반유형자산 with its date, 회계 and the line’s structure and 기능', () => {
    const acquisition = acquisitionOf(
      message,
      applied([
        { account: '1308', debit: 300, credit: 0 },
        { account: '2101', debit: 0, credit: 300 },
      ]),
      line({ structureType: '행정운영경비', function: '010' }),
    );
    expect(acquisition).toEqual({
      gov: '11000',
      year: 2026,
      postingId: message.postingId,
      fund: 'GEN',
      lineId: 'E1',
      account: '1308',
      amount: 300,
      date: '2026-04-15',
      structureType: '행정운영경비',
      function: '010',
    });
  });

  it('records nothing for 건설중인자산 (401: registered at 준공), 출자 or an expense', () => {
    for (const account of ['1507', '1204', '5201'])
      expect(
        acquisitionOf(
          message,
          applied([
            { account, debit: 300, credit: 0 },
            { account: '2101', debit: 0, credit: 300 },
          ]),
          line({}),
        ),
      ).toBeUndefined();
  });

  it('records a correction as a negative amount naming the 지출결의, netted away', () => {
    const reversal = acquisitionOf(
      { ...message, postingId: 'p-corr' },
      applied(
        [
          { account: '1308', debit: 0, credit: 300 },
          { account: '2101', debit: 300, credit: 0 },
        ],
        'p-buy-1',
      ),
      line({}),
    );
    expect(reversal).toMatchObject({ amount: -300, reverses: 'p-buy-1', structureType: '정책사업' });
    const bought = (postingId: string, amount: number) => ({ ...reversal!, postingId, amount, reverses: undefined });
    const { reverses: _r, ...first } = bought('p-buy-1', 300);
    const { reverses: _s, ...second } = bought('p-buy-2', 500);
    expect(netAcquisitions([first, second, reversal!]).map((a) => [a.postingId, a.amount])).toEqual([['p-buy-2', 500]]);
  });
});
