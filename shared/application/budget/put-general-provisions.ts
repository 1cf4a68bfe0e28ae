import { provisionsRefusal } from '#shared/domain/budget/general-provisions.ts';
import type { GeneralProvisions } from '#shared/domain/budget/general-provisions.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { requireEditable, requireVersion, writeRevision } from '#shared/application/budget/require-version.ts';
import type { VersionEdit } from '#shared/application/budget/require-version.ts';
import { readAllLines, versionUpdate } from '#shared/stores/budget/version.ts';

/**
 * Replaces the 예산총칙 parts of an open version (이용 clauses, 명시이월, 계속비, 채무부담행위): edited
 * by whoever edits its lines in its state (the council while it is before it), checked against the
 * version's lines, written on the version item at the next revision — so they are approved with
 * the budget when it is resolved and finalised.
 */
export async function putGeneralProvisions(edit: VersionEdit, provisions: GeneralProvisions) {
  const { request, gov, year, number } = edit;
  const { version } = await requireEditable(edit);
  const lines = new Map((await readAllLines(version)).map((line) => [line.lineId, line]));
  const refused = provisionsRefusal(provisions, lines);
  if (refused) throw new Refused(refused);
  const lost = await writeRevision(request, version, versionUpdate(version, { provisions }), 'putGeneralProvisions');
  if (lost) throw lost;
  return { gov, year, version: number, state: version.state, revision: version.revision + 1, provisions };
}

export async function getGeneralProvisions(gov: string, year: number, number: number) {
  const version = await requireVersion(gov, year, number);
  return { gov, year, version: number, state: version.state, revision: version.revision, provisions: version.provisions };
}
