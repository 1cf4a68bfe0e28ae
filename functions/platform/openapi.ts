import { platformHandler } from '#shared/http/api-handler.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { routes } from '#shared/routes/index.ts';
import { getOpenApi } from '#shared/routes/platform.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = platformHandler(getOpenApi, async () => {
  document ??= openApiDocument(routes);
  return { body: document };
});
