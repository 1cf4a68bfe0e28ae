import { functionalFields } from '#shared/domain/budget/classification.ts';
import { platformHandler } from '#shared/http/api-handler.ts';
import { listFunctionalClassification } from '#shared/routes/classification.ts';

export const handler = platformHandler(listFunctionalClassification, async () => ({ body: { items: functionalFields } }));
