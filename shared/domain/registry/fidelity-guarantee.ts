import type { Role } from '#shared/auth/roles.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';

/**
 * 재정보증 (지방회계법 제50조①: 회계관계공무원은 재정보증 없이는 그 직무를 담당할 수 없다): one official's
 * guarantee (or 공제 가입), its amount in won and the days it covers (YYYY-MM-DD, inclusive).
 */
export interface FidelityGuarantee {
  readonly subject: string;
  readonly amount: number;
  readonly from: string;
  readonly to: string;
  readonly reference: string;
}

/** 시행령 제56조: the head sets the 한도액 by post and responsibility, at least 1천만원. */
export const MIN_FIDELITY_GUARANTEE = 10_000_000;
const ARTICLE = '지방회계법 제50조제1항; 시행령 제56조';

/** A guarantee recorded below the statutory minimum is refused when the register is saved (422). */
export function guaranteeRecordRefusal(guarantee: FidelityGuarantee): Refusal | undefined {
  if (guarantee.amount >= MIN_FIDELITY_GUARANTEE) return undefined;
  return refusal(
    'unprocessable',
    'fidelity-guarantee-below-minimum',
    `a 재정보증 of ${guarantee.amount} won is below the minimum of ${MIN_FIDELITY_GUARANTEE} won`,
    {
      rule: 'fidelity-guarantee-below-minimum',
      article: ARTICLE,
      subject: guarantee.subject,
      amount: guarantee.amount,
      minimum: MIN_FIDELITY_GUARANTEE,
    },
  );
}

/**
 * The operations at which hojo enforces 제50조: the acts of a 회계관계공무원 that move or bind money —
 * 지출원인행위, 지급명령, 수납, the 출납원's spending and 세입세출외현금 movements — by the roles that hold
 * those posts (the 금고 is a bank, not a 회계관계공무원: never asked). [U] the other writes of these roles
 * (a correction, a 징수결정) are not checked: the chain they belong to is.
 */
export const GUARANTEED_OPERATIONS: Readonly<Record<string, readonly Role[]>> = {
  createCommitment: ['finance_officer', 'sub_finance_officer'],
  orderPayment: ['disbursing_officer'],
  receiveRevenue: ['revenue_officer'],
  receivePriorYearRevenue: ['revenue_officer'],
  recordPettyCashSpending: ['petty_cash_cashier'],
  returnPettyCash: ['petty_cash_cashier'],
  depositCustody: ['deposit_cashier'],
  withdrawCustody: ['deposit_cashier'],
};

/** Whether `operation`, done in `role`, needs the caller's 재정보증. */
export const needsGuarantee = (operation: string, role: Role | undefined): boolean =>
  role !== undefined && (GUARANTEED_OPERATIONS[operation]?.includes(role) ?? false);

/**
 * The caller may act only with a guarantee of at least 1천만원 naming its subject (normalised:
 * `sameOfficial`) in force `today`; 403 `fidelity-guarantee-missing` otherwise, naming the rule.
 */
export function guaranteeRefusal(
  subject: string,
  role: Role,
  guarantees: readonly FidelityGuarantee[],
  today: string,
): Refusal | undefined {
  const held = guarantees.find(
    (guarantee) =>
      sameOfficial(guarantee.subject, subject) &&
      guarantee.from <= today &&
      today <= guarantee.to &&
      guarantee.amount >= MIN_FIDELITY_GUARANTEE,
  );
  if (held) return undefined;
  return refusal(
    'forbidden',
    'fidelity-guarantee-missing',
    `a 회계관계공무원 acting as ${role} needs a 재정보증 of at least ${MIN_FIDELITY_GUARANTEE} won in force on ${today}`,
    { rule: 'fidelity-guarantee-missing', article: ARTICLE, role, today, minimum: MIN_FIDELITY_GUARANTEE },
  );
}
