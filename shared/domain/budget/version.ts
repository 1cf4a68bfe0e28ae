import type { VersionWarning } from '#shared/domain/budget/deadlines.ts';
import type { VersionTotals } from '#shared/domain/budget/totals.ts';
import { allowedTransitions } from '#shared/domain/budget/workflow.ts';
import type { VersionState } from '#shared/domain/budget/workflow.ts';
import type { Amendments } from '#shared/domain/budget/council-amendments.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';

/** The head's consent to the council's raising or adding 세출 lines (지방자치법 §142③), recorded at `resolve`. */
export interface HeadConsent {
  readonly reference: string;
  readonly date: string;
}

/** One workflow step taken on a version: who took it, under which role, when. */
export interface HistoryEntry {
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly role: string;
  readonly at: string;
}

/** A budget version as stored: the workflow state, the revision every change is conditional on, exact totals. */
export interface VersionRecord {
  readonly gov: string;
  readonly year: number;
  readonly number: number;
  readonly kind: 'original' | 'supplementary';
  readonly title: string;
  readonly state: VersionState;
  readonly revision: number;
  readonly basedOn: number | null;
  readonly generation: string;
  readonly totals: VersionTotals;
  readonly lineCount: number;
  readonly warnings: readonly VersionWarning[];
  readonly history: readonly HistoryEntry[];
  readonly createdAt: string;
  readonly controlsSynced: boolean;
  /** What the council changed while the version was before it (council-amendments.ts). */
  readonly amendments: Amendments;
  /** 예산총칙 이용 clauses, 명시이월, 계속비, 채무부담행위 (general-provisions.ts). */
  readonly provisions: GeneralProvisions;
  readonly headConsent: HeadConsent | null;
}

/** The API view of a version: totals as decimal strings (via bigint serialisation) and the next possible steps. */
export function versionView(version: VersionRecord) {
  const { generation: _generation, totals, provisions: _provisions, ...rest } = version;
  return {
    ...rest,
    expenditureTotal: totals.expenditure,
    revenueTotal: totals.revenue,
    allowedActions: allowedTransitions(version.state).map((t) => t.action),
  };
}
