import { listAssetRegister as list } from '#shared/application/settlement/list-asset-register.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listAssetRegister } from '#shared/routes/accounting.ts';

export const handler = apiHandler(listAssetRegister, async ({ params }) => ({ body: await list(params.gov) }));
