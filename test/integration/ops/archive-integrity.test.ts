/**
 * Issue #18: the download route hashes the bytes the store holds and compares them with the SHA-256
 * the archive index recorded. The archive is changed behind the engine — in the engine's own
 * storage (fauxqs's SQLite file), with the engine stopped — never through the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEngines } from '#infra/embedded/engines.ts';
import type { InProcessEngines } from '#infra/embedded/engines.ts';
import { applyBucketSettings } from '#infra/embedded/provision-declared.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { sha256Hex } from '#infra/embedded/backup/snapshot-format.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';
import { indexArchive } from '#shared/stores/settlement/archive-index.ts';
import { putArchiveFile } from '#shared/stores/settlement/archive-store.ts';
import { callRoute } from '#test/support/api.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'hojo-tamper-'));
let engines: InProcessEngines = await startEngines({ dataDir });
const { port: dynamoPort } = new URL(engines.endpoints.dynamodb);
const { port: awsPort } = new URL(engines.endpoints.s3);
const env = await provisionResources(engines.endpoints, 'tamper-');
await applyBucketSettings(engines.endpoints, 'tamper-');
await seedRegistry(env);
afterAll(async () => {
  await engines.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const GOV = '11110';
const ministry = { sub: 'mois-1', roles: ['ministry' as const] };
const now = new Date('2026-11-25T00:00:00Z');
const file = (name: string, text: string) => {
  const bytes = Buffer.from(text);
  return { key: `2026/${GOV}/daily/2026-11-24/${name}`, bytes, sha256: sha256Hex(bytes), contentType: 'text/csv' };
};
const csv = file('ledger.csv', 'account,debit,credit\n1101,1000,0\n4201,0,1000\n');
const gone = file('cash.csv', 'account,balance\n1101,1000\n');
const rewritten = file('revenue.csv', 'account,credit\n4201,1000\n');

/** Stops the engine, changes its SQLite storage directly, starts it again on the same ports and data. */
async function behindTheEngine(sql: string, ...params: (string | Uint8Array)[]): Promise<void> {
  await engines.stop();
  const db = new DatabaseSync(join(dataDir, 'aws', 'fauxqs.db'));
  const changed = db.prepare(sql).run(...params).changes;
  db.close();
  expect(changed).toBe(1);
  engines = await startEngines({ dataDir, dynamoPort: Number(dynamoPort), awsPort: Number(awsPort) });
  resetClients();
}

const downloadOf = (key: string) => callRoute(getArchiveDownload, { params: { gov: GOV }, query: { key }, caller: ministry as never });

describe('download of an archived file checks the stored bytes against the archive index', () => {
  it('signs an intact file; a file changed or deleted in the engine storage is a 500 archive-integrity-failed without a URL, and a metric', async () => {
    for (const f of [csv, gone, rewritten]) await putArchiveFile({ ...f, file: f.key.split('/').pop() ?? '' }, now);
    const manifestBytes = Buffer.from(JSON.stringify({ files: [csv.key, gone.key, rewritten.key] }));
    const manifest = {
      key: `2026/${GOV}/daily/2026-11-24/manifest.json`,
      bytes: manifestBytes,
      sha256: sha256Hex(manifestBytes),
      contentType: 'application/json',
    };
    await putArchiveFile({ ...manifest, file: 'manifest.json' }, now);
    await indexArchive(
      {
        report: 'daily',
        title: '일계표',
        gov: GOV,
        year: 2026,
        period: '2026-11-24',
        files: [csv, gone, rewritten].map((f) => ({
          file: f.key.split('/').pop() ?? '',
          key: f.key,
          contentType: f.contentType,
          size: f.bytes.length,
          sha256: f.sha256,
        })),
      },
      { key: manifest.key, sha256: manifest.sha256, size: manifest.bytes.length },
      now,
    );

    const intact = await downloadOf(csv.key);
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({ sha256: csv.sha256, size: csv.bytes.length });
    expect(Buffer.from(await (await fetch(intact.body.url)).arrayBuffer())).toEqual(csv.bytes);

    // Same length, other bytes (a changed amount), written into the engine's storage.
    const tampered = Buffer.from(csv.bytes.toString('utf8').replace('1000,0', '9000,0'));
    expect(tampered.length).toBe(csv.bytes.length);
    await behindTheEngine('UPDATE s3_objects SET body = ? WHERE key = ?', tampered, csv.key);
    await behindTheEngine('DELETE FROM s3_objects WHERE key = ?', gone.key);
    const recomputed = Buffer.from(rewritten.bytes.toString('utf8').replace('1000', '7000'));
    // Bytes and the store's checksum both rewritten (a thorough tamperer): only the index's SHA-256 is left to tell.
    await behindTheEngine(
      'UPDATE s3_objects SET body = ?, checksum_value = ? WHERE key = ?',
      recomputed,
      Buffer.from(sha256Hex(recomputed), 'hex').toString('base64'),
      rewritten.key,
    );

    const addMetric = vi.spyOn(metrics, 'addMetric');
    const changed = await downloadOf(csv.key);
    const missing = await downloadOf(gone.key);
    const resigned = await downloadOf(rewritten.key);
    const alarms = addMetric.mock.calls.filter(([name]) => name === 'ArchiveIntegrityFailures');
    addMetric.mockRestore();

    expect(changed.status).toBe(500);
    expect(changed.headers['content-type']).toBe('application/problem+json');
    expect(changed.body).toMatchObject({
      code: 'archive-integrity-failed',
      detail: `the archived file ${csv.key} no longer matches the SHA-256 recorded when it was archived; no download is given and the operators are alerted`,
      context: { key: csv.key, expectedSha256: csv.sha256, found: 'bytes-unlike-store-checksum' },
    });
    expect(changed.body).not.toHaveProperty('url');
    expect(JSON.stringify(changed.body)).not.toContain('X-Amz-Signature');
    expect(missing.status).toBe(500);
    expect(missing.body).toMatchObject({ code: 'archive-integrity-failed', context: { key: gone.key, found: 'nothing' } });
    expect(resigned.status).toBe(500);
    expect(resigned.body).toMatchObject({
      code: 'archive-integrity-failed',
      context: { key: rewritten.key, found: 'bytes', expectedSha256: rewritten.sha256, storedSha256: sha256Hex(recomputed) },
    });
    expect(alarms.map(([, , value]) => value)).toEqual([1, 1, 1]);
    // The manifest itself is untouched: still signed.
    expect((await downloadOf(manifest.key)).status).toBe(200);
  });
});
