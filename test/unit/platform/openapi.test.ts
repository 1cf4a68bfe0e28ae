import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { governmentWrite, publicAccess } from '#shared/auth/access.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import { routes } from '#shared/routes/index.ts';
import { govYearParams, won } from '#shared/schemas/common.ts';
import { renderDocsPage } from '#shared/http/docs-page.ts';
import { koreanSummaries } from '#shared/routes/korean-summaries.ts';

type Operation = {
  operationId: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

const operations = (document: ReturnType<typeof openApiDocument>) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );

describe('OpenAPI document of every route', () => {
  const document = openApiDocument(routes);

  it('is OpenAPI 3.1 with every route present once, under its path and method', () => {
    expect(document.openapi).toBe('3.1.0');
    const found = operations(document).map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`);
    expect(found.sort()).toEqual(routes.map((r) => `${r.method} ${r.path} ${r.id}`).sort());
  });

  it('has unique operationIds', () => {
    const ids = operations(document).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter, required, and no path parameter that is not in the path', () => {
    for (const { path, op } of operations(document)) {
      const inPath = [...path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]).sort();
      const declared = op.parameters.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${op.operationId}`).toEqual(inPath);
      expect(declared.every((p) => p.required)).toBe(true);
    }
  });

  it('puts the bearer JWT scheme on every non-public route and none on public ones', () => {
    expect(document.components.securitySchemes).toHaveProperty(
      'bearerJwt',
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
    for (const route of routes) {
      const op = (document.paths[route.path]?.[route.method.toLowerCase()] ?? {}) as Operation;
      if (route.access.kind === 'public') {
        expect(op.security, route.id).toEqual([]);
        expect(op.responses).not.toHaveProperty('401');
      } else {
        expect(op.security, route.id).toEqual([{ bearerJwt: [] }]);
        expect(op.responses['401']?.content).toHaveProperty('application/problem+json');
      }
    }
  });

  it('documents errors as problem+json referring to a Problem schema that exists', () => {
    expect(document.components.schemas).toHaveProperty('Problem');
    for (const { op } of operations(document)) {
      const problem = op.responses.default?.content?.['application/problem+json']?.schema;
      expect(problem, op.operationId).toEqual({ $ref: '#/components/schemas/Problem' });
      expect(op.responses['400']).toBeDefined();
    }
  });

  it('uses zod input types for requests and output types for responses, without a per-schema $schema', () => {
    const route = defineRoute({
      id: 'createThing',
      method: 'POST',
      path: '/governments/{gov}/things/{year}',
      handler: 'things/create',
      summary: 'Create',
      tags: ['Things'],
      access: governmentWrite('budget_officer'),
      params: govYearParams,
      query: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      body: z.strictObject({ amount: won, note: z.string().default('') }),
      response: z.object({ id: z.string(), note: z.string().default('') }),
      status: 201,
      headers: [{ name: 'Idempotency-Key', required: true, description: 'retry key' }],
    });
    const op = (openApiDocument([route]).paths['/governments/{gov}/things/{year}']?.post ?? {}) as Operation;
    const body = op.requestBody?.content['application/json']?.schema ?? {};
    expect(body).not.toHaveProperty('$schema');
    expect(body.required).toEqual(['amount']); // a defaulted field is optional on input
    expect(op.responses['201']?.content?.['application/json']?.schema.required).toEqual(['id', 'note']); // and present on output
    expect(op.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'year', in: 'path', schema: expect.objectContaining({ type: 'string', pattern: '^\\d{4}$' }) }),
        expect.objectContaining({ name: 'dryRun', in: 'query', required: false }),
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
      ]),
    );
    expect(op.responses).toHaveProperty('413');
    expect(op.responses).toHaveProperty('404');
  });
});

describe('docs page', () => {
  it('lists every operation of the document and escapes text from schemas', () => {
    const hostile: Route = {
      id: 'hostile',
      method: 'GET',
      path: '/hostile',
      handler: 'x/y',
      summary: '<script>alert(1)</script>',
      tags: ['Test'],
      access: publicAccess,
    };
    const html = renderDocsPage(openApiDocument([...routes, hostile]));
    for (const route of routes) expect(html).toContain(route.id);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/src="https?:|href="https?:/);
  });
});

describe('in Korean and English, every parameter described', () => {
  const document = openApiDocument(routes);

  it('gives every operation a Korean summary beside the English one, and no summary without a route', () => {
    for (const { op } of operations(document)) {
      expect((op as unknown as Record<string, unknown>)['x-summary-ko'], op.operationId).toMatch(/[가-힣]/);
    }
    const ids = new Set(routes.map((route) => route.id));
    expect(Object.keys(koreanSummaries).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('describes every path, query and header parameter', () => {
    const undescribed = operations(document).flatMap(({ op }) =>
      op.parameters.filter((p) => !(p as { description?: string }).description).map((p) => `${op.operationId} ${p.in}:${p.name}`),
    );
    expect(undescribed).toEqual([]);
    const gov = operations(document)
      .flatMap(({ op }) => op.parameters)
      .find((p) => p.name === 'gov' && p.in === 'path') as { description?: string };
    expect(gov.description).toBe('자치단체코드 (행정표준코드 5자리, 예: 11110 종로구) — local government code (5 digits)');
  });

  it('renders a Korean page with a labelled try-it form per operation carrying its method, path and parameters', () => {
    const html = renderDocsPage(document);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<p class="ko">지출결의: 지출원인행위에 대한 (부분) 지출 결의</p>');
    const forms = [...html.matchAll(/<form class="try-form" data-method="(\w+)" data-path="([^"]+)">(.*?)<\/form>/g)];
    expect(forms).toHaveLength(operations(document).length);
    const resolve = forms.find((f) => f[2] === '/governments/{gov}/years/{year}/commitments/{commitmentId}/resolutions');
    expect(resolve?.[1]).toBe('POST');
    for (const name of ['gov', 'year', 'commitmentId', 'Idempotency-Key']) expect(resolve?.[3]).toContain(`data-name="${name}"`);
    expect(resolve?.[3]).toContain('data-in="body" data-media-type="application/json"');
    // every input has a label pointing at it
    const inputs = [...html.matchAll(/<(?:input|textarea) id="([^"]+)"/g)].map((m) => m[1]);
    const labels = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
    expect(inputs.filter((id) => !labels.has(id))).toEqual([]);
  });
});
