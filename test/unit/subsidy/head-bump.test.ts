import { beforeEach, describe, expect, it, vi } from 'vitest';
import { headBumpItems } from '#shared/stores/subsidy/nationwide.ts';

/**
 * A 교부결정 that takes a late grant's cut marks it under every identifier of the late grant; the
 * identifiers this grant does not share are bumped besides its own registration, each once (a
 * transaction may not touch one item twice).
 */
describe('headBumpItems', () => {
  beforeEach(() => {
    vi.stubEnv('TABLE_NAME', 'unit-table');
  });
  const brn = { kind: 'brn' as const, value: '2158712341' };
  const crn = { kind: 'crn' as const, value: '1101111234567' };
  const person = { kind: 'person' as const, value: 'p-abc' };
  const keys = (items: ReturnType<typeof headBumpItems>) => items.map((item) => item.Update?.Key);

  it('bumps each identifier once, whatever the repeats', () => {
    expect(keys(headBumpItems([brn, person, brn, person]))).toEqual([
      { pk: 'SUBSIDY-ID#brn#2158712341', sk: 'HEAD' },
      { pk: 'SUBSIDY-ID#person#p-abc', sk: 'HEAD' },
    ]);
  });

  it('leaves out the identifiers the decision registers itself', () => {
    expect(keys(headBumpItems([brn, crn, person, crn], [brn, person]))).toEqual([{ pk: 'SUBSIDY-ID#crn#1101111234567', sk: 'HEAD' }]);
    expect(headBumpItems([brn], [brn])).toEqual([]);
  });

  it('adds one to the version unconditionally (a write never waits on a check)', () => {
    expect(headBumpItems([brn])[0]?.Update).toMatchObject({
      UpdateExpression: 'SET entity = :entity ADD #version :one',
      ExpressionAttributeValues: { ':one': 1 },
    });
    expect(headBumpItems([brn])[0]?.Update?.ConditionExpression).toBeUndefined();
  });
});
