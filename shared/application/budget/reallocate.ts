import type { RequestInfo } from '#shared/http/request-info.ts';
import { postBudgetMove } from '#shared/application/budget/post-budget-move.ts';
import type { MoveRequest } from '#shared/application/budget/post-budget-move.ts';

export interface Reorganisation {
  /** 조례 or 규칙 that changed the 기구·직제·정원. */
  readonly act: '조례' | '규칙';
  readonly number: string;
  readonly date: string;
}

/**
 * 이체: when a 조례 or 규칙 reorganises the body and duties move between offices, the head moves
 * the related budget with them (지방재정법 §47의2②); no prior council approval, reported to the
 * council each quarter. The record references the act (number and date); the schema requires it.
 */
export const reallocate = (
  request: RequestInfo,
  gov: string,
  year: number,
  input: MoveRequest & { readonly reorganisation: Reorganisation },
) =>
  postBudgetMove(request, gov, year, input, {
    kind: 'reallocation',
    basis: '지방재정법 §47의2②',
    rules: async () => undefined,
    record: { reorganisation: input.reorganisation },
  });
