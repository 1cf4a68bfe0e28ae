import * as z from 'zod';
import { fieldOfSector, isKnownEconomicItem, isRevenueCategory, STAT_ITEM_PATTERN } from '#shared/domain/budget/classification.ts';
import { assetClassIds, debtInstruments, structureTypes } from '#shared/domain/budget/line-attribute-ids.ts';
import { versionStates, workflowActions } from '#shared/domain/budget/workflow.ts';
import { fiscalYear, govCode, isoDate, positiveWon, text, won, wonTotal } from '#shared/schemas/common.ts';
import { journalEntry } from '#shared/schemas/journal.ts';

/** Codes become parts of line ids (joined with "."), so they never contain a dot. */
const code = (what: string) => z.string().regex(/^[0-9A-Za-z_-]{1,20}$/, `${what}: 1–20 letters, digits, "-" or "_"`);
const label = text({ min: 1, max: 200 });
/** A 내용연수 in whole years. */
const usefulLife = z.number().int().min(1).max(100);

export const accountCode = code('account code');
export const deptCode = code('department code');

export const accountKinds = ['general', 'public-enterprise', 'other-special', 'fund'] as const;
export const accountKindNames = {
  general: '일반회계',
  'public-enterprise': '공기업특별회계',
  'other-special': '기타특별회계',
  fund: '기금',
} as const satisfies Record<(typeof accountKinds)[number], string>;

export const account = z.object({ gov: z.string(), code: z.string(), name: z.string(), kind: z.enum(accountKinds), kindName: z.string() });
export type Account = z.infer<typeof account>;
export const accountBody = z.strictObject({ name: label, kind: z.enum(accountKinds) });
export const accountParams = z.strictObject({ gov: govCode, account: accountCode });
export const accountList = z.object({ items: z.array(account) });

export const department = z.object({ gov: z.string(), code: z.string(), name: z.string(), parentCode: z.string().nullable() });
export type Department = z.infer<typeof department>;
export const departmentBody = z.strictObject({ name: label, parentCode: deptCode.optional() });
export const departmentParams = z.strictObject({ gov: govCode, dept: deptCode });
export const departmentList = z.object({ items: z.array(department) });

export const fundingSources = ['national-subsidy', 'provincial-subsidy', 'own-revenue', 'local-bond', 'special-grant', 'other'] as const;
export const fundingSourceNames = {
  'national-subsidy': '국고보조금',
  'provincial-subsidy': '시·도비보조금',
  'own-revenue': '자체재원',
  'local-bond': '지방채',
  'special-grant': '특별교부세',
  other: '기타',
} as const satisfies Record<(typeof fundingSources)[number], string>;

/**
 * What the statutory books need of a line beyond its code (shared/domain/budget/line-accounting.ts;
 * the journal map decides which code needs which): checked when the line is written.
 */
const sector = z.string().refine((sector) => fieldOfSector(sector) !== undefined, 'unknown 부문 (functional sector)');
const internalCounterpart = accountCode.optional().describe('700 전출금 / 전입금: the other 회계 of this government (내부거래, 제9조)');
const debtInstrument = z
  .enum(debtInstruments)
  .optional()
  .describe('601 원금상환 / 지방채 revenue: 지방채증권 (bond) or 장기차입금 (borrowing)');
const expenditureAccounting = {
  structureType: z
    .enum(structureTypes)
    .optional()
    .describe('정책사업 (program, 사업총원가 by 기능; the default), 행정운영경비 (administrative, 관리운영비) or 재무활동 (financial)'),
  assetClass: z
    .enum(assetClassIds)
    .optional()
    .describe('401/405 capital lines: 일반유형자산 (general), 주민편의시설 (resident-facility) or 사회기반시설 (infrastructure)'),
  assetAccount: z
    .string()
    .regex(/^1\d{3}$/, 'an asset account code of the chart, e.g. 1306')
    .optional()
    .describe('405: the asset account inside the class'),
  usefulLifeYears: usefulLife
    .optional()
    .describe('401/405: 내용연수 in years of what the line buys or builds; the year-end depreciation uses it (회계기준규칙 제49조②)'),
  internalCounterpart,
  debtInstrument,
};
const revenueAccounting = {
  revenueCode: z
    .string()
    .regex(/^[1-7](-\d{1,2}){0,2}$/, 'a 세입 sub-code under the category, e.g. 2-1-01, 5-1, 7-3')
    .optional()
    .describe('required where the category maps to several treatments (세외수입, 보조금, 보전수입등 및 내부거래)'),
  sector: sector.optional().describe('사업수익 (사용료, 수수료): the 부문 whose 기능 earns it'),
  internalCounterpart,
  debtInstrument,
};

