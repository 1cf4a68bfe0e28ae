import { describe, expect, it } from 'vitest';
import { adjustmentParts, FIXED_ACTIONS_PER_PART } from '#shared/domain/settlement/adjustment-parts.ts';
import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';

/** A 결산정리분개 beyond one transaction (100 actions) is written in parts, each within the limit, nothing lost. */
const completion = (i: number): JournalEntry => ({
  fund: 'GEN',
  date: '2026-12-31',
  lines: [
    { account: '1501', debit: 1_000 + i, credit: 0 },
    { account: '1507', debit: 0, credit: 1_000 + i },
  ],
});
const depreciationOf = (fn: string): JournalEntry => ({
  fund: 'GEN',
  date: '2026-12-31',
  lines: [
    { account: '5103', debit: 10, credit: 0, function: fn },
    { account: '1508', debit: 0, credit: 10 },
  ],
});
const actionsOf = (part: { entries: readonly JournalEntry[]; assets: readonly unknown[] }) =>
  FIXED_ACTIONS_PER_PART + balanceDeltas(part.entries.map((entry) => ({ gov: 'G', year: 2026, entry }))).length + part.assets.length;

describe('adjusting entries in parts', () => {
  it('writes 250 completions and their 250 assets in three parts of at most 100 actions, in order', () => {
    const entries = Array.from({ length: 250 }, (_, i) => completion(i));
    const assets = entries.map((_, i) => `A${i}`);
    const parts = adjustmentParts('G', 2026, entries, assets);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(actionsOf(part)).toBeLessThanOrEqual(100);
    expect(parts.flatMap((p) => p.entries)).toEqual(entries);
    expect(parts.flatMap((p) => p.assets)).toEqual(assets);
  });

  it('counts a balance item once per part however many entries share it, and splits by distinct items', () => {
    // 250 assets over 60 기능: 60 × 2 (day, month) 사업총원가 items + 2 감가상각누계액 items > 97.
    const entries = Array.from({ length: 250 }, (_, i) => depreciationOf(String(i % 60).padStart(3, '0')));
    const parts = adjustmentParts('G', 2026, entries, []);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(actionsOf(part)).toBeLessThanOrEqual(100);
    expect(parts.flatMap((p) => p.entries)).toHaveLength(250);
  });

  it('keeps a small adjustment in one part, and an empty one as one empty part', () => {
    expect(adjustmentParts('G', 2026, [completion(1)], ['A'])).toHaveLength(1);
    expect(adjustmentParts('G', 2026, [], [])).toEqual([{ entries: [], assets: [] }]);
  });
});
