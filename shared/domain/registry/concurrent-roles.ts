import type { Role } from '#shared/auth/roles.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 겸직 (who may hold which duties together), checked on every operation of a government's data.
 *
 * The duties the roles of this system carry (회계관계공무원, 지방회계법 제46조): 징수관 (제21조②), 재무관
 * (제29조②), 지출원 (제31조) and 현금출납 — the cash the treasury bank's role moves (금고, 제38조;
 * an official holding that role handles cash). 통합지출관 may hold any of them (시행령 제53조①) and
 * is not a role here; the other roles carry no duty of these articles.
 */
export type Duty = '징수관' | '재무관' | '지출원' | '현금출납';

export const dutyOfRole: Readonly<Partial<Record<Role, Duty>>> = {
  revenue_officer: '징수관',
  finance_officer: '재무관',
  disbursing_officer: '지출원',
  treasury_bank: '현금출납',
};

/** An exception the law itself allows: only in a 관서 whose 정원 is within `maxHeadcount`. */
export interface LawfulException {
  readonly maxHeadcount: number;
  readonly article: string;
  /** What the exception covers, in the law's words, when it is narrower than the pair. */
  readonly scope?: string;
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
    article: '지방회계법 제23조',
    exception: { maxHeadcount: 5, article: '지방회계법 시행령 제25조' },
  },
  { pair: 'finance-and-disbursing', duties: ['재무관', '지출원'], article: '지방회계법 제36조' },
  {
    pair: 'finance-and-cash',
    duties: ['재무관', '현금출납'],
    article: '지방회계법 제36조',
    exception: { maxHeadcount: 3, article: '지방회계법 시행령 제46조', scope: '분임재무관과 일상경비등 출납원을 겸하는 경우' },
  },
  { pair: 'disbursing-and-cash', duties: ['지출원', '현금출납'], article: '지방회계법 제36조' },
];

/** A government's named exception: in office `office` (정원 `headcount`), these officials may hold `pair`. */
export interface ConcurrentRoleException {
  readonly pair: ConcurrentPair;
  readonly office: string;
  readonly headcount: number;
  readonly subjects: readonly string[];
  /** The head's appointment that made it (문서번호 or 결재 reference). */
  readonly reference: string;
}

export interface ConcurrentRolesConfig {
  readonly exceptions: readonly ConcurrentRoleException[];
}

export const NO_EXCEPTIONS: ConcurrentRolesConfig = { exceptions: [] };

/** The forbidden pairs a set of roles holds together (none for almost every caller: no read needed). */
export function pairsHeld(roles: readonly Role[]): ForbiddenPair[] {
  const duties = new Set(roles.flatMap((role) => dutyOfRole[role] ?? []));
  return FORBIDDEN_PAIRS.filter(({ duties: [a, b] }) => duties.has(a) && duties.has(b));
}

/**
 * A configuration may only name exceptions the law allows: a pair with an exception, in a 관서 whose
 * 정원 is within it, naming at least one official.
 */
export function exceptionRefusal(exception: ConcurrentRoleException): Refusal | undefined {
  const forbidden = FORBIDDEN_PAIRS.find((entry) => entry.pair === exception.pair);
  const allowed = forbidden?.exception;
  if (forbidden && allowed && exception.headcount <= allowed.maxHeadcount) return undefined;
  return refusal(
    'unprocessable',
    'concurrent-roles-exception-not-lawful',
    allowed
      ? `${exception.pair} may be held together only in an office of at most ${allowed.maxHeadcount} (정원), not ${exception.headcount}`
      : `the law allows no exception for ${exception.pair}`,
    {
      rule: 'concurrent-roles-exception-not-lawful',
      article: allowed?.article ?? forbidden?.article,
      pair: exception.pair,
      office: exception.office,
      headcount: exception.headcount,
      ...(allowed ? { maxHeadcount: allowed.maxHeadcount } : {}),
    },
  );
}

/**
 * The caller may act only if every forbidden pair its roles hold is covered by an exception of its
 * government naming its subject (normalised: `sameOfficial`) in its own office (`dept`). 403.
 */
export function concurrentRolesRefusal(
  caller: { readonly sub: string; readonly roles: readonly Role[]; readonly dept: string | undefined },
  config: ConcurrentRolesConfig,
): Refusal | undefined {
  for (const held of pairsHeld(caller.roles)) {
    const covered = config.exceptions.some(
      (exception) =>
        exception.pair === held.pair &&
        exception.office === caller.dept &&
        exception.subjects.some((subject) => sameOfficial(subject, caller.sub)),
    );
    if (covered) continue;
    return refusal('forbidden', 'concurrent-roles-not-allowed', `one official may not hold ${held.duties.join(' and ')} together`, {
      rule: 'concurrent-roles-not-allowed',
      article: held.article,
      pair: held.pair,
      duties: [...held.duties],
      ...(held.exception ? { exception: held.exception.article, maxHeadcount: held.exception.maxHeadcount } : {}),
    });
  }
  return undefined;
}
