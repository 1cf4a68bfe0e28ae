import { councilCutRefusal, transferShapeRefusal } from '#shared/domain/budget/budget-change.ts';
import { authorisingClause, transferNotAuthorised } from '#shared/domain/budget/general-provisions.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { councilCuts, finalProvisions } from '#shared/application/budget/budget-change-context.ts';
import { postBudgetMove } from '#shared/application/budget/post-budget-move.ts';
import type { MoveRequest } from '#shared/application/budget/post-budget-move.ts';

/**
 * 이용: budget moved across 정책사업, only where a clause of the final version's 예산총칙 — approved
 * by the council with the budget — names the source and target 정책사업 (지방재정법 §47의2①); the
 * record names the clause. Never putting back what the council cut.
 */
export async function transfer(request: RequestInfo, gov: string, year: number, input: MoveRequest) {
  let clause: string | undefined;
  return postBudgetMove(request, gov, year, input, {
    kind: 'transfer',
    basis: '지방재정법 §47의2①',
    rules: async (from, to) => {
      const shape = transferShapeRefusal(from, to);
      if (shape) return shape;
      const { version, provisions } = await finalProvisions(gov, year);
      const found = authorisingClause(provisions, from.fund, from.policy, to.policy);
      if (!found) return transferNotAuthorised(from.fund, from.policy, to.policy, version);
      clause = found.clause;
      return councilCutRefusal('transfer', to, await councilCuts(gov, year));
    },
    get record() {
      return { clause };
    },
  });
}
