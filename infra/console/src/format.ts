/**
 * Amounts and dates as the printed reports show them: exact integer won grouped by thousands
 * (BigInt, so totals beyond 2^53 stay exact), negatives with △ (the 결산서 convention), dates as
 * 2026. 11. 30. Pure: no DOM, tested in Node.
 */
export function won(value: string | number | bigint): string {
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (!/^-?\d+$/.test(text)) return text;
  const amount = BigInt(text);
  const digits = (amount < 0n ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amount < 0n ? `△${digits}` : digits;
}

/** An amount with its unit, for figures outside a table whose header says (단위: 원). */
export const wonWithUnit = (value: string | number | bigint): string => `${won(value)}원`;

/** "12.34" → "12.34%"; null (no denominator) → "—". */
export const percent = (value: string | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : `${value}%`;

/** An ISO date or timestamp as 2026. 11. 30. (the date in Korea for a timestamp). */
export function koreanDate(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const [y, m, d] = day.split('-');
  return `${y}. ${Number(m)}. ${Number(d)}.`;
}

/** paid ÷ budget in percent with 2 decimals, exact (half-up), from decimal strings. */
export function ratePercent(paid: bigint, budget: bigint): string | null {
  if (budget === 0n) return null;
  const hundredths = (paid * 10000n * 2n + budget) / (budget * 2n);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** Bytes as 12.3 KB for the manifest's file sizes. */
export const size = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
