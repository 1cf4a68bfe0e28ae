import type { MiddlewareObj } from '@middy/core';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { metrics } from '#shared/powertools/metrics.ts';

/**
 * Counts responses by status class (Responses2xx, Responses4xx, Responses5xx). Registered before
 * problemResponse so that its error hook sees the response problemResponse has already set.
 */
export const requestMetrics = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  const count = (response: APIGatewayProxyResultV2 | undefined | null): void => {
    const status = typeof response === 'object' && response !== null ? (response.statusCode ?? 200) : 200;
    metrics.addMetric(`Responses${Math.floor(status / 100)}xx`, MetricUnit.Count, 1);
  };
  return {
    after: async (request) => count(request.response),
    onError: async (request) => count(request.response),
  };
};
