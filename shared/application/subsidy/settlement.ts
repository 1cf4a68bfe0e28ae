import { applicationFor, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { commitmentHeld } from '#shared/domain/subsidy/cancellation.ts';
import { isRefusal } from '#shared/domain/subsidy/committee.ts';
import { pendingCutOf } from '#shared/domain/subsidy/next-grant-cut.ts';
import { lateBand, reportDueDate, verificationRefusal } from '#shared/domain/subsidy/reporting.ts';
import { sanctionDueDate, sanctionRefusal } from '#shared/domain/subsidy/sanction.ts';
import { returnDestination, returnParts, returnRefusal, settle } from '#shared/domain/subsidy/settlement.ts';
import { paymentsOf } from '#shared/stores/subsidy/applications.ts';
import { headBumpItems, pendingCutItems, returnItems } from '#shared/stores/subsidy/nationwide.ts';
import type { ApplicationRecord, ReportRecord, ReturnRecord } from '#shared/stores/subsidy/records.ts';

const spent = (application: ApplicationRecord, source: 'grant' | 'own'): number =>
  Object.values(application.executed).reduce((sum, line) => sum + line[source], 0);

/**
 * 실적보고 with the 정산보고서 by funding source (보조금법 §17①; 보조금령 §9③): spending comes from the
 * recorded executions, grant and own apart. Due 2 months after completion or year end (영 §9①); the
 * late band is recorded for the cut of the next grant (§17③; 영 §9④); ≥ 3억원 needs the external
 * verification (§17②).
 */
export async function submitReport(
  at: ApplicationAt,
  input: {
    readonly submittedOn: string;
    readonly completedOn?: string | undefined;
    readonly interest: number;
    readonly verification?: ReportRecord['verification'];
  },
): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'report');
  throwIf(verificationRefusal(application.decision?.amount ?? 0, false, input.verification !== undefined));
  const dueDate = reportDueDate(year, input.completedOn, application.period.end);
  const report: ReportRecord = {
    submittedOn: input.submittedOn,
    ...(input.completedOn ? { completedOn: input.completedOn } : {}),
    dueDate,
    late: lateBand(dueDate, input.submittedOn),
    spentGrant: spent(application, 'grant'),
    spentOwn: spent(application, 'own'),
    interest: input.interest,
    ...(input.verification ? { verification: input.verification } : {}),
  };
  // A report 3 months or more late leaves a cut of this government's next grant to the recipient (§17③).
  const cut = pendingCutOf(gov, applicationId, report.late);
  const cuts = cut ? pendingCutItems(application, cut) : [];
  const head = cut ? headBumpItems(application.identifiers) : [];
  return writeStep(request, application, {
    operation: 'subsidy.report.submit',
    changes: { state: 'reported', report },
    others: { cuts, head },
  });
}

/**
 * 금액 확정 (보조금법 §19) and the 반환 due (§31②). A 반환 due is registered under each identifier and
 * in the ministry's list, so that it suspends further grants anywhere until paid (§33). The part of
 * the commitment the grant will no longer pay is released (the `reduce` posting).
 */
export async function settleGrant(
  at: ApplicationAt,
  input: { readonly fixedAmount: number; readonly interest: number; readonly settledOn: string },
  ledger: SubsidyLedger,
): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'settle');
  const decided = application.decision?.amount ?? 0;
  const outcome = settle({ decided, paid: application.paid, fixed: input.fixedAmount, interest: input.interest });
  if (isRefusal(outcome)) throw new Refused(outcome);
  // What the grant will no longer pay leaves the commitment (지출원인행위 감액): all it holds beyond
  // the fixed amount or what was paid, whichever is more (the excess paid comes back by 반환).
  const held = commitmentHeld(application.cancellations?.[0]?.decidedBefore ?? decided, application.cancellations ?? []);
  const released = Math.max(0, held - Math.max(outcome.fixed, application.paid));
  if (released > 0 && application.decision) {
    await ledger.release({
      request,
      gov,
      year,
      commitmentId: application.decision.commitmentId,
      amount: released,
      reference: `subsidy.${gov}.${year}.${applicationId}`,
      date: input.settledOn,
      reason: `보조금 금액 확정 ${input.fixedAmount}: 미교부 잔액 해제`,
    });
  }
  const changes: Partial<ApplicationRecord> = {
    state: outcome.returnDue > 0 ? 'settled' : 'closed',
    settlement: {
      fixed: outcome.fixed,
      interest: input.interest,
      returnDue: outcome.returnDue,
      settledOn: input.settledOn,
      releasedFromCommitment: released,
    },
  };
  const returns = outcome.returnDue > 0 ? returnItems(application, outcome.returnDue) : [];
  const head = outcome.returnDue > 0 ? headBumpItems(application.identifiers) : [];
  return writeStep(request, application, { operation: 'subsidy.grant.settle', changes, others: { returns, head } });
}

