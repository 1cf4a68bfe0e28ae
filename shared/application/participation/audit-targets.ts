/**
 * What participation's audit records name as changed. A vote names the cycle, never the
 * proposal, so the audit trail shows that a resident voted but not for what.
 */
export const cycleTarget = (gov: string, year: number): string => `participation-cycle ${gov}/${year}`;
export const proposalTarget = (gov: string, year: number, proposalId: string): string =>
  `participation-proposal ${gov}/${year}/${proposalId}`;
