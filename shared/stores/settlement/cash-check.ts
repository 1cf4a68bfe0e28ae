import { cashAccount } from '#shared/domain/ledger/balances.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { readFundStatus } from '#shared/stores/execution/fund-status.ts';
import { ledgerPartition } from '#shared/stores/execution/ledger-balances.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';

type Positions = Map<string, bigint>;

async function journalCash(job: ClosingJob): Promise<Positions> {
  const cash: Positions = new Map();
  for (const item of await queryPrefix(ledgerPartition(job.gov, job.period.year), 'MONTH#', { ConsistentRead: true })) {
    if (item.account !== cashAccount) continue;
    const fund = String(item.fund);
    cash.set(fund, (cash.get(fund) ?? 0n) + BigInt(item.debit ?? 0) - BigInt(item.credit ?? 0));
  }
  return cash;
}

const same = (a: Positions, b: Positions): boolean => a.size === b.size && [...a].every(([fund, value]) => b.get(fund) === value);

/**
 * The year's net cash per fund from the journal (Σ cash lines) and from the fund status. Both
 * move in the same write, but they are read apart: the journal is read before and after the
 * status, and the reading is retried until no posting landed in between.
 */
export async function readCashPositions(job: ClosingJob, attempts = 5): Promise<{ journal: Positions; fundStatus: Positions }> {
  let before = await journalCash(job);
  for (let attempt = 1; ; attempt++) {
    const status = await readFundStatus(job.gov, job.period.year);
    const after = await journalCash(job);
    const fundStatus: Positions = new Map(status.funds.map((f) => [f.fund, f.inflow - f.outflow]));
    if (same(before, after) || attempt >= attempts) return { journal: after, fundStatus };
    before = after;
  }
}
