import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { getBtlBalance, putBtlBalance } from '#shared/stores/debt/btl-balances.ts';
import type { BtlBalanceRecord } from '#shared/stores/debt/btl-balances.ts';

export interface BtlBalanceRequest {
  readonly reference: string;
  readonly project: string;
  readonly asOf: string;
  readonly amount: number;
}

/**
 * Records the 순지방비 still to be paid on a BTL (임대형 민자사업) project as of a date, which the 채무 of the
 * 예산대비채무비율 counts from that date (지방재정법 시행령 §65의2①2; domain/debt/debt-at-date.ts btlBalanceAt).
 * A record is never changed: a new balance is a new record with a later date (or the same date: the later
 * record counts). Stored once under its reference with its audit record; the same reference with the same
 * figures replays the first answer, with others it is refused.
 */
export function recordBtlBalance(request: RequestInfo, gov: string, input: BtlBalanceRequest): Promise<Posted<BtlBalanceRecord>> {
  return post({
    stored: () => getBtlBalance(gov, input.reference),
    sameRequest: (stored) => stored.project === input.project && stored.asOf === input.asOf && stored.amount === input.amount,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `BTL balance ${input.reference} is already recorded with other figures`, {
        reference: input.reference,
      }),
    attempt: async () => {
      const record: BtlBalanceRecord = {
        gov,
        reference: input.reference,
        project: input.project,
        asOf: input.asOf,
        amount: input.amount,
        recordedBy: request.caller?.sub ?? 'anonymous',
        recordedAt: request.receivedAt,
      };
      return {
        posting: record,
        items: {
          posting: putBtlBalance(record),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: 'debt.btlBalance', target: `btl-balance ${gov}/${input.project}/${input.reference}` }),
          ),
        },
      };
    },
    failed: () => undefined,
    contention: (attempts) =>
      refusal('conflict', 'reference-used', `BTL balance ${input.reference} could not be stored in ${attempts} attempts`),
  });
}
