import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSnapshot } from '#infra/embedded/backup/snapshot.ts';
import type { SnapshotManifest } from '#infra/embedded/backup/snapshot-format.ts';
import { startEmbeddedStack } from '#infra/embedded/stack-manager.ts';
import { callControl } from '#infra/cli/control-socket.ts';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';

const USAGE = `npm run backup [-- --data-dir .data] [--out DIR]

A consistent snapshot of the embedded stack's table, queues (with the messages in flight) and
archive (bytes, checksums, Object Lock retention) into DIR (default <data-dir>-backups/<time>).
With npm start running, the runtime is held at rest for the read: state-changing requests wait
(reads go on), consumers and schedules pause, and all resume after it. Otherwise the engines are
started on the data directory just for the read. External endpoints are backed up with their own
tools (point-in-time recovery, bucket replication): this command refuses them.`;

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, external: { type: 'boolean' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (usesExternalEndpoints(values.external)) {
  console.error('npm run backup snapshots the embedded stack; back up external stores with their own tools (see the README runbook)');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const out = resolve(values.out ?? `${dataDir}-backups/${new Date().toISOString().replace(/[:.]/g, '-')}`);
if (
  await access(out).then(
    () => true,
    () => false,
  )
) {
  console.error(`${out} already exists: a backup goes into a new directory`);
  process.exit(2);
}

const running = await readRuntimeState(dataDir);
let manifest: SnapshotManifest;
if (running) {
  if (running.external) {
    console.error('the running runtime uses external endpoints: back them up with their own tools');
    process.exit(2);
  }
  manifest = (await callControl(dataDir, 'backup', { out })) as SnapshotManifest;
} else {
  const stack = await startEmbeddedStack({ dataDir });
  try {
    manifest = await writeSnapshot(stack, out);
  } finally {
    await stack.stop();
  }
}
console.log(`backup written to ${out}
  table    ${manifest.table.items} items
  queues   ${manifest.queues.messages} messages (${manifest.queues.inFlight} were in flight) in ${manifest.queues.names.length} queues
  archive  ${manifest.archive.objects} objects, ${manifest.archive.bytes} bytes
  how      ${manifest.consistency}${manifest.heldMs ? ` (${manifest.heldMs} ms)` : ''}`);
