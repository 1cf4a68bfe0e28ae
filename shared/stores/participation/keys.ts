/**
 * Keys of participatory budgeting: one item collection per government and year (the cycle).
 *
 *   pk PB#{gov}#{year}   sk CYCLE                                 the cycle: state, vote limit, budget cap, counters, result
 *   pk PB#{gov}#{year}   sk PROPOSAL#{proposalId}                 one proposal (who proposed it is stored, never shown)
 *   pk PB#{gov}#{year}   sk VOTE#{cycle}#{resident}#{proposalId}  one vote; its conditional put makes voting exactly-once
 *   pk PB#{gov}#{year}   sk BALLOT#{cycle}#{resident}             votes a resident has cast in the cycle (≤ vote limit)
 *   gsi1 PBRESIDENT#{gov}#{year}#{resident}  PROPOSAL#{id}        a resident's own proposals
 *
 * {resident} is the caller's `sub`, URI-encoded so that a "#" in it cannot make one resident's key
 * prefix match another's.
 */
export const cyclePartition = (gov: string, year: number): string => `PB#${gov}#${year}`;
export const cycleId = (gov: string, year: number): string => `${gov}-${year}`;
const resident = (sub: string): string => encodeURIComponent(sub);

export const cycleKey = (gov: string, year: number) => ({ pk: cyclePartition(gov, year), sk: 'CYCLE' });
export const proposalKey = (gov: string, year: number, proposalId: string) => ({
  pk: cyclePartition(gov, year),
  sk: `PROPOSAL#${proposalId}`,
});
export const proposalPrefix = 'PROPOSAL#';

export const votePrefix = (gov: string, year: number, sub: string): string => `VOTE#${cycleId(gov, year)}#${resident(sub)}#`;
export const voteKey = (gov: string, year: number, sub: string, proposalId: string) => ({
  pk: cyclePartition(gov, year),
  sk: `${votePrefix(gov, year, sub)}${proposalId}`,
});
export const ballotKey = (gov: string, year: number, sub: string) => ({
  pk: cyclePartition(gov, year),
  sk: `BALLOT#${cycleId(gov, year)}#${resident(sub)}`,
});

export const residentProposalsKey = (gov: string, year: number, sub: string): string => `PBRESIDENT#${gov}#${year}#${resident(sub)}`;

/**
 * A proposal listing's cursor: the last sort key returned, base64url. Decoding answers undefined
 * for a token that is not a proposal key, so a cursor can never start a listing elsewhere.
 */
export const encodeProposalCursor = (sortKey: string): string => Buffer.from(sortKey).toString('base64url');
export function decodeProposalCursor(cursor: string): string | undefined {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  return sortKey.startsWith(proposalPrefix) ? sortKey : undefined;
}