export const expenditureLineInput = z.strictObject({
  kind: z.literal('expenditure'),
  account: accountCode,
  policyCode: code('정책사업 code'),
  policyName: label,
  unitCode: code('단위사업 code'),
  unitName: label,
  detailCode: code('세부사업 code'),
  detailName: label,
  statItem: z
    .string()
    .regex(STAT_ITEM_PATTERN, '통계목 is "ggg-nn" with a 성질 group 1–8, e.g. 201-01')
    .refine(isKnownEconomicItem, 'unknown 편성목 (the first three digits of the 통계목)'),
  sector,
  dept: deptCode,
  fundingSource: z.enum(fundingSources),
  amount: won,
  mandatory: z.boolean().default(false).describe('may be spent under a provisional budget (준예산)'),
  description: text({ max: 500, trim: false }).optional(),
  ...expenditureAccounting,
});

export const revenueLineInput = z.strictObject({
  kind: z.literal('revenue'),
  account: accountCode,
  category: z.string().refine(isRevenueCategory, 'unknown revenue category (1–7)'),
  item: code('세입 과목 code'),
  name: label,
  dept: deptCode,
  amount: won,
  description: text({ max: 500, trim: false }).optional(),
  ...revenueAccounting,
});

export const budgetLineInput = z.discriminatedUnion('kind', [expenditureLineInput, revenueLineInput]);
export type ExpenditureLineInput = z.infer<typeof expenditureLineInput>;
export type RevenueLineInput = z.infer<typeof revenueLineInput>;
export type BudgetLineInput = z.infer<typeof budgetLineInput>;

/** A stored line: the input plus its stable id (and, for expenditure, the 분야 of its 부문). */
export const budgetLine = z.union([
  expenditureLineInput.extend({ lineId: z.string(), field: z.string() }),
  revenueLineInput.extend({ lineId: z.string() }),
]);
export type ExpenditureLine = ExpenditureLineInput & { readonly lineId: string; readonly field: string };
export type RevenueLine = RevenueLineInput & { readonly lineId: string };
export type BudgetLine = ExpenditureLine | RevenueLine;

export const lineId = z.string().regex(/^[ER]\.[0-9A-Za-z_.-]{1,160}$/, 'a line id as returned when the line was written');

const warning = z.object({ code: z.string(), detail: z.string(), deadline: z.string(), actual: z.string() });
const historyEntry = z.object({
  action: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  role: z.string(),
  at: z.string(),
});

export const budgetVersion = z.object({
  gov: z.string(),
  year: z.number().int(),
  number: z.number().int().describe('0 = 본예산, n = n차 추가경정예산'),
  kind: z.enum(['original', 'supplementary']),
  title: z.string(),
  state: z.enum(versionStates),
  revision: z.number().int().describe('send it back with every change; a stale one gets 409 revision-conflict'),
  basedOn: z.number().int().nullable(),
  expenditureTotal: wonTotal,
  revenueTotal: wonTotal,
  lineCount: z.number().int(),
  allowedActions: z.array(z.enum(workflowActions)),
  warnings: z.array(warning),
  history: z.array(historyEntry),
  createdAt: z.string(),
  controlsSynced: z.boolean().describe('final versions: control items for execution are written'),
  amendments: z
    .record(z.string(), z.object({ kind: z.string(), submitted: z.number().int().nullable(), amended: z.number().int().nullable() }))
    .describe('the council’s amendments while the version was before it: submitted and amended amount per line (null: added / abolished)'),
  headConsent: z.object({ reference: z.string(), date: z.string() }).nullable(),
});
export const versionList = z.object({ items: z.array(budgetVersion) });

