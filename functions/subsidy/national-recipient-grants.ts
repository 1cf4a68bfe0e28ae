import { recipientGrants } from '#shared/application/subsidy/national.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getNationalRecipientGrants } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(getNationalRecipientGrants, async ({ params, query }) => ({
  body: await recipientGrants(params.idKind, params.idValue, query),
}));
