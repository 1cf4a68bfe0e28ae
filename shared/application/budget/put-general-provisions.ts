import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { tableName } from '#shared/config/env.ts';
import { provisionsRefusal } from '#shared/domain/budget/general-provisions.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import { lineEditingRole } from '#shared/domain/budget/workflow.ts';
import { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { lostRevision, requireRevision, requireVersion } from '#shared/application/budget/require-version.ts';
import { readAllLines, versionUpdate } from '#shared/stores/budget/version.ts';
import { transact } from '#shared/stores/table/transact.ts';

/**
 * Replaces the 예산총칙 parts of an open version (이용 clauses, 명시이월, 계속비, 채무부담행위): edited
 * by whoever edits its lines in its state (the council while it is before it), checked against the
 * version's lines, written on the version item at the next revision — so they are approved with
 * the budget when it is resolved and finalised.
 */
export async function putGeneralProvisions(
  request: RequestInfo,
  caller: Caller,
  gov: string,
  year: number,
  number: number,
  revision: number,
  provisions: GeneralProvisions,
) {
  const version = await requireRevision(gov, year, number, revision);
  const editing = lineEditingRole(version.state, caller.roles);
  if (!editing.ok) throw new Refused(editing.refusal);
  const lines = new Map((await readAllLines(version)).map((line) => [line.lineId, line]));
  const refused = provisionsRefusal(provisions, lines);
  if (refused) throw new Refused(refused);
  const outcome = await transact({
    version: versionUpdate(version, { provisions }),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'putGeneralProvisions', target: `budget-version ${gov}/${year}/${number}` }),
    ),
  });
  if (!outcome.ok) throw await lostRevision(gov, year, number, revision, revision + 1);
  return { gov, year, version: number, state: version.state, revision: version.revision + 1, provisions };
}

export async function getGeneralProvisions(gov: string, year: number, number: number) {
  const version = await requireVersion(gov, year, number);
  return { gov, year, version: number, state: version.state, revision: version.revision, provisions: version.provisions };
}