/** A 반환 received: where it goes is the pure rule of 지방회계법 §27; the ledger posts it. */
export async function recordReturn(
  at: ApplicationAt,
  input: { readonly amount: number; readonly receivedOn: string; readonly revenueLineId?: string | undefined },
  ledger: SubsidyLedger,
): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'return');
  const outstanding = (application.settlement?.returnDue ?? 0) - application.returned;
  throwIf(returnRefusal(outstanding, input.amount));
  // a 정산반납 (after 실적보고 and 금액 확정, no 취소 ordering money back) may count for the old year until 20 January
  const settlementReturn = application.report !== undefined && !(application.cancellations ?? []).some((c) => c.returnDue > 0);
  const destination = returnDestination(year, input.receivedOn, settlementReturn);
  // Only a 반납 within the year goes back against the paid orders; a later return is all revenue (§27①).
  const { parts } =
    destination.kind === 'restore-line'
      ? returnParts(await paidOrders(gov, year, applicationId), restoredBefore(application), input.amount)
      : { parts: [] };
  const posted = await ledger.returnFunds({
    request,
    gov,
    destination,
    parts,
    revenueLineId: input.revenueLineId,
    amount: input.amount,
    payer: application.identity.name,
    reference: `subsidy.${gov}.${year}.${applicationId}.return.${application.returns.length + 1}`,
    date: input.receivedOn,
  });
  const record: ReturnRecord = {
    amount: input.amount,
    receivedOn: input.receivedOn,
    destination,
    postingIds: posted.postingIds,
    ledgerStatus: posted.status,
    restored: parts.reduce((sum, part) => sum + part.amount, 0),
  };
  const left = outstanding - input.amount;
  const changes: Partial<ApplicationRecord> = {
    returned: application.returned + input.amount,
    returns: [...application.returns, record],
    ...(left === 0 ? { state: 'closed' as const } : {}),
  };
  return writeStep(request, application, {
    operation: 'subsidy.return.record',
    changes,
    others: { returns: returnItems(application, left), head: headBumpItems(application.identifiers) },
  });
}

/** The grant's payment orders, in the order they were paid. */
async function paidOrders(gov: string, year: number, applicationId: string): Promise<{ orderId: string; amount: number }[]> {
  return (await paymentsOf(gov, year, applicationId))
    .filter((payment) => payment.state === 'paid' && payment.orderId !== undefined)
    .sort((a, b) => (a.paidOn ?? '').localeCompare(b.paidOn ?? '') || a.paymentId.localeCompare(b.paymentId))
    .map((payment) => ({ orderId: payment.orderId ?? '', amount: payment.amount }));
}

/** What the grant's earlier 반납 already took back against its orders (each return's parts, not its interest). */
const restoredBefore = (application: ApplicationRecord): number =>
  application.returns
    .filter((record) => record.destination.kind === 'restore-line')
    .reduce((sum, record) => sum + (record.restored ?? 0), 0);

/** 제재부가금 (보조금법 §35; 보조금령 §21): ≤ 5 × the amount to be returned, due 30 days after the notice. */
export async function imposeSanction(
  at: ApplicationAt,
  input: { readonly amount: number; readonly finesAlready: number; readonly noticeOn: string; readonly cancellationRef: string },
): Promise<ApplicationRecord> {
  const { request } = at;
  const application = await applicationFor(at, 'sanction');
  throwIf(sanctionRefusal(input.amount, application.settlement?.returnDue ?? 0, input.finesAlready));
  const sanction = {
    amount: input.amount,
    dueDate: sanctionDueDate(input.noticeOn),
    imposedOn: input.noticeOn,
    cancellationRef: input.cancellationRef,
  };
  return writeStep(request, application, { operation: 'subsidy.sanction.impose', changes: { sanction } });
}
