/** Issue #18: /health's published schema declares the self-hosted runtime's `degraded` status and its `warnings`. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/http/openapi.ts';
import { getHealth } from '#shared/routes/platform.ts';
import { healthReport } from '#shared/schemas/platform.ts';

describe('/health schema', () => {
  it('accepts the degraded answer with its warnings, and OpenAPI lists both', () => {
    const degraded = {
      status: 'degraded',
      checkedAt: '2026-11-30T00:00:00.000Z',
      dependencies: [{ name: 's3:archive', resource: 'hojo-archive', status: 'up', latencyMs: 3 }],
      warnings: [{ name: 'object-lock', resource: 'hojo-archive', missing: 'ObjectLockConfiguration' }],
    };
    expect(healthReport.parse(degraded)).toEqual(degraded);
    const text = JSON.stringify(openApiDocument([getHealth]));
    expect(text).toContain('"degraded"');
    expect(text).toContain('ObjectLockConfiguration');
  });
});
