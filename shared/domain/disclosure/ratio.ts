/**
 * An exact ratio of two won amounts: numerator and denominator as decimal strings and the
 * percentage rounded half-up to 2 decimals, computed in bigint (no floating point anywhere, so a
 * ratio of two sums beyond 2^53 is as exact as one of small numbers).
 */
export interface ExactRatio {
  readonly numerator: string;
  readonly denominator: string;
  /** "12.35" for 12.345…%; null when the denominator is zero. */
  readonly percent: string | null;
}

/** numerator / denominator × 100, rounded half-up to hundredths of a percent, as an integer (1234 = 12.34%). */
export function basisPointsOf(numerator: bigint, denominator: bigint): bigint | null {
  if (denominator <= 0n || numerator < 0n) return null;
  return (numerator * 20_000n + denominator) / (2n * denominator);
}

export const formatHundredths = (hundredths: bigint): string => `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;

export function exactRatio(numerator: bigint, denominator: bigint): ExactRatio {
  const hundredths = basisPointsOf(numerator, denominator);
  return {
    numerator: numerator.toString(),
    denominator: denominator.toString(),
    percent: hundredths === null ? null : formatHundredths(hundredths),
  };
}
