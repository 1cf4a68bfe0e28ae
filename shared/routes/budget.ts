import { governmentRead, governmentReaders, governmentWrite, nationalRead } from '#shared/auth/access.ts';
import type { z } from 'zod';
import { defineRoute } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import {
  account,
  accountBody,
  accountList,
  accountParams,
  allotment,
  allotmentBody,
  allotmentParams,
  budgetBook,
  budgetVersion,
  cashAllocation,
  cashAllocationBody,
  cashAllocationParams,
  createVersionBody,
  department,
  departmentBody,
  departmentList,
  departmentParams,
  diffQuery,
  editLinesBody,
  editLinesResult,
  csvUploadBody,
  csvUploadQuery,
  importBody,
  importResult,
  lineHistory,
  lineList,
  lineParams,
  linesQuery,
  nationalTotal,
  nationalTotalParams,
  provisionalResult,
  reversalBody,
  transitionBody,
  versionDiff,
  versionList,
  versionParams,
  yearParams,
  budgetChange,
  changeList,
  changeParams,
  changesQuery,
  delegationBody,
  delegationResult,
  executionRollup,
  lineStatus,
  diversionBody,
  moveBody,
  preEstablishedBody,
  provisionsBody,
  provisionsResult,
  reallocationBody,
  reserveStatement,
  quarterlyReportBody,
  quarterlyReportRecord,
  diversionStatement,
  reserveUseBody,
  rollupQuery,
} from '#shared/schemas/budget.ts';
import { govParams } from '#shared/schemas/common.ts';

const structureTags = ['Budget structure'];
const formulationTags = ['Budget formulation'];
const executionTags = ['Allotment and cash'];
/** Line-level and workflow reads: the government's own people and the ministry. */
const readers = governmentRead(...governmentReaders);
/** Aggregates (the budget book) may also be read by research institutes. */
const aggregateReaders = governmentRead(...governmentReaders, 'research');
const revisionNote = 'Every change carries the revision of the version it was computed from; a stale revision gets 409 revision-conflict.';

export const putAccount = defineRoute({
  id: 'putAccount',
  method: 'PUT',
  path: '/governments/{gov}/accounts/{account}',
  handler: 'budget/put-account',
  summary: 'Create or rename a 회계 (일반회계, 공기업특별회계, 기타특별회계, 기금)',
  tags: structureTags,
  access: governmentWrite('budget_officer'),
  params: accountParams,
  body: accountBody,
  response: account,
});

export const listAccounts = defineRoute({
  id: 'listAccounts',
  method: 'GET',
  path: '/governments/{gov}/accounts',
  handler: 'budget/list-accounts',
  summary: 'The 회계 of a government',
  tags: structureTags,
  access: readers,
  params: govParams,
  response: accountList,
});

export const putDepartment = defineRoute({
  id: 'putDepartment',
  method: 'PUT',
  path: '/governments/{gov}/departments/{dept}',
  handler: 'budget/put-department',
  summary: 'Create or rename an organisation unit (department)',
  tags: structureTags,
  access: governmentWrite('budget_officer'),
  params: departmentParams,
  body: departmentBody,
  response: department,
});

export const listDepartments = defineRoute({
  id: 'listDepartments',
  method: 'GET',
  path: '/governments/{gov}/departments',
  handler: 'budget/list-departments',
  summary: 'The departments of a government',
  tags: structureTags,
  access: readers,
  params: govParams,
  response: departmentList,
});

export const createBudgetVersion = defineRoute({
  id: 'createBudgetVersion',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions',
  handler: 'budget/create-version',
  summary: 'Open the 본예산 (version 0) or the next 추경 (a copy of the last final version)',
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: yearParams,
  body: createVersionBody,
  response: budgetVersion,
  status: 201,
});

export const listBudgetVersions = defineRoute({
  id: 'listBudgetVersions',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions',
  handler: 'budget/list-versions',
  summary: 'Every version of a year’s budget',
  tags: formulationTags,
  access: readers,
  params: yearParams,
  response: versionList,
});

