import { describe, expect, it } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor } from '#shared/audit/audit-cursor.ts';
import { auditPeriod, isPeriodFault } from '#shared/audit/audit-period.ts';
import type { AuditPeriod } from '#shared/audit/audit-period.ts';

const period = (from: string, to: string) => {
  const result = auditPeriod(from, to, 24);
  if (isPeriodFault(result)) throw new Error(result.kind);
  return result;
};

describe('auditPeriod', () => {
  it('lists every month the period touches, across a year end', () => {
    expect(period('2025-11-20', '2026-02-10').months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(period('2026-03-05', '2026-03-05').months).toEqual(['2026-03']);
  });

  it('bounds sort keys so that the whole last day is in and the next day is out', () => {
    const p = period('2026-01-31', '2026-01-31');
    const inside = (instant: string) => instant >= p.lowestKey && instant <= p.highestKey;
    expect(inside('2026-01-31T00:00:00.000Z#r#op#t')).toBe(true);
    expect(inside('2026-01-31T23:59:59.999Z#r#op#t')).toBe(true);
    expect(inside('2026-02-01T00:00:00.000Z#r#op#t')).toBe(false);
    expect(inside('2026-01-30T23:59:59.999Z#r#op#t')).toBe(false);
  });

  it('refuses a reversed period and one longer than the limit', () => {
    expect(auditPeriod('2026-02-01', '2026-01-31', 24)).toEqual({ kind: 'reversed' });
    expect(auditPeriod('2024-01-01', '2026-01-01', 24)).toEqual({ kind: 'too-long', months: 25, maxMonths: 24 });
    expect(isPeriodFault(auditPeriod('2024-01-01', '2025-12-31', 24))).toBe(false);
  });
});

describe('audit cursor', () => {
  const p: AuditPeriod = period('2026-01-01', '2026-03-31');

  it('round-trips a position and is opaque base64url', () => {
    const token = encodeAuditCursor({ month: '2026-02', afterKey: '2026-02-14T09:30:00.000Z#id#op#t' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAuditCursor(token, p)).toEqual({ month: '2026-02', afterKey: '2026-02-14T09:30:00.000Z#id#op#t' });
    expect(decodeAuditCursor(encodeAuditCursor({ month: '2026-03' }), p)).toEqual({ month: '2026-03' });
  });

  it('refuses a position outside the period or a key outside its month', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeAuditCursor(encodeAuditCursor({ month: '2026-04' }), p)).toBeUndefined();
    expect(decodeAuditCursor(forged({ m: '2026-02', k: '2026-03-01T00:00:00.000Z' }), p)).toBeUndefined();
    expect(decodeAuditCursor(forged({ m: '2026-01', k: 7 }), p)).toBeUndefined();
    expect(decodeAuditCursor(forged({ m: ['2026-01'] }), p)).toBeUndefined();
    expect(decodeAuditCursor(forged(null), p)).toBeUndefined();
    expect(decodeAuditCursor('%%%', p)).toBeUndefined();
  });
});
