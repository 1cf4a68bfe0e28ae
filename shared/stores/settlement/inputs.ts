import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { ExplicitCarryOver } from '#shared/domain/budget/general-provisions.ts';
import type { ClosingInputs, ClosingJob, PriorYearBooks } from '#shared/domain/settlement/closing.ts';
import { entityTypeOfKind } from '#shared/domain/settlement/entity-ledgers.ts';
import type { SettlementEntity } from '#shared/domain/settlement/entity-ledgers.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { programNames } from '#shared/domain/budget/line-id.ts';
import { controlPartition } from '#shared/stores/budget/control-keys.ts';
import { dimensionsOf, ledgerPartition } from '#shared/stores/execution/ledger-balances.ts';
import { listChanges } from '#shared/stores/budget/changes.ts';
import { getVersion, getYear, readAllLines } from '#shared/stores/budget/version.ts';
import { structurePrefix } from '#shared/stores/budget/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Item } from '#shared/stores/table/query-all.ts';
import { numbersOf } from '#shared/stores/table/records.ts';
import { readCarryOvers } from '#shared/stores/settlement/carry-overs.ts';
import { readCollectorReceivables } from '#shared/stores/settlement/collector-receivables.ts';
import { openingKey } from '#shared/stores/settlement/keys.ts';
import { readRegister } from '#shared/stores/settlement/adjustments.ts';
import { listDebts } from '#shared/stores/debt/register.ts';
import { entriesByDebt } from '#shared/stores/debt/repayments.ts';

/** A closing reads what the postings wrote up to the moment it runs. */
const consistent = { ConsistentRead: true };

/**
 * The running totals a closing needs, never the postings: the MONTH# totals of the months before
 * the period's last month, plus that month's MONTH# total (monthly, year-end) or its DAY# totals
 * up to the day (daily). A month's total counts as dated on its last day.
 */
export async function readLedgerTotals(job: ClosingJob): Promise<{ totals: LedgerDayTotal[]; itemsRead: number }> {
  const { gov, period } = job;
  const lastMonth = period.lastDay.slice(0, 7);
  const months = await queryPrefix(ledgerPartition(gov, period.year), 'MONTH#', consistent);
  const totals: LedgerDayTotal[] = [];
  for (const item of months) {
    const month = String(item.period).slice('MONTH#'.length);
    // The year's postings made until 20 January / 10 February (지방회계법 제7조) are dated in the next
    // year's months of the same ledger: the year-end counts them as of 31 December.
    if (period.kind === 'year-end' && month > lastMonth) {
      totals.push(total(item, period.lastDay));
      continue;
    }
    if (month > lastMonth || (period.kind === 'daily' && month === lastMonth)) continue;
    // A 출납정리 February ends on 10 February (its period's last day), not on the month's.
    totals.push(total(item, month === lastMonth ? period.lastDay : periodOf('monthly', month).lastDay));
  }
  let itemsRead = months.length;
  if (period.kind === 'daily') {
    const days = await queryPrefix(ledgerPartition(gov, period.year), `DAY#${lastMonth}-`, consistent);
    itemsRead += days.length;
    for (const item of days) {
      const day = String(item.period).slice('DAY#'.length);
      if (day <= period.lastDay) totals.push(total(item, day));
    }
  }
  return { totals, itemsRead };
}

const total = (item: Item, day: string): LedgerDayTotal => ({
  fund: String(item.fund),
  account: String(item.account),
  day,
  debit: exactWon(item.debit),
  credit: exactWon(item.credit),
  dims: dimensionsOf(item),
});

/**
 * A stored running total, exactly: the SDK hands a number beyond 2^53 back as a bigint, and Number()
 * would round it (a stored …973 read as …972, and a report that agrees with itself on the wrong figure).
 */
const exactWon = (value: unknown): bigint => (typeof value === 'bigint' ? value : BigInt((value as number | undefined) ?? 0));

export async function readOpening(gov: string, year: number): Promise<OpeningBalance[]> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: openingKey(gov, year), ConsistentRead: true }));
  type Stored = { fund: string; account: string; debit: string; credit: string; counterpart?: string };
  return ((Item?.balances as Stored[] | undefined) ?? []).map((b) => ({
    fund: b.fund,
    account: b.account,
    debit: BigInt(b.debit),
    credit: BigInt(b.credit),
    ...(b.counterpart ? { counterpart: b.counterpart } : {}),
  }));
}

export async function readLines(gov: string, year: number): Promise<SettlementLine[]> {
  return (await queryPrefix(controlPartition(gov, year), 'LINE#', consistent)).map((item) => ({
    lineId: String(item.lineId),
    kind: item.kind as SettlementLine['kind'],
    fund: String(item.fund),
    itemCode: String(item.itemCode ?? ''),
    dept: String(item.dept ?? ''),
    ...numbersOf(item, ['budget', 'carryIn']),
    ...budgetComponents(item),
    ...numbersOf(item, ['committed', 'paid', 'assessed', 'received', 'refunded', 'writtenOff']),
  }));
}

/** The named components of 예산현액 on a line's control item (budget control-keys.ts). */
export const BUDGET_COMPONENTS = [
  'enacted',
  'transferNet',
  'diversionNet',
  'reallocationNet',
  'reserveNet',
  'preEstablished',
  'changesNet',
  'recodedNet',
] as const;

