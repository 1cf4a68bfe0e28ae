import { platformHandler } from '#shared/http/api-handler.ts';
import { getHealth } from '#shared/routes/platform.ts';

/** Liveness only: the public learns that the API answers, never what stands behind it. */
export const handler = platformHandler(getHealth, async () => ({
  headers: { 'cache-control': 'no-store' },
  body: { status: 'ok', checkedAt: new Date().toISOString() },
}));
