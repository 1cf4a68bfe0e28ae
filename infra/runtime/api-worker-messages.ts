/** What a clustered API worker reports (api-cluster.ts, api-worker.ts). */
export interface WorkerStats {
  readonly pid: number;
  /** HTTP requests it received. */
  readonly served: number;
  /** CPU time it has used (user + system, ms): the bench's load-independent cost per request. */
  readonly cpuMs: number;
  /** Queue pollers it runs: none (the primary polls). */
  readonly pollers: number;
  /** Schedules it runs: none (the primary runs them). */
  readonly schedules: number;
}

/** The primary's messages to a worker. */
export type WorkerRequest =
  | { readonly type: 'stats' }
  | { readonly type: 'quiesce' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' };

/** A worker's messages to the primary. */
export type WorkerReply =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'stats'; readonly stats: WorkerStats }
  | { readonly type: 'quiesced' }
  | { readonly type: 'failed'; readonly error: string };
