import { docTarget } from '#shared/domain/execution/items.ts';
import { docEffect } from '#shared/domain/execution/rules/effects.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { heldForOthers } from '#shared/domain/execution/rules/withholding-custody.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';

/**
 * 세입세출외현금 paid out, confirmed by the treasury bank: the remittance of amounts withheld
 * (원천징수) to the tax office, the 지방소득세 body or the insurer, by the 10th of the next month
 * (the record's `dueDate`, withholding.ts). Never more than the record still holds
 * (`release-within-deposit`); never spent for the government's own purposes (지방재정법 시행령
 * 제40조제2항): it only pays out what was held. It belongs to the fiscal year of its own date
 * (회계령 제51조제1항: 세입세출외현금's year is that of each receipt or payment), so December's
 * withholdings are remitted in January in the new year. Dr 예수금 / Cr 현금.
 */
export const withdraw: PostingRule<'withdraw'> = (message, command, state) => {
  const custody = state.item(docTarget(message.gov, command.custodyId));
  if (custody?.kind !== 'custody') {
    return broken('unknown-custody', `no 세입세출외현금 record ${command.custodyId} in government ${message.gov}`, {
      custodyId: command.custodyId,
    });
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
        { account: heldForOthers, debit: amount, credit: 0 },
        { account: cashAccount, debit: 0, credit: amount },
      ],
    },
  };
};
