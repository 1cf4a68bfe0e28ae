/**
 * fauxqs's SQS store module (dist/sqs/sqsStore.js) is not exported by the package (its `exports`
 * only expose "."), so it is loaded by file path. Node caches ES modules by URL and fauxqs's own
 * app imports the same file, so patching the prototype loaded here patches the running server.
 *
 * The interfaces below are the part of fauxqs's internals the extensions rely on, nothing more.
 */
import { readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { pathToFileURL } from 'node:url';

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
  // findPackageJSON rather than import.meta.resolve, which vitest's module runner does not support.
  const packageJson = findPackageJSON('fauxqs', import.meta.url);
  if (!packageJson) throw new Error('fauxqs is not installed');
  const storeUrl = new URL('./dist/sqs/sqsStore.js', pathToFileURL(packageJson));
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const loaded = (await import(storeUrl.href)) as Partial<SqsStoreModule>;
  assertSqsStoreShape(loaded, version, storeUrl.pathname);
  return { module: loaded, version };
}

export function assertSqsStoreShape(loaded: Partial<SqsStoreModule>, version: string, where: string): asserts loaded is SqsStoreModule {
  const prototype = (loaded.SqsQueue?.prototype ?? {}) as Record<string, unknown>;
  const missing = [
    ...(typeof loaded.SqsQueue === 'function' ? [] : ['SqsQueue']),
    ...(typeof loaded.SqsStore?.createMessage === 'function' ? [] : ['SqsStore.createMessage']),
    ...QUEUE_METHODS.filter((name) => typeof prototype[name] !== 'function').map((name) => `SqsQueue.prototype.${name}`),
  ];
  if (missing.length > 0) {
    throw new Error(
      `fauxqs ${version}: ${where} no longer provides ${missing.join(', ')}; ` +
        'the extensions in infra/embedded/fauxqs-extensions must be revisited for this version',
    );
  }
}
