import { tableName } from '#shared/config/env.ts';
import type { RecodingBooks } from '#shared/application/budget/recode.ts';
import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import { balanceUpdate } from '#shared/stores/execution/ledger-balances.ts';

/**
 * Where budget meets the accrual books: a 과목경정 (budget) writes its journal into execution's
 * running balances (ledger-balances.ts) in its own transaction. Budget never imports execution
 * (execution reads budget's control items), so the recode handler passes this to the use case.
 * One balance update per account and period (day and month): 4 lines give at most 6 updates.
 */
export const recodingBooks: RecodingBooks = (gov, year, journal) =>
  Object.fromEntries(balanceDeltas([{ gov, year, entry: journal }]).map((delta, i) => [`balance${i}`, balanceUpdate(tableName(), delta)]));
