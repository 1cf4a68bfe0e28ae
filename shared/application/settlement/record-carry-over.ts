import { carriedAgainRefusal } from '#shared/domain/settlement/carried-budget.ts';
import {
  accidentCarryOverRefusal,
  carryOverBasisRefusal,
  carryOverGroundRefusal,
  carryOverRefusal,
  explicitCommitmentsRefusal,
} from '#shared/domain/settlement/carry-over.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import { conflict, notFound, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { finalProvisions } from '#shared/application/budget/budget-change-context.ts';
import { readLedgerCommitments } from '#shared/stores/settlement/carried-commitments.ts';
import { readCarriedLine, writeCarryOver } from '#shared/stores/settlement/carry-overs.ts';
import type { RecordedCarryOver } from '#shared/stores/settlement/carry-overs.ts';

/**
 * The chief accountant records (or replaces) the carry-over (이월) of an expenditure line while
 * its year is open: checked against the line's 예산현액 − 지출액 (and a 사고이월 against the unpaid part
 * of the commitments it names, from the commitment ledger), written with its audit record on
 * condition that the year is still open and the line unchanged since it was read.
 */
export async function recordCarryOver(gov: string, year: number, carryOver: CarryOver, request: RequestInfo): Promise<RecordedCarryOver> {
  const line = await readCarriedLine(gov, year, carryOver.lineId);
  if (!line) throw notFound('budget-line-not-found', `budget line ${carryOver.lineId} of ${gov}/${year} does not exist`);
  // A carried budget carries on only as the law allows (carried-budget.ts).
  if (line.carriedFrom) {
    const again = carriedAgainRefusal(line.carriedFrom, carryOver.kind, carryOver.lineId);
    if (again) throw new Refused(again);
  }
  const refusal = carryOverRefusal(line, carryOver.amount);
  if (refusal) throw new Refused(refusal);
  // 명시이월 and 계속비이월 rest on the year's final budget (지방재정법 제50조①③); a carried 계속비 budget
  // is found in it by its origin line.
  if (carryOver.kind !== 'accident') {
    const basisLine = line.carriedFrom?.originLineId ?? carryOver.lineId;
    const unfounded = carryOverBasisRefusal({ ...carryOver, lineId: basisLine }, year, await finalProvisions(gov, year));
    if (unfounded) throw new Refused(unfounded);
  }
  // A 사고이월 names its ground (지방재정법 제50조제2항 제1–4호) and its cap follows it.
  const unfit = carryOverGroundRefusal(carryOver, line);
  if (unfit) throw new Refused(unfit);
  // 사고이월 제1호 is capped by the commitment ledger; a 명시이월 holds the commitments it carries (지방회계법 제30조).
  if (carryOver.ground === 'commitment' || (carryOver.kind === 'explicit' && (carryOver.commitmentIds ?? []).length > 0)) {
    const ledger = await readLedgerCommitments(gov, carryOver.commitmentIds ?? []);
    const exceeds =
      carryOver.kind === 'accident'
        ? accidentCarryOverRefusal(carryOver, year, ledger)
        : explicitCommitmentsRefusal(carryOver, year, ledger);
    if (exceeds) throw new Refused(exceeds);
  }

  const recorded: RecordedCarryOver = {
    ...carryOver,
    gov,
    year,
    recordedBy: request.caller?.sub ?? 'anonymous',
    recordedAt: request.receivedAt,
  };
  const outcome = await writeCarryOver(recorded, line, request);
  if (outcome.ok) return recorded;
  if (outcome.failed.has('yearOpen'))
    throw conflict('year-closed', `fiscal year ${year} of ${gov} is closed; carry-overs can no longer change`, { gov, year });
  if (outcome.failed.has('lineUnchanged'))
    throw conflict('budget-line-changed', `budget line ${carryOver.lineId} changed while the carry-over was checked; try again`, {
      lineId: carryOver.lineId,
    });
  throw new Error(`recording the carry-over of ${carryOver.lineId} failed: ${[...outcome.failed].join(', ')}`);
}
