import { describe, expect, it } from 'vitest';
import {
  disasterReserveRefusal,
  councilCutRefusal,
  diversionRefusal,
  moveRefusal,
  recodingRefusal,
  reserveLineRefusal,
  reserveTargetRefusal,
} from '#shared/domain/budget/budget-change.ts';
import type { ChangeLine } from '#shared/domain/budget/budget-change.ts';
import { planControlSync } from '#shared/domain/budget/control-sync.ts';
import { raisedLines, recordAmendments } from '#shared/domain/budget/council-amendments.ts';
import { accountTotals, formulationRefusal } from '#shared/domain/budget/formulation-limits.ts';
import { authorisingClause, noProvisions, provisionsRefusal } from '#shared/domain/budget/general-provisions.ts';
import { percent } from '#shared/domain/budget/line-status.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { budgetLineInput } from '#shared/schemas/budget.ts';
import { expenditureLineInput, revenueLineInput } from '#test/support/budget-lines.ts';

const line = (itemCode: string, overrides: Partial<ChangeLine> = {}): ChangeLine => ({
  lineId: `E.GEN.${overrides.policy ?? 'P01'}.U01.D001.${itemCode}`,
  kind: 'expenditure',
  fund: 'GEN',
  itemCode,
  policy: 'P01',
  budget: 1_000,
  allotted: 0,
  committed: 0,
  resolved: 0,
  ordered: 0,
  paid: 0,
  ...overrides,
});

describe('전용 (지방재정법 §49; 시행령 §55), as a table', () => {
  const cases: [string, string, string | undefined][] = [
    ['201-01', '206-01', undefined],
    ['201-01', '203-01', 'diversion-into-entertainment'],
    ['203-01', '203-04', undefined], // 업무추진비 → 업무추진비 is the same 비목
    ['101-01', '201-01', 'diversion-of-personnel'],
    ['201-01', '101-04', 'diversion-of-personnel'],
    ['601-01', '311-01', undefined], // 원금 → 이자
    ['311-01', '601-01', undefined], // 이자 → 원금
    ['601-01', '201-01', 'diversion-of-debt-service'],
    ['201-01', '311-01', 'diversion-of-debt-service'],
    ['601-01', '601-05', 'diversion-of-debt-service'],
  ];
  it.each(cases)('%s → %s: %s', (from, to, code) => {
    expect(diversionRefusal(line(from), line(to))?.code).toBe(code);
  });

  it('stays inside one 정책사업', () => {
    expect(diversionRefusal(line('201-01'), line('206-01', { policy: 'P02' }))).toMatchObject({
      code: 'diversion-across-programs',
      context: { basis: '지방재정법 §49①' },
    });
  });

  it('never puts back what the council cut or abolished', () => {
    const to = line('202-01');
    expect(councilCutRefusal('diversion', to, [{ lineId: to.lineId, version: 0, submitted: 3, amended: 2 }])?.code).toBe(
      'against-council-cut',
    );
    expect(councilCutRefusal('reserve-use', to, [{ lineId: to.lineId, version: 1, submitted: 3, amended: null }])?.context).toMatchObject({
      basis: '지방재정법 §43③',
    });
    expect(councilCutRefusal('diversion', to, [{ lineId: to.lineId, version: 0, submitted: 3, amended: 4 }])).toBeUndefined();
  });
});

