import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicAccess } from '#shared/auth/access.ts';
import { conflict } from '#shared/domain/refusal.ts';
import { defineRoute } from '#shared/http/route.ts';
import { problemResponse } from '#shared/middleware/problem-response.ts';
import { requestMetrics } from '#shared/middleware/request-metrics.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { apiEvent } from '#test/support/api.ts';

const route = defineRoute({ id: 'probe', method: 'GET', path: '/probe', handler: 'none', summary: '', tags: [], access: publicAccess });

/** The metric names one request adds, with the stack order api-handler uses (metrics, then problems). */
async function metricsOf(outcome: () => Promise<APIGatewayProxyResultV2>): Promise<string[]> {
  const added = vi.spyOn(metrics, 'addMetric');
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(outcome).use(requestMetrics()).use(problemResponse());
  await handler(apiEvent(route), {} as never);
  return added.mock.calls.map(([name, unit, value]) => `${name}:${unit}:${value}`);
}

afterEach(() => vi.restoreAllMocks());

describe('requestMetrics middleware', () => {
  it('counts a success by its status class', async () => {
    expect(await metricsOf(async () => ({ statusCode: 201 }))).toEqual(['Responses2xx:Count:1']);
  });

  it('counts a plain string response as 2xx', async () => {
    expect(await metricsOf(async () => 'ok')).toEqual(['Responses2xx:Count:1']);
  });

  it('counts a refused request by the status problemResponse gave it', async () => {
    expect(
      await metricsOf(async () => {
        throw conflict('version-not-editable', 'already final');
      }),
    ).toEqual(['Responses4xx:Count:1']);
  });

  it('counts an internal error as 5xx', async () => {
    expect(
      await metricsOf(async () => {
        throw new TypeError('boom');
      }),
    ).toEqual(['Responses5xx:Count:1']);
  });
});
