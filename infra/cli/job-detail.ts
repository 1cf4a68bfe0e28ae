const INTEGER_KEYS = new Set(['year', 'month']);
const CLI_KEYS = new Set(['data-dir', 'external', 'help']);

type Token =
  | { readonly kind: 'option'; readonly name: string; readonly value?: string | undefined }
  | { readonly kind: 'positional'; readonly value: string }
  | { readonly kind: 'option-terminator' };

/**
 * The event detail of `npm run job -- <schedule> --key value …`: every option but the CLI's own,
 * `--year`/`--month` as integers. parseArgs without declared options reads `--year 2025` as a flag
 * followed by a positional, so the two are paired again here; `--year=2025` works as well.
 */
export function jobDetail(tokens: readonly Token[]): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  tokens.forEach((token, index) => {
    if (token.kind !== 'option' || CLI_KEYS.has(token.name)) return;
    const next = tokens[index + 1];
    const value = token.value ?? (next?.kind === 'positional' ? next.value : true);
    detail[token.name] = INTEGER_KEYS.has(token.name) && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  });
  return detail;
}
