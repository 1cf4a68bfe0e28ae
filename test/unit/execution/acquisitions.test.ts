import { describe, expect, it } from 'vitest';
import { acquisitionOf, netAcquisitions, recodedAcquisitions, unrecodedAcquisitions } from '#shared/domain/execution/acquisitions.ts';
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

describe('a 과목경정 moves the acquisitions its journal moves', () => {
  const bought = { gov: '11000', year: 2026, fund: 'GEN', lineId: 'E1', account: '1308', structureType: '정책사업' } as const;
  const purchases = [
    { ...bought, postingId: 'R1', amount: 300, date: '2026-03-02' },
    { ...bought, postingId: 'R2', amount: 200, date: '2026-05-02' },
  ];
  const recoding = (journal: { account: string; debit: number; credit: number }[], amount: number) => ({
    gov: '11000',
    year: 2026,
    changeId: 'recoding.K',
    fund: 'GEN',
    amount,
    date: '2026-11-30',
    fromLine: 'E1',
    toLine: 'E2',
    to: { structureType: '행정운영경비', function: '010' },
    journal,
  });
  const move = (from: string, to: string, amount: number) => [
    { account: from, debit: 0, credit: amount },
    { account: '2101', debit: amount, credit: 0 },
    { account: to, debit: amount, credit: 0 },
    { account: '2101', debit: 0, credit: amount },
  ];

  it('to an expense: the latest purchases leave first, nothing is acquired', () => {
    const records = recodedAcquisitions(recoding(move('1308', '5202', 250), 250), purchases);
    expect(records.map((r) => [r.postingId, r.amount, r.reverses])).toEqual([
      ['recoding.K.from.R2', -200, 'R2'],
      ['recoding.K.from.R1', -50, 'R1'],
    ]);
    expect(netAcquisitions([...purchases, ...records]).map((a) => [a.postingId, a.amount])).toEqual([['R1', 250]]);
  });

  it('from an expense onto an asset: one purchase dated on the decision, on the right line', () => {
    expect(recodedAcquisitions(recoding(move('5202', '1308', 80), 80), purchases)).toEqual([
      {
        gov: '11000',
        year: 2026,
        postingId: 'recoding.K',
        fund: 'GEN',
        lineId: 'E2',
        account: '1308',
        amount: 80,
        date: '2026-11-30',
        structureType: '행정운영경비',
        function: '010',
      },
    ]);
  });

  it('a reversal mirrors the recoding’s records, so the purchases net back', () => {
    const records = recodedAcquisitions(recoding(move('1308', '1405', 250), 250), purchases);
    const undone = unrecodedAcquisitions('recoding.K-R', 'recoding.K', [...purchases, ...records]);
    expect(netAcquisitions([...purchases, ...records, ...undone]).map((a) => [a.postingId, a.amount])).toEqual([
      ['R1', 300],
      ['R2', 200],
    ]);
  });
});