export const versionParams = z.strictObject({ gov: govCode, year: fiscalYear, version: z.coerce.number().int().min(0).max(99) });
export const lineParams = z.strictObject({ gov: govCode, year: fiscalYear, lineId });
export const createVersionBody = z.strictObject({
  kind: z.enum(['original', 'supplementary']),
  title: text({ min: 1, max: 200 }).optional(),
});

export const revision = z.number().int().min(0);

export const editLinesBody = z
  .strictObject({
    revision,
    upsert: z.array(budgetLineInput).max(40).default([]),
    remove: z.array(lineId).max(40).default([]),
  })
  .refine((body) => body.upsert.length + body.remove.length > 0, 'send at least one line to upsert or remove');
export const editLinesResult = z.object({ revision: z.number().int(), lineIds: z.array(z.string()), removed: z.array(z.string()) });

export const linesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: text({ max: 400, trim: false }).optional(),
});
export const lineList = z.object({ items: z.array(budgetLine), cursor: z.string().optional() });

export const transitionBody = z.strictObject({
  action: z.enum(workflowActions),
  revision,
  headConsent: z
    .strictObject({ reference: text({ min: 1, max: 100 }), date: isoDate })
    .optional()
    .describe("resolve: the head's written consent to the council's raising or adding 세출 lines (지방자치법 §142③)"),
});

export const importBody = z.union([
  z.strictObject({ revision, lines: z.array(z.unknown()).min(1).max(50_000) }),
  z.strictObject({ revision, csv: text({ min: 1, trim: false }) }),
]);
/** The revision a CSV upload was computed from (the body is the CSV itself). */
export const csvUploadQuery = z.strictObject({
  revision: z
    .string()
    .regex(/^\d{1,9}$/, 'a revision is a whole number')
    .transform(Number),
});
export const csvUploadBody = text({ trim: false }).refine((csv) => csv.length > 0, 'the CSV is empty');

export const importResult = z.object({
  revision: z.number().int(),
  lineCount: z.number().int(),
  expenditureTotal: wonTotal,
  revenueTotal: wonTotal,
});

export const diffQuery = z.strictObject({ against: z.coerce.number().int().min(0).max(99) });
const diffChange = z.object({ lineId: z.string(), kind: z.string(), before: z.number().int(), after: z.number().int(), delta: wonTotal });
export const versionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(diffChange),
  removed: z.array(diffChange),
  changed: z.array(diffChange),
  unchangedCount: z.number().int(),
  expenditureDelta: wonTotal,
  revenueDelta: wonTotal,
});

const bookRow = z.object({ code: z.string(), name: z.string(), total: wonTotal });
const bookGroup = bookRow.extend({ children: z.array(bookRow) });
export const budgetBook = z.object({
  gov: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  state: z.string(),
  expenditureTotal: wonTotal,
  revenueTotal: wonTotal,
  byFunction: z.array(bookGroup).describe('분야 → 부문'),
  byEconomicGroup: z.array(bookGroup).describe('성질 group → 편성목'),
  byDepartment: z.array(bookRow),
  byAccount: z.array(bookRow.extend({ revenue: wonTotal })),
  byRevenueCategory: z.array(bookRow),
  byFundingSource: z.array(bookRow),
});

export const quarter = z.number().int().min(1).max(4);
export const reference = z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, 'a document reference: 1–40 letters, digits, "-" or "_"');

