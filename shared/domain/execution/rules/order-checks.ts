import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { cashTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { broken, documentOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { paymentYear } from '#shared/domain/fiscal-calendar/attribution.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';

/**
 * What the 지출원 must confirm before a 지급명령 (지방회계법 시행령 제33조), each a named refusal
 * with its numbers:
 *   1. the 지출원인행위 papers were sent (제33조제1호; 법 제31조): the order rests on an applied
 *      지출결의 of an applied 지출원인행위 (`order-without-commitment-papers`);
 *   2. within the 배정된 예산 and the 지출한도액 (제33조제2호): the line's ordered total stays within
 *      its allotment (`order-within-allotment`), and the order within the cash the month still has
 *      (`order-within-cash-limit`: 지출한도액 notified per 지출원 under 제32조, held as the fund's monthly
 *      cash allocation — the same headroom the bank's payment is judged on, rules/pay.ts, so the
 *      지출원 is refused before the bank is). What the month's cash must still cover counts the orders
 *      already given in it that the bank has not paid (`claimed`), and the order adds itself there:
 *      the cash item's invariant claimed ≤ allocated (items.ts) is in the batch's write condition;
 *   3. the 세출과목 of the year the payment belongs to (제33조제3호): the year 회계령 제2조제2항 gives
 *      the commitment's category is the line's year (`order-outside-fiscal-year`).
 */
export function orderChecks(
  message: PostingMessage,
  state: WorkingState,
  resolution: ControlledItem,
  line: ControlledItem,
  amount: number,
  date: string,
): Refusal | Effect {
  const commitmentId = String(resolution.attrs.commitmentId);
  const commitment = documentOf(message, state, commitmentId, 'commitment');
  if (isRefusal(commitment)) {
    return broken('order-without-commitment-papers', `the resolution rests on no applied commitment ${commitmentId}`, {
      article: '지방회계법 시행령 제33조제1호',
      commitmentId,
    });
  }
  const allotted = line.counters.allotted ?? 0;
  const ordered = line.counters.ordered ?? 0;
  if (ordered + amount > allotted) {
    return broken('order-within-allotment', `the order of ${amount} takes line ${line.attrs.lineId} past its allotment`, {
      article: '지방회계법 시행령 제33조제2호',
      lineId: line.attrs.lineId,
      allotted,
      ordered,
      amount,
    });
  }
  const claim = cashClaim(message, state, line, date, amount);
  if (isRefusal(claim)) return claim;
  const attribution = String(commitment.attrs.attribution ?? '');
  const attributionDate = commitment.attrs.attributionDate === undefined ? undefined : String(commitment.attrs.attributionDate);
  const belongs = paymentYear(attribution, attributionDate, date);
  // An order dated after 31 December that the posting window accepted (지방회계법 제7조제1항 단서;
  // 회계령 제3조, 제34조: the listed exceptions until 20 January) is still the old year's.
  const inClosingWindow = belongs?.date === date && belongs.year === message.year + 1;
  if (belongs !== undefined && belongs.year !== message.year && !inClosingWindow) {
    return broken(
      'order-outside-fiscal-year',
      `by ${belongs.source} this payment belongs to ${belongs.year}, not to the line's ${message.year}`,
      {
        article: '지방회계법 시행령 제33조제3호',
        source: belongs.source,
        category: belongs.category,
        year: message.year,
        paymentYear: belongs.year,
        date: belongs.date,
      },
    );
  }
  return claim;
}

/**
 * The order's claim on its month's cash (제33조제2호, 제32조): refused when the month's allocation less
 * what is claimed (paid, and ordered but unpaid) is less than the order. Items written before claims
 * were counted carry only `paid`; the larger of the two is what is spoken for.
 */
function cashClaim(message: PostingMessage, state: WorkingState, line: ControlledItem, date: string, amount: number): Refusal | Effect {
  const fund = String(line.attrs.fund);
  const month = date.slice(0, 7);
  const target = cashTarget(message.gov, message.year, fund, month);
  const allocation = state.item(target);
  const allocated = allocation?.counters.allocated ?? 0;
  const paid = allocation?.counters.paid ?? 0;
  const claimed = Math.max(allocation?.counters.claimed ?? 0, paid);
  if (amount > allocated - claimed) {
    return broken(
      'order-within-cash-limit',
      `fund ${fund} has ${allocated - claimed} of its ${month} cash unclaimed, less than ${amount}`,
      {
        article: '지방회계법 시행령 제33조제2호, 제32조',
        fund,
        month,
        allocated,
        paid,
        claimed,
        amount,
      },
    );
  }
  return { target, kind: 'cash', deltas: { claimed: amount } };
}
