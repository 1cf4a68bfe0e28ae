import type { ChangeLine } from '#shared/domain/budget/budget-change.ts';
import { isKnownStatItem } from '#shared/domain/budget/classification.ts';
import { expenditureIdParts } from '#shared/domain/budget/line-id.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 전용 into a 목 the 정책사업 does not have yet (practice: 지방재정법 §49① lets the head move budget
 * between the 단위사업 and 목 of one 정책사업; the 시행령 text read in legalize-kr is silent on whether
 * the receiving 목 must already exist, and offices create it with the 전용). The new line is the
 * target id as given — same 회계 and 정책사업 as the source, its 단위사업/세부사업, a 통계목 of the code
 * table — with no budget of its own yet, so every 전용 rule (인건비, 상환금, 업무추진비, council cuts,
 * the source's balance) then runs on it as on any line. Undefined-free: a Refusal or the line.
 */
export function newDiversionLine(source: ChangeLine, toLineId: string): ChangeLine | Refusal {
  const parts = expenditureIdParts(toLineId);
  if (!parts || parts.policy !== source.policy || parts.account !== source.fund || !isKnownStatItem(parts.statItem))
    return refusal(
      'unprocessable',
      'project-not-in-budget',
      `line ${toLineId} is not in the budget and a 전용 can create it only as a 목 of the code table in ${source.fund}.${source.policy}`,
      {
        rule: 'a new target of a 전용 is a 통계목 of the code table in the source’s 회계 and 정책사업',
        basis: 'practice (지방재정법 §49①, §49②1)',
        lineId: toLineId,
        policy: source.policy,
        fund: source.fund,
      },
    );
  return {
    lineId: toLineId,
    kind: 'expenditure',
    fund: parts.account,
    itemCode: parts.statItem,
    policy: parts.policy,
    budget: 0,
    allotted: 0,
    committed: 0,
    resolved: 0,
    ordered: 0,
    paid: 0,
  };
}
