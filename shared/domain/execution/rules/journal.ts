import { UnknownAccountError } from '#shared/domain/accounting/chart.ts';
import { journalFor, JournalMappingError } from '#shared/domain/accounting/journal-map.ts';
import type { DebtInstrument, LineAttributes, Stage, StructureType } from '#shared/domain/accounting/journal-map.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import type { CashClass, JournalLine } from '#shared/domain/ledger/journal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** The journal part of a posting: its lines and, when they touch cash, the 현금흐름 class. */
export interface PostingJournal {
  readonly lines: JournalLine[];
  readonly cash?: CashClass;
}

const text = (value: string | number | undefined): string | undefined => (value === undefined || value === '' ? undefined : String(value));

/** The line attributes the budget wrote on the control item (control-sync.ts), as the journal map takes them. */
function attributesOf(line: ControlledItem): LineAttributes {
  const a = line.attrs;
  return {
    ...(text(a.structureType) ? { structureType: text(a.structureType) as StructureType } : {}),
    ...(text(a.assetClass) ? { assetClass: text(a.assetClass) as AssetClass } : {}),
    ...(text(a.assetAccount) ? { assetAccount: text(a.assetAccount) } : {}),
    ...(text(a.function) ? { function: text(a.function) } : {}),
    ...(text(a.internalCounterpart) ? { internalCounterpart: text(a.internalCounterpart) } : {}),
    ...(text(a.debtInstrument) ? { debtInstrument: text(a.debtInstrument) as DebtInstrument } : {}),
  };
}

/**
 * The automatic journal of a posting on a budget line (자동분개), through the one mapping table
 * (shared/data/accounting/journal-map.csv, `journalFor`): the line's 통계목 or 세입 code and
 * attributes choose the accounts, the stage which of them are debited and credited. A line the map
 * cannot book is refused with the reason (801 예비비 is never executed as such).
 */
export function lineJournal(line: ControlledItem, stage: Stage, amount: number): PostingJournal | Refusal {
  const code = String(line.attrs.journalCode ?? line.attrs.itemCode);
  const lineId = String(line.attrs.lineId);
  try {
    const entry = journalFor({
      entity: String(line.attrs.fund),
      stage,
      amount,
      ...attributesOf(line),
      ...(line.attrs.lineKind === 'revenue' ? { revenueCode: code } : { itemCode: code }),
    });
    const lines = entry.lines.map((l) => ({
      account: l.account,
      debit: Number(l.debit),
      credit: Number(l.credit),
      ...(l.function ? { function: l.function } : {}),
      ...(l.counterpart ? { counterpart: l.counterpart } : {}),
    }));
    return entry.cash ? { lines, cash: { ...entry.cash } } : { lines };
  } catch (error) {
    if (error instanceof JournalMappingError && error.reason === 'reserve-fund') {
      return broken('reserve-fund-not-executable', `line ${lineId}: ${error.message}`, { lineId, itemCode: code });
    }
    if (error instanceof JournalMappingError || error instanceof MissingFunctionError || error instanceof UnknownAccountError) {
      return broken('journal-not-possible', `line ${lineId}: ${error.message}`, { lineId, itemCode: code, stage });
    }
    throw error;
  }
}

/**
 * 과오납금 (chart 2107; 제22조 '등', practice [U]): what a payer paid over the assessment until it is refunded —
 * a liability, not revenue. Not 예수금: the 수납 is 세입 and the refund comes out of the refunding year's 수입금
 * (지방회계법 제28조①, as rules/refund.ts quotes it), so the cash is budget cash in 세계잉여금, not 세입세출외현금
 * (none of the kinds hojo keeps of 지방재정법 시행령 제40조, guarantee-deposits.ts and withholding.ts; [U] 제40조's
 * current text not re-read here). Its own account keeps it out of the 세입세출외현금 the 예산-재무 대사 deducts, and
 * the 대사 lists it by name (accounting/reconciliation.ts).
 */
export const overPayments = '2107';
