import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { correctingRole, correctionRefusal, correctionRoles, postingMakers } from '#shared/domain/execution/posting-makers.ts';
import type { PostingCommand, PostingKind } from '#shared/domain/execution/posting.ts';
import { awaitsReference, referencedPostingId, referenceRefusal } from '#shared/domain/execution/referenced-posting.ts';
import { orderingOwnCommitment } from '#shared/domain/execution/segregation-of-duties.ts';
import { Refused, refusal } from '#shared/domain/refusal.ts';
import { confirmPayment, correctPosting as correctPostingRoute, createCommitment } from '#shared/routes/execution.ts';
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

describe('who may correct a posting', () => {
  it('is declared once: the correction route admits the makers of every kind that moves no cash, and no one else', () => {
    // the 채권관리관 makes 불납결손 and 징수정지 (지방재정법 제85조), which move no cash
    expect([...correctionRoles].sort()).toEqual([
      'claims_officer',
      'disbursing_officer',
      'finance_officer',
      'revenue_officer',
      'sub_finance_officer',
    ]);
    expect(correctPostingRoute.access).toEqual({ kind: 'government', roles: correctionRoles, write: true });
    expect(createCommitment.access).toEqual({ kind: 'government', roles: postingMakers.commit.roles, write: true });
    expect(confirmPayment.access).toEqual({ kind: 'government', roles: postingMakers.pay.roles, write: true });
  });

  it("corrects in the caller's role that may make the original's kind, whatever role comes first", () => {
    expect(correctingRole('order', ['finance_officer', 'disbursing_officer'])).toBe('disbursing_officer');
    expect(correctingRole('commit', ['revenue_officer'])).toBeUndefined();
    expect(correctingRole('correct', ['finance_officer'])).toBeUndefined();
  });

  it('refuses cash the bank moved before asking who corrects it, and names what to do instead', async () => {
    const refused = (kind: PostingKind, role: Role) =>
      problemOf(() => {
        const refusal = correctionRefusal(kind, 'P1', role);
        if (refusal) throw new Refused(refusal);
      });
    expect(await refused('pay', 'treasury_bank')).toMatchObject({
      status: 422,
      code: 'bank-confirmed',
      context: { instead: expect.stringContaining('반납') },
    });
    expect(await refused('receive', 'revenue_officer')).toMatchObject({
      status: 422,
      code: 'bank-confirmed',
      context: { instead: expect.stringContaining('환급') },
    });
    expect(await refused('commit', 'revenue_officer')).toMatchObject({ status: 403, code: 'correction-role-not-permitted' });
    expect(correctionRefusal('resolve', 'P1', 'disbursing_officer')).toBeUndefined();
  });
});
