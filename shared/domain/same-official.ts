/**
 * Segregation of duties (지방회계법 §36: the 재무관 who commits may not be the 지출원 who orders the
 * payment) and the four-eyes rule of the budget workflow compare people, not strings. Identity
 * providers hand out stable subjects, but the same person can reach us spelled differently: a
 * directory that is case-insensitive, a trailing space from a form, full-width letters from a
 * Korean IME, or a name in NFD from one system and NFC from another. Two subjects are the same
 * official when they are equal after NFKC (composes, and folds full-width forms), trimming and
 * case-folding. Ownership of records (a resident's own votes) keeps the subject exactly as issued:
 * only these comparisons, where merging two subjects can only refuse more, normalise.
 */
export const officialOf = (subject: string): string => subject.normalize('NFKC').trim().toLowerCase();

export const sameOfficial = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && officialOf(a) === officialOf(b);
