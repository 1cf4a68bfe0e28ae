import { notFound } from '#shared/domain/refusal.ts';
import { getDebt } from '#shared/stores/debt/register.ts';
import type { DebtRecord } from '#shared/stores/debt/register.ts';

/** The debt, or 404 `debt-not-found`. */
export async function requireDebt(gov: string, debtId: string): Promise<DebtRecord> {
  const found = await getDebt(gov, debtId);
  if (!found) throw notFound('debt-not-found', `government ${gov} has no debt ${debtId} in its register`);
  return found;
}
