import { Refused } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { NamedItems } from '#shared/stores/table/transact.ts';

/**
 * Allotments (예산배정), cash allocations (자금배정) and debt repayments are reversible postings:
 * each is stored once under its business reference, moves a counter under a condition, and is taken
 * back only by a reversal that references it (stored under a key derived from the original, so at
 * most one). One policy for all of them:
 *   - the same reference with the same body replays the first answer (the stored posting, 200);
 *   - the same reference with another body is refused (409 `reference-used`, or the reversal's
 *     "already reversed");
 *   - when the counter moved between reading it and writing (another posting of the same line or
 *     account), the posting is computed again from fresh numbers, a few times, then refused as
 *     contention.
 */
export interface PostingPlan<Posting, Name extends string> {
  /** The posting stored under the reference already, if any. */
  readonly stored: () => Promise<Posting | undefined>;
  /** Whether the stored posting answers this very request (then it is replayed). */
  readonly sameRequest: (stored: Posting) => boolean;
  /** The refusal of a reference used for another request. */
  readonly referenceUsed: (stored: Posting) => Refusal;
  /**
   * Reads the current numbers, applies the rule (a refusal is returned, not thrown) and builds the
   * posting and its named writes; the posting's own conditional put is named `posting`.
   */
  readonly attempt: () => Promise<Refusal | { readonly posting: Posting; readonly items: NamedItems<Name | 'posting'> }>;
  /** What failed writes other than `posting` mean: a refusal, or undefined when the numbers moved (retry). */
  readonly failed: (failed: ReadonlySet<Name | 'posting'>) => Refusal | undefined;
  /** The refusal after the numbers moved on every one of `attempts` attempts. */
  readonly contention: (attempts: number) => Refusal;
}

export interface Posted<Posting> {
  readonly posting: Posting;
  /** True when the request repeated an earlier one and the stored posting is its answer. */
  readonly replay: boolean;
}

/** Concurrent postings move the same counter; a posting computed from a stale value retries this often. */
const ATTEMPTS = 5;

/** Posts once per reference (or replays, or refuses a reused reference), retrying when the counters moved. */
export async function post<Posting, Name extends string>(plan: PostingPlan<Posting, Name>): Promise<Posted<Posting>> {
  const earlier = await plan.stored();
  if (earlier) return replay(plan, earlier);
  for (let attempt = 1; ; attempt += 1) {
    const built = await plan.attempt();
    if (!('posting' in built)) throw new Refused(built);
    const outcome = await transact(built.items);
    if (outcome.ok) return { posting: built.posting, replay: false };
    if (outcome.failed.has('posting')) {
      const concurrent = await plan.stored();
      if (concurrent) return replay(plan, concurrent);
    }
    const refusal = plan.failed(outcome.failed);
    if (refusal) throw new Refused(refusal);
    if (attempt === ATTEMPTS) throw new Refused(plan.contention(ATTEMPTS));
  }
}

/**
 * Reverses a posting: finds the original (or refuses with `missing`), then posts the reversal the
 * caller builds from it under the same policy — its key is derived from the original's, so a second
 * reversal meets the first one.
 */
export async function reverse<Original, Posting, Name extends string>(
  original: () => Promise<Original | undefined>,
  missing: Refusal,
  reversal: (original: Original) => PostingPlan<Posting, Name> | Refusal,
): Promise<Posted<Posting>> {
  const found = await original();
  if (!found) throw new Refused(missing);
  const plan = reversal(found);
  if (!('attempt' in plan)) throw new Refused(plan);
  return post(plan);
}

function replay<Posting, Name extends string>(plan: PostingPlan<Posting, Name>, stored: Posting): Posted<Posting> {
  if (plan.sameRequest(stored)) return { posting: stored, replay: true };
  throw new Refused(plan.referenceUsed(stored));
}
