import { describe, expect, it } from 'vitest';
import codes from '#shared/data/government-codes.json' with { type: 'json' };
import governments from '#shared/data/local-governments.json' with { type: 'json' };

describe('shared/data/government-codes.json', () => {
  it('lists the codes of local-governments.json in its order (the handlers import the codes alone: issue #21, bundle size)', () => {
    expect(codes).toEqual(governments.map((g) => g.code));
    expect(codes).toHaveLength(243);
  });
});
