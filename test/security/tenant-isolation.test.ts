import { afterAll, describe, expect, it } from 'vitest';
import { allRoles } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';
import { routes } from '#shared/routes/index.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { sampleRequest } from '#test/security/route-samples.ts';
import { enrolResident } from '#test/support/residents.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
// A resident's government is the residents' registry's, never the token's (issue #19, finding 10).
await enrolResident('resident-1', '11000');

/**
 * Who may use each route, written out from issue 7's roles section, NOT computed from the access
 * declarations (that would test nothing). One row per route of shared/routes/index.ts:
 * - 'public': anyone, with or without a token;
 * - { own, other }: roles admitted on their own government's path, and roles admitted on another
 *   government's path (only the ministry and research ever read across; nobody writes across);
 * - { national }: routes without a government in the path, by role.
 */
type Expectation = 'public' | { readonly own: readonly Role[]; readonly other: readonly Role[] } | { readonly national: readonly Role[] };

/** A government's own officials, its head and its council read its books; the ministry reads every government's. */
const officials: readonly Role[] = [
  'department_official',
  'budget_officer',
  'finance_officer',
  'disbursing_officer',
  'revenue_officer',
  'chief_accountant',
];
const governmentDetail: Expectation = { own: [...officials, 'head', 'council_member', 'ministry'], other: ['ministry'] };
/** Aggregates (totals by classification) are also open to research institutes, for every government. */
const governmentAggregate: Expectation = {
  own: [...officials, 'head', 'council_member', 'ministry', 'research'],
  other: ['ministry', 'research'],
};
const budgetOffice: Expectation = { own: ['budget_officer'], other: [] };

