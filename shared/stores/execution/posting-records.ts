import type { LaterPosting } from '#shared/domain/execution/line-order-replay.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';
import { storedMessage } from '#shared/stores/execution/posting-requests.ts';
import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';

/** An accepted posting as stored, with the consumer's decision (undefined while queued). */
export interface PostingRecord {
  readonly message: PostingMessage;
  readonly requestHash: string;
  readonly decision: LaterPosting['decision'];
}

/**
 * The REQUEST and RESULT items of many postings of a government (BatchGetItem, strongly consistent),
 * in the order of `postingIds`; an id without a REQUEST is left out.
 */
export async function readPostingRecords(gov: string, postingIds: readonly string[]): Promise<PostingRecord[]> {
  const found = await batchGet(
    postingIds.flatMap((id) => [requestKey(gov, id), resultKey(gov, id)]),
    { consistent: true },
  );
  return postingIds.flatMap((id) => {
    const request = found.get(keyOf(requestKey(gov, id)));
    if (!request) return [];
    const result = found.get(keyOf(resultKey(gov, id)));
    const message = storedMessage(request);
    const decision =
      result === undefined
        ? undefined
        : result.status === 'applied'
          ? ({ status: 'applied' } as const)
          : ({ status: 'rejected', rule: String((result.reason as { rule?: unknown } | undefined)?.rule) } as const);
    return [{ message, requestHash: String(request.requestHash), decision }];
  });
}
