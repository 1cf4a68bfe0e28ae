/**
 * The project's postings consumer, unchanged, run inside the "consumer" meter scope so that the
 * bench can tell its DynamoDB requests from the API's.
 */
import type { Context, SQSEvent } from 'aws-lambda';
import { handler as applyPostings } from '#functions/postings/apply-postings.ts';
import { inScope } from '../harness/scope.ts';

export const handler = (event: SQSEvent, context: Context) => inScope('consumer', () => applyPostings(event, context));
