import type { ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import { yearLedgers } from '#shared/domain/settlement/closing.ts';
import { nextYearOpening } from '#shared/domain/settlement/financial-statements.ts';
import { programUnspent } from '#shared/domain/settlement/program-unspent.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';

/**
 * The year-end closing's last step: opens year + 1 with the closing balances as opening balances
 * (net assets carried, revenue and expense closed out) and the recorded carry-overs (이월) as
 * carry-ins of next year's lines; and records the year's 불용액 per 정책사업, which caps the 과년도
 * 지출 later years charge to it (지방회계법 제37조).
 */
export async function yearEndCarryForward(job: ClosingJob, inputs: ClosingInputs, ports: ClosingPorts): Promise<void> {
  await ports.carryForward(job, nextYearOpening(yearLedgers(job, inputs).current), inputs.carryOvers, inputs.lines);
  await ports.recordProgramUnspent(job, programUnspent(inputs.lines, inputs.carryOvers));
}
