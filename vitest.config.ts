import { defineConfig } from 'vitest/config';
import type { ViteUserConfig } from 'vitest/config';

/** Settings shared by `npm test` and `npm run test:conformance` (vitest.conformance.config.ts). */
export const sharedTestSettings: NonNullable<ViteUserConfig['test']> = {
  globalSetup: ['test/support/global-setup.ts'],
  pool: 'forks',
  // A larger young generation: the CDK syntheses and the handlers allocate short-lived objects by the
  // million, and scavenges were ~6% of a synthesis' CPU (issue #21; idle: hostile-requests 95.1 -> 84.3 s CPU).
  execArgv: ['--max-semi-space-size=64'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  reporters: ['default'],
  env: {
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  },
};

/**
 * `npm test`: everything that needs only Node and npm. The conformance suite (test/conformance,
 * against moto, which needs Python) runs with `npm run test:conformance`.
 */
export default defineConfig({
  test: {
    ...sharedTestSettings,
    // Vitest's default on 2 cores is one worker (cores - 1): a single-threaded file (a CDK synthesis,
    // stacks.test.ts ~40 s of CPU) then leaves the second core idle. Two workers overlap such files with
    // the integration files, whose engines run in this process (issue #21: `npm test` within ~10 min;
    // idle, stacks + hostile-requests: 107.6 s wall with one worker, 73.0 s with two, same CPU).
    maxWorkers: 2,
    include: ['test/**/*.test.ts'],
    exclude: ['test/conformance/**', '**/node_modules/**'],
  },
});
