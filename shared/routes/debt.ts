import { governmentRead, governmentReaders, governmentWrite, nationalRead } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams } from '#shared/schemas/common.ts';
import {
  btlBalance,
  btlBalanceBody,
  debt,
  debtDetail,
  debtEntry,
  debtList,
  debtParams,
  debtRatioQuery,
  governmentDebtRatio,
  issueDebtBody,
  nationalDebtRatios,
  repaymentBody,
  repaymentParams,
  yearPathParams,
} from '#shared/schemas/debt.ts';

const tags = ['Debt (채무관리)'];
// the 부채관리관 (지방재정법 제87조의2②) manages the debt the head delegated to it
const writers = governmentWrite('chief_accountant', 'budget_officer', 'debt_officer');
const readers = governmentRead(...governmentReaders);

export const issueDebt = defineRoute({
  id: 'issueDebt',
  method: 'POST',
  path: '/governments/{gov}/debts',
  handler: 'debt/issue-debt',
  summary: 'Register a local bond or borrowing; its repayment schedule (bullet or equal principal) is generated',
  tags,
  access: writers,
  params: govParams,
  body: issueDebtBody,
  response: debt,
  status: 201,
  maxBodyBytes: 8 * 1024,
});

export const listDebts = defineRoute({
  id: 'listDebts',
  method: 'GET',
  path: '/governments/{gov}/debts',
  handler: 'debt/list-debts',
  summary: 'The debt register of a government with the outstanding total',
  tags,
  access: readers,
  params: govParams,
  response: debtList,
});

export const getDebt = defineRoute({
  id: 'getDebt',
  method: 'GET',
  path: '/governments/{gov}/debts/{debtId}',
  handler: 'debt/get-debt',
  summary: 'One debt with its schedule, repayments and reversals',
  tags,
  access: readers,
  params: debtParams,
  response: debtDetail,
});

export const recordDebtRepayment = defineRoute({
  id: 'recordDebtRepayment',
  method: 'POST',
  path: '/governments/{gov}/debts/{debtId}/repayments',
  handler: 'debt/record-repayment',
  summary: 'Record a principal repayment (never more than outstanding; the reference is its business key)',
  tags,
  access: writers,
  params: debtParams,
  body: repaymentBody,
  response: debtEntry,
  status: 201,
  maxBodyBytes: 1024,
});

export const reverseDebtRepayment = defineRoute({
  id: 'reverseDebtRepayment',
  method: 'POST',
  path: '/governments/{gov}/debts/{debtId}/repayments/{reference}/reversal',
  handler: 'debt/reverse-repayment',
  summary: 'Reverse a repayment with a reversing entry (the repayment is never edited); once',
  tags,
  access: writers,
  params: repaymentParams,
  response: debtEntry,
  status: 201,
});

export const recordBtlBalance = defineRoute({
  id: 'recordBtlBalance',
  method: 'POST',
  path: '/governments/{gov}/btl-balances',
  handler: 'debt/record-btl-balance',
  summary: 'Record the 순지방비 still to be paid on a BTL (임대형 민자사업) project as of a date: counted in 채무 from that date',
  tags,
  access: writers,
  params: govParams,
  body: btlBalanceBody,
  response: btlBalance,
  status: 201,
  maxBodyBytes: 1024,
});

export const getDebtRatio = defineRoute({
  id: 'getDebtRatio',
  method: 'GET',
  path: '/governments/{gov}/debt-ratio',
  handler: 'debt/get-debt-ratio',
  summary: '예산대비채무비율: 채무 as of a date over the final budget of the year, with its band (25% 초과 주의, 40% 초과 심각)',
  tags,
  access: governmentRead(...governmentReaders, 'research'),
  params: govParams,
  query: debtRatioQuery,
  response: governmentDebtRatio,
});

export const getNationalDebtRatios = defineRoute({
  id: 'getNationalDebtRatios',
  method: 'GET',
  path: '/debt-ratios/{year}',
  handler: 'debt/get-national-debt-ratios',
  summary: 'The debt ratio and band of all 243 governments (ministry and research institutes)',
  tags,
  access: nationalRead('ministry', 'research'),
  params: yearPathParams,
  response: nationalDebtRatios,
});
