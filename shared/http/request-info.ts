import type { Caller } from '#shared/auth/caller.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';

/** What every state change records about the request that caused it (see audit). */
export interface RequestInfo {
  readonly requestId: string;
  readonly sourceIp: string;
  /** SHA-256 (hex) of the raw request body; of the empty string when there is none. */
  readonly bodySha256: string;
  /** ISO-8601 instant the request was received. */
  readonly receivedAt: string;
  readonly caller: Caller | undefined;
  readonly actingRole: Role | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The 겸직 exceptions the caller acts under (middleware/concurrent-roles.ts); absent for nearly everyone. */
  readonly exceptionUses?: readonly ExceptionUse[];
}
