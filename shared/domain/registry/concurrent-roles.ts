import type { Role } from '#shared/auth/roles.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Decided, Refusal } from '#shared/domain/refusal.ts';
import type { AccountingAppointments } from '#shared/domain/registry/chief-accountant.ts';
import type { FidelityGuarantee } from '#shared/domain/registry/fidelity-guarantee.ts';

/**
 * 겸직 (who may hold which duties together), checked on every operation of a government's data.
 *
 * The duties the roles of this system carry (회계관계공무원, 지방회계법 제46조): 징수관 (제21조②), 재무관
 * (제29조②) and its 분임재무관 (제47조), 지출원 (제31조) and 현금출납 — the cash the treasury bank's
 * role moves (금고, 제38조) and the cash of the 출납원 (제44조③: 일상경비등 출납원, 세입세출외현금
 * 출납원); 현금수납, the part of it that takes money in (the 금고 receiving revenue and deposits, the
 * 세입세출외현금 출납원 receiving deposits: 시행령 제22조, 제51조①); 채권관리관 (지방재정법 제85조②)
 * and 부채관리관 (제87조의2②). 통합지출관 may hold any of them (시행령 제53조①) and is not a role here;
 * the other roles carry no duty of these articles.
 */
export type Duty = '징수관' | '재무관' | '지출원' | '현금출납' | '현금수납' | '채권관리관' | '부채관리관';

export const dutiesOfRole: Readonly<Partial<Record<Role, readonly Duty[]>>> = {
  revenue_officer: ['징수관'],
  finance_officer: ['재무관'],
  sub_finance_officer: ['재무관'],
  disbursing_officer: ['지출원'],
  treasury_bank: ['현금출납', '현금수납'],
  // [U] the 일상경비등 출납원 pays out what the 지출원 advanced: it takes in no revenue or deposit (수납).
  petty_cash_cashier: ['현금출납'],
  deposit_cashier: ['현금출납', '현금수납'],
  claims_officer: ['채권관리관'],
  debt_officer: ['부채관리관'],
};

const carries = (role: Role, duty: Duty): boolean => dutiesOfRole[role]?.includes(duty) ?? false;

/**
 * An exception the law itself allows: only in a 관서 whose recorded 정원 is within `maxHeadcount`, or —
 * where the law gives no number ("정원이 지나치게 적어 … 부득이한 사유": 지방재정법 제85조③, 제87조의2③) —
 * in a 관서 whose 정원 is recorded, by an exception that states its `reason`.
 */
export interface LawfulException {
  readonly maxHeadcount?: number;
  readonly reasonRequired?: true;
  readonly article: string;
  /** What the exception covers, in the law's words, when it is narrower than the pair. */
  readonly scope?: string;
  /** Where the law names the posts: each duty counts as covered only when every role carrying it is one of these. */
  readonly through?: Readonly<Partial<Record<Duty, readonly Role[]>>>;
}

export interface ForbiddenPair {
  readonly pair: ConcurrentPair;
  readonly duties: readonly [Duty, Duty];
  readonly article: string;
  readonly exception?: LawfulException;
}

export const CONCURRENT_PAIRS = [
  'collection-and-cash',
  'finance-and-disbursing',
  'finance-and-cash',
  'disbursing-and-cash',
  'claims-and-receipt',
  'debt-and-cash',
] as const;

export type ConcurrentPair = (typeof CONCURRENT_PAIRS)[number];

