import type { ApplicationContent, CostLine } from '#shared/domain/subsidy/application.ts';
import type { CommitteeRecord } from '#shared/domain/subsidy/committee.ts';
import type { Identifier, RecipientIdentity } from '#shared/domain/subsidy/identifiers.ts';
import type { CancellationGround } from '#shared/domain/subsidy/cancellation.ts';
import type { CorrectionOrderInput } from '#shared/domain/subsidy/correction-order.ts';
import type { ApplicationState } from '#shared/domain/subsidy/lifecycle.ts';
import type { SimilarMatch } from '#shared/domain/subsidy/nationwide-check.ts';
import type { ProgramInput } from '#shared/domain/subsidy/program.ts';
import type { ObjectionOutcome, ObjectionSubject } from '#shared/domain/subsidy/objection.ts';
import type { LateBand, Obligation } from '#shared/domain/subsidy/reporting.ts';
import type { ReturnDestination } from '#shared/domain/subsidy/settlement.ts';

/** The stored shapes of the subsidy context (what the stores write and read; views are built from them). */
export interface ProgramRecord extends ProgramInput {
  readonly gov: string;
  readonly year: number;
  readonly programId: string;
  readonly statItem: string;
  readonly decided: number;
  readonly createdAt: string;
}

/** The identity as stored on the application: never the 주민등록번호 (that is in the restricted PII item). */
export type StoredIdentity = Omit<RecipientIdentity, 'representative'> & { readonly representativeName: string };

export interface DecisionRecord {
  readonly amount: number;
  readonly conditions: readonly string[];
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly notifiedAt: string;
  readonly commitmentId: string;
  readonly flags: readonly SimilarMatch[];
  readonly overrideReason?: string;
  /** The cut of this grant for a late 실적보고 (보조금법 §17③): `amount` is what was asked less `cut`. */
  readonly reportCut?: {
    readonly asked: number;
    readonly cutBp: number;
    readonly cut: number;
    readonly lateApplications: readonly string[];
    readonly article: string;
    readonly waiver?: string;
  };
  /** The cut of this grant for 공시 시정명령 unmet (보조금법 §20의2②; 보조금령 §11의2⑤): off `amount` after any report cut. */
  readonly disclosureCut?: {
    readonly cutBp: number;
    readonly cut: number;
    readonly unmetOrders: number;
    readonly disclosedYear: number;
    readonly yearGrantTotal: number;
    readonly applications: readonly string[];
    readonly article: string;
    readonly waiver?: string;
  };
  readonly obligations: readonly Obligation[];
}

/** A written 시정명령 for the grant's 공시 (보조금령 §11의2④) and, once recorded, its compliance. */
export interface DisclosureOrderRecord extends CorrectionOrderInput {
  readonly issuedBy: string;
  readonly compliedOn?: string;
  readonly complianceRecordedBy?: string;
}

export interface ReportRecord {
  readonly submittedOn: string;
  readonly completedOn?: string;
  readonly dueDate: string;
  readonly late: LateBand;
  readonly spentGrant: number;
  readonly spentOwn: number;
  readonly interest: number;
  readonly verification?: { readonly auditor: string; readonly reportRef: string };
}

export interface SettlementRecord {
  readonly fixed: number;
  readonly interest: number;
  readonly returnDue: number;
  readonly settledOn: string;
  readonly releasedFromCommitment: number;
}

export interface ReturnRecord {
  readonly amount: number;
  readonly receivedOn: string;
  readonly destination: ReturnDestination;
  readonly postingIds: readonly string[];
  /** `awaiting-posting-kind`: recorded before execution had the 반납 posting (kept on old records). */
  readonly ledgerStatus: 'posted' | 'awaiting-posting-kind';
  /** What went back to the line against the grant's payment orders (반납, 지방회계법 §27②). */
  readonly restored?: number;
}

