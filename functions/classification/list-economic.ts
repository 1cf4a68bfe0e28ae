import { economicCodes } from '#shared/domain/budget/classification.ts';
import { platformHandler } from '#shared/http/api-handler.ts';
import { listEconomicClassification } from '#shared/routes/classification.ts';

export const handler = platformHandler(listEconomicClassification, async () => ({ body: { items: economicCodes } }));
