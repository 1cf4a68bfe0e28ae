import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The 지방보조금관리위원회's 심의 (보조금법 §26; §8②: after a 공모, before the decision).
 * The committee is not a user of the system: its secretariat, the budget office, records each
 * meeting's decision (who sat, who was recused, the vote, the amount and conditions). The rules:
 * - at most 15 members (§26③);
 * - a member with an interest in the application is recused (§26⑦–⑨) and does not count as present;
 * - the meeting opens with a majority of the registered members present, and decides by a majority
 *   of those present (§26⑪).
 */
export interface CommitteeRecord {
  readonly meetingDate: string;
  readonly registered: number;
  readonly present: readonly string[];
  readonly recused: readonly string[];
  readonly inFavour: number;
  readonly approvedAmount: number;
  readonly conditions: readonly string[];
}

export type CommitteeOutcome = { readonly passed: boolean; readonly voting: number };

export function committeeOutcome(record: CommitteeRecord): Refusal | CommitteeOutcome {
  const recused = new Set(record.recused);
  const voting = record.present.filter((member) => !recused.has(member)).length;
  if (record.registered > 15 || voting > record.registered || record.inFavour > voting) {
    return refusal('unprocessable', 'invalid-committee-record', 'the committee record does not add up', {
      rule: 'registered ≤ 15 (§26③), voting ≤ registered, inFavour ≤ voting',
      numbers: { registered: record.registered, voting, inFavour: record.inFavour },
    });
  }
  if (voting * 2 <= record.registered) {
    return refusal(
      'unprocessable',
      'committee-quorum-not-met',
      'a majority of the registered members must sit (recused members do not count)',
      {
        rule: 'present − recused > registered / 2 (보조금법 §26⑪)',
        numbers: { registered: record.registered, present: record.present.length, recused: recused.size, voting },
      },
    );
  }
  return { passed: record.inFavour * 2 > voting, voting };
}

export const isRefusal = (value: Refusal | object): value is Refusal => 'code' in value && 'kind' in value;
