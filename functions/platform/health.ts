import { platformHandler } from '#shared/http/api-handler.ts';
import { getHealth } from '#shared/routes/platform.ts';
import { probeDependencies } from '#shared/platform/dependency-probes.ts';

export const handler = platformHandler(getHealth, async () => {
  const dependencies = await probeDependencies();
  const down = dependencies.some((dependency) => dependency.status === 'down');
  return {
    status: down ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
    body: { status: down ? 'down' : 'ok', checkedAt: new Date().toISOString(), dependencies },
  };
});
