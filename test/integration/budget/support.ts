import { expect } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import {
  createBudgetVersion,
  editBudgetLines,
  putAccount,
  putDepartment,
  putGeneralProvisions,
  transitionBudgetVersion,
} from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { expenditureLineInput, generalReserveInput, revenueLineInput } from '#test/support/budget-lines.ts';

/** Callers of one government, one subject per role (two budget officers for the 4-eyes rule). */
export function callers(gov: string) {
  const caller = (sub: string, role: Role, dept?: string): TestCaller => ({ sub, roles: [role], gov, ...(dept ? { dept } : {}) });
  return {
    budgetOfficer: caller(`bo-kim-${gov}`, 'budget_officer'),
    otherBudgetOfficer: caller(`bo-lee-${gov}`, 'budget_officer'),
    departmentOfficial: caller(`do-park-${gov}`, 'department_official', 'D100'),
    head: caller(`head-${gov}`, 'head'),
    council: caller(`cm-choi-${gov}`, 'council_member'),
    ministry: { sub: 'mois-1', roles: ['ministry'] } as TestCaller,
  };
}

export const expenditure = expenditureLineInput;
export const revenue = revenueLineInput;
export const reserve = generalReserveInput;

/** The general account and two departments. */
export async function setUpStructure(gov: string): Promise<void> {
  const { budgetOfficer } = callers(gov);
  const ok = (status: number) => expect(status).toBe(200);
  ok(
    (await callRoute(putAccount, { params: { gov, account: 'GEN' }, body: { name: '일반회계', kind: 'general' }, caller: budgetOfficer }))
      .status,
  );
  ok(
    (
      await callRoute(putAccount, {
        params: { gov, account: 'WATER' },
        body: { name: '상수도사업특별회계', kind: 'public-enterprise' },
        caller: budgetOfficer,
      })
    ).status,
  );
  ok((await callRoute(putDepartment, { params: { gov, dept: 'D100' }, body: { name: '기획예산과' }, caller: budgetOfficer })).status);
  ok((await callRoute(putDepartment, { params: { gov, dept: 'D200' }, body: { name: '복지정책과' }, caller: budgetOfficer })).status);
}

/** Takes a step and expects it to succeed; returns the version. */
export async function step(gov: string, year: number, version: number, action: string, revision: number, caller: TestCaller) {
  const result = await callRoute(transitionBudgetVersion, { params: { gov, year, version }, body: { action, revision }, caller });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

/**
 * Opens a version (original or the next supplementary), replaces/adds the given lines and drives it to
 * final; `provisions` (예산총칙: 이용 clauses …) are put while the budget office prepares it.
 */
export async function finalBudget(
  gov: string,
  year: number,
  kind: 'original' | 'supplementary',
  lines: readonly unknown[],
  remove: readonly string[] = [],
  provisions?: Record<string, unknown>,
) {
  const c = callers(gov);
  const created = await callRoute(createBudgetVersion, { params: { gov, year }, body: { kind }, caller: c.budgetOfficer });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const number = created.body.number as number;
  let revision = created.body.revision as number;
  const edit = await callRoute(editBudgetLines, {
    params: { gov, year, version: number },
    body: { revision, upsert: lines, remove },
    caller: c.budgetOfficer,
  });
  expect(edit.status, JSON.stringify(edit.body)).toBe(200);
  revision = edit.body.revision;
  revision = (await step(gov, year, number, 'request', revision, c.budgetOfficer)).revision;
  if (provisions) {
    const put = await callRoute(putGeneralProvisions, {
      params: { gov, year, version: number },
      body: { revision, ...provisions },
      caller: c.budgetOfficer,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    revision = put.body.revision;
  }
  revision = (await step(gov, year, number, 'adjust', revision, c.otherBudgetOfficer)).revision;
  revision = (await step(gov, year, number, 'submit', revision, c.head)).revision;
  revision = (await step(gov, year, number, 'resolve', revision, c.council)).revision;
  return step(gov, year, number, 'finalise', revision, c.head);
}
