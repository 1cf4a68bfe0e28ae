import { overlaps } from '#shared/domain/subsidy/dates.ts';
import type { Period } from '#shared/domain/subsidy/dates.ts';

/**
 * Similar-project detection (보조금법 §6③ 중복 교부 방지; 보조금령 §16의2②6 중복·부정 수급 확인).
 *
 * Method: character bigrams over the normalised text, compared with the Jaccard index.
 * - Normalisation: Unicode NFKC (full-width forms, compatibility jamo), lower case, and everything
 *   but Hangul syllables, Latin letters and digits removed, so spacing (띄어쓰기 varies freely in
 *   Korean) and punctuation do not count.
 * - Why syllable bigrams: Korean words inflect by attaching particles and endings (캠프를, 캠프의),
 *   and compounds are written with or without spaces (진로캠프 / 진로 캠프); word tokens miss both,
 *   while bigrams of syllables keep the stems. Bigrams are the usual unit of Korean full-text
 *   indexing (e.g. the CJK bigram analysers) and need no dictionary or model.
 * - Why Jaccard: |A ∩ B| / |A ∪ B| is explainable to an officer — the shared bigrams can be shown —
 *   and symmetric, so the same pair scores the same from either government.
 * The score of a pair is 0.4 × the 사업명 score + 0.6 × the 사업계획 score; a pair is flagged when
 * it is ≥ the threshold and the periods overlap (a project that ended before the new one starts is
 * history, not a duplicate).
 */
export const SIMILARITY_THRESHOLD = 0.5;
const NAME_WEIGHT = 0.4;

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^0-9a-z\uac00-\ud7a3]/g, '');
}

export function bigrams(text: string): Set<string> {
  const chars = [...normalise(text)];
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

export interface ProjectText {
  readonly projectName: string;
  readonly planSummary: string;
  readonly period: Period;
}

export interface Similarity {
  readonly score: number;
  readonly nameScore: number;
  readonly planScore: number;
  readonly sharedNameBigrams: readonly string[];
  readonly periodsOverlap: boolean;
  readonly flagged: boolean;
}

export function similarity(candidate: ProjectText, other: ProjectText, threshold = SIMILARITY_THRESHOLD): Similarity {
  const nameA = bigrams(candidate.projectName);
  const nameB = bigrams(other.projectName);
  const nameScore = jaccard(nameA, nameB);
  const planScore = jaccard(bigrams(candidate.planSummary), bigrams(other.planSummary));
  const score = round(NAME_WEIGHT * nameScore + (1 - NAME_WEIGHT) * planScore);
  const periodsOverlap = overlaps(candidate.period, other.period);
  return {
    score,
    nameScore: round(nameScore),
    planScore: round(planScore),
    sharedNameBigrams: [...nameA].filter((gram) => nameB.has(gram)).sort(),
    periodsOverlap,
    flagged: periodsOverlap && score >= threshold,
  };
}

/** The first characters of a plan kept with the support history for the comparison (never the whole plan). */
export const planSummaryOf = (plan: string): string => plan.normalize('NFKC').slice(0, 600);
