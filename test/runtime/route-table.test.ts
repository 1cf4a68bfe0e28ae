import { describe, expect, it } from 'vitest';
import { publicAccess } from '#shared/auth/access.ts';
import type { Route } from '#shared/http/route.ts';
import { createRouteTable } from '#infra/runtime/route-table.ts';
import { routes } from '#shared/routes/index.ts';

const route = (method: Route['method'], path: string, id = `${method} ${path}`): Route => ({
  id,
  method,
  path,
  handler: 'x/y',
  summary: '',
  tags: [],
  access: publicAccess,
});

const match = createRouteTable([
  route('GET', '/governments/{gov}'),
  route('GET', '/governments/{gov}/budget/{year}'),
  route('POST', '/governments/{gov}/budget/{year}'),
  route('GET', '/governments/summary', 'summary'),
  route('GET', '/files/{key+}'),
]);

describe('route table', () => {
  it('extracts and decodes path parameters', () => {
    expect(match('GET', '/governments/11110/budget/2025')).toMatchObject({ kind: 'found', pathParameters: { gov: '11110', year: '2025' } });
    expect(match('GET', '/governments/%ED%95%9C')).toMatchObject({ kind: 'found', pathParameters: { gov: '한' } });
  });

  it('prefers literal segments over parameters, whatever the declaration order', () => {
    expect(match('GET', '/governments/summary')).toMatchObject({ kind: 'found', route: { id: 'summary' } });
  });

  it('greedy parameters take the rest of the path', () => {
    expect(match('GET', '/files/2025/12/report.csv')).toMatchObject({ pathParameters: { key: '2025/12/report.csv' } });
  });

  it('tells a wrong method (with the allowed ones) from an unknown path', () => {
    expect(match('DELETE', '/governments/11110/budget/2025')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST'] });
    expect(match('GET', '/governments')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/governments/11110/other')).toEqual({ kind: 'not-found' });
  });

  it('a parameter never spans segments, and bad percent-encoding is reported, not thrown', () => {
    expect(match('GET', '/governments/a/b/budget/2025')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/governments/%E0%A4')).toMatchObject({ kind: 'bad-path' });
  });

  it('a trailing slash is allowed, on every path length', () => {
    expect(match('GET', '/governments/11110/')).toMatchObject({ kind: 'found', pathParameters: { gov: '11110' } });
    expect(match('POST', '/governments/11110/budget/2025/')).toMatchObject({ kind: 'found', route: { method: 'POST' } });
    expect(match('GET', '/files/a/')).toMatchObject({ kind: 'found', pathParameters: { key: 'a/' } });
  });

  it('every declared route is found by its own path (with and without a trailing slash)', () => {
    const table = createRouteTable(routes);
    for (const declared of routes) {
      const path = declared.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => `x${name}`);
      for (const asked of [path, `${path}/`]) {
        const found = table(declared.method, asked);
        expect(found.kind, `${declared.method} ${asked}`).toBe('found');
        // a literal route of the same shape may outrank it (as in API Gateway); then it is that literal one
        if (found.kind === 'found' && found.route.id !== declared.id) expect(found.route.path).not.toBe(declared.path);
      }
    }
  });
});
