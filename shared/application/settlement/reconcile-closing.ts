import { buildReports, yearReconciliation } from '#shared/domain/settlement/closing.ts';
import type { ClosingInputs, ClosingJob } from '#shared/domain/settlement/closing.ts';
import {
  budgetReconciliationDifferences,
  cashDifferences,
  compareTotals,
  positionDifferences,
  unbalancedFunds,
} from '#shared/domain/settlement/reconciliation.ts';
import type { Difference } from '#shared/domain/settlement/reconciliation.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import type { ClosingPorts } from '#shared/application/settlement/closing-ports.ts';

/**
 * The closing's reconcile step: every archived report's totals against the same totals from live
 * data, plus the books' own invariants (balanced funds, assets = liabilities + net assets, journal
 * cash = fund status); the count goes to the ReconciliationDifferences metric (alarm > 0). At
 * year-end the 예산-재무 reconciliation (재정자금 vs 세계잉여금 per 회계) is counted apart, in
 * BudgetReconciliationDifferences (its own alarm): a difference there is a finding to explain, not
 * a broken archive; and the advances the closed year keeps unsettled (선급금 of 일상경비등 and 개산급 the bank
 * paid and nobody settled or returned: 지방회계법 제7조제2항, 회계령 제43조, 제45조) go to UnsettledAdvances
 * (how many) and UnsettledAdvanceWon (the won), one line per government — scheduled or requested alike.
 */
export async function reconcileClosing(job: ClosingJob, inputs: ClosingInputs, ports: ClosingPorts): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const report of buildReports(job, inputs)) {
    differences.push(...compareTotals(report.report, await ports.archivedTotals(job, report.report), report.totals));
    if (report.report === 'financial-statements') differences.push(...positionDifferences(report.totals));
  }
  if (job.period.kind !== 'daily') {
    differences.push(...unbalancedFunds(trialBalance(job.gov, { ...job.period, kind: 'monthly' }, inputs.totals, inputs.opening).funds));
  }
  const cash = await ports.cashPositions(job);
  differences.push(...cashDifferences(cash.journal, cash.fundStatus));
  await ports.metric(job, 'ReconciliationDifferences', differences.length, 'Count');
  if (job.period.kind === 'year-end') {
    const budget = budgetReconciliationDifferences(yearReconciliation(job, inputs));
    await ports.metric(job, 'BudgetReconciliationDifferences', budget.length, 'Count');
    const advances = await ports.unsettledAdvances(job);
    await ports.metric(job, 'UnsettledAdvances', advances.count, 'Count');
    await ports.metric(job, 'UnsettledAdvanceWon', advances.unsettled, 'None');
  }
  return differences;
}
