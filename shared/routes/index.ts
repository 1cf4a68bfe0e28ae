import type { Route } from '#shared/http/route.ts';
import * as accounting from '#shared/routes/accounting.ts';
import * as audit from '#shared/routes/audit.ts';
import * as budget from '#shared/routes/budget.ts';
import * as classification from '#shared/routes/classification.ts';
import * as contract from '#shared/routes/contract.ts';
import * as debt from '#shared/routes/debt.ts';
import * as disclosure from '#shared/routes/disclosure.ts';
import * as estimate from '#shared/routes/estimate.ts';
import * as execution from '#shared/routes/execution.ts';
import * as participation from '#shared/routes/participation.ts';
import * as pettyCash from '#shared/routes/petty-cash.ts';
import * as platform from '#shared/routes/platform.ts';
import * as registry from '#shared/routes/registry.ts';
import * as reports from '#shared/routes/reports.ts';
import * as settlement from '#shared/routes/settlement.ts';
import * as subsidy from '#shared/routes/subsidy.ts';

/**
 * Every API route. Each domain declares its routes in its own file here; this list is what the
 * CDK stack, the local runtime and the OpenAPI document iterate.
 */
export const routes: readonly Route[] = [
  ...Object.values(registry),
  ...Object.values(platform),
  ...Object.values(audit),
  ...Object.values(classification),
  ...Object.values(budget),
  ...Object.values(execution),
  ...Object.values(settlement),
  ...Object.values(reports),
  ...Object.values(participation),
  ...Object.values(disclosure),
  ...Object.values(debt),
  ...Object.values(subsidy),
  ...Object.values(accounting),
  ...Object.values(contract),
  ...Object.values(pettyCash),
  ...Object.values(estimate),
] as Route[];