export const allotmentBody = z.strictObject({
  lineId,
  quarter,
  amount: positiveWon,
  kind: z.enum(['regular', 'early']).describe('정기배정 or 당겨배정'),
  reference: reference.describe('the allotment document number; one posting per line and reference'),
});
/** The fields every reversible budget posting (allotment, cash allocation) answers with after its kind. */
const postingTrail = {
  reference: z.string(),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
  subject: z.string(),
};
export const allotment = z.object({
  allotmentId: z.string(),
  gov: z.string(),
  year: z.number().int(),
  lineId: z.string(),
  quarter,
  amount: z.number().int().describe('negative for a reversal'),
  kind: z.enum(['regular', 'early', 'reversal']),
  ...postingTrail,
  allotted: z.number().int().describe('the line total allotted after this posting'),
  budget: z.number().int(),
});
export const allotmentParams = z.strictObject({
  gov: govCode,
  year: fiscalYear,
  allotmentId: z.string().regex(/^A\.[0-9A-Za-z_.-]{1,220}$/),
});
export const reversalBody = z.strictObject({ reference, reason: text({ min: 1, max: 500 }) });

export const cashMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
export const cashAllocationBody = z.strictObject({ fund: accountCode, month: cashMonth, amount: positiveWon, reference });
export const cashAllocation = z.object({
  allocationId: z.string(),
  gov: z.string(),
  year: z.number().int(),
  fund: z.string(),
  month: z.string(),
  amount: z.number().int().describe('negative for a reversal'),
  kind: z.enum(['allocation', 'reversal']),
  ...postingTrail,
  allocated: z.number().int().describe('cash allocated to the account for the month after this posting'),
});
export const cashAllocationParams = z.strictObject({
  gov: govCode,
  year: fiscalYear,
  allocationId: z.string().regex(/^C\.[0-9A-Za-z_.-]{1,220}$/),
});

export const lineHistory = z.object({
  gov: z.string(),
  year: z.number().int(),
  lineId: z.string(),
  versions: z.array(z.object({ number: z.number().int(), state: z.string(), amount: z.number().int().nullable() })),
  control: z.object({ budget: z.number().int(), allotted: z.number().int(), mandatory: z.boolean(), provisional: z.boolean() }).nullable(),
  allotments: z.array(allotment),
});

export const provisionalResult = z.object({
  gov: z.string(),
  year: z.number().int(),
  basedOnYear: z.number().int(),
  basedOnVersion: z.number().int(),
  lineCount: z.number().int(),
  total: wonTotal,
});

export const nationalTotalParams = z.strictObject({ year: fiscalYear });
export const nationalTotal = z.object({
  year: z.number().int(),
  governments: z.number().int().describe('governments with a final budget for the year'),
  expenditureTotal: wonTotal,
  revenueTotal: wonTotal,
  items: z.array(z.object({ gov: z.string(), version: z.number().int(), expenditureTotal: wonTotal, revenueTotal: wonTotal })),
  gross: z
    .object({ revenueTotal: wonTotal, expenditureTotal: wonTotal })
    .describe('총계: the plain sum of every 회계 (= the top-level totals)'),
  net: z
    .object({
      revenueTotal: wonTotal,
      expenditureTotal: wonTotal,
      internalTransfers: wonTotal.describe('전입금 (세입 7-3) between a government’s own 회계, removed'),
      intergovernmentalTransfers: wonTotal.describe(
        '조정교부금등 (4) and 시·도비보조금등 (5-2) received from a 시·도 with a final budget, removed',
      ),
    })
    .describe('순계: 총계 less the transfers counted twice, read on the receiving 세입 lines'),
});

export const yearParams = z.strictObject({ gov: govCode, year: fiscalYear });