const expectedAccess: Readonly<Record<string, Expectation>> = {
  // platform and registry: open data
  getHealth: 'public',
  // the operators' view of the deployment (issue #19): the national operator only
  getHealthDependencies: { national: ['ministry'] },
  getOpenApi: 'public',
  getDocs: 'public',
  listGovernments: 'public',
  getGovernment: 'public',
  getConcurrentRoles: governmentDetail,
  putConcurrentRoles: { own: ['chief_accountant', 'head'], other: [] },
  // the machine-client registry: the national operators only (issue #19, finding 10)
  listMachineClients: { national: ['ministry'] },
  registerMachineClient: { national: ['ministry'] },
  suspendMachineClient: { national: ['ministry'] },
  // residents' onboarding (issue #19, finding 10): residents ask, the government's 예산부서 decides
  requestResidentEnrolment: { national: ['resident'] },
  getMyResidentEnrolment: { national: ['resident'] },
  listResidentEnrolments: budgetOffice,
  decideResidentEnrolment: budgetOffice,
  listFunctionalClassification: 'public',
  listEconomicClassification: 'public',
  listRevenueCategories: 'public',
  // audit trail: the head, the council and the chief accountant of the government; the ministry everywhere
  listAuditRecords: { own: ['head', 'council_member', 'chief_accountant', 'ministry'], other: ['ministry'] },
  // budget structure and formulation: the budget office builds, departments request, the head submits, the council resolves
  putAccount: budgetOffice,
  listAccounts: governmentDetail,
  putDepartment: budgetOffice,
  listDepartments: governmentDetail,
  createBudgetVersion: budgetOffice,
  listBudgetVersions: governmentDetail,
  getBudgetVersion: governmentDetail,
  editBudgetLines: { own: ['department_official', 'budget_officer', 'council_member'], other: [] },
  listBudgetLines: governmentDetail,
  importBudgetLines: budgetOffice,
  uploadBudgetCsv: budgetOffice,
  transitionBudgetVersion: { own: ['department_official', 'budget_officer', 'head', 'council_member'], other: [] },
  syncBudgetControls: budgetOffice,
  diffBudgetVersions: governmentDetail,
  getBudgetBook: governmentAggregate,
  getBudgetLineHistory: governmentDetail,
  getNationalBudgetTotal: { national: ['ministry', 'research'] },
  openProvisionalBudget: budgetOffice,
  // allotment (예산배정) by the budget office; cash allocation (자금배정) by the budget office or the 재무관
  allotBudget: budgetOffice,
  reverseAllotment: budgetOffice,
  allocateCash: { own: ['budget_officer', 'finance_officer'], other: [] },
  reverseCashAllocation: { own: ['budget_officer', 'finance_officer'], other: [] },
  // expenditure: the 재무관 commits, the 지출원 orders payment, the treasury bank confirms it
  createCommitment: { own: ['finance_officer', 'sub_finance_officer'], other: [] },
  resolvePayment: { own: ['finance_officer', 'disbursing_officer'], other: [] },
  orderPayment: { own: ['disbursing_officer'], other: [] },
  confirmPayment: { own: ['treasury_bank'], other: [] },
  // 반납: the treasury bank confirms the money came back (지방회계법 제27조; 회계령 제29조)
  returnPayment: { own: ['treasury_bank'], other: [] },
  // 정산 of an 일상경비등 advance or 개산급: the 지출원 who receives the 출납계산서 (회계령 제43조제2항)
  settleAdvance: { own: ['disbursing_officer'], other: [] },
  // 세입세출외현금 paid out (원천징수 remitted): the treasury bank confirms
  // 세입세출외현금 moves through the bank, recorded by the bank or the 세입세출외현금 출납원 (지방회계법 제44조③; 시행령 제51조①)
  withdrawCustody: { own: ['treasury_bank', 'deposit_cashier'], other: [] },
  // 보증금 received by the treasury bank; its forfeiture taken into 세입 by the 징수관
  depositCustody: { own: ['treasury_bank', 'deposit_cashier'], other: [] },
  forfeitCustody: { own: ['revenue_officer'], other: [] },
  cancelCommitment: { own: ['finance_officer', 'sub_finance_officer'], other: [] },
  reduceCommitment: { own: ['finance_officer', 'sub_finance_officer'], other: [] },
  correctPosting: { own: ['finance_officer', 'sub_finance_officer', 'disbursing_officer', 'revenue_officer', 'claims_officer'], other: [] },
  // revenue: the 징수관 assesses, notifies and refunds; receipts come from the 징수관 or the treasury bank
  assessRevenue: { own: ['revenue_officer'], other: [] },
  noticeRevenue: { own: ['revenue_officer'], other: [] },
  receiveRevenue: { own: ['revenue_officer', 'treasury_bank'], other: [] },
  refundRevenue: { own: ['revenue_officer'], other: [] },
  // the year after (issue #15): 과년도 수입 like a receipt, 과년도 지출 by the 재무관, 불납결손 and 징수정지 by the 징수관
  receivePriorYearRevenue: { own: ['revenue_officer', 'treasury_bank'], other: [] },
  commitPriorYearExpenditure: { own: ['finance_officer'], other: [] },
  // the 채권관리관 manages the 채권 (지방재정법 제85조)
  writeOffRevenue: { own: ['revenue_officer', 'claims_officer'], other: [] },
  suspendCollection: { own: ['revenue_officer', 'claims_officer'], other: [] },
  // a posting's status is also read by the treasury bank of the government, which confirms payments
  getPosting: { own: [...officials, 'head', 'council_member', 'ministry', 'treasury_bank'], other: ['ministry'] },
  getFundStatus: governmentAggregate,
  // unsettled advances name the 출납원's and payees' orders: the government's own readers and the ministry
  listUnsettledAdvances: governmentDetail,
  getNationalFundStatus: { national: ['ministry', 'research'] },
  // the document ledger (지출부/수입부) names counterparties: the government's own readers and the ministry, not research
  listLedger: governmentDetail,
  backfillLedger: { own: ['chief_accountant'], other: [] },
  // the nationwide execution rate per government is the ministry's
  getNationalExecutionRate: { national: ['ministry'] },
  // settlement: the 회계책임관 records carry-overs and runs closings; archives are read by the government and the ministry
  recordCarryOver: { own: ['chief_accountant'], other: [] },
  listCarryOvers: governmentDetail,
  requestClosing: { own: ['chief_accountant'], other: [] },
  getClosingStatus: governmentDetail,
  listArchives: { national: ['ministry'] },
  listGovernmentArchives: governmentDetail,
  getArchiveDownload: governmentDetail,
  // participatory budgeting: the budget office runs the cycle, residents propose and vote, everyone reads the public part
  createParticipationCycle: budgetOffice,
  getParticipationCycle: 'public',
  transitionParticipationCycle: budgetOffice,
  submitParticipationProposal: { own: ['resident'], other: [] },
  listParticipationProposals: 'public',
  reviewParticipationProposal: budgetOffice,
  voteForParticipationProposal: { own: ['resident'], other: [] },
  getMyParticipationRecords: { own: ['resident'], other: [] },
  getParticipationResult: 'public',
  // disclosure (지방재정공시): open data
  getDisclosedBudgetSummary: 'public',
  getFiscalIndicators: 'public',
  downloadNationwideIndicators: 'public',
  getIndicatorAverages: 'public',
  // debt (채무관리): recorded by the 회계책임관 or the budget office
  // and the 부채관리관 (지방재정법 제87조의2)
  issueDebt: { own: ['chief_accountant', 'budget_officer', 'debt_officer'], other: [] },
  listDebts: governmentDetail,
  getDebt: governmentDetail,
  recordDebtRepayment: { own: ['chief_accountant', 'budget_officer', 'debt_officer'], other: [] },
  recordBtlBalance: { own: ['chief_accountant', 'budget_officer', 'debt_officer'], other: [] },
  reverseDebtRepayment: { own: ['chief_accountant', 'budget_officer', 'debt_officer'], other: [] },
  getDebtRatio: governmentAggregate,
  getNationalDebtRatios: { national: ['ministry', 'research'] },
  // subsidies (지방보조금): the 사업부서 runs programs and decides, the committee's decision is recorded by the budget office,
  // the 회계과 pays and takes returns, the 지방보조사업자 applies and reports on its own projects, the ministry reads nationwide
  createSubsidyProgram: { own: ['department_official', 'budget_officer'], other: [] },
  getSubsidyProgram: 'public',
  submitSubsidyApplication: { own: ['subsidy_recipient'], other: [] },
  getSubsidyApplication: { own: [...officials, 'head', 'council_member', 'ministry', 'subsidy_recipient'], other: ['ministry'] },
  reviewSubsidyApplication: budgetOffice,
  decideSubsidyGrant: { own: ['department_official'], other: [] },
  requestSubsidyPayment: { own: ['subsidy_recipient'], other: [] },
  paySubsidy: { own: ['disbursing_officer'], other: [] },
  recordSubsidyExecution: { own: ['subsidy_recipient'], other: [] },
  requestSubsidyAllocationChange: { own: ['subsidy_recipient'], other: [] },
  decideSubsidyAllocationChange: { own: ['department_official'], other: [] },
  submitSubsidyReport: { own: ['subsidy_recipient'], other: [] },
  settleSubsidyGrant: { own: ['department_official'], other: [] },
  cancelSubsidyGrant: { own: ['department_official'], other: [] },
  fileSubsidyObjection: { own: ['subsidy_recipient'], other: [] },
  decideSubsidyObjection: { own: ['department_official'], other: [] },
  acceptSubsidyObjectionDecision: { own: ['subsidy_recipient'], other: [] },
  orderSubsidyDisclosure: { own: ['department_official'], other: [] },
  recordSubsidyDisclosureCompliance: { own: ['department_official'], other: [] },
  recordSubsidyReturn: { own: ['revenue_officer', 'disbursing_officer'], other: [] },
  imposeSubsidySanction: { own: ['department_official'], other: [] },
  registerSubsidyExclusion: { own: ['budget_officer', 'department_official'], other: [] },
  noticeSubsidyPublication: { own: ['budget_officer', 'department_official'], other: [] },
  recordSubsidyPublicationStatement: { own: ['budget_officer', 'department_official'], other: [] },
  decideSubsidyPublication: { own: ['budget_officer', 'department_official'], other: [] },
  listSubsidyPublishedNames: 'public',
  listMySubsidyApplications: { national: ['subsidy_recipient'] },
  getNationalRecipientGrants: { national: ['ministry'] },
  listNationalSubsidyExclusions: { national: ['ministry'] },
  listNationalOutstandingReturns: { national: ['ministry'] },
  listNationalSubsidyPublishedNames: { national: ['ministry'] },
  listNationalSubsidyFlags: { national: ['ministry'] },
  // budget changes during execution (issue #14): the head decides, the budget office where delegated
  divertBudget: { own: ['head', 'budget_officer'], other: [] },
  transferBudget: { own: ['head', 'budget_officer'], other: [] },
  reallocateBudget: { own: ['head', 'budget_officer'], other: [] },
  useBudgetReserve: { own: ['head', 'budget_officer'], other: [] },
  recodeExecution: { own: ['head', 'budget_officer'], other: [] },
  createPreEstablished: { own: ['head', 'budget_officer'], other: [] },
  reverseBudgetChange: { own: ['head', 'budget_officer'], other: [] },
  listBudgetChanges: governmentDetail,
  recordQuarterlyReport: { own: ['head', 'budget_officer'], other: [] },
  getReserveStatement: governmentDetail,
  getDiversionStatement: governmentDetail,
  putBudgetDelegations: { own: ['head'], other: [] },
  getBudgetLineStatus: governmentDetail,
  getExecutionRollup: governmentAggregate,
  putGeneralProvisions: { own: ['department_official', 'budget_officer', 'council_member'], other: [] },
  getGeneralProvisions: governmentDetail,
  // statutory accounting (issue #13): the 회계책임관 records the 결산정리분개; the register is read like the books
  recordAdjustingEntries: { own: ['chief_accountant'], other: [] },
  listAssetRegister: governmentDetail,
  // contracts (계약): the 계약담당자 (재무관) and the 회계책임관 keep the register, the 사업부서 inspects, the 지출원 and 징수관 take 선금 returns
  registerContract: { own: ['finance_officer', 'chief_accountant'], other: [] },
  listContracts: governmentDetail,
  getContract: governmentDetail,
  changeContract: { own: ['finance_officer', 'chief_accountant'], other: [] },
  claimContractAdvance: { own: ['finance_officer', 'chief_accountant'], other: [] },
  recordContractInspection: { own: ['department_official', 'finance_officer'], other: [] },
  recordContractAdvanceReturn: { own: ['disbursing_officer', 'revenue_officer'], other: [] },
  recordContractDefectDeposit: { own: ['finance_officer', 'chief_accountant'], other: [] },
  // 일상경비등: the 지출원 advances, the 사업부서's 분임재무관/출납원 spends and returns the rest
  advancePettyCash: { own: ['disbursing_officer'], other: [] },
  getPettyCashAdvance: { own: [...officials, 'head', 'council_member', 'ministry', 'petty_cash_cashier'], other: ['ministry'] },
  // the 일상경비등 출납원 spends the advance and returns the rest (지방회계법 제44조③; 시행령 제41조①)
  recordPettyCashSpending: { own: ['department_official', 'petty_cash_cashier'], other: [] },
  returnPettyCash: { own: ['department_official', 'disbursing_officer', 'petty_cash_cashier'], other: [] },
  // 개산급: the 재무관 records and settles
  recordEstimatedPayment: { own: ['finance_officer'], other: [] },
  getEstimatedPayment: governmentDetail,
  settleEstimatedPayment: { own: ['finance_officer'], other: [] },
};

