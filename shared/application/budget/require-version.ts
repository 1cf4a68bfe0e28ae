import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import type { Role } from '#shared/auth/roles.ts';
import { tableName } from '#shared/config/env.ts';
import { revisionConflict, versionNotFound } from '#shared/domain/budget/refusals.ts';
import type { VersionRecord } from '#shared/domain/budget/version.ts';
import { lineEditingRole } from '#shared/domain/budget/workflow.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getVersion } from '#shared/stores/budget/version.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

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

/** An edit of an open version: who asks, which version, at the revision the caller read. */
export interface VersionEdit {
  readonly request: RequestInfo;
  readonly caller: Caller;
  readonly gov: string;
  readonly year: number;
  readonly number: number;
  readonly revision: number;
}

/** The edit a route asks for: the version in its path, at the revision in its body or query. */
export const versionEdit = (
  request: RequestInfo,
  caller: Caller,
  params: { readonly gov: string; readonly year: number; readonly version: number },
  revision: number,
): VersionEdit => ({ request, caller, gov: params.gov, year: params.year, number: params.version, revision });

/** The version at the revision the caller read, and the role in which the caller edits its lines in its state (or the refusal). */
export async function requireEditable({
  caller,
  gov,
  year,
  number,
  revision,
}: VersionEdit): Promise<{ readonly version: VersionRecord; readonly role: Role }> {
  const version = await requireRevision(gov, year, number, revision);
  const editing = lineEditingRole(version.state, caller.roles);
  if (!editing.ok) throw new Refused(editing.refusal);
  return { version, role: editing.role };
}

/**
 * Writes the version's next revision (`update`, a conditional versionUpdate of the revision read)
 * with its audit record; the revision conflict to throw when another write came first, otherwise
 * undefined.
 */
export async function writeRevision(
  request: RequestInfo,
  version: VersionRecord,
  update: TransactItem,
  operation: string,
): Promise<Refused | undefined> {
  const { gov, year, number, revision } = version;
  const outcome = await transact({
    version: update,
    audit: auditPut(tableName(), auditRecord(request, { gov, operation, target: `budget-version ${gov}/${year}/${number}` })),
  });
  return outcome.ok ? undefined : lostRevision(gov, year, number, revision, revision + 1);
}
