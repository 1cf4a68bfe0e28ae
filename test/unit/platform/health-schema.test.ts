/** Issue #18: /health/dependencies' published schema declares the `degraded` status and its `warnings` (issue #19: no longer the public /health). */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/http/openapi.ts';
import { getHealth, getHealthDependencies } from '#shared/routes/platform.ts';
import { healthReport } from '#shared/schemas/platform.ts';

describe('/health/dependencies schema', () => {
  it('accepts the degraded answer with its warnings, and OpenAPI lists both', () => {
    const degraded = {
      status: 'degraded',
      checkedAt: '2026-11-30T00:00:00.000Z',
      dependencies: [{ name: 's3:archive', resource: 'hojo-archive', status: 'up', latencyMs: 3 }],
      warnings: [{ name: 'object-lock', resource: 'hojo-archive', missing: 'ObjectLockConfiguration' }],
    };
    expect(healthReport.parse(degraded)).toEqual(degraded);
    const text = JSON.stringify(openApiDocument([getHealthDependencies]));
    expect(text).toContain('"degraded"');
    expect(text).toContain('ObjectLockConfiguration');
    // the public route publishes nothing of it
    const shallow = openApiDocument([getHealth]) as any;
    const answer = shallow.paths['/health'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual(['checkedAt', 'status']);
    expect(answer.properties.status).toEqual({ type: 'string', const: 'ok' });
  });
});
