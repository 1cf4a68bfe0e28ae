import type { Caller } from '#shared/auth/caller.ts';
import { unauthorized } from '#shared/http/problem.ts';

/** Protected routes always have a caller (the stack refuses them otherwise); this narrows the type. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw unauthorized('a valid bearer token is required');
  return caller;
}