export const getBudgetVersion = defineRoute({
  id: 'getBudgetVersion',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions/{version}',
  handler: 'budget/get-version',
  summary: 'One version: state, revision, totals, allowed steps, deadline warnings, history',
  tags: formulationTags,
  access: readers,
  params: versionParams,
  response: budgetVersion,
});

export const editBudgetLines = defineRoute({
  id: 'editBudgetLines',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/lines',
  handler: 'budget/edit-lines',
  summary: 'Add, replace or remove up to 40 lines of an open version',
  description: `Departments edit their own lines while drafting, the budget office while requested, the council while submitted. ${revisionNote}`,
  tags: formulationTags,
  access: governmentWrite('department_official', 'budget_officer', 'council_member'),
  params: versionParams,
  body: editLinesBody,
  response: editLinesResult,
});

export const listBudgetLines = defineRoute({
  id: 'listBudgetLines',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/lines',
  handler: 'budget/list-lines',
  summary: 'The lines of a version, in line id order, a page at a time',
  tags: formulationTags,
  access: readers,
  params: versionParams,
  query: linesQuery,
  response: lineList,
});

/** What the two ways of importing a version's lines (JSON or CSV body, CSV upload) share: who, where, the answer, the size. */
const lineImport = {
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: versionParams,
  response: importResult,
  maxBodyBytes: 6 * 1024 * 1024,
};

export const importBudgetLines = defineRoute({
  id: 'importBudgetLines',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/import',
  handler: 'budget/import-lines',
  summary: 'Replace all lines of an open version with an imported budget (JSON lines or CSV text), all or nothing',
  description: `Rejected as a whole with row, column and reason for every error. CSV: header row of line field names (kind,account,policyCode,…). ${revisionNote}`,
  ...lineImport,
  body: importBody,
});

export const uploadBudgetCsv = defineRoute({
  id: 'uploadBudgetCsv',
  method: 'PUT',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/lines.csv',
  handler: 'budget/upload-csv',
  summary: 'Replace all lines of an open version with an uploaded CSV file (text/csv), all or nothing',
  description: `The same import as importBudgetLines, for a spreadsheet exported as CSV (UTF-8, optional BOM; header row of line field names). Rejected as a whole with row, column and reason for every error. ${revisionNote}`,
  ...lineImport,
  query: csvUploadQuery,
  body: csvUploadBody,
  bodyMediaType: 'text/csv',
});

export const transitionBudgetVersion = defineRoute({
  id: 'transitionBudgetVersion',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/transitions',
  handler: 'budget/transition-version',
  summary: 'Take a workflow step: request, return, adjust, reopen, submit, withdraw, reject, resolve, finalise',
  description: `An illegal step is 409 illegal-transition naming the state and the allowed steps; the subject of the previous step may not take an approval step (403 four-eyes). ${revisionNote}`,
  tags: formulationTags,
  access: governmentWrite('department_official', 'budget_officer', 'head', 'council_member'),
  params: versionParams,
  body: transitionBody,
  response: budgetVersion,
});

export const syncBudgetControls = defineRoute({
  id: 'syncBudgetControls',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/control-sync',
  handler: 'budget/sync-controls',
  summary: 'Finish writing the control items of a final version whose finalisation was cut short',
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: versionParams,
  response: budgetVersion,
});

export const diffBudgetVersions = defineRoute({
  id: 'diffBudgetVersions',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/diff',
  handler: 'budget/diff-versions',
  summary: 'Line-by-line difference from version `against` to this version',
  tags: formulationTags,
  access: readers,
  params: versionParams,
  query: diffQuery,
  response: versionDiff,
});

export const getBudgetBook = defineRoute({
  id: 'getBudgetBook',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/book',
  handler: 'budget/get-book',
  summary: 'Budget book of a version: by 분야/부문, 성질 group/편성목, department, account, revenue category and funding source',
  tags: formulationTags,
  access: aggregateReaders,
  params: versionParams,
  response: budgetBook,
});

