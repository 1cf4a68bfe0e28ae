import { describe, expect, it } from 'vitest';
import type { PostingCommand } from '#shared/domain/execution/posting.ts';
import { awaitsReference, referencedPostingId, referenceRefusal } from '#shared/domain/execution/referenced-posting.ts';
import { orderingOwnCommitment } from '#shared/domain/execution/segregation-of-duties.ts';
import { Refused, refusal } from '#shared/domain/refusal.ts';
import { problemOf } from '#test/support/problem.ts';

/** The API's own decisions before it consults the books: the referenced posting and segregation of duties. */
const resolve: PostingCommand = { kind: 'resolve', commitmentId: 'C1', amount: 1, date: '2026-03-03' };
const pay: PostingCommand = { kind: 'pay', orderId: 'O1', date: '2026-03-05' };
const correct: PostingCommand = { kind: 'correct', originalPostingId: 'P1', date: '2026-03-12', reason: 'r' };

const problem = (refused: ReturnType<typeof referenceRefusal>) =>
  problemOf(() => {
    if (refused) throw new Refused(refused);
  });

describe('the referenced posting', () => {
  it('is the document a command follows, or the original of a correction', () => {
    expect(referencedPostingId(resolve)).toBe('C1');
    expect(referencedPostingId(pay)).toBe('O1');
    expect(referencedPostingId(correct)).toBe('P1');
    expect(
      referencedPostingId({ kind: 'commit', lineId: 'E1', amount: 1, counterparty: 'c', contractRef: 'k', date: '2026-03-02' }),
    ).toBeUndefined();
  });

  it.each([
    ['absent', resolve, undefined, 404, 'commitment-not-found'],
    ['of another kind', pay, { kind: 'resolve' as const, year: 2026 }, 404, 'payment-order-not-found'],
    ['absent (a correction)', correct, undefined, 404, 'posting-not-found'],
    ['of another fiscal year', resolve, { kind: 'commit' as const, year: 2025 }, 422, 'wrong-year'],
  ])('refuses a referenced posting %s', async (_name, command, referenced, status, code) => {
    const id = referencedPostingId(command) as string;
    expect(await problem(referenceRefusal(command, '11000', 2026, id, referenced))).toMatchObject({ status, code });
  });

  it('accepts a referenced posting of the right kind and year', () => {
    expect(referenceRefusal(resolve, '11000', 2026, 'C1', { kind: 'commit', year: 2026 })).toBeUndefined();
    expect(referenceRefusal(correct, '11000', 2026, 'P1', { kind: 'pay', year: 2026 })).toBeUndefined();
  });

  it('waits for an accepted document that is not applied yet, never for an unknown line', () => {
    const unknownCommitment = refusal('unprocessable', 'unknown-commitment', 'not applied');
    expect(awaitsReference(unknownCommitment, true)).toBe(true);
    expect(awaitsReference(unknownCommitment, false)).toBe(false);
    expect(awaitsReference(refusal('unprocessable', 'original-not-applied', 'not applied'), true)).toBe(true);
    expect(awaitsReference(refusal('unprocessable', 'unknown-line', 'no budget'), true)).toBe(false);
    expect(awaitsReference(refusal('unprocessable', 'committed-within-allotment', 'over'), true)).toBe(false);
  });
});

describe('segregation of duties', () => {
  it('refuses the official who committed with 403 and names the commitment', async () => {
    expect(
      await problemOf(() => {
        const refused = orderingOwnCommitment('fo-kim', 'fo-kim', 'C1');
        if (refused) throw new Refused(refused);
      }),
    ).toMatchObject({ status: 403, code: 'segregation-of-duties', context: { rule: 'segregation-of-duties', commitmentId: 'C1' } });
  });

  it('lets another official order the payment', () => {
    expect(orderingOwnCommitment('fo-kim', 'do-park', 'C1')).toBeUndefined();
  });
});
