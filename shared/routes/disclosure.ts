import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import { budgetSummary, fiscalIndicators, yearParams } from '#shared/schemas/disclosure.ts';

const tags = ['Disclosure (지방재정공시)'];

export const getDisclosedBudgetSummary = defineRoute({
  id: 'getDisclosedBudgetSummary',
  method: 'GET',
  path: '/governments/{gov}/disclosure/{year}/budget-summary',
  handler: 'disclosure/get-budget-summary',
  summary: 'Open data: the final budget by revenue category and by 분야, exact totals (no token)',
  tags,
  access: publicAccess,
  params: govYearParams,
  response: budgetSummary,
});

export const getFiscalIndicators = defineRoute({
  id: 'getFiscalIndicators',
  method: 'GET',
  path: '/governments/{gov}/disclosure/{year}/indicators',
  handler: 'disclosure/get-indicators',
  summary: 'Open data: 재정자립도 and 재정자주도 of the final budget as exact ratios (no token)',
  tags,
  access: publicAccess,
  params: govYearParams,
  response: fiscalIndicators,
});

export const downloadNationwideIndicators = defineRoute({
  id: 'downloadNationwideIndicators',
  method: 'GET',
  path: '/disclosure/{year}/indicators.csv',
  handler: 'disclosure/download-indicators',
  summary: 'Open data: the indicators of all 243 governments as CSV (UTF-8 with BOM; empty figures where no budget is final)',
  tags,
  access: publicAccess,
  params: yearParams,
  produces: 'text/csv',
});
