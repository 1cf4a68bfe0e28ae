import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Outcome } from '#shared/domain/execution/plan-batch.ts';
import { cashControlKey, lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { fundStatusUpdate } from '#shared/stores/execution/fund-status.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';
import { resultItem } from '#shared/stores/execution/posting-items.ts';
import { carryOverKey, openingKey } from '#shared/stores/settlement/keys.ts';
import { loadItems } from './bulk-load-client.ts';
import { forEachConcurrently } from './concurrency.ts';
import { carryOversOf, finalCash, finalLines, lineInputs, openingBalances, simulateYear } from './settlement-year.ts';
import type { YearShape } from './settlement-year.ts';

type Item = Record<string, unknown>;

/** What seeding a government-year wrote, and the books' totals a correct closing must report. */
export interface SeededYear {
  readonly gov: string;
  readonly year: number;
  readonly postings: number;
  /** Posting records (RESULT items, one per applied posting). */
  readonly postingRecords: number;
  /** Postings whose record is on the journal index (they carry journal lines). */
  readonly journalRecords: number;
  /** Budget lines (LINE#), cash allocations (CASH#), running balances (DAY#/MONTH#), fund status, opening, carry-overs. */
  readonly otherItems: number;
  readonly lines: number;
  readonly monthBalances: number;
  readonly carryOvers: number;
  /** Wall time of planning and writing the posting records. */
  readonly postingsMs: number;
  readonly totalMs: number;
  readonly expenditurePaid: string;
  readonly revenueReceived: string;
}

/**
 * Writes what execution's pipeline and budgeting leave in the table for one government-year of
 * `shape.postings` postings (settlement-year.ts plans them with execution's planner):
 *
 * - one posting record per posting, execution's own resultItem (with the journal lines and the
 *   gsi1 journal key when it has lines);
 * - the LINE# and CASH# control items with the counters the postings moved;
 * - the running balances (DAY# and MONTH#) through execution's balanceUpdate and the fund
 *   status through fundStatusUpdate, summed over the year;
 * - the opening balances from last year's closing and a few recorded carry-overs.
 *
 * Not written: the per-posting items no closing reads (the accepted request, which is also the
 * acceptance's audit record, and the documents), which would multiply the seeding time several times.
 *
 * `via`: how the posting records and control items reach the table — `load` (default) through the
 * embedded engine's seeding door (bulk-load-client.ts: the same BatchWriteItem body, stored without
 * the engine's per-item validation: 0.17–0.27 instead of ~0.44 ms of its CPU a record), `batch-write` by
 * parallel BatchWriteItem (any
 * DynamoDB). Both store the same items (test/bench/bulk-load.test.ts). The balances and the fund
 * status are update expressions and always go through TransactWriteItems.
 */
export async function seedGovernmentYear(shape: YearShape, via: SeedWriter = 'load'): Promise<SeededYear> {
  const putAll = via === 'load' ? (items: readonly Item[]) => loadItems(items) : (items: readonly Item[]) => batchWriteAll(items, 8);
  const started = performance.now();
  const inputs = lineInputs(shape);
  let postingRecords = 0;
  let journalRecords = 0;
  // Two batches in flight while the next is planned: the engine (the slower side) always has the
  // next request waiting, instead of idling while the seeder serialises it (a 1,000,000-record seed
  // near idle: 243 s with one in flight, the engine busy 171 s of it).
  const writing: Promise<void>[] = [];
  const store = async (outcomes: readonly Outcome[]) => {
    const items = outcomes.map((outcome) => resultItem(outcome, `${outcome.message.command.date}T10:00:00.000Z`));
    postingRecords += items.length;
    journalRecords += items.filter((item) => item.gsi1pk !== undefined).length;
    const write = putAll(items);
    // Awaited below or at the end; until then its failure must not count as unhandled.
    write.catch(() => undefined);
    writing.push(write);
    if (writing.length >= 2) await writing.shift();
  };
  const totals = await simulateYear(shape, inputs, store);
  await Promise.all(writing);
  const postingsMs = performance.now() - started;

  const { gov, year } = shape;
  const lines = finalLines(shape, inputs, totals);
  const carryOvers = carryOversOf(lines);
  const cash = finalCash(totals);
  await putAll([
    ...lines.map((line) => ({ ...lineControlKey(gov, year, line.lineId), entity: 'budget-control', ...line })),
    ...cash.map((c) => ({ ...cashControlKey(gov, year, c.fund, c.month), entity: 'cash-control', gov, year, ...c })),
    {
      ...openingKey(gov, year),
      entity: 'opening-balances',
      gov,
      year,
      fromYear: year - 1,
      balances: openingBalances().map((b) => ({ fund: b.fund, account: b.account, debit: String(b.debit), credit: String(b.credit) })),
    },
    ...carryOvers.map((carry) => ({
      ...carryOverKey(gov, year, carry.lineId),
      entity: 'carry-over',
      ...carry,
      gov,
      year,
      recordedBy: 'bench-chief-accountant',
      recordedAt: `${year}-12-20T09:00:00.000Z`,
    })),
  ]);
  const table = tableName();
  const balances = [...totals.balances.values()];
  const actions = [
    ...balances.map((delta) => balanceUpdate(table, delta)),
    fundStatusUpdate(table, gov, year, [...totals.movements.values()], `${year}-12-31T18:00:00.000Z`),
  ];
  const transactions = Array.from({ length: Math.ceil(actions.length / 100) }, (_, n) => actions.slice(n * 100, n * 100 + 100));
  await forEachConcurrently(transactions, 4, async (transaction) => {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: transaction as never }));
  });

  const sum = (pick: (line: (typeof lines)[number]) => number) => lines.reduce((total, line) => total + BigInt(pick(line)), 0n);
  return {
    gov,
    year,
    postings: totals.applied,
    postingRecords,
    journalRecords,
    otherItems: lines.length + cash.length + 1 + carryOvers.length + actions.length,
    lines: lines.length,
    monthBalances: balances.filter((delta) => delta.period.startsWith('MONTH#')).length,
    carryOvers: carryOvers.length,
    postingsMs: Math.round(postingsMs),
    totalMs: Math.round(performance.now() - started),
    expenditurePaid: sum((line) => line.paid).toString(),
    revenueReceived: sum((line) => line.received).toString(),
  };
}

export type SeedWriter = 'load' | 'batch-write';

/** Puts items with BatchWriteItem, 25 a request and `lanes` requests in flight, retrying unprocessed items. */
async function batchWriteAll(items: readonly Item[], lanes: number): Promise<void> {
  const table = tableName();
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, n) => items.slice(n * 25, n * 25 + 25));
  await forEachConcurrently(batches, lanes, async (batch) => {
    let requests = batch.map((item) => ({ PutRequest: { Item: item } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  });
}
