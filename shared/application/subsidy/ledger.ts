import type { ReturnDestination, ReturnPart } from '#shared/domain/subsidy/settlement.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';

/** One step of the chain on a grant's commitment, idempotent by `reference`. */
export interface CommitmentStep {
  readonly request: RequestInfo;
  readonly gov: string;
  readonly year: number;
  readonly commitmentId: string;
  readonly amount: number;
  readonly reference: string;
  readonly date: string;
}

/**
 * The money flow of a grant, as the subsidy context needs it from execution (지출/세입). The
 * adapter (`ledger-postings.ts`) is the only file that knows how execution posts; every call is
 * idempotent by its `reference` (a retry of the same step posts nothing new).
 */
export interface SubsidyLedger {
  /** 교부결정 → 지출원인행위 on the 보조금 line for the decided amount. Returns the commitment id. */
  commit(input: {
    readonly request: RequestInfo;
    readonly gov: string;
    readonly year: number;
    readonly lineId: string;
    readonly amount: number;
    readonly counterparty: string;
    readonly reference: string;
    readonly date: string;
  }): Promise<string>;
  /** 교부 → 지출결의 and 지급명령 against the commitment (the 금고 confirms the payment). */
  pay(input: CommitmentStep): Promise<{ readonly resolutionId: string; readonly orderId: string }>;
  /**
   * 교부결정 취소 or 금액 확정 → `amount` of the commitment the grant will no longer pay is released
   * (지출원인행위 감액), payments or not. Returns the posting id.
   */
  release(input: CommitmentStep & { readonly reason: string }): Promise<string>;
  /**
   * 반환 → 반납 to the line against the paid orders (`parts`, same year) or current-year revenue
   * (later), as the pure rule decided; `amount` beyond the parts (interest) is revenue of the year.
   */
  returnFunds(input: {
    readonly request: RequestInfo;
    readonly gov: string;
    readonly destination: ReturnDestination;
    readonly parts: readonly ReturnPart[];
    readonly revenueLineId: string | undefined;
    readonly amount: number;
    readonly payer: string;
    readonly reference: string;
    readonly date: string;
  }): Promise<{ readonly postingIds: readonly string[]; readonly status: 'posted' }>;
}
