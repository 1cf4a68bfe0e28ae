import { platformHandler } from '#shared/http/api-handler.ts';
import { getHealthDependencies } from '#shared/routes/platform.ts';
import { dependencyReport } from '#shared/platform/dependency-report.ts';

export const handler = platformHandler(getHealthDependencies, async () => {
  const report = await dependencyReport();
  return { status: report.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' }, body: report };
});
