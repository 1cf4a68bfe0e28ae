import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import { entityLedger, entityTypes } from '#shared/domain/accounting/ledger.ts';
import type { CashFlow, EntityType, EntityYear, Ledger } from '#shared/domain/accounting/ledger.ts';

/**
 * 제9조: 유형별 statements sum the 회계실체 of one type and eliminate the 내부거래 inside the type (②);
 * the 통합 statements sum the types and eliminate every 내부거래 between the government's own
 * 회계실체 (①). Transfers to other bodies (교육비특별회계, 지방공사 …) carry no counterpart and stay.
 *
 * A line is eliminated when it carries a counterpart inside the group. Both sides of a transfer are
 * tagged on every non-cash line, so the eliminated lines balance unless cash is still in transit
 * (paid by one 회계, not yet received by the other). That remainder stays visible: it is booked on
 * 순자산 as an elimination difference (practice [U]) and shows in the 순자산변동표; the unmatched cash
 * flow stays in the 현금흐름표.
 */
export function combinedLedger(ledgers: readonly Ledger[]): Ledger {
  const members = new Set(ledgers.flatMap((l) => l.entities));
  const inside = (l: { counterpart?: string }) => l.counterpart !== undefined && members.has(l.counterpart);
  return {
    entities: [...members],
    opening: keptWithDifference(
      ledgers.flatMap((l) => l.opening),
      inside,
    ),
    period: keptWithDifference(
      ledgers.flatMap((l) => l.period),
      inside,
    ),
    cashFlows: eliminateMatchedFlows(
      ledgers.flatMap((l) => l.cashFlows),
      members,
    ),
    specificNetAssets: {
      opening: ledgers.reduce((s, l) => s + l.specificNetAssets.opening, 0n),
      closing: ledgers.reduce((s, l) => s + l.specificNetAssets.closing, 0n),
    },
  };
}

function keptWithDifference(lines: readonly JournalLine[], inside: (l: JournalLine) => boolean): JournalLine[] {
  const kept = lines.filter((l) => !inside(l));
  let eliminatedNet = 0n;
  for (const l of lines) if (inside(l)) eliminatedNet += l.debit - l.credit;
  if (eliminatedNet === 0n) return kept;
  const netAssets = accountWithRole('순자산', 'net-assets').code;
  return [
    ...kept,
    { account: netAssets, debit: eliminatedNet > 0n ? eliminatedNet : 0n, credit: eliminatedNet < 0n ? -eliminatedNet : 0n },
  ];
}

/** Removes, per paying and receiving 회계실체, the part of the internal flows that both sides recorded. */
function eliminateMatchedFlows(flows: readonly CashFlow[], members: ReadonlySet<string>): CashFlow[] {
  const pairKey = (payer: string, receiver: string) => `${payer}>${receiver}`;
  const paid = new Map<string, bigint>();
  const received = new Map<string, bigint>();
  for (const f of flows) {
    if (!f.counterpart || !members.has(f.counterpart)) continue;
    if (f.amount < 0n) paid.set(pairKey(f.entity, f.counterpart), (paid.get(pairKey(f.entity, f.counterpart)) ?? 0n) - f.amount);
    else received.set(pairKey(f.counterpart, f.entity), (received.get(pairKey(f.counterpart, f.entity)) ?? 0n) + f.amount);
  }
  const toEliminate = new Map<string, bigint>();
  for (const [key, out] of paid) {
    const matched = out < (received.get(key) ?? 0n) ? out : (received.get(key) ?? 0n);
    toEliminate.set(`out|${key}`, matched);
    toEliminate.set(`in|${key}`, matched);
  }
  const result: CashFlow[] = [];
  for (const f of flows) {
    if (!f.counterpart || !members.has(f.counterpart)) {
      result.push(f);
      continue;
    }
    const key = f.amount < 0n ? `out|${pairKey(f.entity, f.counterpart)}` : `in|${pairKey(f.counterpart, f.entity)}`;
    const magnitude = f.amount < 0n ? -f.amount : f.amount;
    const removed = minOf(magnitude, toEliminate.get(key) ?? 0n);
    toEliminate.set(key, (toEliminate.get(key) ?? 0n) - removed);
    const left = magnitude - removed;
    if (left > 0n) result.push({ ...f, amount: f.amount < 0n ? -left : left });
  }
  return result;
}

const minOf = (a: bigint, b: bigint) => (a < b ? a : b);

/** 유형별 회계실체 (제6조①, 제9조②): one ledger per type present. */
export function typeLedgers(books: readonly EntityYear[]): Map<EntityType, Ledger> {
  const result = new Map<EntityType, Ledger>();
  for (const type of entityTypes) {
    const members = books.filter((b) => b.entity.type === type);
    if (members.length > 0) result.set(type, combinedLedger(members.map(entityLedger)));
  }
  return result;
}

/** 통합 (제9조①): the types combined, every 내부거래 between the government's 회계실체 eliminated. */
export function wholeGovernmentLedger(books: readonly EntityYear[]): Ledger {
  return combinedLedger(books.map(entityLedger));
}
