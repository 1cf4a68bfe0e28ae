import * as z from 'zod';
import { publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';

const tags = ['Classification'];
const sector = z.object({ code: z.string(), nameKo: z.string() });

export const listFunctionalClassification = defineRoute({
  id: 'listFunctionalClassification',
  method: 'GET',
  path: '/classification/functional',
  handler: 'classification/list-functional',
  summary: '세출 기능별 분류: 14 분야 and their 53 부문',
  tags,
  access: publicAccess,
  response: z.object({ items: z.array(sector.extend({ sectors: z.array(sector) })) }),
});

export const listEconomicClassification = defineRoute({
  id: 'listEconomicClassification',
  method: 'GET',
  path: '/classification/economic',
  handler: 'classification/list-economic',
  summary: '세출 성질별 분류: the 8 groups with the 편성목/통계목 known to the project (a partial list)',
  description: 'Budget lines may use 통계목 codes missing here, as long as their 성질 group (first digit 1–8) exists.',
  tags,
  access: publicAccess,
  response: z.object({
    items: z.array(
      z.object({ code: z.string(), nameKo: z.string(), level: z.enum(['group', 'item', 'stat']), parentCode: z.string().nullable() }),
    ),
  }),
});

export const listRevenueCategories = defineRoute({
  id: 'listRevenueCategories',
  method: 'GET',
  path: '/classification/revenue-categories',
  handler: 'classification/list-revenue-categories',
  summary: '세입 재원: the 7 revenue categories',
  tags,
  access: publicAccess,
  response: z.object({ items: z.array(z.object({ code: z.string(), nameKo: z.string(), note: z.string() })) }),
});
