import { journalFor, JournalMappingError } from '#shared/domain/accounting/journal-map.ts';
import type { DebtInstrument, LineAttributes, StructureType } from '#shared/domain/accounting/journal-map.ts';
import type { AssetClass } from '#shared/domain/accounting/chart.ts';
import { MissingFunctionError } from '#shared/domain/accounting/journal.ts';
import { UnknownAccountError } from '#shared/domain/accounting/chart.ts';
import type { JournalAttributes } from '#shared/domain/budget/control-sync.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { isBalanced, reversalOf } from '#shared/domain/ledger/journal.ts';
import type { JournalEntry, JournalLine } from '#shared/domain/ledger/journal.ts';

/** A line as the recoding journal needs it: its id and the journal attributes its control item carries (control-sync.ts). */
export interface JournalledLine {
  readonly lineId: string;
  readonly itemCode: string;
  readonly journal?: Partial<JournalAttributes> | undefined;
}

/**
 * The journal side of a 과목경정 (practice [U], execution-rules.md §1.5; the accrual books follow the
 * budget's 과목: 지방회계법 §16②, 회계기준규칙 의 자동분개 through the journal map): the amount already
 * executed was booked at its 지출결의 as Dr the wrong 통계목's account / Cr 미지급금; it is reversed
 * (역분개: Dr 미지급금 / Cr the wrong account) and booked again under the right line (Dr the right
 * account / Cr 미지급금), dated on the decision date. The payment (Dr 미지급금 / Cr 현금) stays: the cash
 * did move. Balanced by construction; refused when the map cannot book either line.
 */
export function recodingJournal(
  fund: string,
  date: string,
  from: JournalledLine,
  to: JournalledLine,
  amount: number,
): JournalEntry | Refusal {
  const wrong = resolutionLines(fund, from, amount);
  if ('code' in wrong) return wrong;
  const right = resolutionLines(fund, to, amount);
  if ('code' in right) return right;
  const lines = [...reversalOf(wrong), ...right];
  if (!isBalanced(lines)) throw new Error(`the recoding journal of ${from.lineId} → ${to.lineId} does not balance`);
  return { fund, date, lines };
}

/**
 * The journal of a 과목경정's reversal: the recoding's own lines on the opposite sides (역분개), dated
 * on the reversal's decision date, so the right line's expense goes back to the wrong line's
 * account and the books stand as before the recoding (practice: a correction is reversed, never
 * edited; 회계기준규칙's 자동분개 follows the budget's 과목). Balanced because the recoding's was.
 */
export function recodingReversalJournal(recoding: JournalEntry, date: string): JournalEntry {
  const lines = reversalOf(recoding.lines);
  if (!isBalanced(lines)) throw new Error('the reversal of a recoding journal does not balance');
  return { fund: recoding.fund, date, lines };
}

/** The 지출결의 stage lines of `amount` on a line (Dr its account / Cr 미지급금). */
function resolutionLines(fund: string, line: JournalledLine, amount: number): JournalLine[] | Refusal {
  const journal = line.journal ?? {};
  const code = journal.code || line.itemCode;
  try {
    const entry = journalFor({ entity: fund, stage: 'resolve', amount, itemCode: code, ...attributesOf(journal) });
    return entry.lines.map((l) => ({
      account: l.account,
      debit: Number(l.debit),
      credit: Number(l.credit),
      ...(l.function ? { function: l.function } : {}),
      ...(l.counterpart ? { counterpart: l.counterpart } : {}),
    }));
  } catch (error) {
    if (error instanceof JournalMappingError || error instanceof MissingFunctionError || error instanceof UnknownAccountError) {
      return refusal('unprocessable', 'journal-not-possible', `line ${line.lineId}: ${error.message}`, {
        rule: 'both lines of a 과목경정 can be journaled',
        lineId: line.lineId,
        itemCode: code,
      });
    }
    throw error;
  }
}

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

function attributesOf(journal: Partial<JournalAttributes>): LineAttributes {
  return {
    ...(present(journal.structureType) ? { structureType: journal.structureType as StructureType } : {}),
    ...(present(journal.assetClass) ? { assetClass: journal.assetClass as AssetClass } : {}),
    ...(present(journal.assetAccount) ? { assetAccount: journal.assetAccount } : {}),
    ...(present(journal.function) ? { function: journal.function } : {}),
    ...(present(journal.internalCounterpart) ? { internalCounterpart: journal.internalCounterpart } : {}),
    ...(present(journal.debtInstrument) ? { debtInstrument: journal.debtInstrument as DebtInstrument } : {}),
  };
}
