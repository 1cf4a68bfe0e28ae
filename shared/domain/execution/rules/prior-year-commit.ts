import { programOfLine } from '#shared/domain/budget/line-id.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { programTarget } from '#shared/domain/execution/items.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { applied, docEffect, lineEffect, newCommitment } from '#shared/domain/execution/rules/effects.ts';
import { broken, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { originDocumentOf } from '#shared/domain/execution/rules/prior-year.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import { carriedCommitmentRefusal } from '#shared/domain/execution/rules/carried-line.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { supplementaryExpenses } from '#shared/domain/execution/year-two/supplementary-expenses.ts';
import type { SupplementaryExpense } from '#shared/domain/execution/year-two/supplementary-expenses.ts';

const RULE = '지방회계법 제37조';

/**
 * 과년도 지출 (지방회계법 제37조: 지난 회계연도에 속하는 채무확정액으로서 지출하지 아니한 경비는 현
 * 회계연도의 세출예산에서 지출할 수 있으며, 그 지출액은 그 경비가 속한 회계연도의 각 정책사업의 금액
 * 중 불용금액을 초과할 수 없다. 다만, … 대통령령으로 정하는 보충적 용도에 속하는 것은 그러하지 아니하다):
 * the 재무관 commits this year's line to pay a commitment of a closed year; the ordinary chain
 * (지출결의 → 지급명령 → 지급) follows on this year's line.
 *   - Only the fixed and unpaid debt: the origin commitment's resolved (지출결의, 채무확정) − paid − what
 *     earlier 과년도 지출 took (`prior-year-exceeds-fixed-debt`).
 *   - Same purpose: this year's line has the origin line's 통계목 (practice [U]: the law says "현 회계연도의
 *     세출예산"; e호조 charges the same 과목) (`prior-year-purpose-mismatch`).
 *   - Cap: the 불용액 of the origin line's 정책사업 (in its 회계) in its year, Σ(예산현액 − 지출액 − 이월액)
 *     over the 정책사업's lines as the year-end closing recorded it (program-unspent.ts), less what 과년도
 *     지출 already took from it (`prior-year-exceeds-unspent`), unless the request names a 보충적 경비 of
 *     지방회계법 시행령 제47조 (supplementary-expenses.ts). Before that closing the 불용액 is not known and
 *     the 과년도 지출 waits for it (`prior-year-unspent-not-recorded`, practice).
 *   - No journal: the cost and the 미지급금 were booked by the origin year's 지출결의; this year's
 *     지출결의 of this commitment books nothing and its payment settles the 미지급금 carried in (resolve.ts).
 */
export const priorYearCommit: PostingRule<'prior-year-commit'> = (message, command, state) => {
  const origin = originDocumentOf(message, state, command.commitmentId, 'commitment', RULE);
  if (isRefusal(origin)) return origin;
  const line = lineOf(message, state, command.lineId, 'expenditure');
  if (isRefusal(line)) return line;
  const carriedOnly = carriedCommitmentRefusal({ lineId: command.lineId, carryKind: line.attrs.carryKind as string | undefined });
  if (carriedOnly) return carriedOnly;
  const { doc: commitment, originLine, originYear } = origin;
  const amount = command.amount;
  if (String(line.attrs.itemCode) !== String(originLine.attrs.itemCode)) {
    return broken(
      'prior-year-purpose-mismatch',
      `line ${command.lineId} (${line.attrs.itemCode}) is not of the purpose of ${originYear}'s line ${originLine.attrs.lineId} (${originLine.attrs.itemCode})`,
      { rule: `${RULE} (practice [U]: the same 통계목)`, itemCode: line.attrs.itemCode, originItemCode: originLine.attrs.itemCode },
    );
  }
  const c = commitment.counters;
  const fixedUnpaid = (c.resolved ?? 0) - (c.paid ?? 0) - (c.paidLater ?? 0);
  if (amount > fixedUnpaid) {
    return broken(
      'prior-year-exceeds-fixed-debt',
      `commitment ${command.commitmentId} of ${originYear} has ${fixedUnpaid} fixed (지출결의) and unpaid; ${amount} cannot be paid as 과년도 지출`,
      { rule: RULE, resolved: c.resolved ?? 0, paid: c.paid ?? 0, paidLater: c.paidLater ?? 0, fixedUnpaid, requested: amount },
    );
  }
  const supplementary = command.supplementaryExpense as SupplementaryExpense | undefined;
  let program: ControlledItem | undefined;
  if (supplementary === undefined) {
    const capped = programCap(message.gov, originYear, originLine, amount, state);
    if (isRefusal(capped)) return capped;
    program = capped;
  }
  const created = newCommitment(message, line, amount, {
    originYear,
    originCommitmentId: command.commitmentId,
    ...(supplementary ? { supplementaryExpense: supplementaryExpenses[supplementary] } : {}),
  });
  return applied(
    line,
    command.date,
    amount,
    [
      lineEffect(line, { committed: amount }),
      created,
      // Both caps judged above are also the write's condition, so two 과년도 지출 of other lines (other
      // message groups, concurrent batches) cannot both pass on the same 불용액 or fixed debt: the fixed
      // debt by this ceiling, the 정책사업's 불용액 by the program item's invariant (items.ts).
      docEffect(commitment, { paidLater: amount }, { paidLater: (c.resolved ?? 0) - (c.paid ?? 0) }),
      // the origin line keeps what was paid later from it (its year's statements), uncapped by itself
      lineEffect(originLine, { paidLater: amount }),
      ...(program ? [docEffect(program, { paidLater: amount })] : []),
    ],
    [],
  );
};

/**
 * The origin 정책사업's recorded 불용액 item, when `amount` fits what is left of it (지방회계법 제37조 본문).
 * The same bound is the program item's invariant, so the batch write keeps it against concurrent batches.
 */
function programCap(gov: string, originYear: number, originLine: ControlledItem, amount: number, state: WorkingState) {
  const fund = String(originLine.attrs.fund);
  const code = programOfLine(String(originLine.attrs.lineId));
  const program = state.item(programTarget(gov, originYear, fund, code));
  const where = { originYear, fund, program: code };
  if (!program) {
    return broken(
      'prior-year-unspent-not-recorded',
      `the year-end closing of ${originYear} has not recorded the 불용액 of 정책사업 ${code} (${fund}): a 과년도 지출 charged to it waits for that closing`,
      { rule: `${RULE} 본문 (the 불용액 is fixed by the year-end closing: practice)`, ...where, requested: amount },
    );
  }
  const recorded = program.counters.unspent ?? 0;
  const paidLater = program.counters.paidLater ?? 0;
  const unspent = recorded - paidLater;
  if (amount > unspent) {
    return broken(
      'prior-year-exceeds-unspent',
      `정책사업 ${code} (${fund}) of ${originYear} left ${unspent} 불용액 for 과년도 지출; ${amount} is over it (not a 보충적 경비 of 지방회계법 시행령 제47조)`,
      { rule: `${RULE} 본문`, ...where, recordedUnspent: recorded, paidLater, unspent, requested: amount },
    );
  }
  return program;
}
