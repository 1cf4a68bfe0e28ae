/**
 * Where the document-ledger backfill looks for the postings of a fiscal year: the audit months in
 * which they can have been accepted — January of the year to February of the next (the 출납정리
 * period to 10 February, 지방회계법 §7①③; 회계령 §3) — and which audit records name an applied posting
 * (`posting.{kind}.applied` with target `posting {id}`, as the audit trail lists an applied posting's RESULT;
 * practice of this system).
 */
export function backfillMonths(year: number): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return [...months, `${year + 1}-01`, `${year + 1}-02`];
}

const APPLIED = /^posting\.[a-z-]+\.applied$/;
const TARGET = /^posting (\S+)$/;

/** The posting id an audit record names as applied, if it does. */
export function appliedPostingId(record: { readonly operation: string; readonly target: string }): string | undefined {
  if (!APPLIED.test(record.operation)) return undefined;
  return TARGET.exec(record.target)?.[1];
}
