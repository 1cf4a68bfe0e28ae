import { invalid } from '#shared/domain/refusal.ts';
import { pageLedger } from '#shared/stores/execution/ledger-index.ts';
import type { LedgerDimension, LedgerLine } from '#shared/stores/execution/ledger-index.ts';

export interface LedgerListing {
  readonly by: LedgerDimension;
  readonly id: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const DEFAULT_LIMIT = 50;
/** A cursor is the last line's sort key (date#postingId), base64url: opaque to the client. */
const SORT_KEY = /^(\d{4}-\d{2}-\d{2})#[A-Za-z0-9-]{8,64}$/;

/**
 * One page of the 지출부/수입부 by line, department, counterparty or the whole book, between two
 * dates: one Query of the ledger index (never the postings), with the page's exact totals per kind.
 */
export async function listLedger(gov: string, year: number, listing: LedgerListing) {
  const from = listing.from ?? '0000-01-01';
  const to = listing.to ?? '9999-12-31';
  if (from > to)
    throw invalid('invalid-period', `the period starts (${from}) after it ends (${to})`, [{ path: 'from', message: 'after to' }]);
  const after = listing.cursor === undefined ? undefined : decodeCursor(listing.cursor, from, to);
  if (listing.cursor !== undefined && after === undefined)
    throw invalid('invalid-cursor', 'the cursor does not continue a ledger listing of this period', [
      { path: 'cursor', message: 'not issued for this listing' },
    ]);
  const page = await pageLedger({ gov, year, by: listing.by, value: listing.id, from, to, limit: listing.limit ?? DEFAULT_LIMIT, after });
  return {
    gov,
    year,
    by: listing.by,
    id: listing.id,
    lines: page.lines,
    page: { count: page.lines.length, totals: pageTotals(page.lines) },
    ...(page.last ? { cursor: Buffer.from(page.last).toString('base64url') } : {}),
  };
}

/** Sums per kind, exactly (bigint): a correction counts against the kind it reverses. */
export function pageTotals(lines: readonly LedgerLine[]): Record<string, string> {
  const totals = new Map<string, bigint>();
  for (const line of lines) {
    const kind = line.kind === 'correct' ? (line.reversedKind ?? 'correct') : line.kind;
    const signed = line.kind === 'correct' ? -BigInt(line.amount) : BigInt(line.amount);
    totals.set(kind, (totals.get(kind) ?? 0n) + signed);
  }
  return Object.fromEntries([...totals].map(([kind, sum]) => [kind, sum.toString()]));
}

function decodeCursor(token: string, from: string, to: string): string | undefined {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  const date = SORT_KEY.exec(key)?.[1];
  return date !== undefined && date >= from && date <= to ? key : undefined;
}
