import { apiHandler } from '#shared/http/api-handler.ts';
import { putDepartment as storeDepartment } from '#shared/application/budget/put-structure.ts';
import { putDepartment } from '#shared/routes/budget.ts';

export const handler = apiHandler(putDepartment, async ({ params, body, request }) => ({
  body: await storeDepartment(request, { gov: params.gov, code: params.dept, name: body.name, parentCode: body.parentCode ?? null }),
}));
