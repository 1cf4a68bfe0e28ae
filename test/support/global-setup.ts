import type { TestProject } from 'vitest/node';
import { startEngines } from '#infra/embedded/engines.ts';
import type { Endpoints } from '#infra/embedded/engines.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedEndpoints: Endpoints;
  }
}

/** One set of embedded engines (in memory) for the whole run; each test file provisions its own resources on them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engines = await startEngines();
  project.provide('embeddedEndpoints', engines.endpoints);
  return () => engines.stop();
}