export const getBudgetLineHistory = defineRoute({
  id: 'getBudgetLineHistory',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/lines/{lineId}/history',
  handler: 'budget/get-line-history',
  summary: 'One line across the year: its amount in each version, its control item and its allotments',
  tags: formulationTags,
  access: readers,
  params: lineParams,
  response: lineHistory,
});

export const getNationalBudgetTotal = defineRoute({
  id: 'getNationalBudgetTotal',
  method: 'GET',
  path: '/budgets/{year}/national-total',
  handler: 'budget/get-national-total',
  summary: 'Sum of the final budgets of all governments for a year (exact, decimal strings)',
  tags: formulationTags,
  access: nationalRead('ministry', 'research'),
  params: nationalTotalParams,
  response: nationalTotal,
});

export const openProvisionalBudget = defineRoute({
  id: 'openProvisionalBudget',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/provisional',
  handler: 'budget/open-provisional',
  summary: 'Open the 준예산: from 1 January with no final budget, the previous year’s mandatory lines become spendable',
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: yearParams,
  response: provisionalResult,
  status: 201,
});

export const allotBudget = defineRoute({
  id: 'allotBudget',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/allotments',
  handler: 'budget/allot',
  summary: 'Allot (예산배정) part of a final line for a quarter, regular or early (당겨배정); allotted ≤ budget',
  description: 'Posting the same reference again with the same content returns the original posting (200) instead of allotting twice.',
  tags: executionTags,
  access: governmentWrite('budget_officer'),
  params: yearParams,
  body: allotmentBody,
  response: allotment,
  status: 201,
});

export const reverseAllotment = defineRoute({
  id: 'reverseAllotment',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/allotments/{allotmentId}/reversal',
  handler: 'budget/reverse-allotment',
  summary: 'Reverse an allotment with a posting that references it (never an edit); allotted − amount ≥ committed',
  tags: executionTags,
  access: governmentWrite('budget_officer'),
  params: allotmentParams,
  body: reversalBody,
  response: allotment,
  status: 201,
});

export const allocateCash = defineRoute({
  id: 'allocateCash',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/cash-allocations',
  handler: 'budget/allocate-cash',
  summary: 'Release cash (자금배정) to an account for a month; payments are checked against it',
  tags: executionTags,
  access: governmentWrite('budget_officer', 'finance_officer'),
  params: yearParams,
  body: cashAllocationBody,
  response: cashAllocation,
  status: 201,
});

export const reverseCashAllocation = defineRoute({
  id: 'reverseCashAllocation',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/cash-allocations/{allocationId}/reversal',
  handler: 'budget/reverse-cash-allocation',
  summary: 'Reverse a cash allocation with a posting that references it; allocated − amount ≥ paid',
  tags: executionTags,
  access: governmentWrite('budget_officer', 'finance_officer'),
  params: cashAllocationParams,
  body: reversalBody,
  response: cashAllocation,
  status: 201,
});

// ── issue #14: changes during execution, the 예산총칙, the live 집행현황 ───────────────────────────
const changeTags = ['Budget changes during execution'];
const statusTags = ['Execution status'];
/** The head decides; the budget office only for the kinds the head delegated (PUT …/budget-delegations). */
const changeDeciders = governmentWrite('head', 'budget_officer');
const changeNote =
  'Recorded once per reference (the same reference and body replay it with 200; another body is 409 reference-used); the total budget is unchanged; the source must have the amount neither allotted nor committed. Reverse with POST …/changes/{changeId}/reversal.';

/**
 * A budget change: POST under the year by the change deciders, answering the recorded change with
 * 201 (the route declares only what differs: id, path, handler, texts and body).
 */