/** A 교부결정 취소 (보조금법 §11, §12) and what it did to the commitment and the money paid (§31①). */
export interface CancellationRecord {
  readonly ground: CancellationGround;
  readonly article: string;
  readonly amount: number;
  readonly reason: string;
  readonly cancelledOn: string;
  readonly cancelledBy: string;
  readonly decidedBefore: number;
  readonly decidedAfter: number;
  readonly unpaidReleased: number;
  /**
   * `released`: `unpaidReleased` left the commitment now (the `reduce` posting); `unchanged`: the cut
   * fell on money already paid. `at-settlement` and `still-committed` remain on records made before
   * the `reduce` posting existed (nothing was released then).
   */
  readonly commitment:
    | { readonly status: 'released'; readonly postingId: string }
    | { readonly status: 'at-settlement' | 'still-committed' | 'unchanged' };
  readonly returnDue: number;
  readonly interest: number;
}

/** An 이의신청 (보조금법 §36의2) and, once heard, its decision. */
export interface ObjectionRecord {
  readonly subject: ObjectionSubject;
  readonly noticeOn: string;
  readonly filedOn: string;
  readonly grounds: string;
  readonly filedBy: string;
  readonly status: 'pending' | 'decided';
  /** The objector's acceptance of the decision (§36의2③ 후단), on or before `decision.acceptBy`. */
  readonly acceptedOn?: string;
  readonly decision?: {
    readonly decidedOn: string;
    readonly outcome: ObjectionOutcome;
    readonly heard: string;
    readonly measures: string;
    readonly decidedBy: string;
    /** An objection to the decision's content: accept by this day or the application counts as withdrawn (§36의2③). */
    readonly acceptBy?: string;
  };
}

export interface ApplicationRecord extends ApplicationContent {
  readonly gov: string;
  readonly year: number;
  readonly programId: string;
  readonly applicationId: string;
  readonly recipientId: string;
  readonly identity: StoredIdentity;
  readonly identifiers: readonly Identifier[];
  readonly state: ApplicationState;
  readonly revision: number;
  readonly submittedAt: string;
  readonly review?: CommitteeRecord & { readonly passed: boolean; readonly recordedBy: string };
  readonly decision?: DecisionRecord;
  readonly allocation?: readonly CostLine[];
  readonly pendingAllocation?: { readonly costs: readonly CostLine[]; readonly reason: string; readonly requestedAt: string };
  readonly executed: Readonly<Record<string, { readonly grant: number; readonly own: number }>>;
  readonly requested: number;
  readonly paid: number;
  readonly report?: ReportRecord;
  readonly settlement?: SettlementRecord;
  readonly returned: number;
  readonly returns: readonly ReturnRecord[];
  readonly cancellations?: readonly CancellationRecord[];
  readonly objections?: readonly ObjectionRecord[];
  readonly disclosureOrders?: readonly DisclosureOrderRecord[];
  readonly sanction?: { readonly amount: number; readonly dueDate: string; readonly imposedOn: string };
}

export interface ExecutionRecord {
  readonly applicationId: string;
  readonly item: string;
  readonly source: 'grant' | 'own';
  readonly amount: number;
  readonly date: string;
  readonly evidence: { readonly kind: string; readonly reference: string };
  readonly recordedAt: string;
}

export interface PaymentRecord {
  readonly applicationId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly requestedOn: string;
  readonly evidence: readonly { readonly kind: string; readonly reference: string }[];
  readonly state: 'requested' | 'paid';
  readonly paidOn?: string;
  readonly resolutionId?: string;
  readonly orderId?: string;
}

export interface ExclusionRecord {
  readonly gov: string;
  readonly exclusionId: string;
  readonly party: string;
  readonly ground: string;
  readonly count: number;
  readonly from: string;
  readonly until: string;
  readonly reductionMonths: number;
  readonly article: string;
  readonly name: string;
  readonly identifiers: readonly Identifier[];
  readonly violation: string;
  readonly registeredAt: string;
  /** Set when a 명단 공표 case naming this exclusion was published (보조금법 §30①2). */
  readonly publication?: { readonly gov: string; readonly publicationId: string; readonly from: string; readonly until: string };
}
