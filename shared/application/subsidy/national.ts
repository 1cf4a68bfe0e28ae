import { exclusionView } from '#shared/application/subsidy/exclusions.ts';
import { invalid } from '#shared/domain/refusal.ts';
import type { IdentifierKind } from '#shared/domain/subsidy/identifiers.ts';
import {
  exclusionsNationwide,
  flaggedDecisionsNationwide,
  grantsOfIdentifier,
  outstandingReturnsNationwide,
  publishedNamesNationwide,
} from '#shared/stores/subsidy/nationwide.ts';
import type { NationwidePage } from '#shared/stores/subsidy/nationwide.ts';

/** The ministry's nationwide reads (보조금법 §28: the 통합관리망 it runs). Read only, a page at a time. */
export interface PageRequest {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const DEFAULT_LIMIT = 100;
const pageOf = (request: PageRequest) => ({ limit: request.limit ?? DEFAULT_LIMIT, cursor: request.cursor });

/** The answer of every nationwide list: the items of the page and `nextCursor` when more may follow. */
function listing<Item, Shown>(page: NationwidePage<Item> | 'foreign-cursor', show: (item: Item) => Shown) {
  if (page === 'foreign-cursor') throw invalid('invalid-cursor', 'the cursor does not continue this listing');
  return { items: page.items.map(show), ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}

export async function recipientGrants(kind: IdentifierKind, value: string, request: PageRequest) {
  return listing(await grantsOfIdentifier({ kind, value }, pageOf(request)), ({ planSummary: _plan, ...grant }) => grant);
}

/**
 * The register. A 명단 공표 happens only through its own case — notice, statement, committee, decision
 * (보조금법 §30③④; 보조금령 §17); a case that names the exclusion (`exclusionRef`) and is published
 * leaves `publication` (government, case, period) on the register entry, and `onPublicList` is true
 * on the days of that period. The names themselves: `GET /subsidies/published-names`.
 */
export async function nationalExclusions(today: string, request: PageRequest) {
  return listing(await exclusionsNationwide(pageOf(request)), (record) => ({
    ...exclusionView(record),
    active: record.from <= today && today <= record.until,
    // what `onPublicList` said before, now from the 명단 공표 case that named this exclusion
    onPublicList: record.publication !== undefined && record.publication.from <= today && today <= record.publication.until,
  }));
}

export async function nationalOutstandingReturns(request: PageRequest) {
  return listing(await outstandingReturnsNationwide(pageOf(request)), (entry) => entry);
}

export async function nationalFlags(request: PageRequest) {
  return listing(await flaggedDecisionsNationwide(pageOf(request)), (entry) => entry);
}

/**
 * The ministry's list: the names every government shows on `on` (공표 by 31 March, for 1 year, up to
 * 1 more by the committee: 보조금법 §30①; 보조금령 §17②), a page at a time, each with its government
 * and, where the case named one, the exclusion (`exclusionRef`).
 */
export async function nationalPublishedNames(on: string, request: PageRequest) {
  return { on, ...listing(await publishedNamesNationwide(on, pageOf(request)), (entry) => entry) };
}
