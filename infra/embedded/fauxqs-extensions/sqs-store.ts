/**
 * fauxqs's SQS store module (dist/sqs/sqsStore.js): the queues' in-memory state and operations.
 * The interfaces below are the part of its internals the extensions rely on, nothing more.
 */
import { loadFauxqsModule, missingMethods, requireInternals } from './fauxqs-package.ts';

export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly messageGroupId?: string;
  sequenceNumber?: string;
  approximateReceiveCount: number;
}

export interface InflightEntry {
  readonly message: StoredMessage;
  readonly receiptHandle: string;
  visibilityDeadline: number;
}

export interface ReceivedMessage {
  readonly MessageId: string;
  readonly ReceiptHandle: string;
  readonly Body: string;
}

export type DeadLetterResolver = (arn: string) => unknown;

export interface SqsQueueInternals {
  readonly fifoMessages: Map<string, StoredMessage[]>;
  readonly fifoLockedGroups: Map<string, number>;
  readonly inflightMessages: Map<string, InflightEntry>;
  isFifo(): boolean;
  enqueue(message: StoredMessage): void;
  dequeue(maxCount: number, visibilityTimeoutOverride?: number, dlqResolver?: DeadLetterResolver): ReceivedMessage[];
  dequeueFifo(maxCount: number, visibilityTimeoutOverride?: number, dlqResolver?: DeadLetterResolver): ReceivedMessage[];
  processTimers(): void;
  changeVisibility(receiptHandle: string, timeoutSeconds: number): void;
  deleteMessage(receiptHandle: string): boolean;
  nextSequenceNumber(): string;
}

export interface SqsQueueClass {
  new (name: string, url: string, arn: string, attributes: Record<string, string>, tags?: Record<string, string>): SqsQueueInternals;
  readonly prototype: SqsQueueInternals;
}

export interface SqsStoreModule {
  readonly SqsQueue: SqsQueueClass;
  readonly SqsStore: {
    createMessage(
      body: string,
      attributes?: Record<string, unknown>,
      delaySeconds?: number,
      groupId?: string,
      deduplicationId?: string,
    ): StoredMessage;
  };
}

export interface LoadedSqsStore {
  readonly module: SqsStoreModule;
  /** fauxqs's version, for error messages. */
  readonly version: string;
}

const QUEUE_METHODS = [
  'isFifo',
  'enqueue',
  'dequeue',
  'dequeueFifo',
  'processTimers',
  'changeVisibility',
  'deleteMessage',
  'nextSequenceNumber',
];

/** Loads the store module of the installed fauxqs; throws if it no longer has the shape relied on. */
export async function loadSqsStore(): Promise<LoadedSqsStore> {
  const { module, path, version } = await loadFauxqsModule<SqsStoreModule>('./dist/sqs/sqsStore.js');
  assertSqsStoreShape(module, version, path);
  return { module, version };
}

export function assertSqsStoreShape(loaded: Partial<SqsStoreModule>, version: string, where: string): asserts loaded is SqsStoreModule {
  requireInternals(version, where, [
    ...(typeof loaded.SqsQueue === 'function' ? [] : ['SqsQueue']),
    ...(typeof loaded.SqsStore?.createMessage === 'function' ? [] : ['SqsStore.createMessage']),
    ...missingMethods('SqsQueue', loaded.SqsQueue?.prototype, QUEUE_METHODS),
  ]);
}
