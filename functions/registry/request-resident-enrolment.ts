import { requestEnrolment } from '#shared/application/registry/resident-enrolments.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { requestResidentEnrolment as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ body, caller, request }) => ({
  body: await requestEnrolment(request, requireCaller(caller).sub, body.gov),
}));
