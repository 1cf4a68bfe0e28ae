import { describe, expect, it } from 'vitest';
import { measureYearClosing } from '../../bench/harness/settlement-closing.ts';
import { scanYearJournal } from '../../bench/harness/settlement-journal-scan.ts';
import { seedGovernmentYear } from '../../bench/harness/settlement-seed.ts';
import type { SeededYear } from '../../bench/harness/settlement-seed.ts';
import { FUNDS } from '../../bench/harness/settlement-year.ts';
import { controlPartition } from '#shared/stores/budget/control-keys.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const YEAR = 2026;
const LINES = 60;

/** Two governments with the same budget, one with five times the postings of the other. */
// BatchWriteItem: the shared test engines serve no seeding door (test/bench/bulk-load.test.ts checks the two agree).
const small = await seedGovernmentYear({ gov: '11000', year: YEAR, lines: LINES, postings: 600 }, 'batch-write');
const large = await seedGovernmentYear({ gov: '26000', year: YEAR, lines: LINES, postings: 3_000 }, 'batch-write');

describe('settlement bench seeding', () => {
  it('writes one posting record per posting, the ones with journal lines on the journal index', async () => {
    expect(small.postings).toBe(600);
    expect(small.postingRecords).toBe(600);
    // Per cycle of 10 postings: resolve and pay of 2 expenditure chains, assess and receive of 1 revenue chain.
    expect(small.journalRecords).toBe(360);
    const scan = await scanYearJournal('11000', YEAR);
    expect(scan.itemsRead).toBe(small.journalRecords);
  });

  it('leaves control items within budget control and counters that add up to what was paid and received', async () => {
    const lines = await queryPrefix(controlPartition('26000', YEAR), 'LINE#');
    expect(lines).toHaveLength(LINES);
    for (const line of lines) {
      expect(line.committed).toBeLessThanOrEqual(line.allotted);
      expect(line.allotted).toBeLessThanOrEqual(line.budget);
      expect(line.resolved).toBeLessThanOrEqual(line.committed);
      expect(line.ordered).toBeLessThanOrEqual(line.resolved);
      expect(line.paid).toBeLessThanOrEqual(line.ordered);
      expect(FUNDS.map((fund) => fund.code)).toContain(line.fund);
    }
    const sum = (name: string) => lines.reduce((total, line) => total + BigInt(line[name] as number), 0n);
    expect(sum('paid').toString()).toBe(large.expenditurePaid);
    expect(sum('received').toString()).toBe(large.revenueReceived);
    expect(sum('paid')).toBeGreaterThan(0n);

    const cash = await queryPrefix(controlPartition('26000', YEAR), 'CASH#');
    for (const allocation of cash) expect(allocation.paid).toBeLessThanOrEqual(allocation.allocated);
    expect(cash.reduce((total, allocation) => total + BigInt(allocation.paid as number), 0n).toString()).toBe(large.expenditurePaid);
  });

  it('leaves running balances that balance (Σdebit = Σcredit) and carry the year’s payments', async () => {
    const months = await readBalances('26000', YEAR, 'MONTH#');
    expect(months).toHaveLength(large.monthBalances);
    const debit = months.reduce((total, b) => total + b.debit, 0n);
    const credit = months.reduce((total, b) => total + b.credit, 0n);
    expect(debit).toBe(credit);
    const cashPaid = months.filter((b) => b.account === '1101').reduce((total, b) => total + b.credit, 0n);
    expect(cashPaid.toString()).toBe(large.expenditurePaid);
  });
});

describe('settlement bench closing', () => {
  const closeAndCheck = async (gov: string, seeded: SeededYear) => {
    const closing = await measureYearClosing(gov, YEAR);
    expect(closing).toMatchObject({ failed: false, status: 'done', differences: 0 });
    // Budget settlement and financial statements, each several files and a manifest.
    expect(closing.s3ObjectsWritten).toBeGreaterThanOrEqual(2);
    // The closing's inputs are the year's MONTH# balances, the opening, the lines and the carry-overs, plus
    // for the comparative statements last year's MONTH# balances (none seeded) and opening item, and the
    // year's marker (no final version seeded, so no 예산총칙 to read for the 명시이월비): no posting.
    expect(closing.inputItems).toBe(seeded.monthBalances + 1 + seeded.lines + seeded.carryOvers + 1 + 1);
    expect(closing.itemsRead).toBeGreaterThanOrEqual(closing.inputItems);
    return closing;
  };

  it('closes both years cleanly, reading items by lines and balances, not by postings', async () => {
    const smallClose = await closeAndCheck('11000', small);
    const largeClose = await closeAndCheck('26000', large);
    expect(large.postings).toBe(5 * small.postings);
    expect(largeClose.itemsRead - smallClose.itemsRead).toBeLessThanOrEqual(3 * (large.monthBalances - small.monthBalances));
    expect(largeClose.itemsRead).toBeLessThan(large.journalRecords);
  });
});
