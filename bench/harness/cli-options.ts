export interface BenchOptions {
  /** --quick: the CI size (under 2 minutes). */
  readonly quick: boolean;
  /** --only=1,6: run these sections only (ids as printed). */
  readonly only: readonly string[] | undefined;
  /** --out=path: where the JSON goes; bench/results/latest.json unless given. */
  readonly out: string | undefined;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  let quick = false;
  let only: string[] | undefined;
  let out: string | undefined;
  for (const argument of argv) {
    if (argument === '--quick') quick = true;
    else if (argument.startsWith('--only='))
      only = argument
        .slice('--only='.length)
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
    else if (argument.startsWith('--out=')) out = argument.slice('--out='.length);
    else throw new Error(`unknown option ${argument} (known: --quick, --only=1,6, --out=path)`);
  }
  return { quick, only, out };
}
