/**
 * Project extensions to fauxqs (the embedded SQS/S3 engine). Install before `startFauxqs`;
 * idempotent. Throws if the installed fauxqs no longer has the internals they patch.
 */
import { installFifoReceiveBatching } from './fifo-receive-batching.ts';
import { installMessageCharacterFix } from './message-characters.ts';
import { installPersistenceReadyFix } from './persistence-ready-count.ts';
import { installS3WriteOnce } from './s3-write-once.ts';
import { checkFifoReceiveBatching } from './self-test.ts';
import { loadSqsStore } from './sqs-store.ts';

let installed: Promise<void> | undefined;

export function installFauxqsExtensions(): Promise<void> {
  installed ??= (async () => {
    const { module, version } = await loadSqsStore();
    installFifoReceiveBatching(module);
    checkFifoReceiveBatching(module, version);
    await installPersistenceReadyFix();
    await installMessageCharacterFix();
    await installS3WriteOnce();
  })();
  return installed;
}
