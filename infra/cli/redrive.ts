import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { replayFailedPostings } from '#shared/application/execution/replay-failed-postings.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import { runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import { redrive } from '#infra/runtime/redrive.ts';
import { useRunningStack } from '#infra/cli/stack-target.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';

const USAGE = `npm run redrive -- <queue> [--max N] [--data-dir .data] [--external]
npm run redrive -- postings --failed <gov> [--posting <id> …] [--data-dir .data] [--external]

Moves the messages of <queue>'s dead-letter queue back to <queue> (${Object.keys(queues).join(', ')}),
on the stack of the running \`npm start\`, or on the external endpoints in the environment.
A sharded queue (postings) has a dead-letter queue per shard: every one of them is drained,
each back to its own shard; --max applies per shard.

--failed replays the postings of a government that the consumer recorded as rejected with
posting-failed (a fault of ours, alarm PostingsFailed), once the cause is repaired: each is
reopened (audited) and enqueued again; --posting names some of them, otherwise all.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    max: { type: 'string' },
    failed: { type: 'string' },
    posting: { type: 'string', multiple: true },
    'data-dir': { type: 'string' },
    external: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const name = positionals[0];
if (values.help || !name) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (!Object.hasOwn(queues, name)) {
  console.error(`unknown queue ${name}\n\n${USAGE}`);
  process.exit(2);
}
await useRunningStack(values['data-dir'] ?? defaultDataDir(), usesExternalEndpoints(values.external));
if (values.failed !== undefined) {
  if (name !== 'postings') {
    console.error(`--failed applies to postings only\n\n${USAGE}`);
    process.exit(2);
  }
  const operator = `operator:${userInfo().username}`;
  const report = await replayFailedPostings(values.failed, operator, values.posting);
  console.log(`replayed ${report.replayed.length} failed posting(s) of ${values.failed}: ${report.replayed.join(', ') || '(none)'}`);
  if (report.skipped.length > 0) console.log(`not rejected as posting-failed (left alone): ${report.skipped.join(', ')}`);
  process.exit(0);
}
const queue = queues[name as QueueKey];
const queueUrl = process.env[queue.env];
if (!queueUrl) {
  console.error(`${queue.env} is not set`);
  process.exit(1);
}
const sqs = runtimeSqsClient();
let total = 0;
const urls = shardUrls(queue, queueUrl);
for (const shardUrl of urls) {
  const result = await redrive(sqs, shardUrl, values.max === undefined ? {} : { max: Number(values.max) });
  total += result.moved;
  if (result.moved > 0 || urls.length === 1)
    console.log(`moved ${result.moved} message(s) from ${result.deadLetterQueueUrl} back to ${shardUrl}`);
}
if (urls.length > 1) console.log(`moved ${total} message(s) in all from the dead-letter queues of ${urls.length} shards of ${name}`);
