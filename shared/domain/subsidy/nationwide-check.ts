import { addYears, type Period } from '#shared/domain/subsidy/dates.ts';
import { exclusionActive } from '#shared/domain/subsidy/exclusion.ts';
import type { ExclusionGround, ExclusionParty } from '#shared/domain/subsidy/exclusion.ts';
import { identifierLabel } from '#shared/domain/subsidy/identifiers.ts';
import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';
import { similarity } from '#shared/domain/subsidy/similarity.ts';
import type { ProjectText } from '#shared/domain/subsidy/similarity.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The check at every 교부결정, across all 243 governments, by identifier (never by name):
 * 1. an active exclusion of any identifier refuses the grant, naming the ground and the period
 *    (보조금법 §32⑦; 보조금령 §19⑥);
 * 2. an unpaid 반환 of the same recipient suspends further grants (보조금법 §33);
 * 3. the recipient's grants of the last 5 years (보조금령 §4②3) with an overlapping period and a
 *    similar 사업명/사업계획 are flagged with their score (보조금법 §6③; 보조금령 §16의2②6). A flag does
 *    not refuse by itself: the deciding officer sees the matches and may decide over them with a
 *    recorded reason; the flags are also kept for the ministry.
 */
export interface HistoryEntry extends ProjectText {
  readonly gov: string;
  readonly year: number;
  readonly applicationId: string;
  readonly amount: number;
  readonly decidedOn: string;
}

export interface ExclusionEntry {
  readonly gov: string;
  readonly exclusionId: string;
  readonly party: ExclusionParty;
  readonly ground: ExclusionGround;
  readonly from: string;
  readonly until: string;
  readonly article: string;
}

export interface ReturnEntry {
  readonly gov: string;
  readonly applicationId: string;
  readonly outstanding: number;
}

export interface IdentifierRecords {
  readonly identifier: Identifier;
  readonly grants: readonly HistoryEntry[];
  readonly exclusions: readonly ExclusionEntry[];
  readonly returns: readonly ReturnEntry[];
}

export interface SimilarMatch {
  readonly gov: string;
  readonly year: number;
  readonly applicationId: string;
  readonly projectName: string;
  readonly period: Period;
  readonly amount: number;
  readonly score: number;
  readonly nameScore: number;
  readonly planScore: number;
  readonly matchedBy: readonly string[];
}

export interface NationwideFindings {
  readonly refusal: Refusal | undefined;
  readonly flags: readonly SimilarMatch[];
}

export const HISTORY_YEARS = 5;

export function nationwideCheck(
  self: { readonly gov: string; readonly applicationId: string } & ProjectText,
  records: readonly IdentifierRecords[],
  on: string,
): NationwideFindings {
  for (const { identifier, exclusions } of records) {
    const active = exclusions.find((entry) => exclusionActive(entry, on));
    if (active) {
      return {
        flags: [],
        refusal: refusal(
          'unprocessable',
          'recipient-excluded',
          `the applicant is excluded from 지방보조사업 until ${active.until} (${active.ground})`,
          {
            rule: '보조금법 §32⑦; 보조금령 §19⑥ — checked by identifier, whatever the name or 대표자',
            matchedBy: identifierLabel(identifier),
            ground: active.ground,
            party: active.party,
            from: active.from,
            until: active.until,
            article: active.article,
            excludedBy: active.gov,
          },
        ),
      };
    }
  }
  const unpaid = records.flatMap((r) => r.returns).filter((entry) => entry.outstanding > 0);
  if (unpaid.length > 0) {
    const seen = new Map(unpaid.map((entry) => [`${entry.gov}/${entry.applicationId}`, entry]));
    const outstanding = [...seen.values()].reduce((sum, entry) => sum + entry.outstanding, 0);
    return {
      flags: [],
      refusal: refusal(
        'unprocessable',
        'subsidy-returns-outstanding',
        'the applicant has not paid back a 반환 ordered earlier; further grants are suspended',
        {
          rule: '보조금법 §33 (다른 지방보조금 교부의 일시 정지)',
          outstanding,
          returns: [...seen.values()],
        },
      ),
    };
  }
  const since = addYears(on, -HISTORY_YEARS);
  const matches = new Map<string, SimilarMatch>();
  for (const { identifier, grants } of records) {
    for (const entry of grants) {
      const key = `${entry.gov}/${entry.applicationId}`;
      if ((entry.gov === self.gov && entry.applicationId === self.applicationId) || entry.decidedOn < since) continue;
      const found = matches.get(key);
      if (found) {
        matches.set(key, { ...found, matchedBy: [...new Set([...found.matchedBy, identifierLabel(identifier)])] });
        continue;
      }
      const score = similarity(self, entry);
      if (!score.flagged) continue;
      matches.set(key, {
        gov: entry.gov,
        year: entry.year,
        applicationId: entry.applicationId,
        projectName: entry.projectName,
        period: entry.period,
        amount: entry.amount,
        score: score.score,
        nameScore: score.nameScore,
        planScore: score.planScore,
        matchedBy: [identifierLabel(identifier)],
      });
    }
  }
  return { refusal: undefined, flags: [...matches.values()].sort((a, b) => b.score - a.score) };
}

/** A decision over flags needs the officer's reason (recorded with the decision and shown to the ministry). */
export function flagsRefusal(flags: readonly SimilarMatch[], overrideReason: string | undefined): Refusal | undefined {
  if (flags.length === 0 || (overrideReason !== undefined && overrideReason.trim().length >= 10)) return undefined;
  return refusal(
    'conflict',
    'similar-grant-unresolved',
    `${flags.length} similar grant(s) of the same or a related recipient overlap this project; decide with a reason (≥ 10 characters) or not at all`,
    {
      rule: '보조금법 §6③ 중복 교부 방지 — a decision over a flag records its reason',
      flags,
    },
  );
}
