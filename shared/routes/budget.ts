import { governmentRead, governmentReaders, governmentWrite, nationalRead } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
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

export const importBudgetLines = defineRoute({
  id: 'importBudgetLines',
  method: 'POST',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/import',
  handler: 'budget/import-lines',
  summary: 'Replace all lines of an open version with an imported budget (JSON lines or CSV text), all or nothing',
  description: `Rejected as a whole with row, column and reason for every error. CSV: header row of line field names (kind,account,policyCode,…). ${revisionNote}`,
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: versionParams,
  body: importBody,
  response: importResult,
  maxBodyBytes: 6 * 1024 * 1024,
});

export const uploadBudgetCsv = defineRoute({
  id: 'uploadBudgetCsv',
  method: 'PUT',
  path: '/governments/{gov}/budgets/{year}/versions/{version}/lines.csv',
  handler: 'budget/upload-csv',
  summary: 'Replace all lines of an open version with an uploaded CSV file (text/csv), all or nothing',
  description: `The same import as importBudgetLines, for a spreadsheet exported as CSV (UTF-8, optional BOM; header row of line field names). Rejected as a whole with row, column and reason for every error. ${revisionNote}`,
  tags: formulationTags,
  access: governmentWrite('budget_officer'),
  params: versionParams,
  query: csvUploadQuery,
  body: csvUploadBody,
  bodyMediaType: 'text/csv',
  response: importResult,
  maxBodyBytes: 6 * 1024 * 1024,
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
