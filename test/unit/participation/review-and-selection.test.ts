import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reviewOutcome } from '#shared/domain/participation/review.ts';
import { selectWithinCap } from '#shared/domain/participation/selection.ts';

describe('committee review', () => {
  it.each([
    [{ subsidyProject: false, legallyMandatory: false, feasible: true }, 'eligible', []],
    [{ subsidyProject: true, legallyMandatory: false, feasible: true }, 'excluded', ['national-or-provincial-subsidy']],
    [{ subsidyProject: false, legallyMandatory: true, feasible: true }, 'excluded', ['legally-mandatory-spending']],
    [{ subsidyProject: false, legallyMandatory: false, feasible: false }, 'excluded', ['not-feasible']],
    [
      { subsidyProject: true, legallyMandatory: true, feasible: false },
      'excluded',
      ['national-or-provincial-subsidy', 'legally-mandatory-spending', 'not-feasible'],
    ],
  ] as const)('%o → %s %o', (findings, state, reasons) => {
    expect(reviewOutcome(findings)).toEqual({ state, reasons });
  });
});

describe('selection within the budget cap', () => {
  const p = (proposalId: string, votes: number, estimatedCost: number) => ({ proposalId, votes, estimatedCost });

  it('ranks by votes and passes over a proposal that no longer fits, trying the next', () => {
    const result = selectWithinCap([p('Pa', 10, 60), p('Pb', 30, 50), p('Pc', 20, 40), p('Pd', 5, 10)], 100);
    // Pb (30 votes, 50) fits; Pc (20, 40) fits → 90; Pa (10, 60) does not; Pd (5, 10) fits → 100.
    expect(result.selected.map((entry) => [entry.rank, entry.proposalId])).toEqual([
      [1, 'Pb'],
      [2, 'Pc'],
      [3, 'Pd'],
    ]);
    expect(result.selectedTotal).toBe(100);
  });

  it('breaks ties by the cheaper, then the earlier proposal, and never selects one without votes', () => {
    const result = selectWithinCap([p('P2', 3, 10), p('P1', 3, 10), p('P0', 3, 20), p('P9', 0, 1)], 1_000);
    expect(result.selected.map((entry) => entry.proposalId)).toEqual(['P1', 'P2', 'P0']);
  });

  it('never exceeds the cap and selects every proposal that fits in what is left', () => {
    const candidate = fc.record({ votes: fc.nat(50), estimatedCost: fc.integer({ min: 1, max: 1_000_000_000 }) });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.integer({ min: 1, max: 5_000_000_000 }), (rows, cap) => {
        const candidates = rows.map((row, index) => ({ ...row, proposalId: `P${String(index).padStart(3, '0')}` }));
        const { selected, selectedTotal } = selectWithinCap(candidates, cap);
        expect(selectedTotal).toBe(selected.reduce((sum, entry) => sum + entry.estimatedCost, 0));
        expect(selectedTotal).toBeLessThanOrEqual(cap);
        const chosen = new Set(selected.map((entry) => entry.proposalId));
        const left = cap - selectedTotal;
        for (const candidate of candidates) {
          if (!chosen.has(candidate.proposalId) && candidate.votes > 0) expect(candidate.estimatedCost).toBeGreaterThan(left);
        }
        for (let i = 1; i < selected.length; i += 1) expect(selected[i - 1]!.votes).toBeGreaterThanOrEqual(selected[i]!.votes);
      }),
    );
  });
});
