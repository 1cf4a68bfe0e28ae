import { platformHandler } from '#shared/http/api-handler.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { routes } from '#shared/routes/index.ts';
import { getDocs } from '#shared/routes/platform.ts';
import { renderDocsPage } from '#shared/http/docs-page.ts';

let page: string | undefined;

export const handler = platformHandler(getDocs, async () => {
  page ??= renderDocsPage(openApiDocument(routes));
  return { headers: { 'content-type': 'text/html; charset=utf-8' }, raw: page };
});
