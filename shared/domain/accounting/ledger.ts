import { account, accountWithRole } from '#shared/domain/accounting/chart.ts';
import { cashChange, isBalanced } from '#shared/domain/accounting/journal.ts';
import type { CashActivity, JournalEntry, JournalLine } from '#shared/domain/accounting/journal.ts';

/** 제6조①: the four types of 회계실체. */
export const entityTypes = ['일반회계', '기타특별회계', '기금회계', '지방공기업특별회계'] as const;
export type EntityType = (typeof entityTypes)[number];

export interface AccountingEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
}

/** One 회계실체's books for one fiscal year. */
export interface EntityYear {
  readonly entity: AccountingEntity;
  /** Balance-sheet balances at 1 January (last year's `closingBalances`); must balance. */
  readonly opening: readonly JournalLine[];
  readonly entries: readonly JournalEntry[];
  /**
   * 특정순자산 (제25조③): the net assets tied to a fixed purpose (채무상환 재원, 적립성기금 원금). The
   * amount comes from the fund's ordinance or plan, not from the ledger, so it is an input.
   */
  readonly specificNetAssets?: { readonly opening: bigint; readonly closing: bigint };
}

/** A cash movement as the 현금흐름표 shows it: signed (+ inflow, − outflow). */
export interface CashFlow {
  readonly entity: string;
  readonly activity: CashActivity;
  readonly label: string;
  readonly amount: bigint;
  readonly counterpart?: string;
}

/** What every statement is drawn from: one 회계실체, or a 유형 / the 통합 after elimination. */
export interface Ledger {
  readonly entities: readonly string[];
  readonly opening: readonly JournalLine[];
  readonly period: readonly JournalLine[];
  readonly cashFlows: readonly CashFlow[];
  readonly specificNetAssets: { readonly opening: bigint; readonly closing: bigint };
}

export class InvalidBooksError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBooksError';
  }
}

/** 개별 회계실체: nothing is eliminated (제9조③). Checks the books before any statement is drawn. */
export function entityLedger(books: EntityYear): Ledger {
  const id = books.entity.id;
  if (books.opening.length > 0 && !isBalanced(books.opening)) throw new InvalidBooksError(`${id}: opening balances do not balance`);
  for (const l of books.opening) {
    const cls = account(l.account).class;
    if (cls === 'revenue' || cls === 'expense') throw new InvalidBooksError(`${id}: opening balance on ${cls} account ${l.account}`);
  }
  const cashFlows: CashFlow[] = [];
  for (const entry of books.entries) {
    if (entry.entity !== id) throw new InvalidBooksError(`${id}: entry of ${entry.entity} in its books`);
    if (entry.lines.length === 0) continue;
    if (!isBalanced(entry.lines)) throw new InvalidBooksError(`${id}: unbalanced entry`);
    const cash = cashChange(entry);
    if (cash === 0n) continue;
    if (!entry.cash) throw new InvalidBooksError(`${id}: an entry moves cash without a 현금흐름 class (제36조)`);
    cashFlows.push({ entity: id, activity: entry.cash.activity, label: entry.cash.label, amount: cash, ...counterpartOf(entry) });
  }
  return {
    entities: [id],
    opening: books.opening,
    period: books.entries.flatMap((e) => e.lines),
    cashFlows,
    specificNetAssets: books.specificNetAssets ?? { opening: 0n, closing: 0n },
  };
}

const counterpartOf = (entry: JournalEntry) => (entry.cash?.counterpart ? { counterpart: entry.cash.counterpart } : {});

export interface AccountSum {
  readonly account: string;
  readonly function?: string;
  debit: bigint;
  credit: bigint;
}

/** Debit and credit totals per account (and per 기능 where the line carries one), in chart order. */
export function sumByAccount(lines: readonly JournalLine[]): AccountSum[] {
  const byKey = new Map<string, AccountSum>();
  for (const l of lines) {
    const key = `${l.account}|${l.function ?? ''}`;
    const sum = byKey.get(key) ?? { account: l.account, ...(l.function ? { function: l.function } : {}), debit: 0n, credit: 0n };
    sum.debit += l.debit;
    sum.credit += l.credit;
    byKey.set(key, sum);
  }
  return [...byKey.values()].sort((a, b) =>
    a.account === b.account ? (a.function ?? '').localeCompare(b.function ?? '') : a.account < b.account ? -1 : 1,
  );
}

/**
 * Next year's opening balances of one 회계실체: balance-sheet accounts carried (per internal
 * counterpart, so that 통합 can still eliminate them), revenue, expense and the direct changes of
 * 순자산 (제39조) closed into 순자산.
 */
export function closingBalances(books: EntityYear): JournalLine[] {
  return closingBalancesOf(entityLedger(books));
}

/** The same from a ledger already drawn (one 회계실체's running totals). */
export function closingBalancesOf(ledger: Ledger): JournalLine[] {
  const netAssets = accountWithRole('순자산', 'net-assets').code;
  const carried = new Map<string, { account: string; counterpart?: string; net: bigint }>();
  for (const l of [...ledger.opening, ...ledger.period]) {
    const a = account(l.account);
    const closesIntoNetAssets = a.class === 'revenue' || a.class === 'expense' || a.class === 'net-assets';
    const code = closesIntoNetAssets ? netAssets : l.account;
    const counterpart = closesIntoNetAssets ? undefined : l.counterpart;
    const key = `${code}|${counterpart ?? ''}`;
    const item = carried.get(key) ?? { account: code, ...(counterpart ? { counterpart } : {}), net: 0n };
    item.net += l.debit - l.credit;
    carried.set(key, item);
  }
  return [...carried.values()]
    .filter((c) => c.net !== 0n)
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0))
    .map(({ net, ...rest }) => ({ ...rest, debit: net > 0n ? net : 0n, credit: net < 0n ? -net : 0n }));
}
