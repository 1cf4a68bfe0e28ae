import type { Caller } from '#shared/auth/caller.ts';
import { unauthenticated } from '#shared/domain/refusal.ts';

/** Protected routes always have a caller (the stack refuses them otherwise); this narrows the type. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw unauthenticated('a valid bearer token is required');
  return caller;
}
