/**
 * The end of the 하자담보책임기간: the years the contract states (지방계약법 §20①; the periods by kind
 * of works are in 시행령 §69, not read [U]) after the 준공 date. 29 February falls back to the 28th.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}
