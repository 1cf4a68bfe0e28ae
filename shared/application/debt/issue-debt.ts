import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { repaymentSchedule } from '#shared/domain/debt/schedule.ts';
import { conflict, unprocessable } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { addToDebtTotal, debtTarget, putNewDebt } from '#shared/stores/debt/register.ts';
import type { DebtRecord, IssueDebtInput } from '#shared/stores/debt/register.ts';
import { transact } from '#shared/stores/table/transact.ts';

/** The bond or borrowing with its generated schedule, the government's outstanding total and the audit record: one TransactWrite. */
export async function issueDebt(request: RequestInfo, gov: string, input: IssueDebtInput): Promise<DebtRecord> {
  const schedule = repaymentSchedule(input);
  if (!schedule.ok)
    throw unprocessable('invalid-repayment-schedule', schedule.reason, {
      rule: 'a schedule of whole-won instalments between issue and maturity',
    });
  const { installments: _installments, intervalMonths: _intervalMonths, ...terms } = input;
  const record: DebtRecord = {
    gov,
    ...terms,
    schedule: [...schedule.installments],
    repaid: 0,
    outstanding: input.principal,
    createdAt: request.receivedAt,
  };
  const outcome = await transact({
    debt: putNewDebt(record),
    total: addToDebtTotal(gov, input.principal),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'debt.issue', target: debtTarget(gov, input.debtId) })),
  });
  if (!outcome.ok)
    throw conflict('debt-exists', `government ${gov} already has debt ${input.debtId} in its register`, { debtId: input.debtId });
  return record;
}
