import { describe, expect, it } from 'vitest';
import { listAuditRecords } from '#shared/application/audit/list-audit-records.ts';
import { indexedAuditRecords } from '#shared/wiring/audit-trail.ts';
import { problemOf } from '#test/support/problem.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

describe('listing the audit trail (use case)', () => {
  it('checks the period and the cursor before reading, naming the field', async () => {
    expect(await problemOf(listAuditRecords('11000', { from: '2026-03-01', to: '2026-02-01' }, indexedAuditRecords))).toMatchObject({
      status: 400,
      code: 'invalid-period',
      errors: [{ path: 'query.to', code: 'invalid_period' }],
    });
    expect(await problemOf(listAuditRecords('11000', { from: '2024-01-01', to: '2026-01-01' }, indexedAuditRecords))).toMatchObject({
      status: 400,
      code: 'period-too-long',
      errors: [{ path: 'query.to', code: 'period_too_long' }],
    });
    expect(
      await problemOf(listAuditRecords('11000', { from: '2026-01-01', to: '2026-01-31', cursor: 'garbage' }, indexedAuditRecords)),
    ).toMatchObject({
      status: 400,
      code: 'invalid-cursor',
      errors: [{ path: 'query.cursor' }],
    });
  });

  it('answers an empty period with no items and no cursor', async () => {
    expect(await listAuditRecords('11000', { from: '1999-01-01', to: '1999-01-31' }, indexedAuditRecords)).toEqual({ items: [] });
  });
});
