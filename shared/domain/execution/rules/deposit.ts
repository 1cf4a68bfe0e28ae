import { custodyAccount, custodyCashFlow } from '#shared/domain/execution/guarantee-deposits.ts';
import { docTarget } from '#shared/domain/execution/items.ts';
import { docEffect } from '#shared/domain/execution/rules/effects.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import type { Effect } from '#shared/domain/execution/snapshot.ts';
import { cashAccount } from '#shared/domain/ledger/balances.ts';

/**
 * A 보증금 (입찰·계약·하자보수) received by the treasury bank onto a 세입세출외현금 record (지방재정법
 * 시행령 제40조제1항제2호; kept in the 금고, 지방회계법 제44조제3항 and 회계령 제51조). The first deposit
 * creates the record with its depositor, contract and the condition for return or forfeiture; a later
 * one adds to it only for the same kind and depositor (`custody-record-mismatch`). The record belongs
 * to no budget line and the money is never budget cash. Dr 현금 / Cr the kind's liability (예수금, or
 * 장기예수보증금 for a 하자보수보증금 held over the 하자기간), on the 현금흐름표 경상활동 유입 세입세출외현금 수입
 * (custodyCashFlow, 제36조①, 제37조②).
 */
export const deposit: PostingRule<'deposit'> = (message, command, state) => {
  const target = docTarget(message.gov, command.custodyId);
  const existing = state.item(target);
  const account = custodyAccount('guarantee', command.guaranteeKind);
  let effect: Effect;
  if (existing) {
    const same =
      existing.kind === 'custody' &&
      existing.attrs.book === 'guarantee' &&
      existing.attrs.custodyKind === command.guaranteeKind &&
      existing.attrs.depositor === command.depositor &&
      existing.attrs.fund === command.fund;
    if (!same) {
      return broken(
        'custody-record-mismatch',
        `세입세출외현금 record ${command.custodyId} holds another kind, depositor or 회계: give the deposit its own record`,
        {
          custodyId: command.custodyId,
          held: {
            book: existing.attrs.book,
            kind: existing.attrs.custodyKind,
            depositor: existing.attrs.depositor,
            fund: existing.attrs.fund,
          },
          asked: { book: 'guarantee', kind: command.guaranteeKind, depositor: command.depositor, fund: command.fund },
        },
      );
    }
    effect = docEffect(existing, { deposited: command.amount });
  } else {
    effect = {
      target,
      kind: 'custody',
      deltas: { deposited: command.amount },
      create: {
        year: message.year,
        fund: command.fund,
        book: 'guarantee',
        custodyKind: command.guaranteeKind,
        depositor: command.depositor,
        condition: command.condition,
        ...(command.contractId ? { contractId: command.contractId } : {}),
      },
    };
  }
  return {
    status: 'applied',
    lineId: message.lineId,
    fund: command.fund,
    amount: command.amount,
    effects: [effect],
    journal: {
      fund: command.fund,
      date: command.date,
      lines: [
        { account: cashAccount, debit: command.amount, credit: 0 },
        { account, debit: 0, credit: command.amount },
      ],
      cash: custodyCashFlow.receipt,
    },
  };
};
