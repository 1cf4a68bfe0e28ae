/**
 * The embedded engines in a process of their own: `node infra/embedded/engines-process.ts`, with
 * EngineOptions as JSON in HOJO_ENGINE_OPTIONS (optional). Prints one line `{"endpoints":{…}}`
 * once the engines listen; stops them and exits 0 on SIGTERM or SIGINT, or when its standard input
 * closes (the parent went away). On one machine this gives the engines a core of their own, as
 * DynamoDB and SQS are other machines in production; the bench runs them this way.
 */
import { startEngines } from '#infra/embedded/engines.ts';
import type { EngineOptions } from '#infra/embedded/engines.ts';

const options = JSON.parse(process.env.HOJO_ENGINE_OPTIONS ?? '{}') as EngineOptions;
const engines = await startEngines(options);
let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await engines.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
process.stdin.once('end', () => void stop());
process.stdin.once('close', () => void stop());
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ endpoints: engines.endpoints })}\n`);
