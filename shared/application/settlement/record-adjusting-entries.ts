import { isDeepStrictEqual } from 'node:util';
import { balanceKey, yearEndAdjustment } from '#shared/domain/accounting/year-end-adjustments.ts';
import type {
  AdjustmentBooks,
  AdjustmentInput,
  BondDiscount,
  CompletedLine,
  ContinuingWorks,
} from '#shared/domain/accounting/year-end-adjustments.ts';
import { finalProvisions } from '#shared/application/budget/budget-change-context.ts';
import type { JournalEntry as BookEntry } from '#shared/domain/accounting/journal.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { conflict, notFound, Refused, unprocessable } from '#shared/domain/refusal.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { AdjustingEntriesBody } from '#shared/schemas/accounting.ts';
import { adjustmentParts } from '#shared/domain/settlement/adjustment-parts.ts';
import { lifeOf, netAcquisitions } from '#shared/domain/execution/acquisitions.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { acquisitionsUnchanged, readAcquisitions, readAcquisitionsVersion } from '#shared/stores/execution/acquisitions.ts';
import { applyPart, completeAdjustment, readAdjustment, readRegister, writePlan } from '#shared/stores/settlement/adjustments.ts';
import type { RecordedAdjustment, StoredAdjustment } from '#shared/stores/settlement/adjustments.ts';
import { getDebt } from '#shared/stores/debt/register.ts';
import { entriesOf } from '#shared/stores/debt/repayments.ts';
import { effectiveRepayments } from '#shared/domain/debt/debt-at-date.ts';
import { markerState } from '#shared/stores/settlement/close-markers.ts';
import { readLedgerTotals, readOpening } from '#shared/stores/settlement/inputs.ts';

const structureTypeOf = { program: '정책사업', administrative: '행정운영경비' } as const;

/**
 * The chief accountant records one kind of 결산정리분개 for the year: the entries are computed from
 * the ledger (balances at this moment, opening included) and the asset register by the valuation
 * rules, dated 31 December, and written with the register's new assets, the ledger totals and audit
 * records in parts of at most 100 actions (adjustment-parts.ts): the plan is stored first, so a call
 * that failed midway is completed by the same request again, applying only the parts not yet applied.
 * Once per year and kind: the same request again answers what was recorded; a different one is
 * refused, as is anything after the year-end closing began.
 */
export async function recordAdjustingEntries(
  gov: string,
  year: number,
  body: AdjustingEntriesBody,
  request: RequestInfo,
): Promise<RecordedAdjustment> {
  const recorded = await readAdjustment(gov, year, body.kind);
  if (recorded?.status === 'recorded' && sameInput(recorded, body)) return answerOf(recorded);
  if ((await markerState(gov, year, 'YEAR')) !== undefined) throw yearClosed(gov, year);
  if (recorded) return sameInput(recorded, body) ? complete(recorded, request) : refusedOther(recorded);

  for (let attempt = 0; ; attempt++) {
    // The acquisitions' version is read before them: the plan is written only if none landed in between.
    const version = body.kind === 'acquisitions' ? await readAcquisitionsVersion(gov, year) : undefined;
    const books = await readBooks(gov, year);
    const result = yearEndAdjustment(await inputOf(gov, year, body), books);
    if ('code' in result) throw new Refused(result);
    const entries = result.entries.flatMap((e) => ledgerEntry(e, `${year}-12-31`));
    const parts = adjustmentParts(gov, year, entries, result.assets);
    const header = {
      gov,
      year,
      kind: body.kind,
      input: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
      // a plan lost to a posting is left unnamed: the next attempt writes its parts under another id
      planId: attempt === 0 ? request.requestId : `${request.requestId}.${attempt}`,
      partCount: parts.length,
      recordedBy: request.caller?.sub ?? 'anonymous',
      recordedAt: request.receivedAt,
    };
    const planned = await writePlan(header, parts, version === undefined ? [] : [acquisitionsUnchanged(gov, year, version)]);
    if (planned.ok) break;
    if (planned.failed.has('yearOpen')) throw yearClosed(gov, year);
    if (planned.failed.has('header')) {
      // Another call planned this kind first: finish or answer that one.
      const winner = await readAdjustment(gov, year, body.kind);
      if (!winner) throw new Error(`the ${body.kind} adjusting entries of ${gov}/${year} lost a race to a plan that is gone`);
      return sameInput(winner, body) ? complete(winner, request) : refusedOther(winner);
    }
    // An asset purchase (or a 과목경정 moving one) landed after the read: read the acquisitions again.
    if (attempt === 2)
      throw conflict('acquisitions-changed', `the ${year} asset purchases of ${gov} kept changing while the register was computed`, {
        gov,
        year,
      });
  }
  const stored = await readAdjustment(gov, year, body.kind);
  if (!stored) throw new Error(`the ${body.kind} adjusting entries of ${gov}/${year} were planned but cannot be read`);
  return complete(stored, request);
}

