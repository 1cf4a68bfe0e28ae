import { applicationFor, requireProgram, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { Refused, refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { cancel } from '#shared/domain/subsidy/cancellation.ts';
import { isRefusal } from '#shared/domain/subsidy/committee.ts';
import { withdrawnRefusal } from '#shared/domain/subsidy/objection.ts';
import { headBumpItems, historyAmountItems, returnItems } from '#shared/stores/subsidy/nationwide.ts';
import { reserveProgramBudget } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, CancellationRecord, DecisionRecord } from '#shared/stores/subsidy/records.ts';

/**
 * A lapse by 철회 간주 (§36의2③ 후단) is recorded only once the objector's `acceptBy` has passed
 * without acceptance, and for the whole decision as it stands.
 */
function withdrawalRefusal(
  application: ApplicationRecord,
  decision: DecisionRecord,
  input: { readonly amount: number; readonly cancelledOn: string },
): Refusal | undefined {
  const deemed = withdrawnRefusal(application.objections ?? [], input.cancelledOn);
  if (deemed && input.amount === decision.amount) return undefined;
  return refusal(
    'unprocessable',
    'withdrawal-not-deemed',
    'the application does not count as withdrawn on that day, or not for that amount',
    {
      rule: 'an objection decided with acceptBy < cancelledOn and not accepted; amount = the whole decision (보조금법 §36의2③ 후단)',
      numbers: { amount: input.amount, decided: decision.amount, cancelledOn: input.cancelledOn },
    },
  );
}

const spentGrant = (application: ApplicationRecord): number =>
  Object.values(application.executed).reduce((sum, line) => sum + line.grant, 0);

/**
 * 교부결정 취소 by the 사업부서, with its ground (보조금법 §11, §12) and notified like the decision
 * (§11⑤, §12② → §10). The decision is cut by the cancelled part; what of it was not paid leaves the
 * commitment; what was paid is ordered back with its interest (§31①) through the 반환 path (the
 * application becomes `settled` with the amount kept as fixed, so `recordReturn` takes the money
 * and the unpaid 반환 suspends further grants nationwide, §33).
 *
 * The commitment: the cancelled part not yet paid (`unpaidReleased`) leaves it at once through the
 * execution `reduce` posting (지출원인행위 감액), payments or not, so the line's allotment gets back
 * what the grant will no longer pay. The program's total of decisions (교부 합계, what §8①1's budget
 * check counts) and the grant's amount in the nationwide support history fall by the cancelled part
 * in the same transaction.
 */
export async function cancelGrant(
  at: ApplicationAt,
  input: {
    readonly ground: string;
    readonly amount: number;
    readonly reason: string;
    readonly cancelledOn: string;
    readonly interest: number;
  },
  ledger: SubsidyLedger,
): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'cancel');
  const decision = application.decision as DecisionRecord;
  if (input.ground === 'withdrawn') throwIf(withdrawalRefusal(application, decision, input));
  const outcome = cancel({
    ground: input.ground,
    amount: input.amount,
    decided: decision.amount,
    paid: application.paid,
    spentGrant: spentGrant(application),
    interest: input.interest,
  });
  if (isRefusal(outcome)) throw new Refused(outcome);
  const releasePostingId =
    outcome.unpaidReleased > 0
      ? await ledger.release({
          request,
          gov,
          year,
          commitmentId: decision.commitmentId,
          amount: outcome.unpaidReleased,
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
    commitment: releasePostingId ? { status: 'released', postingId: releasePostingId } : { status: 'unchanged' },
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
  const returns = outcome.returnDue > 0 ? returnItems(application, outcome.returnDue) : [];
  const program = await requireProgram(gov, year, application.programId);
  const totals = {
    program: reserveProgramBudget(program, -input.amount),
    history: historyAmountItems(application, decision.decidedOn, outcome.decidedAfter),
    head: headBumpItems(application.identifiers),
  };
  return writeStep(request, application, { operation: 'subsidy.grant.cancel', changes, others: { returns, ...totals } });
}
