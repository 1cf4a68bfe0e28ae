import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancel } from '#shared/domain/subsidy/cancellation.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import { acceptanceRefusal, withdrawnRefusal } from '#shared/domain/subsidy/objection.ts';

const facts = { ground: 'circumstances', amount: 4_000_000, decided: 9_000_000, paid: 0, spentGrant: 0, interest: 0 };

describe('교부결정 취소 (보조금법 §11, §12, §31①)', () => {
  it('takes the unpaid part off the commitment first, orders back only what was paid beyond the cut decision', () => {
    expect(cancel(facts)).toEqual({
      ground: 'circumstances',
      article: '보조금법 §11①②',
      decidedAfter: 5_000_000,
      unpaidReleased: 4_000_000,
      returnDue: 0,
    });
    // paid 7백만, cut by 4백만 to 5백만: 2백만 was unpaid (released), 2백만 paid comes back with its interest
    expect(cancel({ ...facts, ground: 'fraud', paid: 7_000_000, interest: 12_000 })).toMatchObject({
      article: '보조금법 §12①3',
      decidedAfter: 5_000_000,
      unpaidReleased: 2_000_000,
      returnDue: 2_012_000,
    });
    // the whole of a fully paid grant
    expect(cancel({ ...facts, ground: 'other-use', amount: 9_000_000, paid: 9_000_000, interest: 5 })).toMatchObject({
      decidedAfter: 0,
      unpaidReleased: 0,
      returnDue: 9_000_005,
    });
  });

  it('never orders interest back where nothing paid is cancelled', () => {
    expect(cancel({ ...facts, paid: 5_000_000, interest: 9_999 })).toMatchObject({ returnDue: 0, unpaidReleased: 4_000_000 });
  });

  it('refuses a ground outside §11②, §12① and §36의2③, naming the grounds', () => {
    expect(cancel({ ...facts, ground: 'budget-shortage' })).toMatchObject({
      code: 'cancellation-ground-not-allowed',
      context: { allowedGrounds: ['circumstances', 'other-use', 'violation', 'fraud', 'ordinance', 'withdrawn'] },
    });
    expect(cancel({ ...facts, ground: 'toString' })).toMatchObject({ code: 'cancellation-ground-not-allowed' });
  });

  it('refuses more than the decision holds, at the edge', () => {
    expect(cancel({ ...facts, amount: 9_000_000 })).toMatchObject({ decidedAfter: 0 });
    expect(cancel({ ...facts, amount: 9_000_001 })).toMatchObject({
      code: 'cancellation-exceeds-grant',
      context: { requested: 9_000_001, available: 9_000_000 },
    });
  });

  it('does not cancel the performed part on a change of circumstances (§11① 단서), but does on a §12 ground', () => {
    const performed = { ...facts, paid: 9_000_000, spentGrant: 6_000_000 };
    expect(cancel({ ...performed, amount: 3_000_000 })).toMatchObject({ returnDue: 3_000_000 });
    expect(cancel({ ...performed, amount: 3_000_001 })).toMatchObject({
      code: 'cancellation-of-performed-part',
      context: { available: 3_000_000, numbers: { spentGrant: 6_000_000 } },
    });
    expect(cancel({ ...performed, ground: 'violation', amount: 9_000_000 })).toMatchObject({ returnDue: 9_000_000 });
  });

  it('keeps the money whole: released + returned principal = the part cancelled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        (decided, paidRaw, amountRaw) => {
          const paid = paidRaw % (decided + 1);
          const amount = amountRaw % (decided + 1);
          const outcome = cancel({ ground: 'fraud', amount, decided, paid, spentGrant: 0, interest: 0 });
          if ('code' in outcome) throw new Error(outcome.code);
          expect(outcome.unpaidReleased + outcome.returnDue).toBe(amount);
          expect(outcome.decidedAfter).toBe(decided - amount);
        },
      ),
    );
  });

  it('is a step of a decided or reported grant only', () => {
    expect(stepRefusal('decided', 'cancel')).toBeUndefined();
    expect(stepRefusal('reported', 'cancel')).toBeUndefined();
    for (const state of ['submitted', 'settled', 'closed'] as const) {
      expect(stepRefusal(state, 'cancel')).toMatchObject({ code: 'subsidy-application-state', context: { step: 'cancel', state } });
    }
  });
});

describe('철회 간주 after an objection to the 교부 결정 (보조금법 §36의2③ 후단)', () => {
  const decided = { decision: { acceptBy: '2026-04-21' } };
  it('counts as withdrawn only on a day after acceptBy, and never once accepted', () => {
    expect(withdrawnRefusal([decided], '2026-04-21')).toBeUndefined();
    expect(withdrawnRefusal([decided], '2026-04-22')).toMatchObject({ code: 'application-deemed-withdrawn' });
    expect(withdrawnRefusal([{ ...decided, acceptedOn: '2026-04-10' }], '2027-01-01')).toBeUndefined();
    expect(withdrawnRefusal([{ decision: {} }, { decision: undefined }], '2027-01-01')).toBeUndefined();
  });
  it('takes an acceptance on acceptBy, not the day after, not twice, not where none was asked', () => {
    expect(acceptanceRefusal(decided, '2026-04-21')).toBeUndefined();
    expect(acceptanceRefusal(decided, '2026-04-22')).toMatchObject({ code: 'objection-acceptance-late' });
    expect(acceptanceRefusal({ ...decided, acceptedOn: '2026-04-01' }, '2026-04-02')).toMatchObject({
      code: 'objection-acceptance-not-asked',
    });
    expect(acceptanceRefusal({ decision: {} }, '2026-04-02')).toMatchObject({ code: 'objection-acceptance-not-asked' });
  });
});
