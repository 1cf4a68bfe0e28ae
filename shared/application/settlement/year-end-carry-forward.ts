import type { ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import { yearLedgers } from '#shared/domain/settlement/closing.ts';
import { nextYearOpening } from '#shared/domain/settlement/financial-statements.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';

/**
 * The year-end closing's last step: opens year + 1 with the closing balances as opening balances
 * (net assets carried, revenue and expense closed out) and the recorded carry-overs (이월) as
 * carry-ins of next year's lines.
 */
export async function yearEndCarryForward(job: ClosingJob, inputs: ClosingInputs, ports: ClosingPorts): Promise<void> {
  await ports.carryForward(job, nextYearOpening(yearLedgers(job, inputs).current), inputs.carryOvers, inputs.lines);
}
