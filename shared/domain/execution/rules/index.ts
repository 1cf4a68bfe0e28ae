import type { PostingKind } from '#shared/domain/execution/posting.ts';
import { assess } from '#shared/domain/execution/rules/assess.ts';
import { cancel } from '#shared/domain/execution/rules/cancel.ts';
import { commit } from '#shared/domain/execution/rules/commit.ts';
import { correct } from '#shared/domain/execution/rules/correct.ts';
import { notice } from '#shared/domain/execution/rules/notice.ts';
import { orderPayment } from '#shared/domain/execution/rules/order-payment.ts';
import { pay } from '#shared/domain/execution/rules/pay.ts';
import { priorYearCommit } from '#shared/domain/execution/rules/prior-year-commit.ts';
import { priorYearReceive } from '#shared/domain/execution/rules/prior-year-receive.ts';
import { reduce } from '#shared/domain/execution/rules/reduce.ts';
import { receive } from '#shared/domain/execution/rules/receive.ts';
import { refund } from '#shared/domain/execution/rules/refund.ts';
import { resolve } from '#shared/domain/execution/rules/resolve.ts';
import { returnPayment } from '#shared/domain/execution/rules/return.ts';
import { settle } from '#shared/domain/execution/rules/settle.ts';
import { suspendCollection } from '#shared/domain/execution/rules/suspend-collection.ts';
import { writeOff } from '#shared/domain/execution/rules/write-off.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { withdraw } from '#shared/domain/execution/rules/withdraw.ts';
import { deposit } from '#shared/domain/execution/rules/deposit.ts';
import { forfeit } from '#shared/domain/execution/rules/forfeit.ts';

/** The rule of every posting kind: the compiler refuses a kind without one. */
export const postingRules: { readonly [K in PostingKind]: PostingRule<K> } = {
  // 지출 (expenditure)
  commit,
  resolve,
  order: orderPayment,
  pay,
  return: returnPayment,
  settle,
  cancel,
  reduce,
  // 세입 (revenue)
  assess,
  notice,
  receive,
  refund,
  // 세입세출외현금
  withdraw,
  deposit,
  forfeit,
  // both
  correct,
  // the year after (issue #15): 과년도 수입·지출, 불납결손, 징수정지
  'prior-year-receive': priorYearReceive,
  'prior-year-commit': priorYearCommit,
  'write-off': writeOff,
  'suspend-collection': suspendCollection,
};
