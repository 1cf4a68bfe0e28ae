import { councilCutRefusal, diversionRefusal } from '#shared/domain/budget/budget-change.ts';
import { newDiversionLine } from '#shared/domain/budget/new-diversion-line.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { councilCuts } from '#shared/application/budget/budget-change-context.ts';
import { postBudgetMove } from '#shared/application/budget/post-budget-move.ts';
import type { MoveRequest } from '#shared/application/budget/post-budget-move.ts';

/**
 * 전용: the head (or whom the head delegated it to) moves budget between 단위사업 or 목 of one
 * 정책사업 (지방재정법 §49①; 시행령 §55): never to or from 인건비 or 상환금 (원금 ↔ 이자 aside), never
 * into 업무추진비, never after the year, never to a line outside the budget, never putting back
 * what the council cut (§49②). A target 목 not in the budget yet is created inside the same
 * 정책사업 (new-diversion-line.ts), under the same rules. Reported to the council each quarter (§49③: listBudgetChanges).
 */
export const divert = (request: RequestInfo, gov: string, year: number, input: MoveRequest) =>
  postBudgetMove(request, gov, year, input, {
    kind: 'diversion',
    basis: '지방재정법 §49; 시행령 §55',
    rules: async (from, to) => diversionRefusal(from, to) ?? councilCutRefusal('diversion', to, await councilCuts(gov, year)),
    newTarget: newDiversionLine,
  });
