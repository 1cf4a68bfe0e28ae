/**
 * The business clock of the integration tests (shared/clock.ts). They are written for fiscal year
 * 2026 as it stands at the end of November, so they run on that moment whatever the real date:
 * 출납 폐쇄 (31 Dec) and the 10 February lock never overtake them.
 */
export const TEST_CLOCK = '2026-11-30T12:00:00+09:00';

/** Runs the business clock from `iso` (an ISO date-time with offset) until the returned restore is called. */
export function setClock(iso: string): () => void {
  const previous = process.env.HOJO_CLOCK;
  process.env.HOJO_CLOCK = iso;
  return () => {
    if (previous === undefined) delete process.env.HOJO_CLOCK;
    else process.env.HOJO_CLOCK = previous;
  };
}
