import { describe, expect, it } from 'vitest';
import { getGovernment, listGovernments } from '#shared/routes/registry.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

describe('government registry (DynamoDB-backed)', () => {
  it('lists all 243 governments: 17 metropolitan and 226 basic', async () => {
    const all = await callRoute(listGovernments);
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(243);
    const metropolitan = await callRoute(listGovernments, { query: { level: 'metropolitan' } });
    expect(metropolitan.body.count).toBe(17);
    const seoulDistricts = await callRoute(listGovernments, { query: { parent: '11000' } });
    expect(seoulDistricts.body.count).toBe(25);
  });

  it('reads one government by code', async () => {
    const jongno = await callRoute(getGovernment, { params: { gov: '11110' } });
    expect(jongno.status).toBe(200);
    expect(jongno.body).toMatchObject({ code: '11110', nameKo: '종로구', level: 'basic', parentCode: '11000' });
  });

  it('answers an unknown code with problem+json and a field path', async () => {
    const unknown = await callRoute(getGovernment, { params: { gov: '99999' } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(unknown.body).toMatchObject({
      code: 'invalid-request',
      status: 400,
      errors: [{ path: 'params.gov', message: 'no such local government' }],
    });
  });

  it('rejects unknown query fields', async () => {
    const result = await callRoute(listGovernments, { query: { colour: 'red' } });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].path).toBe('query');
  });
});
