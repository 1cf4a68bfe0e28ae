import { Metrics } from '@aws-lambda-powertools/metrics';

/** Operational metrics of the API handlers. Business metrics of jobs go through aws-embedded-metrics instead. */
export const metrics = new Metrics({ namespace: 'Hojo', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'hojo' });
