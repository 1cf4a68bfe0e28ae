import { describe, expect, it } from 'vitest';
import { account } from '#shared/domain/accounting/chart.ts';
import { InvalidAmountError, isBalanced, MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';
import { JournalMappingError, journalFor, journalMap, stageTemplates } from '#shared/domain/accounting/journal-map.ts';
import type { JournalMapRow, LineAttributes, PostingInput, Stage } from '#shared/domain/accounting/journal-map.ts';

const stagesOf = (row: JournalMapRow): Stage[] =>
  (Object.keys(stageTemplates) as Stage[]).filter(
    (s) => stageTemplates[s].source === row.source && (s !== 'write-off' || row.allowance !== ''),
  );

function inputFor(row: JournalMapRow, stage: Stage, extra: LineAttributes = {}): PostingInput {
  const attributes: LineAttributes = {
    function: '010',
    ...(row.condition ? { [row.condition.attribute]: row.condition.value } : {}),
    ...(row.target && account(row.target).internal ? { internalCounterpart: 'OTHER' } : {}),
    ...extra,
  };
  const code = row.source === 'expenditure' ? { itemCode: row.code } : { revenueCode: row.code };
  return { entity: 'GEN', stage, amount: 1_000n, ...attributes, ...code } as PostingInput;
}

const sides = (e: JournalEntry) => e.lines.map((l) => `${l.debit > 0n ? 'Dr' : 'Cr'} ${l.account}`);

describe('every row of the journal map', () => {
  for (const row of journalMap) {
    const label = `${row.source} ${row.code} ${row.name}${row.condition ? ` [${row.condition.attribute}=${row.condition.value}]` : ''}`;
    it(`${label}: ${row.action}, with its basis`, () => {
      expect(row.basis).not.toBe('');
      if (row.action === 'refuse') {
        expect(() => journalFor(inputFor(row, 'pay-direct'))).toThrow(expect.objectContaining({ reason: 'reserve-fund' }));
        return;
      }
      if (row.action === 'memo') {
        const entry = journalFor(inputFor(row, 'collect-direct'));
        expect(entry.lines).toEqual([]);
        expect(entry.memo).toContain(row.name);
        return;
      }
      for (const stage of stagesOf(row)) {
        const entry = journalFor(inputFor(row, stage));
        const template = stageTemplates[stage];
        const slot = (s: string) => (s === 'cash' ? '1101' : row[s as 'target' | 'settlement' | 'allowance']);
        expect(sides(entry), stage).toEqual([`Dr ${slot(template.debit)}`, `Cr ${slot(template.credit)}`]);
        expect(isBalanced(entry.lines)).toBe(true);
        const movesCash = template.debit === 'cash' || template.credit === 'cash';
        expect(entry.cash?.activity).toBe(movesCash ? row.cashActivity : undefined);
      }
    });
  }
});

describe('statutory treatments (spot checks)', () => {
  const one = (input: Partial<PostingInput> & { stage: Stage }) =>
    sides(journalFor({ entity: 'GEN', amount: 5n, ...input } as PostingInput));
  it.each([
    [
      '101-01 under a 정책사업 → 사업총원가 인건비',
      { itemCode: '101-01', structureType: '정책사업', function: '080' },
      ['Dr 5101', 'Cr 1101'],
    ],
    ['101-01 under 행정운영경비 → 관리운영비', { itemCode: '101-01', structureType: '행정운영경비' }, ['Dr 5201', 'Cr 1101']],
    ['311-02 이자 → 이자비용 (비배분비용)', { itemCode: '311-02' }, ['Dr 5301', 'Cr 1101']],
    ['308-10 교육비특별회계전출금 → 이전비용, not internal', { itemCode: '308-10', function: '050' }, ['Dr 5104', 'Cr 1101']],
    ['401-01 → 건설중인자산 of 주민편의시설', { itemCode: '401-01', assetClass: '주민편의시설' }, ['Dr 1406', 'Cr 1101']],
    [
      '405-01 → the class directly, account chosen',
      { itemCode: '405-01', assetClass: '일반유형자산', assetAccount: '1306' },
      ['Dr 1306', 'Cr 1101'],
    ],
    ['402-01 민간자본이전 → 자본이전 expense', { itemCode: '402-01', function: '060' }, ['Dr 5105', 'Cr 1101']],
    ['404-01 출자 → 장기투자증권', { itemCode: '404-01' }, ['Dr 1204', 'Cr 1101']],
    ['406-01 임차보증금 → 보증금', { itemCode: '406-01' }, ['Dr 1601', 'Cr 1101']],
    ['501 융자 → 장기융자금', { itemCode: '501' }, ['Dr 1202', 'Cr 1101']],
    ['601-05 차입금 상환 → 장기차입금', { itemCode: '601-05', debtInstrument: '장기차입금' }, ['Dr 2203', 'Cr 1101']],
  ] as const)('%s', (_, input, expected) => {
    expect(one({ stage: 'pay-direct', ...input })).toEqual(expected);
  });

  it.each([
    ['5-2 시·도비보조금 stays apart from 국고보조금', { revenueCode: '5-2' }, ['Dr 1101', 'Cr 4304']],
    ['6 지방채 (차입금) → liability, not revenue', { revenueCode: '6', debtInstrument: '장기차입금' }, ['Dr 1101', 'Cr 2203']],
    ['7-4 융자금 회수 → Cr 장기융자금', { revenueCode: '7-4' }, ['Dr 1101', 'Cr 1202']],
  ] as const)('%s', (_, input, expected) => {
    expect(one({ stage: 'collect-direct', ...input })).toEqual(expected);
  });

  it('tags both non-cash lines of an internal transfer with the counterpart, never the cash line', () => {
    const resolve = journalFor({ entity: 'GEN', stage: 'resolve', itemCode: '701-01', internalCounterpart: 'PARK', amount: 7n });
    expect(resolve.lines.map((l) => l.counterpart)).toEqual(['PARK', 'PARK']);
    const pay = journalFor({ entity: 'GEN', stage: 'pay', itemCode: '701-01', internalCounterpart: 'PARK', amount: 7n });
    expect(pay.lines.map((l) => l.counterpart)).toEqual(['PARK', undefined]);
    expect(pay.cash).toEqual({ activity: 'operating', label: '내부거래(전출금)', counterpart: 'PARK' });
  });

  it('write-off of an assessed tax goes against the 대손충당금 (제46조)', () => {
    expect(one({ stage: 'write-off', revenueCode: '1' })).toEqual(['Dr 1104', 'Cr 1103']);
  });
});

describe('refusals', () => {
  const failure = (input: Record<string, unknown>) => {
    try {
      journalFor({ entity: 'GEN', amount: 5n, stage: 'pay-direct', ...input } as PostingInput);
    } catch (error) {
      return error instanceof JournalMappingError ? error.reason : (error as Error).name;
    }
    return 'no error';
  };
  it.each([
    ['801-01 예비비 is never journaled', { itemCode: '801-01' }, 'reserve-fund'],
    ['a capital line without asset class', { itemCode: '401-01' }, 'missing-attribute'],
    ['405 without asset class', { itemCode: '405-01' }, 'missing-attribute'],
    ['an asset account outside the class', { itemCode: '405-01', assetClass: '사회기반시설', assetAccount: '1306' }, 'invalid-attribute'],
    ['전출금 without its counterpart', { itemCode: '701-01' }, 'missing-attribute'],
    ['전출금 to itself', { itemCode: '701-01', internalCounterpart: 'GEN' }, 'invalid-attribute'],
    [
      'a revenue stage on an expenditure code',
      { itemCode: '201-01', structureType: '행정운영경비', stage: 'collect' },
      'unsupported-stage',
    ],
    ['write-off where no allowance exists', { revenueCode: '3', stage: 'write-off' }, 'unsupported-stage'],
    ['a bare 보조금 category (국고 or 시·도비?)', { revenueCode: '5', stage: 'collect-direct' }, 'unmapped'],
    ['a 정책사업 cost without its 기능', { itemCode: '201-01', structureType: '정책사업' }, MissingFunctionError.name],
    ['a fractional amount', { itemCode: '311', amount: 1.5 }, InvalidAmountError.name],
  ])('%s', (_, input, reason) => {
    expect(failure(input)).toBe(reason);
  });
});