/** The named components of 예산현액 the control item carries (those it does not carry stay absent). */
const budgetComponents = (item: Record<string, unknown>) =>
  Object.fromEntries(BUDGET_COMPONENTS.filter((name) => item[name] !== undefined).map((name) => [name, Number(item[name])]));

/** The government's 회계 (budget ACCOUNT# items) as 회계실체 of their type (제6조①). */
export async function readEntities(gov: string): Promise<SettlementEntity[]> {
  return (await queryPrefix(`GOV#${gov}`, structurePrefix('ACCOUNT'), consistent)).map((item) => ({
    id: String(item.code),
    name: String(item.name),
    type: entityTypeOfKind[String(item.kind)] ?? '일반회계',
  }));
}

/** Last year's MONTH# totals and opening balances: the comparative column of the statements (제9조④). */
async function readPriorYear(gov: string, year: number): Promise<{ books: PriorYearBooks; itemsRead: number }> {
  const prior = { gov, period: periodOf('year-end', String(year - 1)) };
  const [ledger, opening] = await Promise.all([readLedgerTotals(prior), readOpening(gov, year - 1)]);
  return { books: { totals: ledger.totals, opening }, itemsRead: ledger.itemsRead + 1 };
}

const noPrior: PriorYearBooks = { totals: [], opening: [] };

/**
 * From the year's final version: the 명시이월비 of its 예산총칙 (for the 명시이월비 집행 명세서) and the
 * names of its 정책사업 (printed beside the codes); none before a final version.
 */
async function readFinalVersion(
  gov: string,
  year: number,
): Promise<{ approved: readonly ExplicitCarryOver[]; programs: Record<string, string>; itemsRead: number }> {
  const { finalVersion } = await getYear(gov, year);
  if (finalVersion === undefined) return { approved: [], programs: {}, itemsRead: 1 };
  const version = await getVersion(gov, year, finalVersion);
  if (!version) return { approved: [], programs: {}, itemsRead: 2 };
  const lines = await readAllLines(version);
  // The 결산 prints the 정책사업 code alone: the first 회계 in key order names a code two 회계 share.
  const programs: Record<string, string> = {};
  for (const [key, name] of programNames(lines)) programs[key.slice(key.indexOf('.') + 1)] ??= name;
  return { approved: version.provisions?.explicitCarryOvers ?? [], programs, itemsRead: 2 + lines.length };
}

/** The government's departments by code, with their names (budget DEPT# items). */
async function readDepartmentNames(gov: string): Promise<Record<string, string>> {
  const items = await queryPrefix(`GOV#${gov}`, structurePrefix('DEPT'), consistent);
  return Object.fromEntries(items.map((item) => [String(item.code), String(item.name)]));
}

/**
 * Everything a closing reads, and how many items that took: at year-end also the lines, the
 * carry-overs, the 회계 and last year's totals — all growing with lines and accounts, not postings.
 */
export async function readClosingInputs(job: ClosingJob): Promise<ClosingInputs> {
  const { gov, period } = job;
  const [ledger, opening] = await Promise.all([readLedgerTotals(job), readOpening(gov, period.year)]);
  if (period.kind !== 'year-end') {
    // the 회계 only for their names on the 일계표 and the 합계잔액시산표
    const entities = await readEntities(gov);
    return {
      totals: ledger.totals,
      opening,
      lines: [],
      carryOvers: [],
      entities,
      prior: noPrior,
      itemsRead: ledger.itemsRead + 1 + entities.length,
    };
  }
  const [
    lines,
    carryOvers,
    entities,
    prior,
    register,
    registered,
    entries,
    diversions,
    final,
    reserveUses,
    departments,
    collectors,
    priorCollectors,
  ] = await Promise.all([
    readLines(gov, period.year),
    readCarryOvers(gov, period.year),
    readEntities(gov),
    readPriorYear(gov, period.year),
    readRegister(gov),
    listDebts(gov),
    entriesByDebt(gov),
    listChanges(gov, period.year, 'diversion'),
    readFinalVersion(gov, period.year),
    listChanges(gov, period.year, 'reserve-use'),
    readDepartmentNames(gov),
    readCollectorReceivables(gov, period.year),
    readCollectorReceivables(gov, period.year - 1),
  ]);
  const debts = registered.map((d) => ({ ...d, entries: entries.get(d.debtId) ?? [] }));
  const entriesRead = [...entries.values()].reduce((n, list) => n + list.length, 0);
  return {
    totals: ledger.totals,
    opening,
    lines,
    carryOvers,
    entities,
    prior: prior.books,
    notes: { register, debts },
    diversions,
    explicitCarryOvers: final.approved,
    reserveUses,
    collectors: { current: collectors, prior: priorCollectors },
    codeNames: { departments, programs: final.programs },
    itemsRead:
      ledger.itemsRead +
      1 +
      lines.length +
      carryOvers.length +
      entities.length +
      prior.itemsRead +
      register.length +
      debts.length +
      entriesRead +
      diversions.length +
      final.itemsRead +
      reserveUses.length +
      Object.keys(departments).length +
      collectors.length +
      priorCollectors.length,
  };
}
