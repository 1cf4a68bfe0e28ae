import { functionalFields } from '#shared/domain/budget/classification.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listFunctionalClassification } from '#shared/routes/classification.ts';

export const handler = apiHandler(listFunctionalClassification, async () => ({ body: { items: functionalFields } }));
