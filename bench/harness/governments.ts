import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';

/**
 * The 243 governments, largest first: the code table lists the 17 metropolitan governments
 * (Seoul first) before the 226 basic ones, which is the order the load skew follows.
 */
export function zipfGovernments(): string[] {
  const all = governmentsFromCodeTable();
  return [...all.filter((g) => g.level === 'metropolitan'), ...all.filter((g) => g.level !== 'metropolitan')].map((g) => g.code);
}

/**
 * Zipf weights (exponent 1) over the governments in that order: the n-th gets weight 1/n, so Seoul
 * carries about 16% of the load and the smallest county about 0.07%.
 */
export function zipfPicker(codes: readonly string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let n = 0; n < codes.length; n++) {
    total += 1 / (n + 1);
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return codes[low] as string;
  };
}

/** A seeded generator, so two runs replay the same operations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
