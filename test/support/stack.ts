import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Endpoints } from '#infra/embedded/engines.ts';
import { provisionResources } from '#infra/embedded/provision.ts';
import { seedRegistry } from '#infra/embedded/stack-manager.ts';
import { TEST_CLOCK } from '#test/support/clock.ts';

export interface TestStack {
  readonly endpoints: Endpoints;
  readonly env: Readonly<Record<string, string>>;
  readonly prefix: string;
}

/**
 * Fresh, uniquely named table, queues and bucket on the run's embedded engines, with this
 * process's environment pointing handlers at them and the registry seeded.
 * Call once at the top of an integration test file: `const stack = await useTestStack();`
 * The business clock runs from TEST_CLOCK (test/support/clock.ts) unless the file set its own.
 */
export async function useTestStack(): Promise<TestStack> {
  process.env.HOJO_CLOCK ??= TEST_CLOCK;
  const endpoints = inject('embeddedEndpoints');
  const prefix = `t${randomBytes(4).toString('hex')}-`;
  const env = await provisionResources(endpoints, prefix);
  await seedRegistry(env);
  return { endpoints, env, prefix };
}
