import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { WorkerReply, WorkerRequest, WorkerStats } from '#infra/runtime/api-worker-messages.ts';

export interface ApiClusterOptions {
  /** API processes to fork (each a core's worth of event loop). */
  readonly workers: number;
  readonly port: number;
  readonly host: string;
  /**
   * Where the development issuer keeps its key: every worker must verify the same tokens, so the
   * primary's runtime creates the key there first (or HOJO_JWKS_URL names an external issuer).
   */
  readonly dataDir?: string | undefined;
}

export interface ApiCluster {
  readonly url: string;
  /** What each worker reports: its pid, the requests it answered, its pollers and schedules (none). */
  stats(): Promise<WorkerStats[]>;
  /** Holds every worker's state-changing requests until all in flight have finished (a backup); resolves to the resume. */
  quiesce(): Promise<() => void>;
  /** Stops every worker after the requests in flight. Idempotent. */
  stop(): Promise<void>;
}

const WORKER_MODULE = fileURLToPath(new URL('./api-worker.ts', import.meta.url));

/**
 * The clustered local runtime (issue #21): `workers` processes serve the API on one port
 * (node:cluster shares the listening socket; the primary hands connections round-robin), as an
 * on-prem deployment runs one process per core behind one address. Only the API is forked: the
 * queue pollers and schedules stay in the calling process (its runtime started with
 * `serveApi: false`), so each batch and each scheduled run happens once. Workers inherit the
 * environment (table, queues, endpoints, HOJO_CLOCK).
 */
export async function startApiCluster(options: ApiClusterOptions): Promise<ApiCluster> {
  if (!cluster.isPrimary) throw new Error('startApiCluster runs in the primary process only');
  if (options.workers < 1) throw new Error(`--workers must be at least 1 (got ${options.workers})`);
  if (!options.dataDir && !process.env.HOJO_JWKS_URL)
    throw new Error('a clustered API needs a data directory (one development issuer key for all workers) or HOJO_JWKS_URL');
  cluster.setupPrimary({ exec: WORKER_MODULE, args: [], execArgv: ['--disable-warning=ExperimentalWarning'], silent: false });
  const settings = JSON.stringify({ port: options.port, host: options.host, dataDir: options.dataDir });
  const workers = Array.from({ length: options.workers }, () => cluster.fork({ HOJO_API_WORKER: settings }));
  let url: string;
  try {
    const urls = await Promise.all(workers.map((worker) => reply(worker, undefined, 'ready')));
    url = urls[0]?.type === 'ready' ? urls[0].url : '';
  } catch (error) {
    for (const worker of workers) worker.kill();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    async stats() {
      const replies = await Promise.all(workers.map((worker) => reply(worker, { type: 'stats' }, 'stats')));
      return replies.flatMap((answer) => (answer.type === 'stats' ? [answer.stats] : []));
    },
    async quiesce() {
      await Promise.all(workers.map((worker) => reply(worker, { type: 'quiesce' }, 'quiesced')));
      return () => {
        for (const worker of workers) if (worker.isConnected()) worker.send({ type: 'resume' } satisfies WorkerRequest);
      };
    },
    stop() {
      stopping ??= Promise.all(
        workers.map(async (worker) => {
          if (worker.isDead()) return;
          const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
          if (worker.isConnected()) worker.send({ type: 'stop' } satisfies WorkerRequest);
          await exited;
        }),
      ).then(() => undefined);
      return stopping;
    },
  };
}

/** Sends `request` (if any) and waits for the worker's reply of type `type`; rejects if the worker exits first. */
function reply(worker: Worker, request: WorkerRequest | undefined, type: WorkerReply['type']): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReply) => {
      if (message?.type === 'failed') {
        cleanup();
        reject(new Error(`API worker ${worker.process.pid} failed: ${message.error}`));
      } else if (message?.type === type) {
        cleanup();
        resolve(message);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`API worker ${worker.process.pid} exited (${code}) before answering ${type}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    if (request) worker.send(request);
  });
}