const changeRoute = <B extends z.ZodType>(
  route: Pick<Route<typeof yearParams, z.ZodType, B>, 'id' | 'path' | 'handler' | 'summary' | 'description' | 'body'>,
) =>
  defineRoute({
    method: 'POST',
    tags: changeTags,
    access: changeDeciders,
    params: yearParams,
    response: budgetChange,
    status: 201,
    ...route,
  });

export const divertBudget = changeRoute({
  id: 'divertBudget',
  path: '/governments/{gov}/budgets/{year}/diversions',
  handler: 'budget/divert',
  summary: '전용: move budget between 단위사업 or 목 of one 정책사업 (지방재정법 §49; 시행령 §55)',
  description: `Refused to or from 인건비 or 상환금 (원금 ↔ 이자 aside), into 업무추진비, after the year, to a line outside the budget, and into a line the council cut. A target 목 not yet in the budget is created in the source's 회계 and 정책사업 (a 통계목 of the code table; its department \`dept\`, default the source's). ${changeNote}`,
  body: diversionBody,
});

export const transferBudget = changeRoute({
  id: 'transferBudget',
  path: '/governments/{gov}/budgets/{year}/transfers',
  handler: 'budget/transfer',
  summary: '이용: move budget across 정책사업 where a clause of the 예산총칙 allows it (지방재정법 §47의2①)',
  description: changeNote,
  body: moveBody,
});

export const reallocateBudget = changeRoute({
  id: 'reallocateBudget',
  path: '/governments/{gov}/budgets/{year}/reallocations',
  handler: 'budget/reallocate',
  summary: '이체: move budget with duties after a reorganisation by 조례/규칙 (지방재정법 §47의2②)',
  description: changeNote,
  body: reallocationBody,
});

export const useBudgetReserve = changeRoute({
  id: 'useBudgetReserve',
  path: '/governments/{gov}/budgets/{year}/reserve-uses',
  handler: 'budget/use-reserve',
  summary:
    '예비비 사용결정: move an amount from a 예비비 (801) line to a named 세출 line, then allot it there (지방재정법 §43; 시행령 §48, §56③)',
  description: `Refused for 업무추진비, for 보조금 unless emergency, from the 재해·재난 목적 예비비 (801-02) unless emergency, and for a line the council cut or abolished. ${changeNote}`,
  body: reserveUseBody,
});

export const recodeExecution = changeRoute({
  id: 'recodeExecution',
  path: '/governments/{gov}/budgets/{year}/recodings',
  handler: 'budget/recode',
  summary: '과목경정: move an executed (paid) amount from a wrongly coded line to the right one, within the year',
  description:
    'The same limits as a 전용 (inside one 정책사업) or an 이용 (across: an 예산총칙 clause) of the same shape; the right line keeps committed ≤ allotted. Recorded once per reference.',
  body: moveBody,
});

export const createPreEstablished = changeRoute({
  id: 'createPreEstablished',
  path: '/governments/{gov}/budgets/{year}/pre-established-lines',
  handler: 'budget/create-pre-established',
  summary: '성립전예산: create a 세출 line and its matching 세입 line for a designated, fully granted transfer (지방재정법 §45)',
  description:
    'The lines stay flagged (preEstablishedPending) until a later 추경 of the year includes the 세출 line. Reversed with POST …/changes/{changeId}/reversal only before anything rests on its lines (both are then removed).',
  body: preEstablishedBody,
});

export const reverseBudgetChange = defineRoute({
  id: 'reverseBudgetChange',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/changes/{changeId}/reversal',
  handler: 'budget/reverse-change',
  summary: 'Reverse a budget change with a change that references it (the target gives back what it has not allotted)',
  tags: changeTags,
  access: changeDeciders,
  params: changeParams,
  body: reversalBody,
  response: budgetChange,
  status: 201,
});

export const listBudgetChanges = defineRoute({
  id: 'listBudgetChanges',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/changes',
  handler: 'budget/list-changes',
  summary: 'Budget changes of a year, by kind and quarter: the quarterly report to the council (지방재정법 §49③, §47의2②)',
  tags: changeTags,
  access: readers,
  params: yearParams,
  query: changesQuery,
  response: changeList,
});

