import { steps } from '#shared/domain/subsidy/lifecycle.ts';
import type { Step } from '#shared/domain/subsidy/lifecycle.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { ApplicationRecord } from '#shared/stores/subsidy/records.ts';

/**
 * An application as the API shows it. Never a 주민등록번호 (it is not on the record at all) nor the
 * person pseudonym; a recipient does not see the similarity flags, which name other recipients'
 * projects (they are for the deciding officer and the ministry).
 */
export function applicationView(record: ApplicationRecord, role: Role | undefined) {
  const { identifiers: _identifiers, decision, ...rest } = record;
  const allowedSteps = (Object.keys(steps) as Step[]).filter((step) => (steps[step] as readonly string[]).includes(record.state));
  const shownDecision =
    decision && role === 'subsidy_recipient'
      ? { ...decision, flags: [], overrideReason: undefined, flagged: decision.flags.length }
      : decision;
  return { ...rest, ...(shownDecision ? { decision: shownDecision } : {}), allowedSteps };
}
