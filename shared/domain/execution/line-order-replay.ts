import type { PostingCommand } from '#shared/domain/execution/posting.ts';
import { referencedPostingId, refusesAbsentReference } from '#shared/domain/execution/referenced-posting.ts';

/**
 * Step 3 of the redrive in line order (README "Retries, retention and redrive in line order"). A
 * posting that reached the dead-letter queue was missing while its line's later postings were
 * decided; once it is redriven, the later postings that its absence alone refused are replayed
 * behind it, in acceptance order, and nothing else.
 *
 * Which refusals its absence explains: exactly those the API let through only because the document
 * they refer to was accepted and still queued (referenced-posting.ts `awaitsReference`, `refusesAbsentReference`): `unknown-
 * commitment`, `unknown-resolution`, `unknown-order`, `unknown-assessment`, `unknown-receipt` (the
 * document is not applied yet) and `original-not-applied` (a correction's original). Every other
 * refusal of the books is answered by the API at acceptance (422) when the books already say so, so
 * a later posting the consumer refused otherwise was refused on the line's amounts, dates or
 * closings as they stood when its turn came (an insufficient budget, a closed period, a cash limit):
 * a decision the client has seen and may have acted on (a smaller amount, another line), which a
 * replay would turn into a second spending. Those are never replayed. `unknown-line` is not a
 * posting's absence (the budget has no such line) and is never waited for either. [U] practice.
 *
 * And only when the refused posting refers to the redriven posting, or to a posting replayed behind
 * it (a payment order on a resolution that was itself refused `unknown-commitment`): a posting
 * refused `unknown-commitment` for another commitment is not explained by this one.
 */
export interface LaterPosting {
  readonly postingId: string;
  /** Its FIFO message group (posting.ts messageGroupId). */
  readonly group: string;
  readonly command: PostingCommand;
  /** SHA-256 of the request as accepted (posting-requests.ts): the same body under another Idempotency-Key hashes the same. */
  readonly requestHash: string;
  /** The consumer's decision; undefined while queued. */
  readonly decision: { readonly status: 'applied' } | { readonly status: 'rejected'; readonly rule: string } | undefined;
}

/** The redriven posting: applied already, or on the queue again (undecided). */
export interface RedrivenPosting {
  readonly postingId: string;
  readonly group: string;
  readonly status: 'applied' | 'queued';
}

export type Verdict =
  /** Refused only because `after` was missing: reopened and enqueued behind it. */
  | { readonly action: 'replay'; readonly postingId: string; readonly rule: string; readonly after: string }
  /** Refused only because `after` was missing, but not replayed now; `why` says what the operator does. */
  | { readonly action: 'hold'; readonly postingId: string; readonly rule: string; readonly after: string; readonly why: string }
  /** Refused for a reason the redriven posting's absence does not explain: the decision stands. */
  | { readonly action: 'leave'; readonly postingId: string; readonly rule: string };

type Link = { readonly group: string; readonly state: 'applied' | 'queued' | 'held' };

/**
 * What to do with the postings accepted after `redriven` (`later`, in acceptance order): a verdict
 * for each rejected posting on its message group or on its chain of documents, in that order.
 *
 * A replayed posting must be applied after the one it refers to. The queue keeps order within a
 * message group only, so a posting is replayed behind a queued one only on the same group (the
 * postings of a document's chain land on its line: submit-posting.ts); behind an applied one on any.
 * Otherwise it is held until that one is applied (run the tool again then). Also held: a refused
 * request the client sent again under another Idempotency-Key (a later accepted posting with the same
 * request hash: replaying both would apply it twice; only the last is a candidate), and a payment
 * order on a contract's 선금 claim or inspection (its rejection freed the claim, which another order
 * may have taken since: contract/payment-basis.ts). A posting whose reference is held is held too.
 */
export function planLineOrderReplay(redriven: RedrivenPosting, later: readonly LaterPosting[]): Verdict[] {
  const chain = new Map<string, Link>([[redriven.postingId, { group: redriven.group, state: redriven.status }]]);
  const verdicts: Verdict[] = [];
  const ordered = referencesFirst(later);
  for (const [index, posting] of ordered.entries()) {
    if (posting.decision?.status !== 'rejected') continue;
    const { rule } = posting.decision;
    const after = referencedPostingId(posting.command);
    const link = after === undefined ? undefined : chain.get(after);
    if (after === undefined || link === undefined || !refusesAbsentReference(rule)) {
      if (posting.group === redriven.group || link !== undefined) verdicts.push({ action: 'leave', postingId: posting.postingId, rule });
      continue;
    }
    const why = holdReason(posting, link, ordered.slice(index + 1), after);
    chain.set(posting.postingId, { group: posting.group, state: why ? 'held' : 'queued' });
    verdicts.push(
      why
        ? { action: 'hold', postingId: posting.postingId, rule, after, why }
        : { action: 'replay', postingId: posting.postingId, rule, after },
    );
  }
  return verdicts;
}

function holdReason(posting: LaterPosting, link: Link, laterStill: readonly LaterPosting[], after: string): string | undefined {
  const resent = laterStill.find((other) => other.requestHash === posting.requestHash);
  if (resent) return `the same request was accepted again as ${resent.postingId}: only that one is replayed`;
  if (posting.command.kind === 'order' && posting.command.contractBasis !== undefined)
    return "an order on a contract's 선금 claim or inspection: its rejection freed the claim; resubmit it if it is still unpaid";
  if (link.state === 'held') return `${after} is held: replay it first`;
  if (link.state === 'queued' && link.group !== posting.group)
    return `${after} is queued on another message group: run this again once it is applied`;
  return undefined;
}

/**
 * Acceptance order, except that a posting comes after the posting it refers to. Acceptance times
 * are in milliseconds and ties are ordered by request id, so a resolution and the order on it
 * accepted in the same millisecond may be listed the other way round.
 */
function referencesFirst(later: readonly LaterPosting[]): LaterPosting[] {
  const byId = new Map(later.map((posting) => [posting.postingId, posting]));
  const emitted = new Set<string>();
  const ordered: LaterPosting[] = [];
  const emit = (posting: LaterPosting): void => {
    if (emitted.has(posting.postingId)) return;
    emitted.add(posting.postingId);
    const reference = referencedPostingId(posting.command);
    const referenced = reference === undefined ? undefined : byId.get(reference);
    if (referenced) emit(referenced);
    ordered.push(posting);
  };
  for (const posting of later) emit(posting);
  return ordered;
}
