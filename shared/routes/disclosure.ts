import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import { budgetSummary, fiscalIndicators, indicatorAverages, yearParams } from '#shared/schemas/disclosure.ts';

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

export const getIndicatorAverages = defineRoute({
  id: 'getIndicatorAverages',
  method: 'GET',
  path: '/disclosure/{year}/indicator-averages',
  handler: 'disclosure/get-indicator-averages',
  summary:
    'Open data: national and 시·도 averages of 재정자립도 and 재정자주도 on the official basis (일반회계, 당초예산) over the 순계, exact (no token)',
  tags,
  access: publicAccess,
  params: yearParams,
  response: indicatorAverages,
});
