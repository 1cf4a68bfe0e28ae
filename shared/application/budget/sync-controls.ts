import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { conflict } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import type { CarryInSource } from '#shared/application/budget/carry-in-source.ts';
import { planVersionControls, writeVersionControls } from '#shared/application/budget/write-control-items.ts';

/** Repeats step 2 of finalisation for a final version whose control items were not all written. */
export async function resumeControlSync(request: RequestInfo, version: VersionRecord, carryIns: CarryInSource): Promise<void> {
  if (version.state !== 'final') throw conflict('version-not-final', `version ${version.number} is ${version.state}, not final`);
  if (version.controlsSynced) return;
  await writeVersionControls(request, version, await planVersionControls(version, carryIns));
}
