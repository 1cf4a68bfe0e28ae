import { applicationFor, requireProgram, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { allocationFor, decisionRefusal } from '#shared/domain/subsidy/decision.ts';
import { flagsRefusal, nationwideCheck } from '#shared/domain/subsidy/nationwide-check.ts';
import type { HistoryEntry } from '#shared/domain/subsidy/nationwide-check.ts';
import { nextGrantCut } from '#shared/domain/subsidy/next-grant-cut.ts';
import { nextGrantDisclosureCut } from '#shared/domain/subsidy/disclosure-cut.ts';
import { obligations } from '#shared/domain/subsidy/reporting.ts';
import { Refused, conflict } from '#shared/domain/refusal.ts';
import { planSummaryOf } from '#shared/domain/subsidy/similarity.ts';
import {
  flagItem,
  headBumpItems,
  historyItems,
  recordsOfIdentifier,
  registrationItems,
  takenCutItems,
} from '#shared/stores/subsidy/nationwide.ts';
import { disclosureSort } from '#shared/stores/subsidy/keys.ts';
import { reserveProgramBudget } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, DecisionRecord } from '#shared/stores/subsidy/records.ts';

export interface DecisionInput {
  readonly amount: number;
  readonly decidedOn: string;
  readonly conditions: readonly string[];
  readonly overrideReason?: string | undefined;
  readonly cutBp?: number | undefined;
  readonly cutWaiver?: string | undefined;
  readonly disclosureCutBp?: number | undefined;
  readonly disclosureCutWaiver?: string | undefined;
}

type Records = Awaited<ReturnType<typeof recordsOfIdentifier>>[];

/** Each grant once across the identifiers' records (a grant is kept under every identifier of its recipient). */
const unique = <Item extends { readonly gov: string; readonly applicationId: string }>(items: readonly Item[]): Item[] => [
  ...new Map(items.map((item) => [`${item.gov}#${item.applicationId}`, item])).values(),
];

/** The recipient's grants from `gov` in `year`, each once, but `except` (the base of the 공시 cut, 보조금령 §11의2⑤). */
const grantsOfYear = (records: Records, gov: string, except?: string) => (year: number) =>
  unique(records.flatMap((r) => r.grants))
    .filter((entry) => entry.gov === gov && entry.year === year && entry.applicationId !== except)
    .reduce((sum, entry) => sum + entry.amount, 0);

/**
 * 교부결정 (보조금법 §8–§10). In order:
 * 1. the step is allowed, the committee reviewed it after a 공모, and the amount fits the request,
 *    the committee's approval and the program's budget;
 * 2. the nationwide check by identifier (one Query per identifier): exclusions refuse, unpaid returns
 *    suspend, similar grants of the last 5 years are flagged and need the officer's reason; a late
 *    실적보고 to this government cuts the grant within its band or is waived with a reason (§17③);
 * 3. the commitment (지출원인행위) on the line through the ledger — idempotent by the grant's
 *    reference, so a retry after a lost write re-finds it;
 * 4. one transaction: the grant (decided and notified, §10), the program's reserved budget, the support
 *    history under each identifier, the flag for the ministry, and the audit record — on condition that
 *    each identifier's version is still the one the check read (else 409 nationwide-check-stale; the
 *    retry re-finds its commitment and is checked against the grant that won).
 */
