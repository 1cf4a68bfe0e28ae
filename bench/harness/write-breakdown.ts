import type { DynamoUsage } from './dynamo-usage.ts';
import type { SectionContext } from './section.ts';
import { round } from './stats.ts';

/**
 * What each write unit of a posting buys: one figure per kind of item written (dynamo-usage.ts
 * itemKind), per applied posting, for the API's accepting and the consumer's applying apart —
 * item writes and estimated write units, heaviest first.
 */
export function writeBreakdownFigures(
  context: SectionContext,
  label: string,
  usage: { readonly api: DynamoUsage; readonly consumer: DynamoUsage },
  applied: number,
): void {
  if (applied <= 0) return;
  for (const [side, scope] of [
    ['accepting', usage.api],
    ['applying', usage.consumer],
  ] as const) {
    const rows = Object.entries(scope.byItemKind).sort((a, b) => b[1].units - a[1].units);
    const estimated = rows.reduce((sum, [, entry]) => sum + entry.units, 0);
    context.figure({
      name: `${label}: ${side}, write units per posting by item (estimated ${round(estimated / applied, 2)}; engine ${round(scope.writeUnits / applied, 2)})`,
      value: rows
        .map(([kind, entry]) => `${kind} ${round(entry.units / applied, 2)} (${round(entry.writes / applied, 2)} writes)`)
        .join(' · '),
      unit: 'WRU',
    });
  }
}