const OWN = '11000';
const OTHER = '26000';

/** Every role's caller belongs to OWN, except the ministry, which belongs to no government. */
const callerFor = (role: Role): TestCaller =>
  role === 'ministry' ? { sub: `${role}-1`, roles: [role] } : { sub: `${role}-1`, roles: [role], gov: OWN, dept: 'finance' };

type Verdict = { allowed: true } | { allowed: false; status: 401 | 403; code: string };

function expectedVerdict(expectation: Expectation, role: Role | undefined, target: 'own' | 'other'): Verdict {
  if (expectation === 'public') return { allowed: true };
  if (role === undefined) return { allowed: false, status: 401, code: 'unauthorized' };
  if ('national' in expectation) {
    return expectation.national.includes(role) ? { allowed: true } : { allowed: false, status: 403, code: 'role-not-permitted' };
  }
  if (!expectation.own.includes(role)) return { allowed: false, status: 403, code: 'role-not-permitted' };
  // The ministry has no government of its own: every government is "another" one for it.
  const foreign = target === 'other' || role === 'ministry';
  if (foreign && !expectation.other.includes(role)) return { allowed: false, status: 403, code: 'other-government' };
  return { allowed: true };
}

const tally = { cases: 0, allowed: 0, denied: 0 };

afterAll(() => {
  console.log(
    `tenant matrix: ${tally.cases} cases over ${routes.length} routes × (${allRoles.length} roles + anonymous) × own/other government: ${tally.allowed} allowed, ${tally.denied} denied`,
  );
});

