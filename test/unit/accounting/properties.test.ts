import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { account } from '#shared/domain/accounting/chart.ts';
import { typeLedgers, wholeGovernmentLedger } from '#shared/domain/accounting/consolidation.ts';
import { isBalanced } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry, JournalLine } from '#shared/domain/accounting/journal.ts';
import { journalFor, journalMap } from '#shared/domain/accounting/journal-map.ts';
import type { JournalMapRow, LineAttributes, PostingInput, Stage } from '#shared/domain/accounting/journal-map.ts';
import { closingBalances, entityLedger } from '#shared/domain/accounting/ledger.ts';
import type { AccountingEntity, EntityYear, Ledger } from '#shared/domain/accounting/ledger.ts';
import { statementsOf } from '#shared/domain/accounting/statements/statement-set.ts';

const entities: AccountingEntity[] = [
  { id: 'GEN', name: '일반회계', type: '일반회계' },
  { id: 'S1', name: '특별회계1', type: '기타특별회계' },
  { id: 'S2', name: '특별회계2', type: '기타특별회계' },
  { id: 'FUND', name: '기금', type: '기금회계' },
];

const postable = journalMap.filter((r) => r.action === 'post' && !account(r.target).internal);
const sequences: Readonly<Record<'expenditure' | 'revenue', Stage[][]>> = {
  expenditure: [['pay-direct'], ['resolve'], ['resolve', 'pay']],
  revenue: [['collect-direct'], ['assess'], ['assess', 'collect'], ['assess', 'write-off']],
};

/** Amounts up to 10^15 won, so that a year's sums pass 2^53. */
const amount = fc.bigInt({ min: 1n, max: 1_000_000_000_000_000n });

const posting = fc.record({
  entity: fc.nat(entities.length - 1),
  row: fc.nat(postable.length - 1),
  sequence: fc.nat(3),
  function: fc.constantFrom('010', '080', '140'),
  amount,
});
const transfer = fc.record({ payer: fc.nat(entities.length - 1), receiver: fc.nat(entities.length - 1), amount, received: fc.boolean() });

function entriesOf(p: { entity: number; row: number; sequence: number; function: string; amount: bigint }): JournalEntry[] {
  const row: JournalMapRow = postable[p.row]!;
  const options = sequences[row.source];
  const stages = options[p.sequence % options.length]!.filter((s) => s !== 'write-off' || row.allowance !== '');
  const attributes: LineAttributes = { function: p.function, ...(row.condition ? { [row.condition.attribute]: row.condition.value } : {}) };
  const code = row.source === 'expenditure' ? { itemCode: row.code } : { revenueCode: row.code };
  return stages.map((stage) =>
    journalFor({ entity: entities[p.entity]!.id, stage, amount: p.amount, ...attributes, ...code } as PostingInput),
  );
}

function transferEntries(t: { payer: number; receiver: number; amount: bigint; received: boolean }): JournalEntry[] {
  if (t.payer === t.receiver) return [];
  const payer = entities[t.payer]!.id;
  const receiver = entities[t.receiver]!.id;
  const paid = journalFor({ entity: payer, stage: 'pay-direct', itemCode: '701-01', internalCounterpart: receiver, amount: t.amount });
  if (!t.received) return [paid];
  return [
    paid,
    journalFor({ entity: receiver, stage: 'collect-direct', revenueCode: '7-3', internalCounterpart: payer, amount: t.amount }),
  ];
}

function expectStatementsTie(ledger: Ledger, label: string) {
  const s = statementsOf(ledger);
  expect(s.financialPosition.totalAssets, `${label}: assets = liabilities + net assets`).toBe(
    s.financialPosition.totalLiabilitiesAndNetAssets,
  );
  expect(s.netAssetChanges.operatingResult.total, `${label}: 재정운영결과 flows into 순자산변동표`).toBe(-s.operations.operatingResult);
  expect(s.netAssetChanges.closing, `${label}: 순자산변동표 closes on the 재정상태표`).toEqual(s.financialPosition.netAssets);
  expect(s.cashFlow.closingCash, `${label}: 현금흐름표 closes on the 재정상태표`).toBe(s.cashFlow.closingCashPerBooks);
}

describe('properties of random fiscal years', () => {
  it('journals balance; every 회계, 유형 and the 통합 tie; closing balances open next year', () => {
    fc.assert(
      fc.property(
        fc.array(posting, { maxLength: 40 }),
        fc.array(transfer, { maxLength: 6 }),
        fc.array(amount, { minLength: entities.length, maxLength: entities.length }),
        (postings, transfers, openingCash) => {
          const entries = [...postings.flatMap(entriesOf), ...transfers.flatMap(transferEntries)];
          for (const e of entries) expect(isBalanced(e.lines)).toBe(true);
          const books: EntityYear[] = entities.map((entity, i) => {
            const opening: JournalLine[] = [
              { account: '1101', debit: openingCash[i]!, credit: 0n },
              { account: '3101', debit: 0n, credit: openingCash[i]! },
            ];
            return { entity, opening, entries: entries.filter((e) => e.entity === entity.id) };
          });
          for (const b of books) {
            expectStatementsTie(entityLedger(b), b.entity.id);
            const next = closingBalances(b);
            // balanced as a set (Σ debit = Σ credit); it may be empty when everything closed at zero
            expect(next.reduce((t, l) => t + l.debit - l.credit, 0n)).toBe(0n);
            const nextNetAssets = next.filter((l) => l.account === '3101').reduce((t, l) => t + l.credit - l.debit, 0n);
            expect(nextNetAssets).toBe(statementsOf(entityLedger(b)).financialPosition.netAssets.total);
          }
          for (const [type, ledger] of typeLedgers(books)) expectStatementsTie(ledger, type);
          expectStatementsTie(wholeGovernmentLedger(books), '통합');
        },
      ),
      {
        numRuns: 150,
        // A 회계 whose every balance closes at zero opens next year with no lines at all (found by this test).
        examples: [[[], [{ payer: 3, receiver: 0, amount: 4n, received: false }], [1n, 1n, 1n, 4n]]],
      },
    );
  });
});
