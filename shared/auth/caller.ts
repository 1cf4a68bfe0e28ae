import type { Role } from '#shared/auth/roles.ts';

/** Who is calling, from the verified JWT claims. */
export interface Caller {
  readonly sub: string;
  readonly roles: readonly Role[];
  /** Government code (5 digits) the caller belongs to; the ministry and research institutes may have none. */
  readonly gov: string | undefined;
  readonly dept: string | undefined;
}
