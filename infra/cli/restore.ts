import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreSnapshot } from '#infra/embedded/backup/restore.ts';
import type { SnapshotManifest } from '#infra/embedded/backup/snapshot-format.ts';
import { applyBucketSettings } from '#infra/embedded/provision-declared.ts';
import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { defaultDataDir } from '#infra/cli/data-dir.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';

const USAGE = `npm run restore -- --from DIR [--data-dir .data]

Restores a backup written by npm run backup into a new embedded data directory (absent or empty;
the runtime must not be running on it): the table's items, the queues' messages (in-flight ones
as ready) and the archive's objects with their Object Lock retention. Then npm start on that data
directory applies what was queued (postings apply once by posting id) and the outbox sweep sends
what was accepted but not yet queued.`;

const { values } = parseArgs({
  options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help || !values.from) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const from = resolve(values.from);
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
if (await readRuntimeState(dataDir)) {
  console.error(`npm start is running on ${dataDir}: stop it, and restore into a new data directory`);
  process.exit(2);
}
const present = await readdir(dataDir).catch(() => []);
if (present.length > 0) {
  console.error(`${dataDir} is not empty: restore into a new data directory (--data-dir), then start on it`);
  process.exit(2);
}
const manifest = JSON.parse(await readFile(join(from, 'manifest.json'), 'utf8')) as SnapshotManifest;
const stack = await startEmbeddedStack({ dataDir, shards: manifest.postingShards });
try {
  await applyBucketSettings(stack.endpoints);
  const restored = await restoreSnapshot(stack, from);
  console.log(`restored the backup of ${manifest.takenAt} into ${dataDir}
  table    ${restored.items} items
  queues   ${restored.messages} messages
  archive  ${restored.objects} objects
Start it: npm start -- --data-dir ${dataDir}`);
} finally {
  await stack.stop();
}
