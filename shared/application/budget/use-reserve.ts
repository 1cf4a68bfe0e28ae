import { councilCutRefusal, disasterReserveRefusal, reserveTargetRefusal } from '#shared/domain/budget/budget-change.ts';
import { itemClassOf } from '#shared/domain/budget/item-classes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { councilCuts } from '#shared/application/budget/budget-change-context.ts';
import { postBudgetMove } from '#shared/application/budget/post-budget-move.ts';
import type { MoveRequest } from '#shared/application/budget/post-budget-move.ts';

/**
 * 예비비 사용결정: the head moves an amount from a 예비비 (801) line to a named 세출 line, which is
 * then allotted and executed like any line (지방재정법 §43; 시행령 §56③: the decided amount is
 * 배정 as a 세출 budget — the 예비비 line itself is never allotted, see allot.ts). Never for
 * 업무추진비, nor for 보조금 other than 긴급재난대책 (시행령 §48), never for an item the council
 * abolished or reduced (§43③); the 재해·재난 목적 예비비 (801-02) only for a 재해·재난 (§43②).
 * The 사용명세서 for the council is listBudgetChanges?kind=reserve-use.
 */
export const useReserve = (request: RequestInfo, gov: string, year: number, input: MoveRequest & { readonly emergency: boolean }) =>
  postBudgetMove(request, gov, year, input, {
    kind: 'reserve-use',
    basis: '지방재정법 §43②③; 시행령 §48, §56③',
    rules: async (from, to) => {
      if (itemClassOf(from.itemCode) !== 'reserve')
        return refusal('unprocessable', 'not-a-reserve-line', `line ${from.lineId} is not a 예비비 (801) line`, {
          lineId: from.lineId,
          itemCode: from.itemCode,
        });
      return (
        disasterReserveRefusal(from, input.emergency) ??
        reserveTargetRefusal(to, input.emergency) ??
        councilCutRefusal('reserve-use', to, await councilCuts(gov, year))
      );
    },
    record: { reserve: { emergency: input.emergency } },
  });
