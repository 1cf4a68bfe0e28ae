import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { replayFailedPostings } from '#shared/application/execution/replay-failed-postings.ts';
import { replayInLineOrder } from '#shared/application/execution/replay-in-line-order.ts';
import type { LineOrderReport, RedrivenPostingRef } from '#shared/application/execution/replay-in-line-order.ts';
import { queues } from '#shared/resources.ts';
import type { QueueKey } from '#shared/resources.ts';
import { runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import { redrive } from '#infra/runtime/redrive.ts';
import { useRunningStack } from '#infra/cli/stack-target.ts';
import { shardUrls } from '#shared/config/queue-shards.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';

const USAGE = `npm run redrive -- <queue> [--max N] [--data-dir .data] [--external]
npm run redrive -- postings --failed <gov> [--posting <id> …] [--data-dir .data] [--external]
npm run redrive -- postings --in-order [--apply] [--max N] [--data-dir .data] [--external]
npm run redrive -- postings --after <gov> --posting <id> … [--apply] [--data-dir .data] [--external]

Moves the messages of <queue>'s dead-letter queue back to <queue> (${Object.keys(queues).join(', ')}),
on the stack of the running \`npm start\`, or on the external endpoints in the environment.
A sharded queue (postings) has a dead-letter queue per shard: every one of them is drained,
each back to its own shard; --max applies per shard.

--failed replays the postings of a government that the consumer recorded as rejected with
posting-failed (a fault of ours, alarm PostingsFailed), once the cause is repaired: each is
reopened (audited) and enqueued again; --posting names some of them, otherwise all.

--in-order moves the postings DLQ back as above, then takes every posting it moved as redriven:
the postings of its line accepted after it that were rejected only because it was missing
(unknown-commitment, unknown-resolution, unknown-order, … on it or on one replayed behind it) are
listed; with --apply each is reopened (audited) and enqueued behind it in its message group, in
acceptance order. --after does the same for postings named with --posting (redriven already).
Without --apply nothing is replayed (the DLQ is moved all the same); it prints the --after line to run.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    max: { type: 'string' },
    failed: { type: 'string' },
    posting: { type: 'string', multiple: true },
    'in-order': { type: 'boolean' },
    after: { type: 'string' },
    apply: { type: 'boolean' },
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
const inLineOrder = values['in-order'] === true || values.after !== undefined;
if (inLineOrder && name !== 'postings') {
  console.error(`--in-order and --after apply to postings only\n\n${USAGE}`);
  process.exit(2);
}
if (values.after !== undefined && (values.posting ?? []).length === 0) {
  console.error(`--after needs the redriven postings: --posting <id> …\n\n${USAGE}`);
  process.exit(2);
}
await useRunningStack(values['data-dir'] ?? defaultDataDir(), usesExternalEndpoints(values.external));
const operator = `operator:${userInfo().username}`;
if (values.failed !== undefined) {
  if (name !== 'postings') {
    console.error(`--failed applies to postings only\n\n${USAGE}`);
    process.exit(2);
  }
  const report = await replayFailedPostings(values.failed, operator, values.posting);
  console.log(`replayed ${report.replayed.length} failed posting(s) of ${values.failed}: ${report.replayed.join(', ') || '(none)'}`);
  if (report.skipped.length > 0) console.log(`not rejected as posting-failed (left alone): ${report.skipped.join(', ')}`);
  process.exit(0);
}
if (values.after !== undefined) {
  const gov = values.after;
  printLineOrder(
    await replayInLineOrder(
      (values.posting ?? []).map((postingId) => ({ gov, postingId })),
      operator,
      { apply: values.apply === true },
    ),
  );
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
const moved: string[] = [];
const urls = shardUrls(queue, queueUrl);
for (const shardUrl of urls) {
  const result = await redrive(sqs, shardUrl, values.max === undefined ? {} : { max: Number(values.max) });
  total += result.moved;
  moved.push(...result.bodies);
  if (result.moved > 0 || urls.length === 1)
    console.log(`moved ${result.moved} message(s) from ${result.deadLetterQueueUrl} back to ${shardUrl}`);
}
if (urls.length > 1) console.log(`moved ${total} message(s) in all from the dead-letter queues of ${urls.length} shards of ${name}`);
if (values['in-order']) {
  const redriven = moved.map((body): RedrivenPostingRef => {
    const { gov, postingId } = JSON.parse(body) as RedrivenPostingRef;
    return { gov, postingId };
  });
  printLineOrder(await replayInLineOrder(redriven, operator, { apply: values.apply === true }));
}

function printLineOrder(reports: readonly LineOrderReport[]): void {
  for (const report of reports) {
    console.log(`after ${report.redriven} of ${report.gov} (${report.status}):`);
    if (report.status === 'rejected') console.log('  rejected itself: the later postings were right to find it missing; nothing to replay');
    if (report.status === 'unknown') console.log('  no such posting');
    for (const verdict of report.verdicts) {
      if (verdict.action === 'replay') console.log(`  replay ${verdict.postingId} (${verdict.rule}, behind ${verdict.after})`);
      if (verdict.action === 'hold') console.log(`  hold   ${verdict.postingId} (${verdict.rule}): ${verdict.why}`);
      if (verdict.action === 'leave')
        console.log(`  leave  ${verdict.postingId} (${verdict.rule}: not explained by its absence; the decision stands)`);
    }
    if (values.apply) {
      console.log(`  replayed ${report.replayed.length}: ${report.replayed.join(', ') || '(none)'}`);
      for (const { postingId, why } of report.notReplayed) console.log(`  not replayed ${postingId}: ${why}`);
    }
  }
  const planned = reports.filter((report) => report.verdicts.some((verdict) => verdict.action === 'replay'));
  if (!values.apply && planned.length > 0) {
    console.log('dry run: nothing replayed. To replay, run:');
    for (const report of planned) console.log(`  npm run redrive -- postings --after ${report.gov} --posting ${report.redriven} --apply`);
  }
}
