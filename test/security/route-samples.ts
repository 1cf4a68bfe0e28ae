import type { Route } from '#shared/http/route.ts';
import type { CallOptions } from '#test/support/api.ts';

/**
 * One syntactically valid request per route (path parameters other than {gov}, query, body,
 * headers), so that a call gets past validation and meets the access rule and the handler.
 * Used by the tenant matrix (which needs valid requests) and the fuzz (which breaks them).
 * A new route needs a row here: both security tests fail until it has one.
 */
export type RouteSample = Pick<CallOptions, 'query' | 'body' | 'rawBody' | 'headers'> & {
  readonly params?: Readonly<Record<string, string | number>>;
};

export const YEAR = 2026;
const LINE = 'E.GEN.P1.U1.D1.201-01';

export const routeSamples: Readonly<Record<string, RouteSample>> = {
  // platform and registry (public)
  getHealth: {},
  getHealthDependencies: {},
  getOpenApi: {},
  getDocs: {},
  listGovernments: { query: { level: 'basic' } },
  getGovernment: {},
  getConcurrentRoles: {},
  putConcurrentRoles: { body: { expectedRevision: 0, offices: [], exceptions: [] } },
  listMachineClients: {},
  registerMachineClient: { params: { clientId: 'bank-11000' }, body: { role: 'treasury_bank', govs: ['11000'] } },
  suspendMachineClient: { params: { clientId: 'bank-11000' } },
  requestResidentEnrolment: { body: { gov: '11000' } },
  getMyResidentEnrolment: {},
  listResidentEnrolments: { query: { status: 'pending' } },
  decideResidentEnrolment: {
    params: { enrolmentId: '00000000-0000-4000-8000-000000000000' },
    body: { outcome: 'approve', identityCheckReference: 'PASS-20261130-0001' },
  },
  listFunctionalClassification: {},
  listEconomicClassification: {},
  listRevenueCategories: {},
  // audit
  listAuditRecords: { query: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, limit: '10' } },
  // budget structure and formulation
  putAccount: { params: { account: 'GEN' }, body: { name: '일반회계', kind: 'general' } },
  listAccounts: {},
  putDepartment: { params: { dept: 'finance' }, body: { name: '재무과' } },
  listDepartments: {},
  createBudgetVersion: { params: { year: YEAR }, body: { kind: 'original', title: '2026년도 본예산' } },
  listBudgetVersions: { params: { year: YEAR } },
  getBudgetVersion: { params: { year: YEAR, version: 0 } },
  // Workflow steps and line edits aim at a version that never exists (99): what a role may do in
  // each state is the budget's own rule (403 role-not-permitted from the handler), not the access rule.
  editBudgetLines: { params: { year: YEAR, version: 99 }, body: { revision: 0, upsert: [expenditureLine()] } },
  listBudgetLines: { params: { year: YEAR, version: 0 }, query: { limit: '10' } },
  importBudgetLines: { params: { year: YEAR, version: 99 }, body: { revision: 0, lines: [expenditureLine()] } },
  uploadBudgetCsv: {
    params: { year: YEAR, version: 99 },
    query: { revision: '0' },
    rawBody: 'kind,account,dept,amount\nrevenue,GEN,D100,10\n',
    headers: { 'content-type': 'text/csv' },
  },
  transitionBudgetVersion: { params: { year: YEAR, version: 99 }, body: { action: 'request', revision: 0 } },
  syncBudgetControls: { params: { year: YEAR, version: 0 } },
  diffBudgetVersions: { params: { year: YEAR, version: 0 }, query: { against: '0' } },
  getBudgetBook: { params: { year: YEAR, version: 0 } },
  getBudgetLineHistory: { params: { year: YEAR, lineId: LINE } },
  getNationalBudgetTotal: { params: { year: YEAR } },
  openProvisionalBudget: { params: { year: YEAR } },
  // allotment and cash
  allotBudget: { params: { year: YEAR }, body: { lineId: LINE, quarter: 1, amount: 1_000_000, kind: 'regular', reference: 'ALLOT-1' } },
  reverseAllotment: { params: { year: YEAR, allotmentId: 'A.ALLOT-1' }, body: { reference: 'REV-1', reason: '배정 정정' } },
  allocateCash: { params: { year: YEAR }, body: { fund: 'GEN', month: `${YEAR}-01`, amount: 1_000_000, reference: 'CASH-1' } },
  reverseCashAllocation: { params: { year: YEAR, allocationId: 'C.CASH-1' }, body: { reference: 'REV-2', reason: '자금배정 정정' } },
  // execution postings (202 queued); documents referenced by id do not exist
  createCommitment: posting({
    params: { year: YEAR },
    body: { lineId: LINE, amount: 3_300_000, counterparty: '(주)가나다상사', contractRef: 'C-2026-0001', date: `${YEAR}-03-02` },
  }),
  resolvePayment: posting({
    params: { year: YEAR, commitmentId: 'missing-commitment' },
    body: { amount: 3_300_000, date: `${YEAR}-03-10` },
  }),
  orderPayment: posting({ params: { year: YEAR, resolutionId: 'missing-resolution' }, body: { amount: 3_300_000, date: `${YEAR}-03-11` } }),
  confirmPayment: posting({
    params: { year: YEAR, orderId: 'missing-order-1' },
    body: { date: `${YEAR}-03-12`, bankReference: 'BNK-0001' },
  }),
  returnPayment: posting({
    params: { year: YEAR, orderId: 'missing-order-1' },
    body: { amount: 10_000, date: `${YEAR}-03-20`, reason: '반납' },
  }),
  settleAdvance: posting({
    params: { year: YEAR, orderId: 'missing-order-1' },
    body: { amount: 10_000, date: `${YEAR}-03-25`, evidence: '출납계산서 3월' },
  }),
  withdrawCustody: posting({
    params: { year: YEAR, custodyId: 'WH-2026-03-income-tax' },
    body: { amount: 10_000, date: `${YEAR}-04-10`, purpose: 'remittance' },
  }),
  depositCustody: posting({
    params: { year: YEAR, custodyId: 'GD-C2026-001-defect' },
    body: {
      amount: 10_000,
      date: `${YEAR}-04-10`,
      fund: 'GEN',
      guaranteeKind: 'defect-guarantee',
      depositor: '(주)가나다건설',
      condition: '하자담보책임기간 2년 경과 후 반환',
    },
  }),
  forfeitCustody: posting({
    params: { year: YEAR, custodyId: 'GD-C2026-001-defect' },
    body: { amount: 10_000, date: `${YEAR}-05-10`, revenueLineId: 'R.GEN.2.MISC', ground: '하자보수 불이행' },
  }),
  cancelCommitment: posting({
    params: { year: YEAR, commitmentId: 'missing-commitment' },
    body: { date: `${YEAR}-03-13`, reason: '계약 해지' },
  }),
  reduceCommitment: posting({
    params: { year: YEAR, commitmentId: 'missing-commitment' },
    body: { amount: 10_000, date: `${YEAR}-03-13`, reason: '교부결정 감액' },
  }),
  correctPosting: posting({
    params: { year: YEAR, postingId: 'missing-posting' },
    body: { date: `${YEAR}-03-14`, reason: '금액 오류 정정' },
  }),
  assessRevenue: posting({
    params: { year: YEAR },
    body: { lineId: 'R.GEN.1.100', amount: 120_000, payer: '홍길동', dueDate: `${YEAR}-04-30`, date: `${YEAR}-04-01` },
  }),
  noticeRevenue: posting({
    params: { year: YEAR, assessmentId: 'missing-assessment' },
    body: { dueDate: `${YEAR}-04-30`, date: `${YEAR}-04-02` },
  }),
  receiveRevenue: posting({ params: { year: YEAR, assessmentId: 'missing-assessment' }, body: { amount: 120_000, date: `${YEAR}-04-20` } }),
  refundRevenue: posting({
    params: { year: YEAR, receiptId: 'missing-receipt-1' },
    body: { amount: 10_000, date: `${YEAR}-05-02`, reason: '과오납 환급' },
  }),
  // the year after (issue #15): documents of a closed year, referenced by id, do not exist
  receivePriorYearRevenue: posting({
    params: { year: YEAR, assessmentId: 'missing-assessment' },
    body: { lineId: 'R.GEN.1.100', amount: 120_000, date: `${YEAR}-04-20` },
  }),
  commitPriorYearExpenditure: posting({
    params: { year: YEAR, commitmentId: 'missing-commitment' },
    body: { lineId: LINE, amount: 300_000, date: `${YEAR}-03-02` },
  }),
  writeOffRevenue: posting({
    params: { year: YEAR, assessmentId: 'missing-assessment' },
    body: { amount: 120_000, ground: 'prescription', allowanceUsed: 100_000, date: `${YEAR}-05-02` },
  }),
  suspendCollection: posting({
    params: { year: YEAR, assessmentId: 'missing-assessment' },
    body: { ground: 'debtor-missing', date: `${YEAR}-05-02` },
  }),
  getPosting: { params: { postingId: 'missing-posting' } },
  getFundStatus: { params: { year: YEAR } },
  listUnsettledAdvances: { params: { year: YEAR } },
  getNationalFundStatus: { params: { year: YEAR } },
  getNationalExecutionRate: { params: { year: YEAR } },
  backfillLedger: { params: { year: YEAR }, body: { pages: 1 } },
  listLedger: { params: { year: YEAR }, query: { by: 'line', id: LINE, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, limit: '10' } },
  // settlement and archives
  recordCarryOver: { params: { year: YEAR, lineId: LINE }, body: { kind: 'explicit', amount: 500_000, reason: '의회 승인 명시이월' } },
  listCarryOvers: { params: { year: YEAR } },
  requestClosing: { params: { year: YEAR }, body: { kind: 'daily', period: `${YEAR}-03-02` } },
  getClosingStatus: { params: { year: YEAR } },
  listArchives: { query: { year: String(YEAR), limit: '10' } },
  listGovernmentArchives: { params: { year: YEAR }, query: { report: 'trial-balance', limit: '10' } },
  getArchiveDownload: { query: { key: `${YEAR}/11000/trial-balance/${YEAR}-03/trial-balance.csv` } },
  // participatory budgeting (the proposal id never exists)
  createParticipationCycle: { params: { year: YEAR }, body: { voteLimit: 3, budgetCap: 500_000_000 } },
  getParticipationCycle: { params: { year: YEAR } },
  transitionParticipationCycle: { params: { year: YEAR }, body: { action: 'start-review' } },
  submitParticipationProposal: {
    params: { year: YEAR },
    body: {
      title: '놀이터 그늘막 설치',
      description: '어린이 놀이터에 여름철 그늘막을 설치합니다.',
      estimatedCost: 30_000_000,
      field: '060',
    },
  },
  listParticipationProposals: { params: { year: YEAR }, query: { limit: '10' } },
  reviewParticipationProposal: {
    params: { year: YEAR, proposalId: 'P0000000000' },
    body: { subsidyProject: false, legallyMandatory: false, feasible: true },
  },
  voteForParticipationProposal: { params: { year: YEAR, proposalId: 'P0000000000' } },
  getMyParticipationRecords: { params: { year: YEAR } },
  getParticipationResult: { params: { year: YEAR } },
  // disclosure
  getDisclosedBudgetSummary: { params: { year: YEAR } },
  getFiscalIndicators: { params: { year: YEAR } },
  downloadNationwideIndicators: { params: { year: YEAR } },
  getIndicatorAverages: { params: { year: YEAR } },
  // debt (repayments aim at a debt that never exists)
  issueDebt: {
    body: {
      debtId: 'LB2026-01',
      kind: 'local-bond',
      name: '도로건설 지방채',
      principal: 5_000_000_000,
      rateBp: 350,
      issueDate: `${YEAR}-03-02`,
      maturityDate: '2031-03-02',
      method: 'bullet',
    },
  },
  listDebts: {},
  getDebt: { params: { debtId: 'LB2026-01' } },
  recordDebtRepayment: { params: { debtId: 'LB2026-99' }, body: { reference: 'R-1', amount: 1_000_000, date: `${YEAR}-06-30` } },
  recordBtlBalance: { body: { reference: 'BTL-R-1', project: 'BTL-SCHOOL-01', asOf: `${YEAR}-06-30`, amount: 3_000_000 } },
  reverseDebtRepayment: { params: { debtId: 'LB2026-99', reference: 'R-1' } },
  getDebtRatio: { query: { year: String(YEAR) } },
  getNationalDebtRatios: { params: { year: YEAR } },
  // subsidies (the application and payment ids never exist)
  createSubsidyProgram: {
    params: { year: YEAR },
    body: {
      programId: 'YOUTH-2026',
      name: '청소년 진로체험 지원',
      lineId: 'E.GEN.P1.U1.D1.307-02',
      budget: 100_000_000,
      minOwnShareBp: 1000,
      eligibleKinds: ['corporation', 'group'],
      selection: { kind: 'public-call', opensOn: `${YEAR}-02-01`, closesOn: `${YEAR}-02-28` },
    },
  },
  getSubsidyProgram: { params: { year: YEAR, programId: 'YOUTH-2026' } },
  submitSubsidyApplication: {
    params: { year: YEAR, programId: 'NO-SUCH-PROGRAM' },
    body: {
      identity: {
        kind: 'corporation',
        name: '(사)푸른청소년',
        businessNumber: '1234567891',
        corporateNumber: '1101112345670',
        representative: { name: '김대표', residentNumber: '800101-1234567' },
      },
      projectName: '청소년 진로체험 캠프',
      plan: '관내 중학생 100명을 대상으로 직업체험 캠프를 운영합니다.',
      costs: [{ item: '강사비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period: { start: `${YEAR}-03-01`, end: `${YEAR}-10-31` },
      submittedOn: `${YEAR}-02-10`,
    },
  },
  getSubsidyApplication: { params: { year: YEAR, applicationId: 'A0000000000' } },
  reviewSubsidyApplication: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { meetingDate: `${YEAR}-03-05`, registered: 9, present: ['m1', 'm2', 'm3', 'm4', 'm5'], inFavour: 4, approvedAmount: 9_000_000 },
  },
  decideSubsidyGrant: { params: { year: YEAR, applicationId: 'A0000000000' }, body: { amount: 9_000_000, decidedOn: `${YEAR}-03-10` } },
  requestSubsidyPayment: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { amount: 1_000_000, requestedOn: `${YEAR}-04-01`, evidence: [{ kind: 'card-approval', reference: 'CARD-0001' }] },
  },
  paySubsidy: { params: { year: YEAR, applicationId: 'A0000000000', paymentId: 'P0000000000' }, body: { paidOn: `${YEAR}-04-02` } },
  recordSubsidyExecution: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: {
      item: '강사비',
      source: 'grant',
      amount: 500_000,
      date: `${YEAR}-04-03`,
      evidence: { kind: 'e-tax-invoice', reference: 'T-1' },
    },
  },
  requestSubsidyAllocationChange: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { costs: [{ item: '강사비', grant: 9_000_000, own: 1_000_000 }], reason: '강사 변경에 따른 조정' },
  },
  decideSubsidyAllocationChange: { params: { year: YEAR, applicationId: 'A0000000000' }, body: { approve: true } },
  submitSubsidyReport: { params: { year: YEAR, applicationId: 'A0000000000' }, body: { submittedOn: `${YEAR}-11-30`, interest: 0 } },
  settleSubsidyGrant: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { fixedAmount: 8_000_000, interest: 0, settledOn: `${YEAR}-12-10` },
  },
  cancelSubsidyGrant: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { ground: 'circumstances', amount: 1_000_000, reason: '태풍으로 행사 취소', cancelledOn: `${YEAR}-09-01` },
  },
  fileSubsidyObjection: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { subject: 'cancellation', noticeOn: `${YEAR}-09-02`, filedOn: `${YEAR}-09-10`, grounds: '이미 수행한 부분까지 취소되었습니다' },
  },
  decideSubsidyObjection: {
    params: { year: YEAR, applicationId: 'A0000000000', objectionNo: 1 },
    body: { decidedOn: `${YEAR}-09-20`, outcome: 'dismissed', heard: '보조사업자 대표 (9월 15일)', measures: '취소 유지' },
  },
  orderSubsidyDisclosure: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { ground: 'not-disclosed', content: '2026년 결산서 공시', issuedOn: `${YEAR}-05-10`, complyBy: `${YEAR}-06-10` },
  },
  recordSubsidyDisclosureCompliance: {
    params: { year: YEAR, applicationId: 'A0000000000', orderNo: 1 },
    body: { compliedOn: `${YEAR}-06-05` },
  },
  acceptSubsidyObjectionDecision: {
    params: { year: YEAR, applicationId: 'A0000000000', objectionNo: 1 },
    body: { acceptedOn: `${YEAR}-09-25` },
  },
  recordSubsidyReturn: { params: { year: YEAR, applicationId: 'A0000000000' }, body: { amount: 1_000_000, receivedOn: `${YEAR}-12-20` } },
  imposeSubsidySanction: {
    params: { year: YEAR, applicationId: 'A0000000000' },
    body: { amount: 1_000_000, noticeOn: `${YEAR}-12-21`, cancellationRef: '교부결정 취소 제1호' },
  },
  registerSubsidyExclusion: {
    body: {
      party: 'recipient',
      ground: 'fraud',
      count: 1,
      from: `${YEAR}-01-15`,
      violation: '허위 증빙으로 보조금 교부',
      identity: { name: '(주)가나다', businessNumber: '2208112341' },
    },
  },
  noticeSubsidyPublication: {
    body: {
      target: 'recipient-exclusion',
      particulars: {
        name: '(주)가나다',
        address: '서울특별시 종로구 1',
        violation: '허위 증빙으로 보조금 교부',
        measures: '반환 1,000,000원',
      },
      noticeOn: `${YEAR}-02-01`,
      statementBy: `${YEAR}-02-15`,
    },
  },
  recordSubsidyPublicationStatement: {
    params: { publicationId: 'N0000000000' },
    body: { receivedOn: `${YEAR}-02-10`, text: '소명서 제출' },
  },
  decideSubsidyPublication: {
    params: { publicationId: 'N0000000000' },
    body: { decidedOn: `${YEAR}-03-02`, committeeOn: `${YEAR}-03-01`, publish: true, reason: '위원회 의결' },
  },
  listSubsidyPublishedNames: {},
  listMySubsidyApplications: {},
  getNationalRecipientGrants: { params: { idKind: 'brn', idValue: '1234567891' } },
  listNationalSubsidyExclusions: {},
  listNationalOutstandingReturns: {},
  listNationalSubsidyPublishedNames: { query: { on: `${YEAR}-06-01` } },
  listNationalSubsidyFlags: {},
  // budget changes during execution (issue #14): they aim at lines that do not exist, so who may
  // decide (the head, or a delegated role) is the budget's own rule, met after the lines are found
  divertBudget: { params: { year: YEAR }, body: moveSample('D-1') },
  transferBudget: { params: { year: YEAR }, body: moveSample('T-1') },
  reallocateBudget: {
    params: { year: YEAR },
    body: { ...moveSample('R-1'), reorganisation: { act: '조례', number: '제1호', date: `${YEAR}-01-02` } },
  },
  useBudgetReserve: { params: { year: YEAR }, body: moveSample('Y-1') },
  recodeExecution: { params: { year: YEAR }, body: moveSample('K-1') },
  createPreEstablished: {
    params: { year: YEAR },
    body: {
      reference: 'S-1',
      reason: '교부',
      line: (({ amount: _amount, ...line }) => line)(expenditureLine()),
      revenue: { kind: 'revenue', account: 'GEN', category: '5', item: 'NATSUB', name: '국고보조금', dept: 'finance' },
      amount: 1_000_000,
      basis: { kind: 'grant', grantor: 'national', notice: 'N-1', noticeDate: `${YEAR}-01-02`, designated: true, fullyGranted: false },
    },
  },
  reverseBudgetChange: { params: { year: YEAR, changeId: 'diversion.D-1' }, body: { reference: 'D-1-R', reason: '착오' } },
  listBudgetChanges: { params: { year: YEAR }, query: { kind: 'diversion', quarter: '1' } },
  recordQuarterlyReport: {
    params: { year: YEAR },
    body: { kind: 'diversion', quarter: 1, submittedOn: `${YEAR}-04-10`, reference: 'C-1' },
  },
  getReserveStatement: { params: { year: YEAR } },
  getDiversionStatement: { params: { year: YEAR } },
  putBudgetDelegations: { body: { delegations: { diversion: ['budget_officer'] } } },
  getBudgetLineStatus: { params: { year: YEAR, lineId: LINE } },
  getExecutionRollup: { params: { year: YEAR }, query: { by: 'department' } },
  putGeneralProvisions: { params: { year: YEAR, version: 99 }, body: { revision: 0 } },
  getGeneralProvisions: { params: { year: YEAR, version: 0 } },
  // statutory accounting: 결산정리분개 and the asset register
  recordAdjustingEntries: { params: { year: YEAR }, body: { kind: 'depreciation' } },
  listAssetRegister: {},
  // contracts (계약): steps aim at a contract that never exists
  registerContract: {
    body: {
      contractId: 'C2026-001',
      purpose: '청사 보수공사',
      method: 'general-bid',
      nature: 'works',
      counterparty: {
        name: '(주)가나건설',
        businessNumber: '1234567891',
        representative: '김대표',
        account: { bank: '국민은행', number: '123-456-7890', holder: '(주)가나건설' },
      },
      amount: 100_000_000,
      signedOn: `${YEAR}-03-02`,
      period: { start: `${YEAR}-03-03`, end: `${YEAR}-10-31` },
      type: { kind: 'single' },
      guarantees: { performance: { amount: 10_000_000, form: 'guarantee-bond' }, defect: { rateBp: 300, years: 2 } },
    },
  },
  listContracts: {},
  getContract: { params: { contractId: 'C2026-001' } },
  changeContract: {
    params: { contractId: 'C2026-99' },
    body: { changeId: 'CH-1', date: `${YEAR}-05-01`, reason: 'design-change', amount: 110_000_000, note: '설계변경' },
  },
  claimContractAdvance: { params: { contractId: 'C2026-99' }, body: { advanceId: 'ADV-1', claimedOn: `${YEAR}-03-05`, amount: 1_000_000 } },
  recordContractInspection: {
    params: { contractId: 'C2026-99' },
    body: { inspectionId: 'INS-1', kind: 'progress', inspectedOn: `${YEAR}-05-31`, inspector: '검사관', value: 1_000_000 },
  },
  recordContractAdvanceReturn: {
    params: { contractId: 'C2026-99' },
    body: { returnId: 'RET-1', date: `${YEAR}-11-01`, amount: 1_000_000, reference: 'BANK-1' },
  },
  recordContractDefectDeposit: { params: { contractId: 'C2026-99' }, body: { depositRef: 'DEP-1' } },
  // 일상경비등 (petty-cash advances): steps aim at an advance that never exists
  advancePettyCash: {
    params: { year: YEAR },
    body: {
      advanceId: 'PC-1',
      item: 2,
      cashier: '총무과 출납원',
      advancedOn: `${YEAR}-03-02`,
      period: { from: `${YEAR}-03-02`, to: `${YEAR}-03-31` },
      allocations: { '201-01': 3_000_000 },
    },
  },
  getPettyCashAdvance: { params: { year: YEAR, advanceId: 'PC-1' } },
  recordPettyCashSpending: {
    params: { year: YEAR, advanceId: 'PC-99' },
    body: { spendingId: 'S-1', statItem: '201-01', date: `${YEAR}-03-05`, amount: 100_000, payee: '문구점', description: '사무용품' },
  },
  returnPettyCash: { params: { year: YEAR, advanceId: 'PC-99' }, body: { returnId: 'R-1', date: `${YEAR}-12-31`, amount: 100_000 } },
  // 개산급 (estimated payments): the settlement aims at an estimate that never exists
  recordEstimatedPayment: {
    params: { year: YEAR },
    body: { estimateId: 'EST-1', case: 2, payee: '법무법인 가나', purpose: '소송비용', amount: 5_000_000, paidOn: `${YEAR}-04-01` },
  },
  getEstimatedPayment: { params: { year: YEAR, estimateId: 'EST-1' } },
  settleEstimatedPayment: { params: { year: YEAR, estimateId: 'EST-99' }, body: { settledOn: `${YEAR}-09-01`, actual: 4_000_000 } },
};

function moveSample(reference: string) {
  return { from: LINE, to: 'E.GEN.P1.U1.D1.206-01', amount: 1_000, reference, reason: '집행 여건 변화' };
}

/** Posting routes require an Idempotency-Key. */
function posting(sample: RouteSample): RouteSample {
  return { ...sample, headers: { 'Idempotency-Key': 'security-sample-0001' } };
}

function expenditureLine() {
  return {
    kind: 'expenditure',
    account: 'GEN',
    policyCode: 'P1',
    policyName: '재정운영',
    unitCode: 'U1',
    unitName: '예산관리',
    detailCode: 'D1',
    detailName: '예산편성 운영',
    statItem: '201-01',
    sector: '014',
    dept: 'finance',
    fundingSource: 'own-revenue',
    amount: 12_000_000,
  };
}

/** The sample request of a route for a target government, or undefined when the route has no row. */
export function sampleRequest(route: Route, gov: string): CallOptions | undefined {
  const sample = routeSamples[route.id];
  if (!sample) return undefined;
  const params = { ...sample.params, ...(route.path.includes('{gov}') ? { gov } : {}) };
  return { ...sample, params };
}
