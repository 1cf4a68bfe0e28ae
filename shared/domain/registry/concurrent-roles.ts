import type { Role } from '#shared/auth/roles.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Decided, Refusal } from '#shared/domain/refusal.ts';

/**
 * 겸직 (who may hold which duties together), checked on every operation of a government's data.
 *
 * The duties the roles of this system carry (회계관계공무원, 지방회계법 제46조): 징수관 (제21조②), 재무관
 * (제29조②) and its 분임재무관 (제47조), 지출원 (제31조) and 현금출납 — the cash the treasury bank's
 * role moves (금고, 제38조) and the cash of the 출납원 (제44조③: 일상경비등 출납원, 세입세출외현금
 * 출납원). 통합지출관 may hold any of them (시행령 제53조①) and is not a role here; the other roles
 * carry no duty of these articles.
 */
export type Duty = '징수관' | '재무관' | '지출원' | '현금출납';

export const dutyOfRole: Readonly<Partial<Record<Role, Duty>>> = {
  revenue_officer: '징수관',
  finance_officer: '재무관',
  sub_finance_officer: '재무관',
  disbursing_officer: '지출원',
  treasury_bank: '현금출납',
  petty_cash_cashier: '현금출납',
  deposit_cashier: '현금출납',
};

/** An exception the law itself allows: only in a 관서 whose recorded 정원 is within `maxHeadcount`. */
export interface LawfulException {
  readonly maxHeadcount: number;
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

export type ConcurrentPair = 'collection-and-cash' | 'finance-and-disbursing' | 'finance-and-cash' | 'disbursing-and-cash';

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
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ConcurrentRolesConfig {
  readonly offices: readonly OfficeHeadcount[];
  readonly exceptions: readonly ConcurrentRoleException[];
}

export const NO_EXCEPTIONS: ConcurrentRolesConfig = { offices: [], exceptions: [] };

/** The forbidden pairs a set of roles holds together (none for almost every caller: no read needed). */
export function pairsHeld(roles: readonly Role[]): ForbiddenPair[] {
  const duties = new Set(roles.flatMap((role) => dutyOfRole[role] ?? []));
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
  if (allowed && office && office.headcount <= allowed.maxHeadcount) return undefined;
  const context = { rule: 'concurrent-roles-exception-not-lawful', pair: exception.pair, office: exception.office };
  if (!allowed)
    return refusal('unprocessable', 'concurrent-roles-exception-not-lawful', `the law allows no exception for ${exception.pair}`, {
      ...context,
      article: forbidden?.article,
    });
  return refusal(
    'unprocessable',
    'concurrent-roles-exception-not-lawful',
    office
      ? `${exception.pair} may be held together only in an office of at most ${allowed.maxHeadcount} (정원), not ${office.headcount}`
      : `office ${exception.office} has no recorded 정원: record it in offices first`,
    { ...context, article: allowed.article, maxHeadcount: allowed.maxHeadcount, ...(office ? { headcount: office.headcount } : {}) },
  );
}

/** One use of an exception by one operation: who, which pair, on which ground, in which office of which 정원. */
export interface ExceptionUse {
  readonly pair: ConcurrentPair;
  readonly duties: readonly [Duty, Duty];
  readonly ground: string;
  readonly office: string;
  readonly headcount: number;
  readonly maxHeadcount: number;
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
            ...(held.exception ? { exception: held.exception.article, maxHeadcount: held.exception.maxHeadcount } : {}),
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
  if (!office || office.headcount > allowed.maxHeadcount)
    return `the office has no recorded 정원 of at most ${allowed.maxHeadcount} (${allowed.article})`;
  const named = config.exceptions.find(
    (exception) =>
      exception.pair === held.pair &&
      exception.office === office.office &&
      inForce(exception, today) &&
      exception.subjects.some((subject) => sameOfficial(subject, caller.sub)),
  );
  if (!named) return 'no exception in force names the official in its office';
  return {
    pair: held.pair,
    duties: held.duties,
    ground: allowed.article,
    office: office.office,
    headcount: office.headcount,
    maxHeadcount: allowed.maxHeadcount,
    reference: named.reference,
  };
}

const heldThrough = (held: ForbiddenPair, roles: readonly Role[], allowed: LawfulException): boolean =>
  held.duties.every((duty) => {
    const only = allowed.through?.[duty];
    return only === undefined || roles.every((role) => dutyOfRole[role] !== duty || only.includes(role));
  });

const inForce = (exception: ConcurrentRoleException, today: string): boolean =>
  (exception.from === undefined || exception.from <= today) && (exception.to === undefined || today <= exception.to);
