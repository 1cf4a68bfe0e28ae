/**
 * On-demand prices of the Seoul region (ap-northeast-2) used for "USD per million postings".
 * Written down on 2026-11-25 from AWS's public price pages as the author knew them (DynamoDB after
 * the November 2024 on-demand price cut); they were NOT fetched by this code and MUST be checked
 * against https://aws.amazon.com/dynamodb/pricing/on-demand/, https://aws.amazon.com/sqs/pricing/
 * and https://aws.amazon.com/lambda/pricing/ before the figures are quoted. Free tiers ignored.
 */
export const seoulPrices = {
  recordedOn: '2026-11-25',
  region: 'ap-northeast-2',
  /**
   * DynamoDB Standard table class, on-demand, per write request unit. [U] Seoul figure from memory
   * (2026-11-25); checked 2026-11-30 against the docs corpus: only a third-party page quoting
   * us-east-1 at USD 0.625 per million WRU (airbyte.com, DynamoDB pricing), no AWS page for Seoul.
   */
  dynamoWriteUnit: 0.6778 / 1e6,
  /** Per read request unit. [U] as above (third-party us-east-1 figure: USD 0.125 per million RRU). */
  dynamoReadUnit: 0.1356 / 1e6,
  /** SQS FIFO queue, per request (each 64 KB chunk of a payload is one request). [U] from memory; no price page found 2026-11-30. */
  sqsFifoRequest: 0.5 / 1e6,
  /**
   * Lambda, per invocation (duration is not priced here: it cannot be measured on this machine).
   * USD 0.20 per million requests: seen 2026-11-30 in a transcription of https://aws.amazon.com/lambda/pricing/
   * dated 2026-09-20 (api-evangelist/aws-lambda plans file; us-east-1 examples); [U] for Seoul.
   */
  lambdaRequest: 0.2 / 1e6,
} as const;

export interface PipelineUsage {
  readonly postings: number;
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly sqsRequests: number;
  readonly consumerInvocations: number;
}

export interface CostPerMillion {
  readonly dynamoWrites: number;
  readonly dynamoReads: number;
  readonly sqs: number;
  readonly lambdaRequests: number;
  readonly total: number;
}

/** USD per million applied postings, scaled from what a measured run used. */
export function costPerMillionPostings(usage: PipelineUsage, prices = seoulPrices): CostPerMillion {
  const scale = usage.postings > 0 ? 1e6 / usage.postings : Number.NaN;
  const dynamoWrites = usage.writeUnits * prices.dynamoWriteUnit * scale;
  const dynamoReads = usage.readUnits * prices.dynamoReadUnit * scale;
  const sqs = usage.sqsRequests * prices.sqsFifoRequest * scale;
  const lambdaRequests = usage.consumerInvocations * prices.lambdaRequest * scale;
  return { dynamoWrites, dynamoReads, sqs, lambdaRequests, total: dynamoWrites + dynamoReads + sqs + lambdaRequests };
}
