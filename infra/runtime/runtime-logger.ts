import { Logger } from '@aws-lambda-powertools/logger';

/** The runtime's own log (requests served, batches run, schedules fired); ids only, never tokens. */
export const runtimeLogger = new Logger({
  serviceName: 'hojo-runtime',
  logLevel: (process.env.HOJO_RUNTIME_LOG_LEVEL ?? 'INFO') as 'INFO',
});
