import { revenueCategories } from '#shared/domain/budget/classification.ts';
import { platformHandler } from '#shared/http/api-handler.ts';
import { listRevenueCategories } from '#shared/routes/classification.ts';

export const handler = platformHandler(listRevenueCategories, async () => ({ body: { items: revenueCategories } }));
