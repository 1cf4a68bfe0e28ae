import { tableName } from '#shared/config/env.ts';
import type { RecodingBooks } from '#shared/application/budget/recode.ts';
import {
  isFinishedTangible,
  lifeOf,
  recodedAcquisitions,
  registeredPurchasesRefusal,
  unrecodedAcquisitions,
} from '#shared/domain/execution/acquisitions.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { adjustmentAbsent, readAdjustment, readRegisteredAssets, registerMoveItems } from '#shared/stores/settlement/adjustments.ts';
import { depreciationRecharge, registerMove } from '#shared/domain/execution/register-moves.ts';
import type { RegisterMove } from '#shared/domain/execution/register-moves.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { depreciationRecorded, rechargeItem } from '#shared/stores/settlement/depreciation-recharges.ts';
import type { Acquisition } from '#shared/domain/execution/acquisitions.ts';
import type { AccountLife } from '#shared/domain/accounting/year-end-adjustments.ts';
import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import { acquisitionItem, acquisitionsWritten, readAcquisitions } from '#shared/stores/execution/acquisitions.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';

/**
 * Where budget meets the accrual books: a 과목경정 (budget) writes its journal into execution's
 * running balances (ledger-balances.ts) in its own transaction. Budget never imports execution
 * (execution reads budget's control items), so the recode handler passes this to the use case.
 * One balance update per account and period (day and month): 4 lines give at most 6 updates.
 * The year's acquisitions (one partition, growing with asset purchases only) are read so that a
 * purchase the journal takes off an asset account leaves the register with it, or moves to the
 * right asset account (domain/execution/acquisitions.ts); a reversal mirrors the recoding's records.
 * Once the year's purchases are in the register (결산정리 `acquisitions`), a recoding that moves one moves
 * the registered assets with it (register-moves.ts); once the year's depreciation is recorded too, the
 * recoding also reverses the charge on the old class and charges it again on the new one, dated 31 December
 * like the depreciation it corrects (depreciationRecharge, 회계기준규칙 제60조②), and keeps that correction
 * beside the depreciation (stores/settlement/depreciation-recharges.ts). While the depreciation is being
 * recorded (its parts not all applied) the move is refused (`recoding-after-register`): send it again after.
 */
export const recodingBooks: RecodingBooks = async (gov, year, journal, move) => {
  // Only a journal that moves a finished tangible asset can move an acquisition: the rest read nothing.
  const movesAsset = journal.lines.some((l) => isFinishedTangible(l.account));
  const registered = movesAsset ? await readAdjustment(gov, year, 'acquisitions') : undefined;
  // once the year's depreciation is charged, moving the assets corrects it; while it is being written, refused
  const depreciated = registered ? await readAdjustment(gov, year, 'depreciation') : undefined;
  if (depreciated?.status === 'pending') throw new Refused(registeredPurchasesRefusal(gov, year, depreciated.recordedAt));
  const existing = movesAsset ? await readAcquisitions(gov, year) : [];
  const acquisitions = move.reverses
    ? unrecodedAcquisitions(move.changeId, move.reverses, existing)
    : recodedAcquisitions(
        {
          gov,
          year,
          changeId: move.changeId,
          fund: journal.fund,
          amount: move.amount,
          date: move.date,
          fromLine: move.from.lineId,
          toLine: move.to.lineId,
          to: {
            structureType: move.to.journal?.structureType,
            function: move.to.journal?.function,
            usefulLifeYears: lifeOf(move.to.journal?.usefulLifeYears),
          },
          journal: journal.lines,
        },
        existing,
      );
  const moved = registered ? await registerChange(gov, year, move.changeId, acquisitions, registered.input) : undefined;
  const recharge = moved && depreciated ? recharged(year, move.changeId, moved) : [];
  const entries = [journal, ...recharge].map((entry) => ({ gov, year, entry }));
  return {
    ...Object.fromEntries(balanceDeltas(entries).map((delta, i) => [`balance${i}`, balanceUpdate(tableName(), delta)])),
    acquisitions: acquisitions.map((a) => ({ Put: { TableName: tableName(), Item: acquisitionItem(a) } })),
    ...(acquisitions.length > 0 ? { acquisitionsVersion: acquisitionsWritten(gov, year, acquisitions.length) } : {}),
    // registered in between: the write fails, the recoding is computed again and moves the register too
    ...(movesAsset && !registered ? { purchasesUnregistered: adjustmentAbsent(gov, year, 'acquisitions') } : {}),
    ...(moved ? { register: registerMoveItems(gov, move.changeId, moved) } : {}),
    // the depreciation recorded in between (or not as read): the write fails and the recoding is computed again
    ...(registered && !depreciated ? { notDepreciated: adjustmentAbsent(gov, year, 'depreciation') } : {}),
    ...(depreciated
      ? {
          depreciatedAsRead: depreciationRecorded(gov, year),
          ...(recharge.length > 0
            ? { recharge: rechargeItem(gov, year, { changeId: move.changeId, entries: recharge, decidedOn: journal.date }) }
            : {}),
        }
      : {}),
  };
};

/** The register follows the recoding's acquisition records (domain/execution/register-moves.ts). */
async function registerChange(
  gov: string,
  year: number,
  changeId: string,
  records: readonly Acquisition[],
  input: Record<string, unknown>,
) {
  const ids = records.map((r) => ({ fund: r.fund, assetId: r.reverses ?? r.postingId }));
  const lives = Array.isArray(input.lives) ? (input.lives as AccountLife[]) : [];
  const move = registerMove(changeId, records, await readRegisteredAssets(gov, ids), lives, year);
  if ('code' in move) throw new Refused(move);
  return move;
}

/** The correction of the year's recorded depreciation the move makes, as ledger entries dated 31 December. */
function recharged(year: number, changeId: string, move: RegisterMove): JournalEntry[] {
  const entries = depreciationRecharge(changeId, move, year);
  if ('code' in entries) throw new Refused(entries);
  return entries.map((e) => ({
    fund: e.entity,
    date: `${year}-12-31`,
    lines: e.lines.map((l) => ({
      account: l.account,
      debit: Number(l.debit),
      credit: Number(l.credit),
      ...(l.function ? { function: l.function } : {}),
    })),
  }));
}
