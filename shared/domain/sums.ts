/**
 * Sums an amount per key in exact bigint won (money beyond 2^53 stays exact): the grouping the
 * statements, the budget summary and the supplementary information each need. Keys keep the order
 * in which they first occur.
 */
export function sumBy<T>(items: Iterable<T>, key: (item: T) => string, amount: (item: T) => bigint): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const item of items) {
    const k = key(item);
    sums.set(k, (sums.get(k) ?? 0n) + amount(item));
  }
  return sums;
}
