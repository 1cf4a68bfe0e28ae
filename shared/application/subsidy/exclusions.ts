import { auditRecord } from '#shared/audit/audit-record.ts';
import { identifierSecret, newId, requireWritten } from '#shared/application/subsidy/common.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { isRefusal } from '#shared/domain/subsidy/committee.ts';
import { exclusionPeriod } from '#shared/domain/subsidy/exclusion.ts';
import type { ExclusionInput as ExclusionTerms } from '#shared/domain/subsidy/exclusion.ts';
import { digitsOnly, personPseudonym } from '#shared/domain/subsidy/identifiers.ts';
import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { insertExclusion } from '#shared/stores/subsidy/nationwide.ts';
import type { ExclusionRecord } from '#shared/stores/subsidy/records.ts';

export interface ExclusionInput extends ExclusionTerms {
  readonly violation: string;
  readonly identity: {
    readonly name: string;
    readonly businessNumber?: string | undefined;
    readonly corporateNumber?: string | undefined;
    readonly representative?: { readonly name: string; readonly residentNumber: string } | undefined;
  };
}

/**
 * 수행 배제·교부 제한 by the head of the government (보조금법 §32), registered at once under every
 * identifier (보조금령 §19⑤), so every other government's next decision sees it (§32⑥⑦).
 */
export async function registerExclusion(request: RequestInfo, gov: string, input: ExclusionInput): Promise<ExclusionRecord> {
  const period = exclusionPeriod(input);
  if (isRefusal(period)) throw new Refused(period);
  const { identity } = input;
  const identifiers: Identifier[] = [
    ...(identity.businessNumber ? [{ kind: 'brn' as const, value: digitsOnly(identity.businessNumber) }] : []),
    ...(identity.corporateNumber ? [{ kind: 'crn' as const, value: digitsOnly(identity.corporateNumber) }] : []),
    ...(identity.representative
      ? [{ kind: 'person' as const, value: personPseudonym(identity.representative.residentNumber, identifierSecret()) }]
      : []),
  ];
  const record: ExclusionRecord = {
    gov,
    exclusionId: newId('X', request.receivedAt),
    party: input.party,
    ground: input.ground,
    count: input.count,
    ...period,
    name: identity.name,
    identifiers,
    violation: input.violation,
    registeredAt: request.receivedAt,
  };
  const audit = auditRecord(request, {
    gov,
    operation: 'subsidy.exclusion.register',
    target: `subsidy-exclusion ${gov}/${record.exclusionId}`,
  });
  requireWritten(await insertExclusion(record, identity.representative?.residentNumber, audit));
  return record;
}

/** An exclusion as shown: never the identifiers' person pseudonym. */
export const exclusionView = ({ identifiers, ...record }: ExclusionRecord) => ({
  ...record,
  identifiers: identifiers.filter((id) => id.kind !== 'person'),
});