/** The pairs the law forbids, with the one exception each allows (as data: the law is a table). */
export const FORBIDDEN_PAIRS: readonly ForbiddenPair[] = [
  {
    pair: 'collection-and-cash',
    duties: ['징수관', '현금출납'],
    // 법 제23조: 징수관은 현금출납의 직무를 겸할 수 없다; 시행령 제25조: 정원이 5명 이내인 관서에서 세입의 징수와 현금출납을 하는 경우
    article: '지방회계법 제23조',
    exception: { maxHeadcount: 5, article: '지방회계법 시행령 제25조' },
  },
  { pair: 'finance-and-disbursing', duties: ['재무관', '지출원'], article: '지방회계법 제36조' },
  {
    pair: 'finance-and-cash',
    duties: ['재무관', '현금출납'],
    // 시행령 제46조: 정원이 3명 이내인 관서에서 분임재무관과 일상경비등 출납원을 겸하는 경우 — not the 재무관
    // himself, nor the 금고's or the 세입세출외현금 출납원's cash.
    article: '지방회계법 제36조',
    exception: {
      maxHeadcount: 3,
      article: '지방회계법 시행령 제46조',
      scope: '분임재무관과 일상경비등 출납원을 겸하는 경우',
      through: { 재무관: ['sub_finance_officer'], 현금출납: ['petty_cash_cashier'] },
    },
  },
  { pair: 'disbursing-and-cash', duties: ['지출원', '현금출납'], article: '지방회계법 제36조' },
  {
    pair: 'claims-and-receipt',
    duties: ['채권관리관', '현금수납'],
    // 지방재정법 제85조③: 채권관리관은 현금 수납의 직무를 겸할 수 없다. 다만, 정원이 지나치게 적어 동일인이 그
    // 직무를 겸하여야 할 부득이한 사유가 있는 경우에는 그러하지 아니하다 (no number: the reason is recorded).
    article: '지방재정법 제85조제3항',
    exception: { reasonRequired: true, article: '지방재정법 제85조제3항 단서' },
  },
  {
    pair: 'debt-and-cash',
    duties: ['부채관리관', '현금출납'],
    // 지방재정법 제87조의2③: 부채관리관은 현금 출납의 직무를 겸할 수 없다 (the same proviso).
    article: '지방재정법 제87조의2제3항',
    exception: { reasonRequired: true, article: '지방재정법 제87조의2제3항 단서' },
  },
];

/** A 관서's 정원 as the government records it (its 정원 규칙), with the document it rests on. */
export interface OfficeHeadcount {
  readonly office: string;
  readonly headcount: number;
  readonly reference: string;
}

/**
 * A government's named exception: in office `office`, these officials may hold `pair`, from `from` to
 * `to` (YYYY-MM-DD, inclusive, either open): outside its dates the appointment does not count.
 */