describe('every move', () => {
  it('gives only what the source has neither allotted nor committed, inside one 회계', () => {
    expect(moveRefusal(line('201-01', { allotted: 400 }), line('206-01'), 600)).toBeUndefined();
    expect(moveRefusal(line('201-01', { allotted: 400 }), line('206-01'), 601)).toMatchObject({
      code: 'change-exceeds-unallotted',
      context: { requested: 601, available: 600 },
    });
    expect(moveRefusal(line('201-01'), line('206-01', { fund: 'WATER' }), 1)?.code).toBe('different-account');
    expect(moveRefusal(line('201-01'), line('201-01'), 1)?.code).toBe('same-line');
  });

  it('moves 예비비 only by a 사용결정, never to 업무추진비 or a non-emergency 보조금', () => {
    expect(reserveLineRefusal('diversion', line('801-01'), line('201-01'))?.code).toBe('reserve-needs-decision');
    expect(reserveLineRefusal('reserve-use', line('801-01'), line('201-01'))).toBeUndefined();
    expect(reserveLineRefusal('reserve-use', line('801-01'), line('801-02'))?.code).toBe('reserve-needs-decision');
    expect(reserveTargetRefusal(line('203-01'), true)?.code).toBe('reserve-target-not-allowed');
    expect(reserveTargetRefusal(line('307-02'), false)?.code).toBe('reserve-target-not-allowed');
    expect(reserveTargetRefusal(line('307-02'), true)).toBeUndefined();
  });

  it('draws on the 재해·재난 목적 예비비 only for a 재해·재난 (지방재정법 §43②); the general 예비비 for any lawful use', () => {
    expect(disasterReserveRefusal(line('801-02'), false)).toMatchObject({
      code: 'disaster-reserve-purpose',
      context: { basis: '지방재정법 §43②', itemCode: '801-02', emergency: false },
    });
    expect(disasterReserveRefusal(line('801-02'), true)).toBeUndefined();
    expect(disasterReserveRefusal(line('801-01'), false)).toBeUndefined();
    expect(disasterReserveRefusal(line('801-01'), true)).toBeUndefined();
  });

  it('recodes at most what was paid, onto a line with room under its allotment', () => {
    const wrong = line('206-01', { committed: 50, resolved: 50, ordered: 50, paid: 50 });
    expect(recodingRefusal(wrong, line('201-01', { allotted: 50 }), 50)).toBeUndefined();
    expect(recodingRefusal(wrong, line('201-01', { allotted: 50 }), 51)?.code).toBe('recoding-exceeds-executed');
    expect(recodingRefusal(wrong, line('201-01', { allotted: 49 }), 50)?.code).toBe('committed-within-allotment');
  });
});

