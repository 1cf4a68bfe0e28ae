import { custodyAccount, custodyCashFlow, custodyPurposes, purposeAllowed } from '#shared/domain/execution/guarantee-deposits.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { docTarget } from '#shared/domain/execution/items.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { docEffect } from '#shared/domain/execution/rules/effects.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 세입세출외현금 paid out, confirmed by the treasury bank: the remittance of amounts withheld
 * (원천징수) to the tax office, the 지방소득세 body or the insurer, by the 10th of the next month
 * (the record's `dueDate`, withholding.ts); a 보증금 returned to its depositor; the repair paid from a
 * forfeited 하자보수보증금. Each purpose only from the books the law lets it leave
 * (`custody-purpose-not-allowed`, guarantee-deposits.ts). Never more than the record still holds
 * (`release-within-deposit`); never spent for the government's own purposes (지방재정법 시행령
 * 제40조제2항) but for that repair. It belongs to the fiscal year of its own date (회계령 제51조제1항:
 * 세입세출외현금's year is that of each receipt or payment), so December's withholdings are remitted in
 * January in the new year. Dr the record's liability (예수금, 장기예수보증금) / Cr 현금, on the 현금흐름표
 * 경상활동 유출 세입세출외현금 지출 (custodyCashFlow, 제36조①, 제37조②).
 */
export const withdraw: PostingRule<'withdraw'> = (message, command, state) => {
  const custody = custodyOf(message, state, command.custodyId);
  if (isRefusal(custody)) return custody;
  const book = String(custody.attrs.book);
  const kind = String(custody.attrs.custodyKind);
  if (!purposeAllowed(command.purpose, book, kind)) {
    return broken(
      'custody-purpose-not-allowed',
      `세입세출외현금 record ${command.custodyId} (${book}, ${kind}) is not paid out for ${command.purpose}`,
      { custodyId: command.custodyId, purpose: command.purpose, book, kind, allowed: custodyPurposes[command.purpose].kinds },
    );
  }
  const amount = command.amount;
  const fund = String(custody.attrs.fund);
  return {
    status: 'applied',
    lineId: message.lineId,
    fund,
    amount,
    effects: [docEffect(custody, { released: amount })],
    journal: {
      fund,
      date: command.date,
      lines: [
        { account: custodyAccount(book, kind), debit: amount, credit: 0 },
        { account: cashAccount, debit: 0, credit: amount },
      ],
      cash: custodyCashFlow.payment,
    },
  };
};

/** The 세입세출외현금 record a posting names. */
export function custodyOf(message: PostingMessage, state: WorkingState, custodyId: string): ControlledItem | Refusal {
  const custody = state.item(docTarget(message.gov, custodyId));
  if (custody?.kind === 'custody') return custody;
  return broken('unknown-custody', `no 세입세출외현금 record ${custodyId} in government ${message.gov}`, { custodyId });
}