// ── issue #14: changing the budget during execution, the 예산총칙, the live 집행현황 ─────────────────
const changeReason = text({ min: 1, max: 500 });
const moveFields = {
  from: lineId.describe('the line that gives'),
  to: lineId.describe('the line that receives (a line of the final budget)'),
  amount: positiveWon,
  reference: reference.describe('the decision document number; one change per kind and reference'),
  reason: changeReason,
};
export const moveBody = z.strictObject(moveFields);
export const diversionBody = z.strictObject({
  ...moveFields,
  dept: deptCode
    .optional()
    .describe('when `to` is a new 목 the 전용 creates: the department that executes it (default: the source line’s)'),
});
export const reallocationBody = z.strictObject({
  ...moveFields,
  reorganisation: z
    .strictObject({ act: z.enum(['조례', '규칙']), number: text({ min: 1, max: 50 }), date: isoDate })
    .describe('the 조례 or 규칙 that reorganised the offices (지방재정법 §47의2②)'),
});
export const reserveUseBody = z.strictObject({
  ...moveFields,
  emergency: z
    .boolean()
    .default(false)
    .describe(
      'for 긴급재난대책 (a 재해·재난): only then may a 보조금 line receive 예비비 (시행령 §48) and the 재해·재난 목적 예비비 (801-02) be drawn on (지방재정법 §43②)',
    ),
});
export const preEstablishedBody = z.strictObject({
  reference,
  reason: changeReason,
  line: expenditureLineInput.omit({ amount: true, mandatory: true }),
  revenue: revenueLineInput.omit({ amount: true }),
  amount: positiveWon.describe('granted amount: the 세출 line and the matching 세입 line each get it'),
  basis: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('grant'),
      grantor: z.enum(['national', 'provincial']),
      notice: text({ min: 1, max: 100 }).describe('the 교부결정 (grant notice) number'),
      noticeDate: isoDate,
      designated: z.boolean().describe('the use is designated by the grantor'),
      fullyGranted: z.boolean().describe('the full amount has been granted (교부)'),
    }),
    z.strictObject({
      kind: z.literal('disaster-recovery'),
      plan: text({ min: 1, max: 100 }).describe('the confirmed and notified recovery plan'),
      planDate: isoDate,
    }),
  ]),
});
export const changeKindEnum = z.enum(['diversion', 'transfer', 'reallocation', 'reserve-use', 'recoding', 'pre-established']);
export const budgetChange = z.object({
  changeId: z.string(),
  gov: z.string(),
  year: z.number().int(),
  kind: changeKindEnum,
  reference: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  amount: z.number().int().describe('negative for a reversal'),
  reason: z.string(),
  basis: z.string().describe('the legal basis'),
  decidedAt: z.string(),
  decisionDate: z.string(),
  decidedBy: z.string(),
  role: z.string(),
  quarter: quarter.describe('reported to the council by the end of the month after this quarter'),
  clause: z.string().optional(),
  reorganisation: z.object({ act: z.string(), number: z.string(), date: z.string() }).optional(),
  reserve: z.object({ emergency: z.boolean() }).optional(),
  grant: z.record(z.string(), z.unknown()).optional(),
  journal: journalEntry
    .optional()
    .describe(
      "과목경정: the journal written with it (the wrong line's expense reversed, the right line's booked); on its reversal, the mirror",
    ),
  reverses: z.string().nullable(),
  reversedBy: z.string().nullable(),
});
export const changeParams = z.strictObject({
  gov: govCode,
  year: fiscalYear,
  changeId: z.string().regex(/^[a-z-]+\.[0-9A-Za-z_~-]{1,60}$/, 'a change id as returned when the change was made'),
});
export const changesQuery = z.strictObject({
  kind: changeKindEnum.optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export const changeList = z.object({
  gov: z.string(),
  year: z.number().int(),
  kind: z.string().nullable(),
  quarter: z.number().int().nullable(),
  report: z
    .object({
      basis: z.string(),
      dueBy: isoDate,
      status: z
        .enum(['submitted', 'due', 'overdue'])
        .describe('submitted: recorded through POST …/quarterly-reports; overdue: not recorded and dueBy has passed'),
      late: z.boolean().describe('submitted after dueBy, or not submitted and dueBy has passed'),
      submittedOn: isoDate.optional().describe('the day the report went to the council'),
      reference: z.string().optional().describe("the council's receipt or the letter's number"),
    })
    .nullable()
    .describe('for 전용 or 이체 of one quarter: the quarterly report to the council, its article and the day it is due'),
  count: z.number().int(),
  netAmount: wonTotal,
  items: z.array(budgetChange),
});
/** The record that a quarter's report of 전용 or 이체 went to the council (지방재정법 §49③, §47의2②). */
export const quarterlyReportBody = z.strictObject({
  kind: z.enum(['diversion', 'reallocation']).describe('diversion: 전용 (§49③); reallocation: 이체 (§47의2②)'),
  quarter: quarter.describe('the quarter the report covers'),
  submittedOn: isoDate.describe('the day the report went to the council (after the quarter ends, not after today)'),
  reference: text({ min: 1, max: 100 }).describe("the council's receipt or the letter's number"),
});
export const quarterlyReportRecord = z.object({
  kind: z.string(),
  quarter: z.number().int(),
  submittedOn: isoDate,
  reference: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export const reserveStatement = z.object({
  gov: z.string(),
  year: z.number().int(),
  used: wonTotal,
  items: z.array(
    z.object({
      changeId: z.string(),
      decisionDate: z.string(),
      amount: z.number().int(),
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string(),
      emergency: z.boolean(),
      reversedBy: z.string().nullable(),
      targetLine: z.object({ budget: z.number().int(), paid: z.number().int(), unused: z.number().int() }),
    }),
  ),
});
export const diversionStatement = z.object({
  gov: z.string(),
  year: z.number().int(),
  count: z.number().int(),
  netAmount: wonTotal.describe('전용액 summed, reversals netted'),
  items: z.array(
    z.object({
      decisionDate: z.string(),
      quarter: quarter,
      changeId: z.string(),
      fund: z.string().describe('회계'),
      policy: z.string().describe('정책사업'),
      from: z.string().describe('전용한 과목 (line id)'),
      to: z.string().describe('전용받은 과목 (line id)'),
      amount: z.number().int().describe('전용액; negative for a reversal'),
      reason: z.string().describe('전용 사유'),
      reverses: z.string().describe("the 전용 a reversal takes back; '' for a 전용"),
    }),
  ),
});
const components = z.object({
  enacted: z.number().int().describe('예산액'),
  carryIn: z.number().int().describe('전년도이월'),
  transfer: z.number().int().describe('이용 증감'),
  diversion: z.number().int().describe('전용 증감'),
  reallocation: z.number().int().describe('이체 증감'),
  reserve: z.number().int().describe('예비비 (+ used on this line, − taken from a 예비비 line)'),
  preEstablished: z.number().int().describe('성립전예산 not yet in a 추경'),
});
export const lineStatus = z.object({
  gov: z.string(),
  year: z.number().int(),
  lineId: z.string(),
  kind: z.enum(['expenditure', 'revenue']),
  account: z.string(),
  dept: z.string(),
  itemCode: z.string(),
  policy: z.string().nullable(),
  sector: z.string().nullable(),
  field: z.string().nullable(),
  budget: z.number().int().describe('예산현액 = the sum of the components'),
  components,
  preEstablishedPending: z.boolean().describe('a 성립전 amount a later 추경 of the year must still include (지방재정법 §45)'),
  allotted: z.number().int().optional(),
  committed: z.number().int().optional(),
  resolved: z.number().int().optional(),
  ordered: z.number().int().optional(),
  paid: z.number().int().optional(),
  recoded: z.number().int().optional().describe('paid amounts moved by 과목경정 (+ in, − out)'),
  remainingToAllot: z.number().int().optional(),
  remainingToCommit: z.number().int().optional(),
  executionRate: z.string().optional().describe('paid / 예산현액, percent, 2 decimals'),
  assessed: z.number().int().optional(),
  received: z.number().int().optional(),
  refunded: z.number().int().optional(),
  collectionRate: z.string().optional(),
});
export const rollupQuery = z.strictObject({
  by: z
    .enum(['department', 'policy', 'sector', 'field', 'account', 'economic', 'month'])
    .describe('the dimension to sum by; month: the year month by month (`months`, from the cash counters), no groups'),
});
export const executionRollup = z.object({
  gov: z.string(),
  year: z.number().int(),
  by: z.string(),
  budget: wonTotal.describe('세출 예산현액 of the 세입세출예산 (기금 apart: 지방재정법 §34③)'),
  paid: wonTotal.describe('지출액 of the 세입세출예산'),
  executionRate: z.string().describe('paid / budget of the 세입세출예산, percent, 2 decimals'),
  fundBudget: wonTotal.optional().describe('예산현액 of the 기금 lines, outside the 세입세출예산 (only where the government keeps a 기금)'),
  fundPaid: wonTotal.optional().describe('지출액 of the 기금 lines'),
  fundExecutionRate: z.string().optional().describe('fundPaid / fundBudget, percent, 2 decimals'),
  months: z
    .array(
      z.object({
        month: z.string().describe('yyyy-mm; the 출납정리기간 months of the next year follow December'),
        allocated: wonTotal.describe('자금배정액 of the month (세입세출예산)'),
        paid: wonTotal.describe('지급액 of the month'),
        cumulativePaid: wonTotal,
        cumulativeRate: z.string().describe('cumulativePaid / budget, percent, 2 decimals'),
      }),
    )
    .optional()
    .describe('by=month only: execution against budget over the year'),
  groups: z.array(
    z.object({
      key: z.string(),
      name: z.string().optional().describe('by department, policy or account: the name of the key (부서명, 정책사업명, 회계명)'),
      scope: z.enum(['budget', 'fund']).describe('budget: a group of 세입세출예산 lines; fund: of 기금 lines, grouped apart'),
      lines: z.number().int(),
      budget: wonTotal,
      allotted: wonTotal,
      committed: wonTotal,
      paid: wonTotal,
      executionRate: z.string(),
    }),
  ),
});
const policyCodes = z.array(code('정책사업 code')).min(1).max(200);
export const generalProvisions = z.strictObject({
  transferClauses: z
    .array(
      z.strictObject({
        clause: text({ min: 1, max: 50 }),
        text: text({ min: 1, max: 2000 }),
        account: accountCode,
        from: policyCodes,
        to: policyCodes,
      }),
    )
    .max(100)
    .default([]),
  explicitCarryOvers: z
    .array(z.strictObject({ lineId, amount: positiveWon, reason: changeReason }))
    .max(5000)
    .default([]),
  continuingExpenditures: z
    .array(
      z.strictObject({
        id: code('계속비 id'),
        name: label,
        lineId,
        total: positiveWon,
        years: z
          .array(z.strictObject({ year: z.number().int().min(2000).max(2100), amount: won }))
          .min(1)
          .max(10),
        usefulLifeYears: usefulLife
          .optional()
          .describe('내용연수 of the works once completed (the default life of their 건설중인자산 대체, 회계기준규칙 제49조②)'),
      }),
    )
    .max(1000)
    .default([]),
  debtBurdens: z
    .array(
      z.strictObject({
        id: code('채무부담행위 id'),
        purpose: label,
        reason: changeReason,
        year: z.number().int().min(2000).max(2100),
        amount: positiveWon,
        repayments: z
          .array(z.strictObject({ year: z.number().int().min(2000).max(2100), amount: won }))
          .min(1)
          .max(30),
      }),
    )
    .max(1000)
    .default([]),
});
export const provisionsBody = generalProvisions.extend({ revision });
export const provisionsResult = z.object({
  gov: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  state: z.string(),
  revision: z.number().int(),
  provisions: z.object({
    transferClauses: z.array(z.unknown()),
    explicitCarryOvers: z.array(z.unknown()),
    continuingExpenditures: z.array(z.unknown()),
    debtBurdens: z.array(z.unknown()),
  }),
});
export const delegationBody = z.strictObject({
  delegations: z.partialRecord(changeKindEnum, z.array(z.enum(['budget_officer'])).max(1)),
});
export const delegationResult = z.object({ gov: z.string(), delegations: z.record(z.string(), z.array(z.string())) });
