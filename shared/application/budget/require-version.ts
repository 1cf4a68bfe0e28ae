import { revisionConflict, versionNotFound } from '#shared/domain/budget/refusals.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { getVersion } from '#shared/stores/budget/version.ts';

/** The version, or 404 `version-not-found`. */
export async function requireVersion(gov: string, year: number, number: number): Promise<VersionRecord> {
  const version = await getVersion(gov, year, number);
  if (!version) throw new Refused(versionNotFound(gov, year, number));
  return version;
}

/** The version at the revision the caller read, or 404 / 409 `revision-conflict`. */
export async function requireRevision(gov: string, year: number, number: number, revision: number): Promise<VersionRecord> {
  const version = await requireVersion(gov, year, number);
  if (version.revision !== revision) throw new Refused(revisionConflict(number, revision, version.revision));
  return version;
}

/** After a conditional write on the version failed: the revision conflict, with the revision now stored. */
export async function lostRevision(gov: string, year: number, number: number, sent: number, fallback: number): Promise<Refused> {
  const current = await getVersion(gov, year, number);
  return new Refused(revisionConflict(number, sent, current?.revision ?? fallback));
}
