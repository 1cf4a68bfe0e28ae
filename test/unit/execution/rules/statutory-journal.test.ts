import { describe, expect, it } from 'vitest';
import { cr, documentItem, dr, expenditureLine, judge, posting, revenueLine } from '#test/unit/execution/rules/support.ts';

/**
 * The journal of a posting comes from the one mapping table (shared/data/accounting/journal-map.csv)
 * through the line's code and attributes (budget control-sync.ts `journal`): each treatment of #13.
 */
const commitment = documentItem(
  'commitment',
  'C1',
  { lineId: 'E1', createdBy: 'fo-kim' },
  { amount: 500, resolved: 0, paid: 0, cancelled: 0 },
);
const resolveOn = (attrs: Record<string, string>) =>
  judge(posting({ kind: 'resolve', commitmentId: 'C1', amount: 200, date: '2026-03-03' }), {
    items: [expenditureLine({ allotted: 1_000, committed: 500 }, attrs), commitment],
  });
const assessOn = (attrs: Record<string, string>) =>
  judge(posting({ kind: 'assess', lineId: 'R1', amount: 300, payer: 'p', dueDate: '2026-04-30', date: '2026-04-01' }, 'ro-choi', 'R1'), {
    items: [revenueLine({}, attrs)],
  });
const journalOf = (judged: ReturnType<typeof judge>) => ('applied' in judged ? judged.applied.journal : judged.problem);

describe('statutory journals by line', () => {
  it.each([
    ['401 to the 건설중인자산 of the chosen class (제49조①)', { journalCode: '401-01', assetClass: '사회기반시설' }, '1507'],
    ['405 to the class asset', { journalCode: '405-01', assetClass: '일반유형자산' }, '1308'],
    ['402 자본이전 as an expense of 사업총원가', { journalCode: '402-03', function: '010' }, '5105'],
    ['404 출자 to 장기투자증권', { journalCode: '404-01' }, '1204'],
    ['406 임차보증금 to 보증금', { journalCode: '406-01' }, '1601'],
    ['500 융자 to 장기융자금', { journalCode: '501-01' }, '1202'],
    ['311 이자 as 비배분비용', { journalCode: '311-02' }, '5301'],
    ['601 원금상환 reduces 지방채증권', { journalCode: '601-01', debtInstrument: '지방채증권' }, '2201'],
  ])('%s', (_, attrs, account) => {
    expect(journalOf(resolveOn(attrs))).toEqual([
      expect.objectContaining({ account, debit: 200, credit: 0 }),
      expect.objectContaining({ account: '2101', debit: 0, credit: 200 }),
    ]);
  });

  it('tags both sides of a 700 internal transfer with the other 회계 (제9조 elimination)', () => {
    expect(journalOf(resolveOn({ journalCode: '701-01', internalCounterpart: 'WATER' }))).toEqual([
      { account: '5303', debit: 200, credit: 0, counterpart: 'WATER' },
      { account: '2101', debit: 0, credit: 200, counterpart: 'WATER' },
    ]);
  });

  it('refuses a commitment on an 801 예비비 line with the rule', () => {
    const judged = judge(posting({ kind: 'commit', lineId: 'E1', amount: 100, counterparty: 'c', contractRef: 'k', date: '2026-03-02' }), {
      items: [expenditureLine({ allotted: 1_000 }, { journalCode: '801-01' })],
    });
    expect(judged).toMatchObject({
      problem: { status: 422, code: 'reserve-fund-not-executable', context: { lineId: 'E1', itemCode: '801-01' } },
    });
  });

  it('refuses a capital line that lost its asset class (journal-not-possible)', () => {
    expect(resolveOn({ journalCode: '401-01' })).toMatchObject({ problem: { code: 'journal-not-possible' } });
  });

  it.each([
    ['지방채 as a liability (제23조)', { journalCode: '6', debtInstrument: '지방채증권' }, '1107', '2201'],
    ['융자금 회수 against 장기융자금', { journalCode: '7-4' }, '1107', '1202'],
    ['국고보조금 as 정부간이전수익', { journalCode: '5-1' }, '1107', '4303'],
  ])('assesses %s', (_, attrs, receivable, target) => {
    expect(journalOf(assessOn(attrs))).toEqual([dr(receivable, 300), cr(target, 300)]);
  });

  it('books no line for 잉여금 and 이월금 (cash already held, 제27조①) and tags 전입금 as internal', () => {
    expect(journalOf(assessOn({ journalCode: '7-1' }))).toEqual([]);
    expect(journalOf(assessOn({ journalCode: '7-3', internalCounterpart: 'WATER' }))).toEqual([
      { account: '1107', debit: 300, credit: 0, counterpart: 'WATER' },
      { account: '4401', debit: 0, credit: 300, counterpart: 'WATER' },
    ]);
  });
});
