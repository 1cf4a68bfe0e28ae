import { myEnrolment } from '#shared/application/registry/resident-enrolments.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getMyResidentEnrolment as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ caller }) => ({ body: await myEnrolment(requireCaller(caller).sub) }));
