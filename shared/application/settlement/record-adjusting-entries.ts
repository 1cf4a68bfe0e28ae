import { isDeepStrictEqual } from 'node:util';
import { balanceKey, yearEndAdjustment } from '#shared/domain/accounting/year-end-adjustments.ts';
import type { AdjustmentBooks, AdjustmentInput, BondDiscount } from '#shared/domain/accounting/year-end-adjustments.ts';
import type { JournalEntry as BookEntry } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { conflict, notFound, Refused, unprocessable } from '#shared/domain/refusal.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { AdjustingEntriesBody } from '#shared/schemas/accounting.ts';
import { readAdjustment, readRegister, writeAdjustment } from '#shared/stores/settlement/adjustments.ts';
import type { RecordedAdjustment } from '#shared/stores/settlement/adjustments.ts';
import { getDebt } from '#shared/stores/debt/register.ts';
import { markerState } from '#shared/stores/settlement/close-markers.ts';
import { readLedgerTotals, readOpening } from '#shared/stores/settlement/inputs.ts';

const structureTypeOf = { program: '정책사업', administrative: '행정운영경비' } as const;

/**
 * The chief accountant records one kind of 결산정리분개 for the year: the entries are computed from
 * the ledger (balances at this moment, opening included) and the asset register by the valuation
 * rules, and written with the register's new assets, the ledger totals and the audit record in one
 * transaction, dated 31 December. Once per year and kind: the same request again answers what was
 * recorded; a different one is refused, as is anything after the year-end closing began.
 */
export async function recordAdjustingEntries(
  gov: string,
  year: number,
  body: AdjustingEntriesBody,
  request: RequestInfo,
): Promise<RecordedAdjustment> {
  const recorded = await readAdjustment(gov, year, body.kind);
  if (recorded && sameInput(recorded, body)) return recorded;
  if ((await markerState(gov, year, 'YEAR')) !== undefined) throw yearClosed(gov, year);
  if (recorded) return sameOrRefused(recorded, body);

  const books = await readBooks(gov, year);
  const result = yearEndAdjustment(await inputOf(gov, body), books);
  if ('code' in result) throw new Refused(result);

  const adjustment: RecordedAdjustment = {
    gov,
    year,
    kind: body.kind,
    input: body,
    entries: result.entries.flatMap((e) => ledgerEntry(e, `${year}-12-31`)),
    assetIds: result.assets.map((a) => a.assetId),
    recordedBy: request.caller?.sub ?? 'anonymous',
    recordedAt: request.receivedAt,
  };
  const outcome = await writeAdjustment(adjustment, result.assets, request);
  if (outcome.ok) return adjustment;
  if (outcome.failed.has('yearOpen')) throw yearClosed(gov, year);
  if (outcome.failed.has('adjustment')) {
    const winner = await readAdjustment(gov, year, body.kind);
    if (winner) return sameOrRefused(winner, body);
  }
  if (outcome.failed.has('assets'))
    throw conflict('asset-exists', `an asset of this request is in the register already`, { assetIds: adjustment.assetIds });
  throw new Error(`recording the ${body.kind} adjusting entries of ${gov}/${year} failed: ${[...outcome.failed].join(', ')}`);
}

const yearClosed = (gov: string, year: number) =>
  conflict('year-closed', `fiscal year ${year} of ${gov} is closed; its adjusting entries can no longer change`, { gov, year });

const sameInput = (recorded: RecordedAdjustment, body: AdjustingEntriesBody): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(body)), recorded.input);

/** A repeat answers what was recorded; other figures for the same year and kind are refused. */
function sameOrRefused(recorded: RecordedAdjustment, body: AdjustingEntriesBody): RecordedAdjustment {
  if (sameInput(recorded, body)) return recorded;
  throw conflict(
    'adjustment-recorded',
    `the ${recorded.kind} adjusting entries of ${recorded.year} were recorded on ${recorded.recordedAt} with other figures`,
    { kind: recorded.kind, year: recorded.year, recordedAt: recorded.recordedAt },
  );
}

/** Each fund's balances (opening + the year so far, debit − credit) and the asset register. */
async function readBooks(gov: string, year: number): Promise<AdjustmentBooks> {
  const [ledger, opening, register] = await Promise.all([
    readLedgerTotals({ gov, period: periodOf('year-end', String(year)) }),
    readOpening(gov, year),
    readRegister(gov),
  ]);
  const balances = new Map<string, bigint>();
  for (const t of [...opening, ...ledger.totals]) {
    const key = balanceKey(t.fund, t.account);
    balances.set(key, (balances.get(key) ?? 0n) + BigInt(t.debit) - BigInt(t.credit));
  }
  return { year, balances, register };
}

/** The request in the domain's terms; a bond's dates and face come from the debt register. */
async function inputOf(gov: string, body: AdjustingEntriesBody): Promise<AdjustmentInput> {
  switch (body.kind) {
    case 'construction-completion':
      return {
        kind: body.kind,
        completions: body.completions.map(({ structureType, ...c }) => ({ ...c, structureType: structureTypeOf[structureType] })),
      };
    case 'depreciation':
      return body;
    case 'allowance':
      return body;
    case 'discount-amortisation': {
      const bonds: BondDiscount[] = [];
      for (const b of body.bonds) {
        const debt = await getDebt(gov, b.debtId);
        if (!debt) throw notFound('debt-not-found', `government ${gov} has no debt ${b.debtId} in its register`);
        if (debt.kind !== 'local-bond')
          throw unprocessable('adjustment-not-possible', `${b.debtId} is a borrowing, not a bond: it has no 할인발행차금`, {
            rule: '제54조 applies to 지방채증권',
            debtId: b.debtId,
          });
        bonds.push({ ...b, issued: debt.issueDate, maturity: debt.maturityDate, face: debt.principal });
      }
      return { kind: body.kind, bonds };
    }
  }
}

/** A book entry as the ledger's running totals take it (one entry's amounts are safe integers). */
function ledgerEntry(entry: BookEntry, date: string): JournalEntry[] {
  if (entry.lines.length === 0) return [];
  return [
    {
      fund: entry.entity,
      date,
      lines: entry.lines.map((l) => ({
        account: l.account,
        debit: Number(l.debit),
        credit: Number(l.credit),
        ...(l.function ? { function: l.function } : {}),
        ...(l.counterpart ? { counterpart: l.counterpart } : {}),
      })),
    },
  ];
}
