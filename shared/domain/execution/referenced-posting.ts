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
  reduce: { kind: 'commit', name: 'commitment' },
  order: { kind: 'resolve', name: 'resolution' },
  pay: { kind: 'order', name: 'payment-order' },
  return: { kind: 'order', name: 'payment-order' },
  settle: { kind: 'order', name: 'payment-order' },
  notice: { kind: 'assess', name: 'assessment' },
  receive: { kind: 'assess', name: 'assessment' },
  refund: { kind: 'receive', name: 'receipt' },
  'prior-year-commit': { kind: 'commit', name: 'commitment' },
  'prior-year-receive': { kind: 'assess', name: 'assessment' },
  'write-off': { kind: 'assess', name: 'assessment' },
  'suspend-collection': { kind: 'assess', name: 'assessment' },
};

/**
 * Kinds that settle a document of an earlier year (과년도 수입·지출, 지방회계법 제27조①, 제37조) or may
 * (불납결손, 징수정지 of a receivable brought forward; a 반납 of a closed year's payment, posted in the
 * current year by 제27조①): their rules judge the document's year.
 */
const CROSS_YEAR: ReadonlySet<PostingKind> = new Set([
  // 과오납 환급 of a closed year's receipt, from this year's revenue (지방회계법 제28조제1항)
  'refund',
  'prior-year-commit',
  'prior-year-receive',
  'write-off',
  'suspend-collection',
  'return',
]);

/**
 * Kinds whose document is of another kind's sort: a 과년도 지출's commitment is resolved, ordered and
 * cancelled like any commitment, a 과년도 수입's receipt refunded like any receipt.
 */
const DOCUMENT_ALIASES: Partial<Record<PostingKind, PostingKind>> = { 'prior-year-commit': 'commit', 'prior-year-receive': 'receive' };
const documentKindOf = (kind: PostingKind): PostingKind => DOCUMENT_ALIASES[kind] ?? kind;

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
  if (!referenced || (expected && documentKindOf(referenced.kind) !== expected.kind)) {
    return refusal('not-found', `${name}-not-found`, `no ${name} ${referencedId} in government ${gov}`);
  }
  if (referenced.year !== year && !(CROSS_YEAR.has(command.kind) && referenced.year < year)) {
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
  referenceAccepted && refusesAbsentReference(refused.code);

/** A refusal code that says only that the referenced posting is not applied (yet). */
export const refusesAbsentReference = (code: string): boolean =>
  code !== 'unknown-line' && (code.startsWith('unknown-') || code === 'original-not-applied');
