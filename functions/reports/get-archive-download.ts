import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { getArchiveDownload as download } from '#shared/application/settlement/get-archive-download.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { logger } from '#shared/powertools/logger.ts';
import { metrics } from '#shared/powertools/metrics.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';

/** A file that no longer matches its archived checksum is a metric (ArchiveIntegrityFailures, alarmed) and an error log line. */
export const handler = apiHandler(getArchiveDownload, async ({ params, query }) => {
  try {
    return { body: await download(params.gov, query.key) };
  } catch (error) {
    if (error instanceof Refused && error.refusal.code === 'archive-integrity-failed') {
      metrics.addMetric('ArchiveIntegrityFailures', MetricUnit.Count, 1);
      logger.error('archived file does not match its recorded checksum', { gov: params.gov, ...error.refusal.context });
    }
    throw error;
  }
});
