import { describe, expect, it } from 'vitest';
import { sameOfficial } from '#shared/domain/same-official.ts';

describe('sameOfficial', () => {
  it.each([
    ['case', 'SOD-X', 'sod-x'],
    ['a trailing space', 'sod-x ', 'sod-x'],
    ['full-width letters', 'ＳＯＤ－Ｘ', 'sod-x'],
    ['NFD and NFC forms of one Korean name', '김재무'.normalize('NFD'), '김재무'.normalize('NFC')],
  ])('treats subjects differing only by %s as one official', (_case, a, b) => {
    expect(a).not.toBe(b);
    expect(sameOfficial(a, b)).toBe(true);
  });

  it('keeps different people apart, and an unknown subject is nobody', () => {
    expect(sameOfficial('sod-x', 'sod-y')).toBe(false);
    expect(sameOfficial('김재무', '김지출')).toBe(false);
    expect(sameOfficial(undefined, 'sod-x')).toBe(false);
    expect(sameOfficial(undefined, undefined)).toBe(false);
  });
});