describe('tenant isolation matrix: every route × role × own/other government', () => {
  it('has an expectation and a sample request for every route, and no row for a route that is gone', () => {
    const ids = routes.map((route) => route.id);
    expect(
      ids.filter((id) => !(id in expectedAccess)),
      'routes without an expectation row',
    ).toEqual([]);
    expect(
      ids.filter((id) => !sampleRequest(routes.find((r) => r.id === id) as (typeof routes)[number], OWN)),
      'routes without a sample request',
    ).toEqual([]);
    expect(
      Object.keys(expectedAccess).filter((id) => !ids.includes(id)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  for (const route of routes) {
    it(`${route.id} (${route.method} ${route.path})`, async () => {
      const expectation = expectedAccess[route.id];
      expect(expectation, `no expectation row for ${route.id}`).toBeDefined();
      const mismatches: string[] = [];
      for (const target of ['own', 'other'] as const) {
        const request = sampleRequest(route, target === 'own' ? OWN : OTHER);
        expect(request, `no sample request for ${route.id}`).toBeDefined();
        for (const role of [undefined, ...allRoles]) {
          const expected = expectedVerdict(expectation as Expectation, role, target);
          const response = await callRoute(route, { ...request, ...(role ? { caller: callerFor(role) } : {}) });
          tally.cases++;
          const who = `${role ?? 'anonymous'} on ${target} government`;
          if (expected.allowed) {
            tally.allowed++;
            if (response.status === 401 || response.status === 403)
              mismatches.push(`${who}: expected allowed, got ${response.status} ${response.body?.code}`);
          } else {
            tally.denied++;
            if (response.status !== expected.status || response.body?.code !== expected.code) {
              mismatches.push(`${who}: expected ${expected.status} ${expected.code}, got ${response.status} ${response.body?.code ?? ''}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
