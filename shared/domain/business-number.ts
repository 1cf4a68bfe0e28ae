/**
 * 사업자등록번호 (the registered business number): shared by the subsidy checks (who a recipient is)
 * and the document ledger (which counterparty a posting was made with).
 */
export const digitsOnly = (value: string): string => value.replace(/[^0-9]/g, '');

/** 사업자등록번호 check digit (국세청 algorithm: weights 1,3,7,1,3,7,1,3,5 and the carry of the 9th digit × 5). */
export function isBusinessNumber(value: string): boolean {
  const digits = digitsOnly(value);
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const d = [...digits].map(Number);
  let sum = weights.reduce((total, weight, i) => total + weight * (d[i] as number), 0);
  sum += Math.floor(((d[8] as number) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}
