import { estimateRefusal } from '#shared/domain/estimate/estimate.ts';
import type { PostingCommand } from '#shared/domain/execution/posting.ts';
import { advanceRefusal } from '#shared/domain/petty-cash/rules.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

type Resolve = Extract<PostingCommand, { kind: 'resolve' }>;

/**
 * The terms the law bounds an advance by, checked on the 지출결의 that books it (one model with the
 * 일상경비등 and 개산급 records, which name the order it leads to):
 *   - 일상경비등 (지방회계법 제34조): a cost of 회계령 제38조제1항, within the 교부한도 of 제38조제2항
 *     (1천만원 / 2천만원 / 필요금액) and one month (three for 제4호·제7호) of 제39조제1항
 *     (petty-cash/rules.ts, the same rule the record applies);
 *   - 개산급 (지방회계법 제35조): one of the costs of 회계령 제45조 (estimate/estimate.ts).
 * Terms without the advance they belong to are refused too: they would bound nothing.
 */
export function advanceTermsRefusal(command: Resolve): Refusal | undefined {
  const { advance, pettyCash, estimateCase } = command;
  if (advance === 'petty-cash' && pettyCash !== undefined && estimateCase === undefined) {
    return advanceRefusal({ item: pettyCash.item, amount: command.amount, period: pettyCash.period });
  }
  if (advance === 'estimate' && estimateCase !== undefined && pettyCash === undefined) return estimateRefusal({ case: estimateCase });
  if (advance === undefined && pettyCash === undefined && estimateCase === undefined) return undefined;
  const needed = advance === 'petty-cash' ? 'pettyCash' : advance === 'estimate' ? 'estimateCase' : 'advance';
  return refusal(
    'unprocessable',
    'advance-terms-mismatch',
    `a ${advance ?? 'cost'} resolution needs ${needed}, and no other advance's terms`,
    {
      rule: '일상경비등: 회계령 제38조·제39조 (item, period); 개산급: 회계령 제45조 (case)',
      advance: advance ?? 'none',
      pettyCash: pettyCash !== undefined,
      estimateCase: estimateCase !== undefined,
    },
  );
}

/** The item (회계령 제38조제1항) or case (제45조) an advance's documents carry, for the records that name them. */
export const advanceItemOf = (command: Resolve): number | undefined => command.pettyCash?.item ?? command.estimateCase;