describe('the budget as the law shapes it', () => {
  const spend = (statItem: string, amount: number, account = 'GEN') =>
    toBudgetLine(budgetLineInput.parse(expenditureLineInput({ statItem, amount, account })));
  const income = (amount: number, account = 'GEN') => toBudgetLine(budgetLineInput.parse(revenueLineInput({ amount, account })));

  const general = new Set(['GEN']);
  it('balances each 회계 on its own and keeps the general 예비비 within 1%', () => {
    expect(formulationRefusal(accountTotals([spend('201-01', 9_900), spend('801-01', 100), income(10_000)]), general)).toBeUndefined();
    expect(formulationRefusal(accountTotals([spend('201-01', 9_899), spend('801-01', 101), income(10_000)]), general)?.code).toBe(
      'reserve-over-limit',
    );
    // the 재해·재난목적 예비비 has no statutory cap (지방재정법 §43②)
    const disaster = [spend('201-01', 8_990), spend('801-01', 10), spend('801-02', 1_000), income(10_000)];
    expect(formulationRefusal(accountTotals(disaster), general)).toBeUndefined();
    const split = accountTotals([spend('201-01', 90), spend('801-01', 10), income(50), income(50, 'WATER'), spend('201-01', 0, 'WATER')]);
    expect(formulationRefusal(split, general)).toMatchObject({
      code: 'account-unbalanced',
      context: { account: 'GEN', difference: '-50' },
    });
  });

  // 지방재정법 §43①: the 일반회계 must carry a 예비비 (≤ 1%); another 회계 may
  it.each([
    ['일반회계 with a 예비비 of 1%', [spend('201-01', 9_900), spend('801-01', 100), income(10_000)], undefined],
    ['일반회계 with a 예비비 of 1 won', [spend('201-01', 9_999), spend('801-01', 1), income(10_000)], undefined],
    ['일반회계 without one', [spend('201-01', 10_000), income(10_000)], 'reserve-missing'],
    [
      '일반회계 with only the 재해·재난 목적 예비비 (§43②: apart from §43①)',
      [spend('201-01', 9_000), spend('801-02', 1_000), income(10_000)],
      'reserve-missing',
    ],
    ['a 특별회계 without one', [spend('201-01', 100, 'WATER'), income(100, 'WATER')], undefined],
    ['a 특별회계 with one within 1%', [spend('201-01', 99, 'WATER'), spend('801-01', 1, 'WATER'), income(100, 'WATER')], undefined],
    ['a version without 일반회계 lines', [income(0)], undefined],
  ] as const)('%s', (_case, lines, code) => {
    const refused = formulationRefusal(accountTotals(lines), general);
    expect(refused?.code).toBe(code);
    if (refused)
      expect(refused.context).toMatchObject({ basis: '지방재정법 §43①', account: 'GEN', reserve: '0', expenditureTotal: '10000' });
  });

  it('records what the council cut and raised; a raise or a new 비목 needs consent', () => {
    const a = spend('201-01', 100);
    const b = spend('202-01', 50);
    let amendments = recordAmendments({}, [{ lineId: a.lineId, before: a, after: { ...a, amount: 80 } }]);
    amendments = recordAmendments(amendments, [{ lineId: a.lineId, before: { ...a, amount: 80 }, after: { ...a, amount: 90 } }]);
    expect(amendments[a.lineId]).toEqual({ kind: 'expenditure', submitted: 100, amended: 90 });
    expect(raisedLines(amendments)).toEqual([]);
    amendments = recordAmendments(amendments, [{ lineId: b.lineId, after: b }]);
    expect(raisedLines(amendments)).toEqual([b.lineId]);
  });

  it('checks the 예산총칙 parts against the version and finds the clause of an 이용', () => {
    const lines = new Map([[spend('201-01', 100).lineId, { kind: 'expenditure', amount: 100 }]]);
    const id = spend('201-01', 100).lineId;
    expect(provisionsRefusal({ ...noProvisions, explicitCarryOvers: [{ lineId: id, amount: 100, reason: 'x' }] }, lines)).toBeUndefined();
    expect(
      provisionsRefusal({ ...noProvisions, explicitCarryOvers: [{ lineId: id, amount: 101, reason: 'x' }] }, lines)?.errors,
    ).toHaveLength(1);
    const debt = { id: 'B1', purpose: 'p', reason: 'r', year: 2026, amount: 10, repayments: [{ year: 2027, amount: 9 }] };
    expect(provisionsRefusal({ ...noProvisions, debtBurdens: [debt] }, lines)?.code).toBe('invalid-provisions');
    const clause = { clause: '제5조', text: 't', account: 'GEN', from: ['P02'], to: ['P01', 'P03'] };
    expect(authorisingClause({ ...noProvisions, transferClauses: [clause] }, 'GEN', 'P02', 'P03')).toBe(clause);
    expect(authorisingClause({ ...noProvisions, transferClauses: [clause] }, 'GEN', 'P01', 'P02')).toBeUndefined();
  });

  it('keeps the changes across a new final version and absorbs a 성립전 amount once a 추경 includes the line', () => {
    const kept = spend('201-01', 100);
    const pre = spend('307-02', 30);
    const plan = planControlSync(
      [kept, pre],
      [
        { lineId: kept.lineId, budget: 120, allotted: 0, carryIn: 0, changesNet: 20 },
        { lineId: pre.lineId, budget: 30, allotted: 30, carryIn: 0, changesNet: 30, preEstablished: 30 },
      ],
    );
    expect(plan).toMatchObject({
      ok: true,
      writes: [
        { lineId: kept.lineId, budget: 120, enacted: 100, changesNet: 20, changesNetWas: 20 },
        { lineId: pre.lineId, budget: 30, enacted: 30, changesNet: 0, preEstablished: 0, changesNetWas: 30 },
      ],
    });
    // a 성립전 line the 추경 leaves out keeps its amount and its flag: nothing to rewrite
    expect(
      planControlSync([kept], [{ lineId: pre.lineId, budget: 30, allotted: 30, carryIn: 0, changesNet: 30, preEstablished: 30 }]),
    ).toMatchObject({
      ok: true,
      zeroed: [],
    });
  });

  it('states execution rates exactly, rounded half up to 2 decimals', () => {
    expect(percent(1n, 3n)).toBe('33.33');
    expect(percent(2n, 3n)).toBe('66.67');
    expect(percent(5n, 0n)).toBe('0.00');
    expect(percent(10n ** 20n, 10n ** 20n)).toBe('100.00');
  });
});
