/**
 * Issue #18: `npm run backup` under posting load, `npm run restore` into a fresh data directory,
 * `npm start` on it: every posting answered 202 before the backup began is in the snapshot, applied
 * or still queued (or in the outbox, for the sweep); after the restored runtime drains, each is
 * decided once, the counters are the sums of what was applied, and the journals balance.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SnapshotManifest } from '#infra/embedded/backup/snapshot-format.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { handler as sweep } from '#functions/postings/sweep-unqueued.ts';
import { runCli, runningTable, scanTable, seedTwoLines, startNpmStart } from '#test/integration/ops/running-start.ts';
import type { RunningStart } from '#test/integration/ops/running-start.ts';

const GOV = '11110';
const YEAR = 2026;
const root = await mkdtemp(join(tmpdir(), 'hojo-bk-'));
const original = join(root, 'a');
const restored = join(root, 'b');
const backupDir = join(root, 'backup');
const started = new Set<RunningStart>();
afterAll(async () => {
  for (const runtime of started) await runtime.stop();
  await rm(root, { recursive: true, force: true });
});

interface Sent {
  readonly kind: 'commit' | 'assess';
  answer?: number | 'none';
  postingId?: string;
}

async function client(url: string, tokens: Record<Sent['kind'], string>, sent: Sent[], stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    const kind = randomInt(10) < 7 ? 'commit' : 'assess';
    const request: Sent = { kind };
    sent.push(request);
    const amount = 1 + randomInt(1_000);
    const body =
      kind === 'commit'
        ? { lineId: 'bk-exp', amount, counterparty: 'c', contractRef: 'C-1', date: '2026-06-01' }
        : { lineId: 'bk-rev', amount, payer: 'p', dueDate: '2026-06-30', date: '2026-06-01' };
    const response = await fetch(`${url}/governments/${GOV}/years/${YEAR}/${kind === 'commit' ? 'commitments' : 'assessments'}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[kind]}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    request.answer = response.status;
    if (response.status === 202) request.postingId = ((await response.json()) as { postingId: string }).postingId;
    else throw new Error(`posting answered ${response.status}: ${await response.text()}`);
  }
}

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);

describe('npm run backup under posting load, npm run restore, npm start on the restore', () => {
  it('loses no accepted posting, applies none twice, and the journals balance; the archive comes back locked', async () => {
    const a = await startNpmStart(original);
    started.add(a);
    await seedTwoLines(original, GOV, YEAR, 'bk');
    const token = async (role: string) =>
      (await runCli('infra/cli/token.ts', ['--role', role, '--gov', GOV, '--data-dir', original])).stdout.trim();
    const tokens = { commit: await token('finance_officer'), assess: await token('revenue_officer') };
    const { state } = await runningTable(original);
    const s3 = (endpoint: string | undefined) =>
      new S3Client({
        endpoint,
        region: 'ap-northeast-2',
        forcePathStyle: true,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
    const retainUntil = new Date('2036-01-01T00:00:00.000Z');
    const archivedBytes = Buffer.from('closing archive of 2026-06\n');
    const archiveA = s3(state.env.AWS_ENDPOINT_URL_S3);
    await archiveA.send(
      new PutObjectCommand({
        Bucket: state.env.ARCHIVE_BUCKET,
        Key: `${GOV}/2026/monthly/2026-06.csv`,
        Body: archivedBytes,
        ContentType: 'text/csv',
        Metadata: { sha256: 'kept-as-is' },
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: retainUntil,
      }),
    );
    archiveA.destroy();

    const sent: Sent[] = [];
    let stopped = false;
    const clients = Promise.all(Array.from({ length: 4 }, () => client(a.url, tokens, sent, () => stopped)));
    let failure: unknown;
    clients.catch((error: unknown) => {
      failure = error;
    });
    await vi.waitFor(
      () => {
        expect(failure).toBeUndefined();
        expect(sent.filter((s) => s.postingId).length).toBeGreaterThanOrEqual(40);
      },
      { timeout: 30_000, interval: 20 },
    );
    // Answered before the backup began: these must all be in it.
    const acceptedBefore = sent.flatMap((s) => (s.postingId ? [s.postingId] : []));
    const backup = await runCli('infra/cli/backup.ts', ['--data-dir', original, '--out', backupDir]);
    const acceptedDuring = sent.filter((s) => s.postingId).length - acceptedBefore.length;
    await vi.waitFor(() => expect(sent.filter((s) => s.postingId).length).toBeGreaterThan(acceptedBefore.length + acceptedDuring + 10), {
      timeout: 30_000,
      interval: 20,
    });
    stopped = true;
    await clients;
    await a.stop();
    expect(sent.filter((s) => s.answer !== 202)).toEqual([]);

    // The snapshot itself: each posting accepted before it is stored, and applied, queued or in the outbox.
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
    const items = await lines(join(backupDir, 'table.jsonl'));
    const messages = await lines(join(backupDir, 'queues.jsonl'));
    const s = (item: Record<string, any>, name: string): string => item[name]?.S ?? '';
    const stored = new Set(items.filter((i) => s(i, 'sk') === 'REQUEST').map((i) => s(i, 'postingId')));
    const decided = new Set(items.filter((i) => s(i, 'sk') === 'RESULT').map((i) => s(i, 'postingId')));
    const outbox = new Set(items.filter((i) => s(i, 'pk').startsWith('OUTBOX#')).map((i) => s(i, 'postingId')));
    const queued = new Set(
      messages.filter((m) => !String(m.queue).includes('dlq')).map((m) => (JSON.parse(m.body) as { postingId: string }).postingId),
    );
    expect(acceptedBefore.filter((id) => !stored.has(id))).toEqual([]);
    expect(acceptedBefore.filter((id) => !decided.has(id) && !queued.has(id) && !outbox.has(id))).toEqual([]);
    expect([...stored].filter((id) => !decided.has(id) && !queued.has(id) && !outbox.has(id))).toEqual([]);
    expect(manifest).toMatchObject({ archive: { objects: 1 }, postingShards: 1 });

    await runCli('infra/cli/restore.ts', ['--from', backupDir, '--data-dir', restored]);
    const b = await startNpmStart(restored);
    started.add(b);
    const restoredState = (await runningTable(restored)).state;
    Object.assign(process.env, restoredState.env, { POSTING_QUEUE_SHARDS: '1' });
    resetClients();
    await sweep({ time: new Date().toISOString(), detail: { olderThanSeconds: 0 } } as never);
    let after: Record<string, any>[] = [];
    await vi.waitFor(
      async () => {
        after = await scanTable(restored);
        const done = new Set(after.filter((i) => i.sk === 'RESULT').map((i) => i.postingId));
        expect(after.filter((i) => i.sk === 'REQUEST' && !done.has(i.postingId)).map((i) => i.postingId)).toEqual([]);
      },
      { timeout: 40_000, interval: 250 },
    );
    const archiveB = s3(restoredState.env.AWS_ENDPOINT_URL_S3);
    const object = await archiveB.send(
      new GetObjectCommand({ Bucket: restoredState.env.ARCHIVE_BUCKET, Key: `${GOV}/2026/monthly/2026-06.csv` }),
    );
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? [])).toEqual(archivedBytes);
    expect(object).toMatchObject({ ObjectLockMode: 'COMPLIANCE', ContentType: 'text/csv', Metadata: { sha256: 'kept-as-is' } });
    expect(object.ObjectLockRetainUntilDate?.toISOString()).toBe(retainUntil.toISOString());
    archiveB.destroy();
    await b.stop();

    const results = new Map(after.filter((i) => i.sk === 'RESULT').map((i) => [String(i.postingId), i]));
    expect(acceptedBefore.filter((id) => !['applied', 'rejected'].includes(results.get(id)?.status))).toEqual([]);
    const applied = [...results.values()].filter((r) => r.status === 'applied');
    // Each applied RESULT is the audit record of its application (one per posting id: none applied twice, and
    // the counters below are the sums), each request the record of its acceptance, listed in the audit index.
    const requests = after.filter((i) => i.sk === 'REQUEST');
    expect(requests.filter((i) => !String(i.gsi1pk).startsWith(`AUDIT#${GOV}#`) || !String(i.operation).endsWith('.accepted'))).toEqual([]);
    expect(after.filter((i) => i.entity === 'audit' && String(i.operation).endsWith('.applied'))).toEqual([]);
    const sum = (kind: string) => applied.filter((r) => r.kind === kind).reduce((total, r) => total + Number(r.amount), 0);
    const line = (lineId: string) =>
      after.find((i) => i.pk === lineControlKey(GOV, YEAR, lineId).pk && i.sk === lineControlKey(GOV, YEAR, lineId).sk);
    expect(line('bk-exp')?.committed).toBe(sum('commit'));
    expect(line('bk-rev')?.assessed).toBe(sum('assess'));
    const months = after.filter((i) => i.pk === `LEDGER#${GOV}#${YEAR}` && String(i.sk).startsWith('MONTH#'));
    const debit = months.reduce((total, m) => total + BigInt(m.debit), 0n);
    expect(debit).toBe(months.reduce((total, m) => total + BigInt(m.credit), 0n));
    expect(debit).toBe(BigInt(sum('assess')));
    expect(after.filter((i) => String(i.pk).startsWith('OUTBOX#'))).toEqual([]);
    console.info(
      `backup under load: ${acceptedBefore.length} accepted before it, ${acceptedDuring} answered while it ran (held or before the hold), ` +
        `${sent.length} sent in all; snapshot ${manifest.table.items} items, ${manifest.queues.messages} messages ` +
        `(${manifest.queues.inFlight} in flight), ${outbox.size} outbox markers, ${decided.size} decided; writes held ${manifest.heldMs} ms; ` +
        `${applied.length} applied after the restore\n${backup.stdout}`,
    );
  }, 120_000);
});
