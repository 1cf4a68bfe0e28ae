import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDeployConfig } from '#infra/cdk/deploy-config.ts';
import type { DeployConfig } from '#infra/cdk/deploy-config.ts';
import { projectRoot } from '#infra/cdk/handler-entry.ts';

/** cdk.json's context, as the CDK CLI would pass it. */
export const cdkJsonContext = (JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
  .context;

/** The deploy configuration of cdk.json's context with the command line's `-c` (overrides) on top. */
export function deployConfigOf(overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): DeployConfig {
  const context: Record<string, unknown> = { ...cdkJsonContext, ...overrides };
  return readDeployConfig((key) => context[key], env);
}
