import { listGovernmentEnrolments } from '#shared/application/registry/resident-enrolments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listResidentEnrolments as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params, query }) => ({
  body: { items: await listGovernmentEnrolments(params.gov, query.status) },
}));
