import { periodOf } from '#shared/domain/settlement/periods.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { isPeriodClosed } from '#shared/stores/settlement/close-markers.ts';
import { listProgress } from '#shared/stores/settlement/progress.ts';
import { getClosingStatus } from '#shared/routes/settlement.ts';

export const handler = apiHandler(getClosingStatus, async ({ params }) => {
  const [closings, yearClosed] = await Promise.all([
    listProgress(params.gov, params.year),
    isPeriodClosed({ gov: params.gov, period: periodOf('year-end', String(params.year)) }),
  ]);
  return {
    body: {
      gov: params.gov,
      year: params.year,
      yearClosed,
      closings: closings.map(({ kind, period, status, failure, completed, summary, updatedAt }) => ({
        kind,
        period,
        status,
        ...(failure ? { failure } : {}),
        completed,
        summary,
        updatedAt,
      })),
    },
  };
});
