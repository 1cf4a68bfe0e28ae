import { auditRecord } from '#shared/audit/audit-record.ts';
import { applicationTarget, requireApplication, requireWritten, throwIf } from '#shared/application/subsidy/common.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { cancel } from '#shared/domain/subsidy/cancellation.ts';
import { isRefusal } from '#shared/domain/subsidy/committee.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { updateApplication } from '#shared/stores/subsidy/applications.ts';
import { returnItems } from '#shared/stores/subsidy/nationwide.ts';
import type { ApplicationRecord, CancellationRecord, DecisionRecord } from '#shared/stores/subsidy/records.ts';

const spentGrant = (application: ApplicationRecord): number =>
  Object.values(application.executed).reduce((sum, line) => sum + line.grant, 0);

/**
 * 교부결정 취소 by the 사업부서, with its ground (보조금법 §11, §12) and notified like the decision
 * (§11⑤, §12② → §10). The decision is cut by the cancelled part; what of it was not paid leaves the
 * commitment; what was paid is ordered back with its interest (§31①) through the 반환 path (the
 * application becomes `settled` with the amount kept as fixed, so `recordReturn` takes the money
 * and the unpaid 반환 suspends further grants nationwide, §33).
 *
 * The commitment: the execution `cancel` posting releases all that was not resolved and refuses a
 * commitment with payments. So it is posted now only when the whole unpaid rest goes (nothing more
 * will be paid) and nothing was paid; a partial cut leaves the commitment for 금액 확정 to release
 * (`settleGrant`), and a cut of a paid grant records the part still committed (`commitment` below).
 */
export async function cancelGrant(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  input: {
    readonly ground: string;
    readonly amount: number;
    readonly reason: string;
    readonly cancelledOn: string;
    readonly interest: number;
  },
  ledger: SubsidyLedger,
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'cancel'));
  const decision = application.decision as DecisionRecord;
  const outcome = cancel({
    ground: input.ground,
    amount: input.amount,
    decided: decision.amount,
    paid: application.paid,
    spentGrant: spentGrant(application),
    interest: input.interest,
  });
  if (isRefusal(outcome)) throw new Refused(outcome);
  const nothingMoreToPay = outcome.decidedAfter <= application.paid;
  const postNow = nothingMoreToPay && application.paid === 0 && outcome.unpaidReleased > 0;
  const releasePostingId = postNow
    ? await ledger.release({
        request,
        gov,
        year,
        commitmentId: decision.commitmentId,
        reference: `subsidy.${gov}.${year}.${applicationId}.cancel.${(application.cancellations ?? []).length + 1}`,
        date: input.cancelledOn,
        reason: `보조금 교부결정 취소 (${outcome.article}): ${input.reason}`,
      })
    : undefined;
  const record: CancellationRecord = {
    ground: outcome.ground,
    article: outcome.article,
    amount: input.amount,
    reason: input.reason,
    cancelledOn: input.cancelledOn,
    cancelledBy: request.caller?.sub ?? 'unknown',
    decidedBefore: decision.amount,
    decidedAfter: outcome.decidedAfter,
    unpaidReleased: outcome.unpaidReleased,
    commitment: releasePostingId
      ? { status: 'released', postingId: releasePostingId }
      : { status: outcome.unpaidReleased === 0 ? 'unchanged' : application.paid === 0 ? 'at-settlement' : 'still-committed' },
    returnDue: outcome.returnDue,
    interest: outcome.returnDue > 0 ? input.interest : 0,
  };
  const changes: Partial<ApplicationRecord> = {
    decision: { ...decision, amount: outcome.decidedAfter },
    cancellations: [...(application.cancellations ?? []), record],
    ...(outcome.returnDue > 0
      ? {
          state: 'settled' as const,
          settlement: {
            fixed: outcome.decidedAfter,
            interest: record.interest,
            returnDue: outcome.returnDue,
            settledOn: input.cancelledOn,
            releasedFromCommitment: 0,
          },
        }
      : outcome.decidedAfter === 0
        ? { state: 'closed' as const }
        : {}),
  };
  const audit = auditRecord(request, { gov, operation: 'subsidy.grant.cancel', target: applicationTarget(application) });
  const returns = outcome.returnDue > 0 ? returnItems(application, outcome.returnDue) : [];
  requireWritten(await updateApplication(application, changes, { returns }, audit));
  return { ...application, ...changes, revision: application.revision + 1 };
}
