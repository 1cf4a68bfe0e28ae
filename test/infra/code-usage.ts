import { join } from 'node:path';
import { build } from 'esbuild';
import type { QueueKey } from '#shared/resources.ts';

/**
 * What each handler's code actually does with AWS: esbuild bundles the handler with tree shaking
 * (npm packages left out), so only the repository functions it really calls remain, and the
 * bundle is searched for the SDK commands and resource readers it contains. Used to check the
 * permission table against the code, so a grant cannot silently fall behind a new repository call
 * (or stay after the call is gone).
 */
export interface CodeUsage {
  readonly readsTable: boolean;
  readonly writesTable: boolean;
  /** BatchWriteItem (which IAM cannot tell from a batch delete). */
  readonly batchWritesTable: boolean;
  readonly deletesTableItems: boolean;
  readonly sendsTo: ReadonlySet<QueueKey>;
  readonly readsArchive: boolean;
  readonly writesArchive: boolean;
  readonly scansTable: boolean;
  readonly describesTable: boolean;
}

export async function codeUsage(root: string, handlers: readonly string[]): Promise<Map<string, CodeUsage>> {
  const unique = [...new Set(handlers)];
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(unique.map((handler) => [handler, join(root, 'functions', `${handler}.ts`)])),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    treeShaking: true,
    write: false,
    outdir: join(root, '.usage'),
    logLevel: 'silent',
  });
  const usage = new Map<string, CodeUsage>();
  for (const handler of unique) {
    const output = result.outputFiles.find((file) => file.path === join(root, '.usage', `${handler}.js`));
    if (!output) throw new Error(`no bundle for ${handler}`);
    usage.set(handler, usageOf(output.text));
  }
  return usage;
}

function usageOf(code: string): CodeUsage {
  const sendsTo = new Set<QueueKey>();
  // queueUrl('settlement') or, for a sharded family, queueUrl('postings', gov): the key names the queue.
  for (const match of code.matchAll(/queueUrl\(\s*["'](\w+)["']\s*[,)]/g)) sendsTo.add(match[1] as QueueKey);
  return {
    readsTable: /\btableName\(\)/.test(code),
    writesTable: /\bnew (PutCommand|UpdateCommand|TransactWriteCommand|BatchWriteCommand)\b/.test(code),
    batchWritesTable: /\bnew BatchWriteCommand\b/.test(code),
    deletesTableItems: /\bnew DeleteCommand\b|\bDelete:\s*\{|\bDeleteRequest\b/.test(code),
    sendsTo,
    readsArchive: /\bnew (GetObjectCommand|HeadObjectCommand|ListObjectsV2Command|ListObjectsCommand)\b/.test(code),
    writesArchive: /\bnew PutObjectCommand\b/.test(code),
    scansTable: /\bnew (ScanCommand|ParallelScan)\b|\bpaginateScan\b/.test(code),
    describesTable: /\bnew DescribeTableCommand\b/.test(code),
  };
}
