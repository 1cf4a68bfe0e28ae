import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { reverse } from '#shared/application/reversible-posting.ts';
import type { Posted, PostingPlan } from '#shared/application/reversible-posting.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';

/** What a reversal request names: the original posting in a government's year, and the reversal's own reference and reason. */
export interface ReversalAsked {
  readonly gov: string;
  readonly year: number;
  readonly originalId: string;
  readonly reference: string;
  readonly reason: string;
}

/**
 * The fields an allotment's or a cash allocation's reversal record sets over the original's: the
 * amount negated, kind `reversal`, the reversal's reference and reason, the original it names, and
 * who asked when.
 */
export const reversalStamp = (request: RequestInfo, asked: ReversalAsked, amount: number) => ({
  amount: -amount,
  kind: 'reversal' as const,
  reference: asked.reference,
  reverses: asked.originalId,
  reason: asked.reason,
  at: request.receivedAt,
  subject: request.caller?.sub ?? 'anonymous',
});

/** The audit item written with a reversal: the operation and the original it names (`{target} {gov}/{year}/{id}`). */
export const reversalAudit = (request: RequestInfo, asked: ReversalAsked, operation: string, target: string) =>
  auditPut(
    tableName(),
    auditRecord(request, { gov: asked.gov, operation, target: `${target} ${asked.gov}/${asked.year}/${asked.originalId}` }),
  );

/**
 * How a budget posting (allotment, cash allocation, budget change) is taken back: what
 * `reversalOf` needs beyond the shared policy. The reversal is stored under the original's
 * reference plus the store's suffix and its id is the original's id plus the suffix, so an
 * original is reversed at most once; a second reversal other than a repeat is `already-reversed`.
 */
export interface ReversalSpec<Original extends { readonly reference: string }, Posting, Name extends string> {
  /** What is reversed, as refusals name it: `allotment`, `cash allocation`, `budget change`. */
  readonly noun: string;
  readonly originalId: string;
  /** The store's reversal suffix (`~R`). */
  readonly suffix: string;
  /** The original posting by its id; undefined when there is none (or the id does not parse). */
  readonly original: () => Promise<Original | undefined>;
  readonly notFound: Refusal;
  /** Why this original cannot be reversed (it is a reversal itself …), if it cannot. */
  readonly irreversible?: (original: Original) => Refusal | undefined;
  /** The posting stored under the reversal's reference. */
  readonly stored: (original: Original, reversalReference: string) => Promise<Posting | undefined>;
  readonly sameRequest: (stored: Posting) => boolean;
  /** Reads the numbers, applies the rule and builds the reversal and its named writes. */
  readonly attempt: (
    original: Original,
    ids: { readonly reversalId: string; readonly reversalReference: string },
  ) => ReturnType<PostingPlan<Posting, Name>['attempt']>;
  readonly failed: (original: Original, failed: ReadonlySet<Name | 'posting'>) => Refusal | undefined;
  readonly contention: (original: Original, attempts: number) => Refusal;
}

/** Reverses a budget posting under the reversible-posting policy (replay, at most once, retry on contention). */
export function reversalOf<Original extends { readonly reference: string }, Posting, Name extends string>(
  spec: ReversalSpec<Original, Posting, Name>,
): Promise<Posted<Posting>> {
  const reversalId = `${spec.originalId}${spec.suffix}`;
  return reverse<Original, Posting, Name>(spec.original, spec.notFound, (original) => {
    const irreversible = spec.irreversible?.(original);
    if (irreversible) return irreversible;
    const reversalReference = `${original.reference}${spec.suffix}`;
    return {
      stored: () => spec.stored(original, reversalReference),
      sameRequest: spec.sameRequest,
      referenceUsed: () =>
        refusal('conflict', 'already-reversed', `${spec.noun} ${spec.originalId} is already reversed`, { reversedBy: reversalId }),
      attempt: () => spec.attempt(original, { reversalId, reversalReference }),
      failed: (failed) => spec.failed(original, failed),
      contention: (attempts) => spec.contention(original, attempts),
    };
  });
}
