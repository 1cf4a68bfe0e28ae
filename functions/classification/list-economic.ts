import { economicCodes } from '#shared/domain/budget/classification.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listEconomicClassification } from '#shared/routes/classification.ts';

export const handler = apiHandler(listEconomicClassification, async () => ({ body: { items: economicCodes } }));
