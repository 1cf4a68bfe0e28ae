import { startRuntime } from '#infra/runtime/runtime.ts';
import type { WorkerReply, WorkerRequest } from '#infra/runtime/api-worker-messages.ts';

/**
 * One API process of the clustered runtime (api-cluster.ts forks it): the local runtime's API
 * only, no queue pollers and no schedules (the primary runs those once). Its listen() on the
 * shared port goes through node:cluster, so every worker accepts on the same address.
 */
const send = (message: WorkerReply) => process.send?.(message);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const settings = JSON.parse(process.env.HOJO_API_WORKER ?? '{}') as { port?: number; host?: string; dataDir?: string };

try {
  const runtime = await startRuntime({
    port: settings.port ?? 3000,
    host: settings.host ?? '127.0.0.1',
    ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
    pollQueues: false,
    runSchedules: false,
    // The primary checked the archive's Object Lock at start; /health/dependencies checks per request.
    checkObjectLock: false,
  });
  let resume: (() => void) | undefined;
  process.on('message', (message: WorkerRequest) => {
    switch (message.type) {
      case 'stats':
        send({
          type: 'stats',
          stats: {
            pid: process.pid,
            served: runtime.requestsServed(),
            cpuMs: cpuMs(),
            pollers: runtime.pollers.size,
            schedules: runtime.scheduler.upcoming().length,
          },
        });
        return;
      case 'quiesce':
        void runtime.quiesce().then((resumeAll) => {
          resume = resumeAll;
          send({ type: 'quiesced' });
        });
        return;
      case 'resume':
        resume?.();
        resume = undefined;
        return;
      case 'stop':
        void runtime.stop().then(() => process.exit(0));
        return;
    }
  });
  // The primary stopped without a word (killed): finish in flight and leave.
  process.on('disconnect', () => void runtime.stop().then(() => process.exit(0)));
  send({ type: 'ready', url: runtime.url });
} catch (error) {
  send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
