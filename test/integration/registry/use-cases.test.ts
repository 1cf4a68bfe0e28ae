import { describe, expect, it } from 'vitest';
import { getGovernment } from '#shared/application/registry/get-government.ts';
import { listGovernments } from '#shared/application/registry/list-governments.ts';
import { problemOf } from '#test/support/problem.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

describe('registry use cases', () => {
  it('refuses a code the registry does not hold with 404 government-not-found (the route validates codes before it gets here)', async () => {
    expect(await problemOf(getGovernment('99999'))).toMatchObject({ status: 404, code: 'government-not-found' });
  });

  it('narrows by level and parent together', async () => {
    const seoulDistricts = await listGovernments({ level: 'basic', parent: '11000' });
    expect(seoulDistricts).toHaveLength(25);
    expect(await listGovernments({ level: 'metropolitan', parent: '11000' })).toEqual([]);
  });
});
