import { describe, expect, it } from 'vitest';
import { appliedPostingId, backfillMonths } from '#shared/domain/execution/ledger-backfill.ts';

describe('where the ledger backfill finds a fiscal year’s postings', () => {
  it('reads the audit months from January to the next February (출납정리, 지방회계법 §7)', () => {
    const months = backfillMonths(2026);
    expect(months).toHaveLength(14);
    expect([months[0], months[11], months[12], months[13]]).toEqual(['2026-01', '2026-12', '2027-01', '2027-02']);
  });

  it.each([
    [{ operation: 'posting.commit.applied', target: 'posting p-123' }, 'p-123'],
    [{ operation: 'posting.prior-year-commit.applied', target: 'posting p-9' }, 'p-9'],
    [{ operation: 'posting.commit.rejected', target: 'posting p-123' }, undefined],
    [{ operation: 'budgetChange.diversion', target: 'budget-change 11000/2026/diversion.D-1' }, undefined],
  ])('takes the posting id of an applied posting only: %o', (record, id) => {
    expect(appliedPostingId(record)).toBe(id);
  });
});
