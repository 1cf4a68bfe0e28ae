import { exclusionView } from '#shared/application/subsidy/exclusions.ts';
import { invalid } from '#shared/domain/refusal.ts';
import type { IdentifierKind } from '#shared/domain/subsidy/identifiers.ts';
import {
  exclusionsNationwide,
  flaggedDecisionsNationwide,
  grantsOfIdentifier,
  outstandingReturnsNationwide,
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
 * The register. Whether a name is published is not the register's to say: a 명단 공표 happens only
 * through its own case — notice, statement, committee, decision (보조금법 §30③④; 보조금령 §17) — and is
 * read on `GET /governments/{gov}/subsidy-published-names`.
 */
export async function nationalExclusions(today: string, request: PageRequest) {
  return listing(await exclusionsNationwide(pageOf(request)), (record) => ({
    ...exclusionView(record),
    active: record.from <= today && today <= record.until,
  }));
}

export async function nationalOutstandingReturns(request: PageRequest) {
  return listing(await outstandingReturnsNationwide(pageOf(request)), (entry) => entry);
}

export async function nationalFlags(request: PageRequest) {
  return listing(await flaggedDecisionsNationwide(pageOf(request)), (entry) => entry);
}
