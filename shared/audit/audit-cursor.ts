import type { AuditPeriod } from '#shared/audit/audit-period.ts';

/**
 * Where the next page of an audit listing starts: a month of the period and, inside it, the sort
 * key of the last record already returned. Travels as an opaque base64url token; a token that does
 * not decode to a position inside the requested period is refused, so it can neither reach outside
 * the period nor another government's partition (the partition comes from the path, not the token).
 */
export interface AuditPosition {
  readonly month: string;
  readonly afterKey?: string;
}

export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(JSON.stringify({ m: position.month, ...(position.afterKey ? { k: position.afterKey } : {}) })).toString('base64url');
}

/** The position, or undefined when the token is not one this period can continue from. */
export function decodeAuditCursor(token: string, period: AuditPeriod): AuditPosition | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof decoded !== 'object' || decoded === null) return undefined;
  const { m, k } = decoded as { m?: unknown; k?: unknown };
  if (typeof m !== 'string' || !period.months.includes(m)) return undefined;
  if (k === undefined) return { month: m };
  if (typeof k !== 'string' || !k.startsWith(`${m}-`) || k < period.lowestKey || k > period.highestKey) return undefined;
  return { month: m, afterKey: k };
}
