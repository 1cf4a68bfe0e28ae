import { apiHandler } from '#shared/http/api-handler.ts';
import { listDepartments as readDepartments } from '#shared/stores/budget/structure.ts';
import { listDepartments } from '#shared/routes/budget.ts';

export const handler = apiHandler(listDepartments, async ({ params }) => ({ body: { items: await readDepartments(params.gov) } }));
