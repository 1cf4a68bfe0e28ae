/**
 * The naive design the pipeline is compared with: the same queue and the same execution rules,
 * but one TransactWrite per posting (no aggregation of a batch's postings on a line), in queue
 * order; a failure leaves that message and every later one for redelivery, as the real consumer does.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { applyPostings } from '#shared/application/execution/apply-postings.ts';
import { postingMessage } from '#shared/schemas/execution.ts';
import { inScope } from '../harness/scope.ts';

export const handler = (event: SQSEvent): Promise<SQSBatchResponse> =>
  inScope('consumer', async () => {
    for (const [index, record] of event.Records.entries()) {
      try {
        await applyPostings([postingMessage.parse(JSON.parse(record.body)) as PostingMessage]);
      } catch {
        return { batchItemFailures: event.Records.slice(index).map((r) => ({ itemIdentifier: r.messageId })) };
      }
    }
    return { batchItemFailures: [] };
  });
