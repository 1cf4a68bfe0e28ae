import type { VersionWarning } from '#shared/domain/budget/deadlines.ts';
import type { VersionTotals } from '#shared/domain/budget/totals.ts';
import { allowedTransitions } from '#shared/domain/budget/workflow.ts';
import type { VersionState } from '#shared/domain/budget/workflow.ts';

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
}

/** The API view of a version: totals as decimal strings (via bigint serialisation) and the next possible steps. */
export function versionView(version: VersionRecord) {
  const { generation: _generation, totals, ...rest } = version;
  return {
    ...rest,
    expenditureTotal: totals.expenditure,
    revenueTotal: totals.revenue,
    allowedActions: allowedTransitions(version.state).map((t) => t.action),
  };
}
