import { revenueCategories } from '#shared/domain/budget/classification.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listRevenueCategories } from '#shared/routes/classification.ts';

export const handler = apiHandler(listRevenueCategories, async () => ({ body: { items: revenueCategories } }));