/** Applies the parts not yet applied, in order, then marks the adjustment recorded. */
async function complete(stored: StoredAdjustment, request: RequestInfo): Promise<RecordedAdjustment> {
  const { gov, year, kind } = stored;
  if (stored.status === 'recorded') return answerOf(stored);
  for (const part of stored.parts) {
    if (part.applied) continue;
    const outcome = await applyPart(stored, part, stored.parts.length, request);
    if (outcome.ok || (outcome.failed.size === 1 && outcome.failed.has('part'))) continue;
    if (outcome.failed.has('yearOpen')) throw yearClosed(gov, year);
    if (outcome.failed.has('assets'))
      throw conflict('asset-exists', `an asset of this request is in the register already`, {
        assetIds: part.assets.map((a) => a.assetId),
      });
    throw new Error(
      `recording part ${part.index + 1} of the ${kind} adjusting entries of ${gov}/${year} failed: ${[...outcome.failed].join(', ')}`,
    );
  }
  const done = await completeAdjustment(stored, request);
  if (!done.ok && !done.failed.has('header')) throw new Error(`completing the ${kind} adjusting entries of ${gov}/${year} failed`);
  return answerOf(stored);
}

/** What the client receives: the adjustment as recorded (entries and assets of every part). */
const answerOf = ({ gov, year, kind, input, entries, assetIds, recordedBy, recordedAt }: StoredAdjustment): RecordedAdjustment => ({
  gov,
  year,
  kind,
  input,
  entries,
  assetIds,
  recordedBy,
  recordedAt,
});

const yearClosed = (gov: string, year: number) =>
  conflict('year-closed', `fiscal year ${year} of ${gov} is closed; its adjusting entries can no longer change`, { gov, year });

const sameInput = (recorded: RecordedAdjustment, body: AdjustingEntriesBody): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(body)), recorded.input);

/** Other figures for a year and kind already recorded (or being recorded) are refused. */
function refusedOther(recorded: RecordedAdjustment): never {
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

/** The request in the domain's terms; a bond's issue date, face, schedule and repayments come from the debt register. */
async function inputOf(gov: string, year: number, body: AdjustingEntriesBody): Promise<AdjustmentInput> {
  switch (body.kind) {
    case 'acquisitions':
      return {
        kind: body.kind,
        lives: body.lives,
        acquired: netAcquisitions(await readAcquisitions(gov, year)).map((a) => ({
          assetId: a.postingId,
          fund: a.fund,
          account: a.account,
          cost: a.amount,
          acquiredOn: a.date,
          structureType: a.structureType,
          ...(a.function ? { function: a.function } : {}),
          ...(a.usefulLifeYears ? { usefulLifeYears: a.usefulLifeYears } : {}),
        })),
      };
    case 'construction-completion': {
      const lines = await completedLines(gov, year, body.completions);
      const continuing = await continuingWorks(gov, body.completions);
      return {
        kind: body.kind,
        completions: body.completions.map(({ structureType, lineId, continuingExpenditure: ce, ...c }) => {
          const line = lineId === undefined ? undefined : lines.get(lineId);
          const works = ce === undefined ? undefined : continuing.get(`${ce.year}|${ce.id}`);
          return {
            ...c,
            structureType: structureTypeOf[structureType],
            ...(line ? { line } : {}),
            ...(works ? { continuing: works } : {}),
          };
        }),
      };
    }
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
        const repayments = effectiveRepayments(await entriesOf(gov, b.debtId))
          .filter((r) => r.date <= `${year}-12-31`)
          .map((r) => ({ amount: BigInt(r.amount), date: r.date }));
        bonds.push({ ...b, issued: debt.issueDate, face: debt.principal, schedule: debt.schedule, repayments });
      }
      return { kind: body.kind, bonds };
    }
  }
}

/** The 401 lines the completions name, as the budget's control items hold them; a line not in the year's budget is refused. */
async function completedLines(
  gov: string,
  year: number,
  completions: readonly { readonly lineId?: string | undefined }[],
): Promise<Map<string, CompletedLine>> {
  const ids = [...new Set(completions.flatMap((c) => (c.lineId === undefined ? [] : [c.lineId])))];
  const lines = new Map<string, CompletedLine>();
  for (const lineId of ids) lines.set(lineId, await completedLine(gov, year, lineId));
  return lines;
}

async function completedLine(gov: string, year: number, lineId: string): Promise<CompletedLine> {
  const control = await getLineControl(gov, year, lineId);
  if (!control) throw notFound('line-not-found', `line ${lineId} is not in the ${year} budget of ${gov}`);
  const life = lifeOf(control.journal?.usefulLifeYears);
  return {
    lineId,
    fund: control.fund,
    itemCode: control.itemCode,
    ...(control.journal?.assetClass ? { assetClass: control.journal.assetClass } : {}),
    ...(life ? { usefulLifeYears: life } : {}),
  };
}

/**
 * The 계속비 the completions name (keyed `year|id`), each from the 예산총칙 of its year's final budget with
 * its line there (지방재정법 §42①: the 계속비 is decided with that budget); one not there is refused.
 */
async function continuingWorks(
  gov: string,
  completions: readonly { readonly continuingExpenditure?: { readonly year: number; readonly id: string } | undefined }[],
): Promise<Map<string, ContinuingWorks>> {
  const works = new Map<string, ContinuingWorks>();
  for (const { continuingExpenditure: ce } of completions) {
    if (ce === undefined || works.has(`${ce.year}|${ce.id}`)) continue;
    const { provisions } = await finalProvisions(gov, ce.year);
    const entry = provisions.continuingExpenditures.find((e) => e.id === ce.id);
    if (!entry) throw notFound('continuing-expenditure-not-found', `the ${ce.year} final budget of ${gov} declares no 계속비 ${ce.id}`);
    works.set(`${ce.year}|${ce.id}`, {
      id: ce.id,
      year: ce.year,
      ...(entry.usefulLifeYears ? { usefulLifeYears: entry.usefulLifeYears } : {}),
      line: await completedLine(gov, ce.year, entry.lineId),
    });
  }
  return works;
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
