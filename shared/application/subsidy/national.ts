import { exclusionView } from '#shared/application/subsidy/exclusions.ts';
import { addYears } from '#shared/domain/subsidy/dates.ts';
import type { IdentifierKind } from '#shared/domain/subsidy/identifiers.ts';
import {
  exclusionsNationwide,
  flaggedDecisionsNationwide,
  grantsOfIdentifier,
  outstandingReturnsNationwide,
} from '#shared/stores/subsidy/nationwide.ts';

/** The ministry's nationwide reads (보조금법 §28: the 통합관리망 it runs). Read only. */
export async function recipientGrants(kind: IdentifierKind, value: string) {
  const grants = await grantsOfIdentifier({ kind, value });
  return { items: grants.map(({ planSummary: _plan, ...grant }) => grant) };
}

/** The register; `onPublicList` marks the entries of the 명단 공표 (보조금법 §30; 1 year, 보조금령 §17②). */
export async function nationalExclusions(today: string) {
  const items = await exclusionsNationwide();
  return {
    items: items.map((record) => ({
      ...exclusionView(record),
      active: record.from <= today && today <= record.until,
      onPublicList: record.publish && today <= addYears(record.registeredAt.slice(0, 10), 1),
    })),
  };
}

export async function nationalOutstandingReturns() {
  return { items: await outstandingReturnsNationwide() };
}

export async function nationalFlags() {
  return { items: await flaggedDecisionsNationwide() };
}
