import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '#infra/cli/data-dir.ts';
import { devIssuerDir } from '#infra/runtime/auth-config.ts';
import { loadDevIssuer } from '#infra/runtime/jwt/dev-issuer.ts';
import { readRuntimeState } from '#infra/runtime/state-file.ts';
import { parseArchiveKey } from '#shared/domain/reports/archive-keys.ts';

const USAGE = `npm run reports -- list --year 2025 [--gov 11110] [--report trial-balance] [options]
npm run reports -- get <key> [--out DIR] [options]   (DIR defaults to reports/ under the data directory, git-ignored)

Lists archived closing reports, or downloads one file and verifies its SHA-256 against the
manifest (the command fails, and writes nothing, on a mismatch). Talks to the API of a running
\`npm start\` (or --api URL) as a ministry official (a development token, or --token).

Options: --api http://127.0.0.1:3000  --token <jwt>  --data-dir .data`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    gov: { type: 'string' },
    report: { type: 'string' },
    out: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean' },
  },
});

const fail = (message: string, code = 2): never => {
  console.error(code === 2 ? `${message}\n\n${USAGE}` : message);
  process.exit(code);
};

interface ManifestFile {
  readonly file: string;
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}
interface ArchiveEntry {
  readonly gov: string;
  readonly report: string;
  readonly title: string;
  readonly period: string;
  readonly manifestKey: string;
  readonly files: readonly ManifestFile[];
}
interface Download {
  readonly url: string;
  readonly sha256: string;
  readonly manifestKey: string;
  readonly manifestSha256: string;
}

const dataDir = values['data-dir'] ?? defaultDataDir();
const apiUrl = (values.api ?? (await readRuntimeState(dataDir))?.apiUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const token =
  values.token ?? (await (await loadDevIssuer(devIssuerDir(dataDir))).sign({ sub: 'reports-cli', roles: ['ministry'], ttlSeconds: 900 }));

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (!response.ok) fail(`GET ${path}: ${response.status} ${body}`, 1);
  return JSON.parse(body) as T;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Downloads through a presigned URL and checks the bytes against the expected SHA-256. */
async function fetchVerified(gov: string, key: string, expected: string): Promise<Uint8Array> {
  const signed = await api<Download>(`/governments/${gov}/archive-download?key=${encodeURIComponent(key)}`);
  const response = await fetch(signed.url);
  if (!response.ok) fail(`download of ${key} failed: ${response.status}`, 1);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const actual = sha256(bytes);
  if (actual !== expected || actual !== signed.sha256)
    fail(`SHA-256 MISMATCH for ${key}: expected ${expected}, downloaded ${actual}; nothing written`, 1);
  return bytes;
}

async function list(): Promise<void> {
  if (!values.year || !/^\d{4}$/.test(values.year)) fail('list needs --year (e.g. --year 2025)');
  const query = new URLSearchParams({ ...(values.report ? { report: values.report } : {}) });
  let cursor: string | undefined;
  do {
    if (cursor) query.set('cursor', cursor);
    const path = values.gov
      ? `/governments/${values.gov}/archives/${values.year}?${query}`
      : `/archives?${new URLSearchParams({ year: values.year as string, ...Object.fromEntries(query) })}`;
    const page = await api<{ items: ArchiveEntry[]; nextCursor?: string }>(path);
    for (const entry of page.items) {
      console.log(`${entry.gov} ${entry.report} ${entry.period} (${entry.title})`);
      for (const file of [...entry.files, { file: 'manifest.json', key: entry.manifestKey, size: 0, sha256: '' }])
        console.log(`  ${file.key}${file.sha256 ? `  ${file.size} bytes  sha256 ${file.sha256}` : ''}`);
    }
    cursor = page.nextCursor;
  } while (cursor);
}

async function get(key: string): Promise<void> {
  const parsed = parseArchiveKey(key) ?? fail(`${key} is not an archive key ({year}/{gov}/{report}/{period}/{file})`);
  const manifestKey = `${parsed.year}/${parsed.gov}/${parsed.report}/${parsed.period}/manifest.json`;
  const signedManifest = await api<Download>(`/governments/${parsed.gov}/archive-download?key=${encodeURIComponent(manifestKey)}`);
  const manifestBytes = await fetchVerified(parsed.gov, manifestKey, signedManifest.manifestSha256);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { files: ManifestFile[] };
  const entry =
    key === manifestKey ? undefined : (manifest.files.find((f) => f.key === key) ?? fail(`${key} is not listed in its manifest`, 1));
  const bytes = entry ? await fetchVerified(parsed.gov, key, entry.sha256) : manifestBytes;
  // Outside the work tree's tracked files by default: the data directory (.data/) is git-ignored.
  const target = join(resolve(values.out ?? join(values['data-dir'] ?? defaultDataDir(), 'reports')), key);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
  console.log(`${target}  ${bytes.length} bytes  sha256 ${sha256(bytes)} (verified against the manifest)`);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, key] = positionals;
if (command === 'list') await list();
else if (command === 'get' && key) await get(key);
else fail(command ? `unknown command ${command}` : 'a command is required');