export const recordQuarterlyReport = defineRoute({
  id: 'recordQuarterlyReport',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/quarterly-reports',
  handler: 'budget/record-quarterly-report',
  summary: "Record that a quarter's report of 전용 or 이체 went to the council (지방재정법 §49③, §47의2②)",
  description:
    'Once per kind and quarter, after the quarter ends and not after today (422 `quarterly-report-date`); the same record again answers as it stands, a different one 409 `quarterly-report-recorded`. ' +
    'The changes listing of that kind and quarter then shows the report `submitted` (and `late` when after `dueBy`); until then `due` or `overdue`.',
  tags: changeTags,
  access: changeDeciders,
  params: yearParams,
  body: quarterlyReportBody,
  response: quarterlyReportRecord,
});

export const getReserveStatement = defineRoute({
  id: 'getReserveStatement',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/reserve-statement',
  handler: 'budget/get-reserve-statement',
  summary: '예비비 사용명세서 for the council: each 사용결정 with what its line executed and left unused (지방재정법 §43④)',
  tags: changeTags,
  access: readers,
  params: yearParams,
  response: reserveStatement,
});

export const getDiversionStatement = defineRoute({
  id: 'getDiversionStatement',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/diversion-statement',
  handler: 'budget/get-diversion-statement',
  summary: '예산전용조서: every 전용 of the year with its amount and reason, as the 세입·세출결산서 states them (지방재정법 §49④)',
  description:
    'A reversal is a row of its own with the negative amount; netAmount is what the 전용 moved in all. The year-end closing archives the same rows as the `diversions` table of the 세입세출결산 (JSON, CSV, XLSX).',
  tags: changeTags,
  access: readers,
  params: yearParams,
  response: diversionStatement,
});

export const putBudgetDelegations = defineRoute({
  id: 'putBudgetDelegations',
  method: 'PUT',
  path: '/governments/{gov}/budget-delegations',
  handler: 'budget/put-delegations',
  summary: 'The head delegates kinds of budget change (전용 …) to the budget office (위임전결)',
  tags: changeTags,
  access: governmentWrite('head'),
  params: govParams,
  body: delegationBody,
  response: delegationResult,
});

export const getBudgetLineStatus = defineRoute({
  id: 'getBudgetLineStatus',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/lines/{lineId}/status',
  handler: 'budget/get-line-status',
  summary:
    '집행현황 of a line: 예산현액 and its components, allotted, committed, resolved, ordered, paid, what is left, the execution rate',
  tags: statusTags,
  access: readers,
  params: lineParams,
  response: lineStatus,
});

export const getExecutionRollup = defineRoute({
  id: 'getExecutionRollup',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/execution-status',
  handler: 'budget/get-execution-rollup',
  summary: '집행현황 summed by department, 정책사업, 분야, 부문, 회계 or 성질 (편성목) (exact, from the control items)',
  tags: statusTags,
  access: aggregateReaders,
  params: yearParams,
  query: rollupQuery,
  response: executionRollup,
});

export const putGeneralProvisions = defineRoute({
  id: 'putGeneralProvisions',
  method: 'PUT',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/general-provisions',
  handler: 'budget/put-general-provisions',
  summary: '예산총칙 of an open version: 이용 clauses, 명시이월, 계속비, 채무부담행위 — approved with the budget',
  description: `Edited by whoever edits the version's lines in its state. ${revisionNote}`,
  tags: formulationTags,
  access: governmentWrite('department_official', 'budget_officer', 'council_member'),
  params: versionParams,
  body: provisionsBody,
  response: provisionsResult,
});

export const getGeneralProvisions = defineRoute({
  id: 'getGeneralProvisions',
  method: 'GET',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/general-provisions',
  handler: 'budget/get-general-provisions',
  summary: 'The 예산총칙 parts of a version',
  tags: formulationTags,
  access: readers,
  params: versionParams,
  response: provisionsResult,
});
