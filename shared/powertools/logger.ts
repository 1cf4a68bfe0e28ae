import { Logger } from '@aws-lambda-powertools/logger';

/** One logger for the whole code base. Never log personal data or tokens: log ids only. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'hojo' });
