import type { PostingCommand, PostingKind } from '#shared/domain/execution/posting.ts';
import { referencedDocument } from '#shared/domain/execution/posting.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The rules the API applies to the accepted posting a command refers to (a resolution's commitment,
 * a payment's order, a correction's original …), before the books are consulted.
 */
type ReferencedName = 'commitment' | 'resolution' | 'payment-order' | 'assessment' | 'receipt' | 'posting';

/** The posting kind a referenced id must have been created by (practice: each step follows its own document). */
const referencedKind: Partial<Record<PostingKind, { kind: PostingKind; name: ReferencedName }>> = {
  resolve: { kind: 'commit', name: 'commitment' },
  cancel: { kind: 'commit', name: 'commitment' },
  order: { kind: 'resolve', name: 'resolution' },
  pay: { kind: 'order', name: 'payment-order' },
  return: { kind: 'order', name: 'payment-order' },
  notice: { kind: 'assess', name: 'assessment' },
  receive: { kind: 'assess', name: 'assessment' },
  refund: { kind: 'receive', name: 'receipt' },
};

/** The id of the posting a command refers to: its document, or for a correction the original. */
export const referencedPostingId = (command: PostingCommand): string | undefined =>
  command.kind === 'correct' ? command.originalPostingId : referencedDocument(command);

/**
 * The referenced posting exists in the government, was created by the kind of posting the command
 * follows (404 otherwise) and belongs to the same fiscal year (지방회계법 제6조; 422).
 */
export function referenceRefusal(
  command: PostingCommand,
  gov: string,
  year: number,
  referencedId: string,
  referenced: { readonly kind: PostingKind; readonly year: number } | undefined,
): Refusal | undefined {
  const expected = referencedKind[command.kind];
  const name = expected?.name ?? 'posting';
  if (!referenced || (expected && referenced.kind !== expected.kind)) {
    return refusal('not-found', `${name}-not-found`, `no ${name} ${referencedId} in government ${gov}`);
  }
  // A 반납 of a closed year's payment is posted in the current year (지방회계법 제27조제1항).
  const earlierAllowed = command.kind === 'return' && referenced.year < year;
  if (referenced.year !== year && !earlierAllowed) {
    return refusal('unprocessable', 'wrong-year', `${name} ${referencedId} belongs to fiscal year ${referenced.year}`, {
      rule: 'wrong-year',
      year,
      documentYear: referenced.year,
    });
  }
  return undefined;
}

/**
 * Whether a refusal of the books only says that the referenced document is not applied yet. The API
 * accepts such a posting when the document was accepted (it is still in the queue, on the same
 * message group, ahead of this one): the consumer decides once it is applied. An unknown line is
 * never waited for.
 */
export const awaitsReference = (refused: Refusal, referenceAccepted: boolean): boolean =>
  referenceAccepted && refused.code !== 'unknown-line' && (refused.code.startsWith('unknown-') || refused.code === 'original-not-applied');
