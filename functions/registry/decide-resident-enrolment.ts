import { decideEnrolment, enrolmentView } from '#shared/application/registry/resident-enrolments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { decideResidentEnrolment as route } from '#shared/routes/registry.ts';
import { forgetResidentGovernment } from '#shared/wiring/resident-registry.ts';

export const handler = apiHandler(route, async ({ params, body, request }) => {
  const decided = await decideEnrolment(request, params.gov, params.enrolmentId, body);
  // This instance reads the resident's government again at once; the others within a minute.
  forgetResidentGovernment(decided.subject);
  return { body: enrolmentView(decided) };
});