export async function decideGrant(at: ApplicationAt, input: DecisionInput, ledger: SubsidyLedger): Promise<ApplicationRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'decide');
  const program = await requireProgram(gov, year, application.programId);
  throwIf(
    decisionRefusal({
      publicCall: program.selection.kind === 'public-call',
      reviewed: application.state === 'reviewed',
      amount: input.amount,
      amountAsked: application.amountAsked,
      committeeApproved: application.review?.approvedAmount,
      programBudget: program.budget,
      programDecided: program.decided,
    }),
  );

  const planSummary = planSummaryOf(application.plan);
  const records = await Promise.all(application.identifiers.map(recordsOfIdentifier));
  const findings = nationwideCheck(
    { gov, applicationId, projectName: application.projectName, planSummary, period: application.period },
    records,
    input.decidedOn,
  );
  throwIf(findings.refusal);
  throwIf(flagsRefusal(findings.flags, input.overrideReason));

  // A late 실적보고 to this government cuts this grant once (보조금법 §17③; 보조금령 §9④).
  const pendingCuts = unique(records.flatMap((r) => r.cuts));
  const takenCuts = pendingCuts.filter((c) => c.gov === gov);
  const reportCut = nextGrantCut(gov, input.amount, pendingCuts, input);
  if (reportCut && 'code' in reportCut) throw new Refused(reportCut);
  // 시정명령 for a 공시 unmet cut it too, on the disclosed year's total (보조금법 §20의2②; 보조금령 §11의2⑤).
  const disclosures = unique(records.flatMap((r) => r.disclosures));
  const disclosureCut = nextGrantDisclosureCut({
    gov,
    amount: reportCut?.decided ?? input.amount,
    cases: disclosures,
    yearGrantOf: grantsOfYear(records, gov),
    on: input.decidedOn,
    choice: input,
  });
  if (disclosureCut && 'code' in disclosureCut) throw new Refused(disclosureCut);
  const takenDisclosures = disclosures.filter((d) => disclosureCut?.taken.includes(d));
  const amount = (reportCut?.decided ?? input.amount) - (disclosureCut?.cut ?? 0);

  // 특정지방보조사업자 (보조금법 §18): this recipient's grants from this government in this year, this one included.
  const recipientYearTotal = grantsOfYear(records, gov, applicationId)(year) + amount;

  const commitmentId = await ledger.commit({
    request,
    gov,
    year,
    lineId: program.lineId,
    amount: amount,
    counterparty: application.identity.name,
    reference: `subsidy.${gov}.${year}.${applicationId}`,
    date: input.decidedOn,
  });

  const decision: DecisionRecord = {
    amount: amount,
    conditions: input.conditions,
    decidedOn: input.decidedOn,
    decidedBy: request.caller?.sub ?? 'anonymous',
    notifiedAt: request.receivedAt,
    commitmentId,
    flags: findings.flags,
    ...(findings.flags.length > 0 && input.overrideReason ? { overrideReason: input.overrideReason } : {}),
    ...(reportCut
      ? {
          reportCut: {
            asked: input.amount,
            cutBp: reportCut.cutBp,
            cut: reportCut.cut,
            lateApplications: reportCut.taken.map((c) => c.applicationId),
            article: reportCut.article,
            ...(reportCut.waiver ? { waiver: reportCut.waiver } : {}),
          },
        }
      : {}),
    ...(disclosureCut
      ? {
          disclosureCut: {
            cutBp: disclosureCut.cutBp,
            cut: disclosureCut.cut,
            unmetOrders: disclosureCut.unmetOrders,
            disclosedYear: disclosureCut.disclosedYear,
            yearGrantTotal: disclosureCut.yearGrantTotal,
            applications: disclosureCut.taken.map((c) => c.applicationId),
            article: disclosureCut.article,
            ...(disclosureCut.waiver ? { waiver: disclosureCut.waiver } : {}),
          },
        }
      : {}),
    obligations: obligations({
      year,
      grantTotal: amount,
      recipientYearTotal,
      notifiedOn: input.decidedOn,
      recipientIsLocalGovernment: false,
    }),
  };
  const entry: HistoryEntry = {
    gov,
    year,
    applicationId,
    projectName: application.projectName,
    planSummary,
    period: application.period,
    amount: amount,
    decidedOn: input.decidedOn,
  };
  const changes: Partial<ApplicationRecord> = { state: 'decided', decision, allocation: allocationFor(application.costs, amount) };
  const flag =
    findings.flags.length > 0
      ? [
          flagItem(application, request.receivedAt, {
            gov,
            year,
            applicationId,
            projectName: application.projectName,
            amount: amount,
            decidedBy: decision.decidedBy,
            overrideReason: input.overrideReason,
            flags: findings.flags,
          }),
        ]
      : [];
  return writeStep(
    request,
    application,
    {
      operation: 'subsidy.grant.decide',
      changes,
      others: {
        program: reserveProgramBudget(program, amount),
        history: historyItems(application, entry),
        registration: registrationItems(
          application.identifiers,
          records.map((r) => r.version),
        ),
        flag,
        cuts: takenCutItems(takenCuts, `${gov}#${applicationId}`),
        disclosures: takenCutItems(takenDisclosures, `${gov}#${applicationId}`, disclosureSort),
        // the cut grants' other identifiers see the cuts taken too (this grant's own move with the registration)
        head: headBumpItems(
          [...takenCuts, ...takenDisclosures].flatMap((c) => c.identifiers),
          application.identifiers,
        ),
      },
    },
    {
      registration: conflict(
        'nationwide-check-stale',
        'another grant, exclusion, 반환 or cut of this recipient was recorded since the check; decide again',
        { rule: 'the nationwide check must still be current when the decision is written (보조금법 §6③, §32⑦)' },
      ),
    },
  );
}