export interface ConcurrentRoleException {
  readonly pair: ConcurrentPair;
  readonly office: string;
  readonly subjects: readonly string[];
  /** The head's appointment that made it (문서번호 or 결재 reference). */
  readonly reference: string;
  /** Why the 관서 is too small for two officials: required where the law gives no 정원 number (제85조③, 제87조의2③). */
  readonly reason?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ConcurrentRolesConfig {
  readonly offices: readonly OfficeHeadcount[];
  readonly exceptions: readonly ConcurrentRoleException[];
  /** 회계책임관 and 통합지출관 as appointed (시행령 제5조①); absent until recorded. */
  readonly appointments?: AccountingAppointments | undefined;
  /** The 재정보증 register (지방회계법 제50조); absent: not kept in hojo, so not enforced. */
  readonly fidelityGuarantees?: readonly FidelityGuarantee[] | undefined;
}

export const NO_EXCEPTIONS: ConcurrentRolesConfig = { offices: [], exceptions: [] };

/** The forbidden pairs a set of roles holds together (none for almost every caller: no read needed). */
export function pairsHeld(roles: readonly Role[]): ForbiddenPair[] {
  const duties = new Set(roles.flatMap((role) => dutiesOfRole[role] ?? []));
  return FORBIDDEN_PAIRS.filter(({ duties: [a, b] }) => duties.has(a) && duties.has(b));
}

/**
 * A configuration may only name exceptions the law allows: a pair with an exception, in a 관서 whose
 * recorded 정원 is within it.
 */
export function exceptionRefusal(exception: ConcurrentRoleException, offices: readonly OfficeHeadcount[]): Refusal | undefined {
  const forbidden = FORBIDDEN_PAIRS.find((entry) => entry.pair === exception.pair);
  const allowed = forbidden?.exception;
  const office = offices.find((entry) => entry.office === exception.office);
  const context = { rule: 'concurrent-roles-exception-not-lawful', pair: exception.pair, office: exception.office };
  if (!allowed)
    return refusal('unprocessable', 'concurrent-roles-exception-not-lawful', `the law allows no exception for ${exception.pair}`, {
      ...context,
      article: forbidden?.article,
    });
  if (!office)
    return refusal(
      'unprocessable',
      'concurrent-roles-exception-not-lawful',
      `office ${exception.office} has no recorded 정원: record it in offices first`,
      { ...context, article: allowed.article, ...limitOf(allowed) },
    );
  if (allowed.reasonRequired && !exception.reason?.trim())
    return refusal(
      'unprocessable',
      'concurrent-roles-exception-not-lawful',
      `${exception.pair} may be held together only where the 정원 is too small to avoid it: state that reason (${allowed.article})`,
      { ...context, article: allowed.article, reasonRequired: true, headcount: office.headcount },
    );
  if (allowed.maxHeadcount !== undefined && office.headcount > allowed.maxHeadcount)
    return refusal(
      'unprocessable',
      'concurrent-roles-exception-not-lawful',
      `${exception.pair} may be held together only in an office of at most ${allowed.maxHeadcount} (정원), not ${office.headcount}`,
      { ...context, article: allowed.article, maxHeadcount: allowed.maxHeadcount, headcount: office.headcount },
    );
  return undefined;
}

const limitOf = (allowed: LawfulException) =>
  allowed.maxHeadcount !== undefined ? { maxHeadcount: allowed.maxHeadcount } : { reasonRequired: true };

/** One use of an exception by one operation: who, which pair, on which ground, in which office of which 정원. */
export interface ExceptionUse {
  readonly pair: ConcurrentPair;
  readonly duties: readonly [Duty, Duty];
  readonly ground: string;
  readonly office: string;
  readonly headcount: number;
  /** The 정원 limit of the exception; absent where the law gives none and a reason was recorded instead. */
  readonly maxHeadcount?: number;
  /** The recorded reason, for the exceptions without a number (지방재정법 제85조③, 제87조의2③). */
  readonly reason?: string;
  /** The appointment that named the official (the exception's reference). */
  readonly reference: string;
}

export type ConcurrentRolesDecision = Decided<{ readonly uses: readonly ExceptionUse[] }>;

interface ConcurrentCaller {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly dept: string | undefined;
}

/**
 * The caller may act only if every forbidden pair its roles hold is covered: the law has an exception
 * for it, the caller holds the duties through the posts the law names, its own office (`dept`) has a
 * recorded 정원 within the limit, and an exception of its government in force `today` (YYYY-MM-DD)
 * names its subject (normalised: `sameOfficial`). 403 otherwise; the uses go to the audit record.
 */
export function concurrentRolesDecision(caller: ConcurrentCaller, config: ConcurrentRolesConfig, today: string): ConcurrentRolesDecision {
  const uses: ExceptionUse[] = [];
  for (const held of pairsHeld(caller.roles)) {
    const use = exceptionUse(held, caller, config, today);
    if (typeof use === 'string') {
      return {
        ok: false,
        refusal: refusal(
          'forbidden',
          'concurrent-roles-not-allowed',
          `one official may not hold ${held.duties.join(' and ')} together: ${use}`,
          {
            rule: 'concurrent-roles-not-allowed',
            article: held.article,
            pair: held.pair,
            duties: [...held.duties],
            ...(held.exception ? { exception: held.exception.article, ...limitOf(held.exception) } : {}),
          },
        ),
      };
    }
    uses.push(use);
  }
  return { ok: true, uses };
}

/** The use that covers `held`, or why none does. */
function exceptionUse(held: ForbiddenPair, caller: ConcurrentCaller, config: ConcurrentRolesConfig, today: string): ExceptionUse | string {
  const allowed = held.exception;
  if (!allowed) return 'the law allows no exception';
  if (!heldThrough(held, caller.roles, allowed)) return `the exception covers only ${allowed.scope}`;
  const office = config.offices.find((entry) => entry.office === caller.dept);
  if (!office) return `the office has no recorded 정원 (${allowed.article})`;
  if (allowed.maxHeadcount !== undefined && office.headcount > allowed.maxHeadcount)
    return `the office has no recorded 정원 of at most ${allowed.maxHeadcount} (${allowed.article})`;
  const named = config.exceptions.find(
    (exception) =>
      exception.pair === held.pair &&
      exception.office === office.office &&
      inForce(exception, today) &&
      (!allowed.reasonRequired || Boolean(exception.reason?.trim())) &&
      exception.subjects.some((subject) => sameOfficial(subject, caller.sub)),
  );
  if (!named) return 'no exception in force names the official in its office';
  return {
    pair: held.pair,
    duties: held.duties,
    ground: allowed.article,
    office: office.office,
    headcount: office.headcount,
    ...(allowed.maxHeadcount !== undefined ? { maxHeadcount: allowed.maxHeadcount } : {}),
    ...(allowed.reasonRequired && named.reason ? { reason: named.reason } : {}),
    reference: named.reference,
  };
}

const heldThrough = (held: ForbiddenPair, roles: readonly Role[], allowed: LawfulException): boolean =>
  held.duties.every((duty) => {
    const only = allowed.through?.[duty];
    return only === undefined || roles.every((role) => !carries(role, duty) || only.includes(role));
  });

const inForce = (exception: ConcurrentRoleException, today: string): boolean =>
  (exception.from === undefined || exception.from <= today) && (exception.to === undefined || today <= exception.to);
