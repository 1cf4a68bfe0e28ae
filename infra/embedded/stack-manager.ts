import { startEngines } from '#infra/embedded/engines.ts';
import type { EngineOptions, Endpoints, InProcessEngines } from '#infra/embedded/engines.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { shardCountOf } from '#shared/config/queue-shards.ts';
import { queues } from '#shared/resources.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';
import { putGovernments } from '#shared/stores/registry/governments.ts';

export interface EmbeddedStack {
  readonly endpoints: Endpoints;
  /** Every environment variable a handler needs to reach the stack's resources. */
  readonly env: Readonly<Record<string, string>>;
  readonly inspectQueue: InProcessEngines['inspectQueue'];
  stop(): Promise<void>;
}

export interface EmbeddedStackOptions extends EngineOptions {
  /** Prefix of every physical resource name. */
  readonly prefix?: string;
  /** Postings shards; POSTING_QUEUE_SHARDS or one per government unless given. */
  readonly shards?: number;
}

/** Starts the engines, provisions the declared resources and seeds the registry. */
export async function startEmbeddedStack(options: EmbeddedStackOptions = {}): Promise<EmbeddedStack> {
  const engines = await startEngines(options);
  try {
    const env = await provisionResources(engines.endpoints, options.prefix, { shards: options.shards ?? shardCountOf(queues.postings) });
    await seedRegistry(env);
    return { endpoints: engines.endpoints, env, inspectQueue: engines.inspectQueue, stop: engines.stop };
  } catch (error) {
    await engines.stop();
    throw error;
  }
}

/** Points this process's handlers at the given resources and writes the government registry. */
export async function seedRegistry(env: Readonly<Record<string, string>>): Promise<void> {
  Object.assign(process.env, env);
  resetClients();
  await putGovernments(governmentsFromCodeTable());
}
